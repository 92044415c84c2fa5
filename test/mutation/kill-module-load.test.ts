/**
 * The clause modules and the edition load, inside a test. Stryker's vitest runner counts a mutant that
 * makes a module throw while it loads (a schema built from `undefined`, a Map built from undefined
 * entries, a deep-freeze that never ends) as *survived*: every test file that imports the module fails
 * to load, so no test result reports a failure (Stryker shows "0 tests completed"). Importing the
 * modules here, inside `it`, turns such a crash into a failing test. The imports are dynamic on purpose:
 * a static import would fail the whole file before any test runs. Nothing else may be imported from
 * src/ at the top of this file, for the same reason.
 *
 * Each test also checks a figure of INTERPRETATION.md the module exposes, so that it is not only a
 * smoke test.
 */
import { describe, expect, it } from "vitest";
import { SPEC_CLAUSE_IDS } from "../spec-clause-ids.js";

describe("the measures load", () => {
  it("registry: the fourteen clause ids of INTERPRETATION.md §6, in the order of the text", async () => {
    const registry = await import("../../src/measures/registry.js");
    expect(registry.listClauseIds()).toEqual([...SPEC_CLAUSE_IDS]);
    expect(registry.getRule("art7.2").id).toBe("art7.2");
    expect(registry.isClauseId("art3.3")).toBe(true);
  });

  it("edition: the switches of the ambiguity register (§7, and A12, A16, A17 of §8), each with its default first", async () => {
    const { SWITCH_VALUES } = await import("../../src/measures/edition.js");
    const register = Object.fromEntries(Object.entries(SWITCH_VALUES).map(([name, entry]) => [entry.register, [name, entry.values[0]]]));
    expect(register).toEqual({
      A1: ["validityEnd", "day-before-anniversary"],
      A2: ["incrementCounting", "full-increments"],
      A3: ["art3_2MofcomAlone", "qualifies"],
      A4: ["art4_1ProductFlows", "at-least-one"],
      A5: ["art5_1CapScope", "per-year"],
      A6: ["art3_2CapScope", "per-term"],
      A7: ["intraMeasuresDuplicates", "highest"],
      A8: ["interestDayCount", "actual/360"],
      A9: ["rounding", "fen-half-up"],
      A10: ["annualCapYear", "fact-year"],
      A11: ["thresholdWords", "civil-code"],
      A12: ["art4_1InvestmentCapScope", "per-term"],
      A16: ["art7_2InterestPeriod", "clipped-to-window"],
      A17: ["art6_2ProjectScope", "one-time"],
    });
    // Every alternative the register names is offered.
    expect(SWITCH_VALUES.validityEnd.values).toContain("civil-code-anniversary");
    expect(SWITCH_VALUES.incrementCounting.values).toContain("pro-rata");
    expect(SWITCH_VALUES.art3_2MofcomAlone.values).toContain("requires-municipal");
    expect(SWITCH_VALUES.art4_1ProductFlows.values).toContain("both");
    expect(SWITCH_VALUES.art5_1CapScope.values).toContain("per-term");
    expect(SWITCH_VALUES.art3_2CapScope.values).toContain("per-year");
    expect(SWITCH_VALUES.intraMeasuresDuplicates.values).toEqual(["highest", "first-claimed", "allow"]);
    expect(SWITCH_VALUES.interestDayCount.values).toContain("actual/365");
    expect(SWITCH_VALUES.rounding.values).toEqual(expect.arrayContaining(["fen-half-even", "yuan-half-up"]));
    expect(SWITCH_VALUES.annualCapYear.values).toContain("payment-year");
    expect(SWITCH_VALUES.thresholdWords.values).toContain("edition");
    expect(SWITCH_VALUES.art4_1InvestmentCapScope.values).toEqual(["per-term", "per-year", "per-project"]);
    expect(SWITCH_VALUES.art6_2ProjectScope.values).toEqual(["one-time", "cumulative"]);
  });

  it("the draft edition: deeply frozen, valid two years, art3.1's cap 2,000,000", async () => {
    const { DRAFT_EDITION } = await import("../../src/measures/edition-draft.js");
    expect(DRAFT_EDITION.validityYears).toBe(2);
    expect(DRAFT_EDITION.parameters["art3.1"].capPerPark).toBe("2000000");
    expect(Object.isFrozen(DRAFT_EDITION)).toBe(true);
    expect(Object.isFrozen(DRAFT_EDITION.parameters["art3.1"].minUsedArea)).toBe(true);
  });

  it("derive-edition: an override with a negative threshold, a parameter and a switch", async () => {
    const { deriveEdition } = await import("../../src/measures/derive-edition.js");
    const edition = deriveEdition({
      parameters: { "art3.3": { minAnnualOnlineRetail: { value: "-5" }, cap: "600000" } },
      switches: { interestDayCount: "actual/365" },
    });
    expect(edition.parameters["art3.3"].minAnnualOnlineRetail).toEqual({ value: "-5", word: "超过" });
    expect(edition.parameters["art3.3"].cap).toBe("600000");
    expect(edition.switches.interestDayCount).toBe("actual/365");
    // Thresholds may be negative down to −1,000,000,000,000 (growth rates), and no further.
    expect(() => deriveEdition({ parameters: { "art3.3": { minAnnualOnlineRetail: { value: "-1000000000001" } } } })).toThrow(
      /minAnnualOnlineRetail\.value/,
    );
  });

  it("evaluate-clause and evaluate: the whole chain loads and decides art3.2-mofcom (200,000)", async () => {
    const { evaluateClause } = await import("../../src/evaluate-clause.js");
    expect(evaluateClause("art3.2-mofcom", { mofcomRecognition: true }).amount).toBe("200000.00");
  });

  it("application: the document's schema and its fast reader load and read a fixture", async () => {
    const { applicationSchema, readApplicationFast } = await import("../../src/application.js");
    const { readFileSync } = await import("node:fs");
    const document = JSON.parse(readFileSync(new URL("../../fixtures/applications/park-operator.json", import.meta.url), "utf8")) as unknown;
    const fast = readApplicationFast(document) as { applicant: { name: string }; claims: unknown[] } | undefined;
    expect(fast?.applicant.name).toBe("北京平谷数字直播产业园运营管理有限公司");
    expect(applicationSchema.parse(document).claims.length).toBe(fast?.claims.length);
  });

  it("schemas: the decision schema (its switches built from SWITCH_VALUES at load) names every switch of the register", async () => {
    const { decisionJsonSchema } = await import("../../src/schemas.js");
    const { SWITCH_VALUES } = await import("../../src/measures/edition.js");
    const schema = decisionJsonSchema() as { properties: { edition: { properties: { switches: { properties: Record<string, { enum: string[] }> } } } } };
    const switches = schema.properties.edition.properties.switches.properties;
    expect(Object.keys(switches).sort()).toEqual(Object.keys(SWITCH_VALUES).sort());
    expect(Object.keys(switches)).toContain("art6_2ProjectScope");
    expect(switches.rounding?.enum).toEqual(["fen-half-up", "fen-half-even", "yuan-half-up"]);
  });
});
