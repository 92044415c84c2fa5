import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { evaluateClause } from "../src/evaluate-clause.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { listClauseIds } from "../src/measures/registry.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { clauseVerdictSchema, decisionSchema, decisionSummarySchema, jsonSchemaText, SCHEMA_NAMES, type SchemaName } from "../src/schemas.js";

describe("committed JSON Schemas", () => {
  for (const name of SCHEMA_NAMES) {
    it(`schema/${name}.schema.json is up to date (run \`npm run schemas\` if this fails)`, () => {
      const committed = readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), "utf8");
      expect(committed, `schema/${name}.schema.json is stale: run npm run schemas`).toBe(jsonSchemaText(name));
    });
  }

  it("an unknown schema name is refused, listing the names there are", () => {
    expect(() => jsonSchemaText("editions" as SchemaName)).toThrow(PolicyValidationError);
    expect(() => jsonSchemaText("editions" as SchemaName)).toThrow(/"application", "edition", "complete-edition", "decision", "decision-summary", "clause-verdict"/);
  });

  it("the complete edition's schema requires every clause's every parameter and every switch", () => {
    const schema = JSON.parse(jsonSchemaText("complete-edition")) as {
      required: string[];
      properties: { parameters: { required: string[]; properties: Record<string, { required: string[] }> }; switches: { required: string[] } };
    };
    expect(schema.required.sort()).toEqual(["id", "name", "parameters", "publishedOn", "switches", "validUntil", "validityYears", "wordDefinitions"]);
    expect(schema.properties.parameters.required).toEqual(listClauseIds());
    expect(schema.properties.parameters.properties["art3.1"]?.required).toEqual(["minUsedArea", "minAnnualOnlineRetail", "minInvestment", "rate", "capPerPark"]);
  });

  it("the application schema carries every clause's input schema", () => {
    const schema = JSON.parse(jsonSchemaText("application")) as { $defs: Record<string, unknown> };
    expect(Object.keys(schema.$defs).sort()).toEqual(listClauseIds().map((id) => `input-${id}`).sort());
  });
});

describe("the decision schema describes what evaluate() returns", () => {
  it("a decision with awarded, reduced, refused and undetermined claims parses", () => {
    const code = "91110117MA01ABCD1" + (usccCheckCharacter("91110117MA01ABCD1") as string);
    const decision = evaluate(
      {
        applicant: { name: "示例公司", creditCode: code, registeredInPinggu: true, liveCommerceBusiness: true },
        claims: [
          { id: "a", clauseId: "art4.1-session", factDate: "2025-05-01", input: { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" } },
          { id: "b", clauseId: "art4.1-session", factDate: "2025-05-02", input: { pingguGoodsSpecialSession: true, sessionTurnover: "900000" } },
          { id: "c", clauseId: "art4.1-session", factDate: "2025-05-03", input: { pingguGoodsSpecialSession: true } },
          { id: "d", clauseId: "art4.1-session", factDate: "2030-05-03", input: { pingguGoodsSpecialSession: true } },
        ],
        history: [{ id: "g", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "270000" }],
      },
      deriveEdition({ publishedOn: "2025-03-01" }),
    );
    expect(decision.claims.map((c) => c.status)).toEqual(["reduced", "ineligible", "undetermined", "out-of-window"]);
    const parsed = decisionSchema.safeParse(JSON.parse(JSON.stringify(decision)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });

  it("a decision summary parses with the summary's schema, and not with the decision's (nor the reverse)", () => {
    const code = "91110117MA01ABCD1" + (usccCheckCharacter("91110117MA01ABCD1") as string);
    const application = {
      applicant: { name: "示例公司", creditCode: code, registeredInPinggu: true, liveCommerceBusiness: true },
      claims: [
        { id: "a", clauseId: "art4.1-session", factDate: "2025-05-01", input: { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" } },
        { id: "b", clauseId: "art4.1-session", factDate: "2025-05-02", input: { pingguGoodsSpecialSession: true, sessionTurnover: "900000" } },
      ],
    };
    const edition = deriveEdition({ publishedOn: "2025-03-01" });
    const summary = JSON.parse(JSON.stringify(evaluate(application, edition, { explain: false }))) as unknown;
    const decision = JSON.parse(JSON.stringify(evaluate(application, edition))) as unknown;
    expect(decisionSummarySchema.safeParse(summary).success).toBe(true);
    expect(decisionSchema.safeParse(summary).success).toBe(false);
    expect(decisionSummarySchema.safeParse(decision).success).toBe(false);
    const schema = JSON.parse(jsonSchemaText("decision-summary")) as { title: string; properties: { claims: { items: { required: string[] } } } };
    expect(schema.title).toBe("DecisionSummary");
    expect(schema.properties.claims.items.required).not.toContain("clause");
  });

  it("every sample clause verdict parses with the clause verdict's schema; a full result does not", () => {
    for (const clauseId of listClauseIds()) {
      const examples = (JSON.parse(readFileSync(new URL(`../fixtures/clauses/${clauseId}.json`, import.meta.url), "utf8")) as { examples: { input: unknown }[] }).examples;
      for (const { input } of examples) {
        const verdict = JSON.parse(JSON.stringify(evaluateClause(clauseId, input, { explain: false }))) as unknown;
        const parsed = clauseVerdictSchema.safeParse(verdict);
        expect(parsed.success, `${clauseId} ${JSON.stringify(parsed.error?.issues.slice(0, 2))}`).toBe(true);
      }
    }
    expect(clauseVerdictSchema.safeParse(JSON.parse(JSON.stringify(evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "1000000" })))).success).toBe(false);
  });
});
