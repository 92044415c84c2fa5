/**
 * src/evaluate.ts, a claim's explanation written when first read (`crossClaimCaps`, `reasons`,
 * `clause`: shared accessors, see `claimDecision` and `lazyAccessor`), and what a decision shares:
 * one citation object per clause, one validity window per edition, empty hashes without a stamp.
 * Written for the survivors of the session-4 Stryker run (docs/quality.md, "This evening's changed
 * files (session 4)").
 */
import { describe, expect, it, vi } from "vitest";
import { type ClaimDecision, type Decision, decide, evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

type Writable = { -readonly [K in keyof ClaimDecision]: ClaimDecision[K] };

/** Seven sessions of 4,500,000 (45,000 each): the seventh meets the 300,000 annual cap with 30,000 left. */
function application(): Record<string, unknown> {
  const claims = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    id: `s${n}`,
    clauseId: "art4.1-session",
    factDate: `2025-0${n + 2}-10`,
    input: { pingguGoodsSpecialSession: true, sessionTurnover: "4500000" },
  }));
  return { applicant: applicant(), claims };
}

function seventh(decision: Decision = evaluate(application(), EDITION)): Writable {
  const found = decision.claims.find((c) => c.claimId === "s7");
  if (found === undefined) throw new Error("no claim s7");
  return found as Writable;
}

const S7_CAP = {
  id: "art4.1-session/per-enterprise-per-year",
  scope: "per-enterprise-per-year",
  period: "2025",
  limit: "300000.00",
  headroomBefore: "30000.00",
  headroomAfter: "0.00",
  bit: true,
};

describe("each part of the explanation is kept under its own name", () => {
  it("crossClaimCaps read after the reasons are its own entries", () => {
    // Mutant: the accessor's key "crossClaimCaps" → "": once another part has been written, the record
    // has no entry under "" that is still unwritten, and the read gives undefined.
    const s7 = seventh();
    expect(s7.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
    expect(s7.crossClaimCaps).toEqual([S7_CAP]);
  });

  it("a part assigned first leaves the others to be written when read", () => {
    // Mutant: the record made by an assignment → `{}` (no part marked unwritten): the other parts read
    // as undefined.
    const s7 = seventh();
    s7.reasons = [];
    expect(s7.clause.status).toBe("eligible");
    expect(s7.clause.amount).toBe("45000.00");
    expect(s7.crossClaimCaps).toEqual([S7_CAP]);
    expect(s7.reasons).toEqual([]);
  });
});

describe("the fields behave like data fields", () => {
  it("can be deleted", () => {
    // Mutant: the accessors' `configurable: true` → false: `delete` throws in strict code.
    const s7 = seventh();
    expect(Object.getOwnPropertyDescriptor(s7, "clause")?.configurable).toBe(true);
    expect(delete (s7 as Partial<Writable>).clause).toBe(true);
    expect("clause" in s7).toBe(false);
    expect(Object.keys(s7)).not.toContain("clause");
    expect(s7.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
  });

  it("one part read, then a deep freeze through every own key (symbols too): the other parts still read", async () => {
    // Mutant: shownPart's `shown !== null && !Object.isFrozen(shown)` → ||: the part is kept by writing
    // into the record the freeze has frozen, which throws in strict code.
    // Such a freeze reaches, through the decision's record, the library's own rule objects and their zod
    // schemas, which zod then cannot finish setting up (docs/quality.md, session 4, Findings). So it is
    // done on a copy of the library loaded for this test alone, and the copy is dropped afterwards.
    vi.resetModules();
    try {
      const lazy = await import("../../src/evaluate.js");
      const { deriveEdition: derive } = await import("../../src/measures/derive-edition.js");
      const s7 = seventh(lazy.evaluate(application(), derive({ publishedOn: "2025-03-01" })));
      expect(s7.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
      const seen = new Set<object>();
      const deepFreeze = (value: unknown): void => {
        if (typeof value !== "object" || value === null || seen.has(value)) return;
        seen.add(value);
        Object.freeze(value);
        for (const key of Reflect.ownKeys(value)) {
          const descriptor = Object.getOwnPropertyDescriptor(value, key);
          if (descriptor !== undefined && "value" in descriptor) deepFreeze(descriptor.value);
        }
      };
      deepFreeze(s7);
      expect(s7.clause.amount).toBe("45000.00");
      expect(s7.crossClaimCaps).toEqual([S7_CAP]);
      expect(s7.clause).toEqual(s7.clause);
    } finally {
      vi.resetModules();
    }
  });

  it("assigning a field of a frozen decision throws the TypeError of a read-only field, naming it", () => {
    // Mutants: the refusal's test `shown === null || Object.isFrozen(shown)` → false or &&: the setter
    // writes into null instead ("Cannot set properties of null"); its message → "".
    const s7 = seventh();
    Object.freeze(s7);
    expect(() => {
      s7.reasons = [];
    }).toThrow(new TypeError("Cannot assign to read only property 'reasons' of object"));
    expect(() => {
      s7.crossClaimCaps = [];
    }).toThrow(new TypeError("Cannot assign to read only property 'crossClaimCaps' of object"));
    expect(s7.crossClaimCaps).toEqual([S7_CAP]);
  });
});

describe("what decisions share", () => {
  it("the claims of one clause cite it with one frozen object", () => {
    // Mutant: clauseCitation's `citation === undefined` → true: a new object for every claim.
    const decision = evaluate(application(), EDITION);
    const first = decision.claims[0]?.citations[0];
    expect(first).toBeDefined();
    expect(Object.isFrozen(first)).toBe(true);
    for (const c of decision.claims) expect(c.citations[0]).toBe(first);
    expect(evaluate(application(), EDITION).claims[0]?.citations[0]).toBe(first);
  });

  it("decisions under one edition share its frozen validity window", () => {
    // Mutant: windowOf's `window === undefined` → true: a new window for every evaluation.
    const one = evaluate(application(), EDITION);
    const two = evaluate(application(), EDITION);
    expect(one.window).toBe(two.window);
    expect(Object.isFrozen(one.window)).toBe(true);
  });

  it("decide() without a stamp leaves both hashes empty", () => {
    // Uncovered before: the `stamp ? … : ""` branches (→ "Stryker was here!").
    const decision = decide(application(), EDITION, false);
    expect(decision.audit.editionHash).toBe("");
    expect(decision.audit.inputHash).toBe("");
    expect(decide(application(), EDITION, true).audit.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
