/**
 * The decision document is plain, frozen data: every field a data field (no getters), every object the
 * evaluation made frozen, nothing of the library or of the caller's input reachable from it; a claim's
 * explanation (`crossClaimCaps`, `reasons`, `clause`) written with the document, by the second pass.
 */
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../src/evaluate-clause.js";
import { type ClaimDecision, type Decision, evaluate } from "../src/evaluate.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CODE = "91110117MA01ABCD1" + (usccCheckCharacter("91110117MA01ABCD1") as string);

const FIELDS = [
  "claimId",
  "clauseId",
  "factDate",
  "year",
  "sequence",
  "status",
  "amount",
  "amountBeforeCrossClaimCaps",
  "crossClaimCaps",
  "paidInstead",
  "citations",
  "reasons",
  "clause",
];

function sessions(turnovers: readonly string[]) {
  return turnovers.map((turnover, i) => ({
    id: `s${i + 1}`,
    clauseId: "art4.1-session",
    factDate: `2025-0${i + 3}-10`,
    input: { pingguGoodsSpecialSession: true, sessionTurnover: turnover },
  }));
}

function applicationOf(claims: unknown[]) {
  return {
    applicant: { name: "北京平谷示例直播电商有限公司", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true },
    claims,
  };
}

/** Six sessions of 4,500,000 (45,000 each under the 300,000 annual cap: the seventh is cut to 30,000), one below the threshold, one without turnover. */
function mixed(): { raw: ReturnType<typeof applicationOf>; decision: Decision } {
  const claims: unknown[] = sessions(["4500000", "4500000", "4500000", "4500000", "4500000", "4500000", "4500000"]);
  claims.push({ id: "low", clauseId: "art4.1-session", factDate: "2025-03-11", input: { pingguGoodsSpecialSession: true, sessionTurnover: "999999.99" } });
  claims.push({ id: "unknown", clauseId: "art4.1-session", factDate: "2025-03-12", input: { pingguGoodsSpecialSession: true } });
  const raw = applicationOf(claims);
  return { raw, decision: evaluate(raw, EDITION) };
}

/** Every object reachable from `value` (own keys, symbols too), each once. */
function objectsIn(value: unknown, seen = new Set<object>()): Set<object> {
  if (typeof value !== "object" || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    objectsIn(descriptor.value, seen);
  }
  return seen;
}

function claim(decision: Decision, id: string): ClaimDecision {
  const found = decision.claims.find((c) => c.claimId === id);
  if (found === undefined) throw new Error(`no claim ${id}`);
  return found;
}

describe("the decision document", () => {
  it("has the fields of a decision, in their order, and nothing else an enumeration sees", () => {
    const { decision } = mixed();
    for (const c of decision.claims) expect(Reflect.ownKeys(c)).toEqual(FIELDS);
  });

  it("is plain data: every property of every object in it is a data property, none a getter", () => {
    const { decision } = mixed();
    for (const object of objectsIn(decision)) {
      for (const key of Reflect.ownKeys(object)) {
        const descriptor = Object.getOwnPropertyDescriptor(object, key) as PropertyDescriptor;
        expect("value" in descriptor, String(key)).toBe(true);
        expect(descriptor.get, String(key)).toBeUndefined();
      }
    }
  });

  it("is frozen all the way down: the document, each claim, its clause, reasons, caps, steps and conditions", () => {
    const { decision } = mixed();
    const objects = objectsIn(decision);
    expect(objects.size).toBeGreaterThan(100);
    for (const object of objects) expect(Object.isFrozen(object)).toBe(true);
    const s7 = claim(decision, "s7") as { -readonly [K in keyof ClaimDecision]: ClaimDecision[K] };
    expect(() => {
      s7.status = "awarded";
    }).toThrow(TypeError);
    expect(() => {
      (s7.reasons as unknown[]).push("x");
    }).toThrow(TypeError);
    expect(() => {
      (decision.totals as { overall: string }).overall = "0.00";
    }).toThrow(TypeError);
  });

  it("explains the clause exactly as evaluateClause does for the same facts (eligible, ineligible, undetermined)", () => {
    const { raw, decision } = mixed();
    for (const c of decision.claims) {
      const input = (raw.claims.find((x) => (x as { id: string }).id === c.claimId) as { input: unknown }).input;
      expect(c.clause, c.claimId).toEqual(evaluateClause("art4.1-session", input, { edition: EDITION }));
    }
    expect(claim(decision, "low").clause.status).toBe("ineligible");
    expect(claim(decision, "unknown").clause.status).toBe("undetermined");
  });

  it("gives a refused claim its clause's reasons, with their texts", () => {
    const { decision } = mixed();
    expect(claim(decision, "low").reasons.map((r) => r.code)).toEqual(["THRESHOLD_NOT_MET"]);
    expect(claim(decision, "low").reasons[0]?.zh).toContain("不成立");
    expect(claim(decision, "unknown").reasons.map((r) => r.code)).toEqual(["FACTS_MISSING"]);
  });

  it("writes the cap across claims that bit, entry and reason, from the numbers the ledger gave", () => {
    const { decision } = mixed();
    const s7 = claim(decision, "s7");
    expect(s7.status).toBe("reduced");
    expect(s7.amount).toBe("30000.00");
    expect(s7.crossClaimCaps).toEqual([
      { id: "art4.1-session/per-enterprise-per-year", scope: "per-enterprise-per-year", period: "2025", limit: "300000.00", headroomBefore: "30000.00", headroomAfter: "0.00", bit: true },
    ]);
    expect(s7.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
    expect(s7.reasons[0]?.en).toContain("45000.00 reduced to 30000.00");
    expect(claim(decision, "s1").crossClaimCaps[0]).toMatchObject({ headroomBefore: "300000.00", headroomAfter: "255000.00", bit: false });
  });

  it("does not change when the caller changes the input after the evaluation", () => {
    const { raw, decision } = mixed();
    const before = JSON.stringify(decision);
    const facts = (raw.claims[0] as { input: { sessionTurnover: string } }).input;
    facts.sessionTurnover = "9000000";
    (raw.claims[0] as { clauseId: string }).clauseId = "art3.1";
    expect(JSON.stringify(decision)).toBe(before);
    expect(claim(decision, "s1").clause.steps[0]?.operands).toContain("4500000");
  });

  it("is read by JSON.stringify, structuredClone, spreading and deep equality like any other data", () => {
    const { decision } = mixed();
    const viaJson = JSON.parse(JSON.stringify(decision)) as Decision;
    expect(viaJson).toEqual(decision);
    expect(structuredClone(decision)).toEqual(viaJson);
    const s7 = claim(decision, "s7");
    const spread = { ...s7 };
    expect(spread.reasons).toBe(s7.reasons);
    expect(JSON.stringify(viaJson.claims[6])).toBe(JSON.stringify(s7));
    expect(Object.keys(JSON.parse(JSON.stringify(s7)) as object)).toEqual(FIELDS);
  });

  it("reaches nothing of the caller's input, and freezing it leaves the library working", () => {
    const { raw, decision } = mixed();
    for (const object of objectsIn(decision)) expect(object).not.toBe((raw.claims[0] as { input: object }).input);
    expect(Object.isFrozen((raw.claims[0] as { input: object }).input)).toBe(false);
    expect(Object.isFrozen(raw)).toBe(false);
    // The library still reads and refuses input as before (its rules and schemas not frozen).
    expect(() => evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "abc" })).toThrow(/sessionTurnover/);
    expect(evaluate(applicationOf(sessions(["4500000"])), EDITION).claims[0]?.amount).toBe("45000.00");
  });

  it("is the same document every time the same application is evaluated", () => {
    expect(JSON.stringify(mixed().decision)).toBe(JSON.stringify(mixed().decision));
  });
});
