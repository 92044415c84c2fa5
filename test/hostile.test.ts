import { describe, expect, it } from "vitest";
import { evaluateClause } from "../src/evaluate-clause.js";
import { evaluate } from "../src/evaluate.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { DRAFT_EDITION } from "../src/measures/edition-draft.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CODE = "91110117MA01ABCD1" + (usccCheckCharacter("91110117MA01ABCD1") as string);
const park = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" };

function thrown(fn: () => unknown): PolicyValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return error as PolicyValidationError;
  }
  throw new Error("expected a PolicyValidationError");
}

describe("hostile input", () => {
  it("__proto__, constructor and prototype keys neither pollute Object.prototype nor change a result", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const input = JSON.parse(`{"usedArea":"3000","annualOnlineRetail":"500000000","investment":"3333333.35","${key}":{"polluted":true}}`);
      const error = thrown(() => evaluateClause("art3.1", input));
      expect(error.issues[0]?.code).toBe("unknown_field");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    const app = JSON.parse(
      `{"applicant":{"name":"x","creditCode":"${CODE}","registeredInPinggu":true,"liveCommerceBusiness":true,"__proto__":{"polluted":1}},"claims":[]}`,
    );
    expect(() => evaluate(app, EDITION)).toThrow(PolicyValidationError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a 10 MB string is refused with a short message, and a 10 MB key is shortened in the path and its segments", () => {
    const huge = "9".repeat(10_000_000);
    const value = thrown(() => evaluateClause("art3.1", { ...park, investment: huge }));
    expect(value.message.length).toBeLessThan(2000);
    const key = thrown(() => evaluateClause("art3.1", { ...park, [huge]: 1 }));
    expect(key.message.length).toBeLessThan(2000);
    expect(JSON.stringify(key.issues).length).toBeLessThan(5000);
  });

  it("a 10,000-deep nested object is refused at its first level, without a stack overflow", () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { nested: deep };
    const error = thrown(() => evaluateClause("art3.1", { ...park, usedArea: deep }));
    expect(error.issues[0]?.path).toBe("usedArea");
    expect(() => evaluate({ applicant: deep, claims: [] }, EDITION)).toThrow(PolicyValidationError);
  });

  it("a Map, a Set or a class instance given as facts is named as such", () => {
    class Facts {
      usedArea = "3000";
    }
    expect(thrown(() => evaluateClause("art3.1", new Map())).issues[0]?.received).toBe("a Map");
    expect(thrown(() => evaluateClause("art3.1", new Set())).issues[0]?.received).toBe("a Set");
    expect(thrown(() => evaluateClause("art3.1", new Facts())).issues[0]?.received).toBe("an instance of Facts");
  });

  it("the default edition is deeply frozen: a caller cannot change a cap or a switch", () => {
    expect(Object.isFrozen(DRAFT_EDITION)).toBe(true);
    expect(Object.isFrozen(DRAFT_EDITION.parameters["art3.1"])).toBe(true);
    expect(Object.isFrozen(DRAFT_EDITION.parameters["art3.1"].minUsedArea)).toBe(true);
    expect(() => {
      (DRAFT_EDITION.parameters["art3.1"] as { capPerPark: string }).capPerPark = "99999999";
    }).toThrow(TypeError);
    expect(() => {
      (DRAFT_EDITION.switches as { rounding: string }).rounding = "yuan-half-up";
    }).toThrow(TypeError);
    expect(evaluateClause("art3.1", park).amount).toBe("1000000.01");
  });
});
