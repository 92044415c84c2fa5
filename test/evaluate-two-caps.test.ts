/**
 * A clause with two caps across claims. None of the draft's clauses has two (art4.1-session has a cap
 * per session and one per year), but the evaluator takes any number, in the clause's order, each meeting
 * what the one before left — and writes each one's entry and reason when they are read. Here
 * art4.1-session is given a third cap, over the policy term, by replacing its rule in the registry.
 */
import { describe, expect, it, vi } from "vitest";
import { Dec } from "../src/kernel/decimal.js";
import type { MeasuresRule } from "../src/measures/common.js";

vi.mock("../src/measures/registry.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/measures/registry.js")>();
  const session = original.getRule("art4.1-session");
  const withTermCap: MeasuresRule = {
    ...session,
    caps: (ctx) => [
      ...session.caps(ctx),
      { id: "art4.1-session/test-term", limit: new Dec("100000"), scope: "per-enterprise-per-term", label: { en: "a test cap over the term", zh: "测试用政策期上限" } },
    ],
  };
  return { ...original, getRule: (id: unknown) => (id === "art4.1-session" ? withTermCap : original.getRule(id)) };
});

const { evaluate } = await import("../src/evaluate.js");
const { deriveEdition } = await import("../src/measures/derive-edition.js");
const { usccCheckCharacter } = await import("../src/kernel/uscc.js");

const CODE = "91110117MA01ABCD1" + (usccCheckCharacter("91110117MA01ABCD1") as string);

function decide() {
  const claims = ["s1", "s2", "s3", "s4"].map((id, i) => ({
    id,
    clauseId: "art4.1-session",
    factDate: `2025-0${i + 3}-10`,
    input: { pingguGoodsSpecialSession: true, sessionTurnover: "4500000" },
  }));
  return evaluate(
    { applicant: { name: "测试企业", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true }, claims },
    deriveEdition({ publishedOn: "2025-03-01" }),
  );
}

describe("two caps across claims on one clause", () => {
  it("applies them in the clause's order, each to what the one before left", () => {
    const decision = decide();
    expect(decision.claims.map((c) => [c.claimId, c.status, c.amount])).toEqual([
      ["s1", "awarded", "45000.00"],
      ["s2", "awarded", "45000.00"],
      ["s3", "reduced", "10000.00"],
      ["s4", "reduced", "0.00"],
    ]);
  });

  it("writes both entries, with the headroom of each before and after", () => {
    const s3 = decide().claims[2];
    expect(s3?.crossClaimCaps).toEqual([
      { id: "art4.1-session/per-enterprise-per-year", scope: "per-enterprise-per-year", period: "2025", limit: "300000.00", headroomBefore: "210000.00", headroomAfter: "200000.00", bit: false },
      { id: "art4.1-session/test-term", scope: "per-enterprise-per-term", period: "term", limit: "100000.00", headroomBefore: "10000.00", headroomAfter: "0.00", bit: true },
    ]);
    expect(s3?.reasons.map((r) => [r.code, r.capId])).toEqual([["CROSS_CLAIM_CAP_APPLIED", "art4.1-session/test-term"]]);
    expect(s3?.reasons[0]?.en).toContain("headroom 10000.00 of 100000.00; 45000.00 reduced to 10000.00.");
  });

  it("the second cap meets the amount the first left (both biting)", () => {
    const s4 = decide().claims[3];
    expect(s4?.crossClaimCaps.map((c) => [c.headroomBefore, c.headroomAfter, c.bit])).toEqual([
      ["200000.00", "200000.00", false],
      ["0.00", "0.00", true],
    ]);
    expect(s4?.reasons[0]?.en).toContain("45000.00 reduced to 0.00.");
  });
});
