/**
 * A claim's explanation (`crossClaimCaps`, `reasons`, `clause`) is written when first read, from what
 * the evaluation kept: these tests hold it to the same text as an explanation written at once, and to
 * the behaviour of plain data (JSON, structuredClone, spreading, deep equality, assignment).
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

/** Freeze a value and everything its own data properties reach (every key, symbols too), reading no accessor. */
function deepFreezeByKeys(value: unknown, frozen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || frozen.has(value)) return;
  frozen.add(value);
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && "value" in descriptor) deepFreezeByKeys(descriptor.value, frozen);
  }
}

function claim(decision: Decision, id: string): ClaimDecision {
  const found = decision.claims.find((c) => c.claimId === id);
  if (found === undefined) throw new Error(`no claim ${id}`);
  return found;
}

describe("a claim's explanation, written when read", () => {
  it("has the fields of a decision, in their order, and nothing else an enumeration sees", () => {
    const { decision } = mixed();
    for (const c of decision.claims) {
      expect(Object.keys(c)).toEqual(FIELDS);
      expect(Object.getOwnPropertySymbols(c).filter((s) => Object.getOwnPropertyDescriptor(c, s)?.enumerable)).toEqual([]);
    }
  });

  it("explains the clause exactly as evaluateClause does for the same facts (eligible, ineligible, undetermined)", () => {
    const { raw, decision } = mixed();
    raw.claims.forEach((input, i) => {
      const { clauseId, input: facts } = input as { clauseId: string; input: unknown };
      expect(decision.claims[i]?.clause).toEqual(evaluateClause(clauseId, facts, { edition: EDITION }));
    });
    expect(claim(decision, "low").clause.status).toBe("ineligible");
    expect(claim(decision, "unknown").clause.status).toBe("undetermined");
    expect(claim(decision, "s1").clause.steps.length).toBeGreaterThan(0);
  });

  it("gives a refused claim its clause's reasons, with their texts", () => {
    const { decision } = mixed();
    const low = claim(decision, "low");
    expect(low.status).toBe("ineligible");
    expect(low.reasons).toEqual(low.clause.reasons);
    expect(low.reasons.map((r) => r.code)).toEqual(["THRESHOLD_NOT_MET"]);
    expect(low.reasons[0]?.en).toContain("999999.99");
    expect(claim(decision, "unknown").reasons.map((r) => r.code)).toEqual(["FACTS_MISSING"]);
  });

  it("writes the cap across claims that bit, entry and reason, from the numbers the ledger gave", () => {
    const { decision } = mixed();
    const s7 = claim(decision, "s7");
    expect(s7).toMatchObject({ status: "reduced", amount: "30000.00", amountBeforeCrossClaimCaps: "45000.00" });
    expect(s7.crossClaimCaps).toEqual([
      { id: "art4.1-session/per-enterprise-per-year", scope: "per-enterprise-per-year", period: "2025", limit: "300000.00", headroomBefore: "30000.00", headroomAfter: "0.00", bit: true },
    ]);
    expect(s7.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
    expect(s7.reasons[0]?.en).toContain("headroom 30000.00 of 300000.00; 45000.00 reduced to 30000.00.");
    expect(s7.reasons[0]?.zh).toContain("剩余额度 30000.00（上限 300000.00）；45000.00 核减为 30000.00。");
    // A cap that did not bite is listed without a reason.
    expect(claim(decision, "s1").crossClaimCaps).toMatchObject([{ headroomBefore: "300000.00", headroomAfter: "255000.00", bit: false }]);
    expect(claim(decision, "s1").reasons).toEqual([]);
  });

  it("is written once: reading again gives the same objects", () => {
    const { decision } = mixed();
    const s7 = claim(decision, "s7");
    expect(s7.clause).toBe(s7.clause);
    expect(s7.reasons).toBe(s7.reasons);
    expect(s7.crossClaimCaps).toBe(s7.crossClaimCaps);
  });

  it("does not change when the caller changes the input after the evaluation", () => {
    const { raw, decision } = mixed();
    const facts = (raw.claims[0] as { input: { sessionTurnover: string } }).input;
    facts.sessionTurnover = "9000000";
    (raw.claims[0] as { clauseId: string }).clauseId = "art3.1";
    const s1 = claim(decision, "s1");
    expect(s1.clause.clauseId).toBe("art4.1-session");
    expect(s1.clause.steps[0]?.operands).toContain("4500000");
    expect(s1.clause.amount).toBe("45000.00");
  });

  it("is read by JSON.stringify, structuredClone, spreading and deep equality like any other field", () => {
    const { decision } = mixed();
    const viaJson = JSON.parse(JSON.stringify(decision)) as Decision;
    expect(viaJson).toEqual(decision);
    expect(structuredClone(decision)).toEqual(viaJson);
    const s7 = claim(decision, "s7");
    const spread = { ...s7 };
    expect(Object.getOwnPropertyDescriptor(spread, "clause")).toMatchObject({ writable: true, enumerable: true });
    expect(spread.reasons).toBe(s7.reasons);
    expect(JSON.stringify(viaJson.claims[6])).toBe(JSON.stringify(s7));
    expect(Object.keys(JSON.parse(JSON.stringify(s7)) as object)).toEqual(FIELDS);
  });

  it("can be replaced by assignment, as a data field can (even by undefined)", () => {
    const { decision } = mixed();
    const s7 = claim(decision, "s7") as { -readonly [K in keyof ClaimDecision]: ClaimDecision[K] };
    s7.reasons = [];
    expect(s7.reasons).toEqual([]);
    s7.clause = undefined as unknown as ClaimDecision["clause"];
    expect(s7.clause).toBeUndefined();
    expect("clause" in JSON.parse(JSON.stringify(s7))).toBe(false);
    s7.crossClaimCaps = [];
    expect(s7.crossClaimCaps).toEqual([]);
    // Another claim is untouched.
    expect(claim(decision, "s6").clause.status).toBe("eligible");
  });

  it("a frozen decision refuses assignment, as a frozen data field does, and still explains itself", () => {
    const { decision } = mixed();
    const s7 = claim(decision, "s7") as { -readonly [K in keyof ClaimDecision]: ClaimDecision[K] };
    Object.freeze(s7);
    expect(Object.isFrozen(s7)).toBe(true);
    expect(() => {
      s7.reasons = [];
    }).toThrow(TypeError);
    expect(() => {
      s7.status = "awarded";
    }).toThrow(TypeError);
    expect(s7.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
    expect(s7.clause.amount).toBe("45000.00");
  });

  it("survives a deep freeze that walks every own key, symbols too, without reading the accessors", () => {
    const expected = JSON.stringify(mixed().decision);
    const { decision } = mixed();
    deepFreezeByKeys(decision);
    // Each read writes the explanation again (nothing can be kept): the same text every time.
    expect(JSON.stringify(decision)).toBe(expected);
    expect(JSON.stringify(decision)).toBe(expected);
    const s7 = claim(decision, "s7");
    expect(s7.clause).toEqual(s7.clause);
  });

  it("reaches nothing of the library or of the caller's input: deep-freezing a decision freezes neither", async () => {
    const { raw, decision } = mixed();
    deepFreezeByKeys(decision);
    // The caller's facts are untouched…
    expect(Object.isFrozen((raw.claims[0] as { input: object }).input)).toBe(false);
    // …and the library still reads and refuses input as before (its rules and schemas not frozen).
    expect(() => evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "abc" })).toThrow(/sessionTurnover/);
    expect(evaluate(applicationOf(sessions(["4500000"])), EDITION).claims[0]?.amount).toBe("45000.00");
  });

  it("survives a deep freeze that reads every field first (as Immer's does)", () => {
    const { decision } = mixed();
    const expected = JSON.stringify(decision);
    const deepFreeze = (value: unknown): void => {
      if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
      Object.freeze(value);
      for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    };
    deepFreeze(decision);
    const s7 = claim(decision, "s7");
    expect(s7.clause).toBe(s7.clause);
    expect(JSON.stringify(decision)).toBe(expected);
  });

  it("gives the same texts whichever part is read first", () => {
    const first = claim(mixed().decision, "low");
    const reasonsFirst = first.reasons;
    const second = claim(mixed().decision, "low");
    const clauseFirst = second.clause;
    expect(second.reasons).toEqual(reasonsFirst);
    expect(first.clause).toEqual(clauseFirst);
  });
});
