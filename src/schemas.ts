/**
 * JSON Schemas (draft 2020-12) of the documents other systems exchange with the library: the
 * application, the edition override (what `deriveEdition` reads), the complete edition (what
 * `validateEdition` and every function taking an edition accept) and the decision. Generated from the
 * zod schemas, so the schema a Java or Python caller validates against is the one the library itself
 * enforces. Committed under
 * schema/ by `npm run schemas`; a test fails when the committed files are stale.
 */
import * as z from "zod";
import { applicationSchema } from "./application.js";
import { editionOverrideSchema } from "./measures/derive-edition.js";
import { SWITCH_VALUES, type SwitchName } from "./measures/edition.js";
import { editionSchema } from "./measures/edition-schema.js";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import { bilingual, clauseResult, moneyOut, reason } from "./kernel/result-schema.js";
import { listRules } from "./measures/registry.js";

const money = moneyOut;
const articleCitation = z.strictObject({
  article: z.number().int(),
  item: z.number().int().optional(),
  labelZh: z.string(),
  labelEn: z.string(),
  textZh: z.string(),
});
const claimStatus = z.enum(["awarded", "reduced", "ineligible", "undetermined", "excluded", "duplicate", "out-of-window"]);

/** One claim of a decision. */
export const claimDecisionSchema = z.strictObject({
  claimId: z.string(),
  clauseId: z.string(),
  factDate: z.string(),
  year: z.number().int().nullable(),
  sequence: z.number().int(),
  status: claimStatus,
  amount: money.nullable(),
  amountBeforeCrossClaimCaps: money.nullable(),
  crossClaimCaps: z.array(
    z.strictObject({
      id: z.string(),
      scope: z.enum(["per-claim", "per-project", "per-enterprise-per-year", "per-enterprise-per-term"]),
      period: z.string(),
      limit: money,
      headroomBefore: money,
      headroomAfter: money,
      bit: z.boolean(),
    }),
  ),
  paidInstead: z
    .strictObject({ id: z.string(), clauseId: z.string(), source: z.enum(["claim", "history"]) })
    .nullable(),
  citations: z.array(articleCitation),
  reasons: z.array(reason),
  clause: clauseResult,
});

/** The decision document returned by `evaluate` (described for other languages; the library builds it). */
export const decisionSchema = z
  .strictObject({
    applicant: z.strictObject({ name: z.string(), creditCode: z.string() }),
    edition: z.strictObject({
      id: z.string(),
      name: bilingual,
      switches: z.strictObject(
        Object.fromEntries(
          (Object.keys(SWITCH_VALUES) as SwitchName[]).map((name) => [
            name,
            z.enum(SWITCH_VALUES[name].values as unknown as [string, ...string[]]),
          ]),
        ),
      ),
    }),
    window: z.strictObject({
      from: z.string(),
      to: z.string(),
      basis: z.enum(["explicit-valid-until", "day-before-anniversary", "civil-code-anniversary"]),
    }),
    applicantReasons: z.array(reason),
    claims: z.array(claimDecisionSchema),
    totals: z.strictObject({
      overall: money,
      byClause: z.record(z.string(), money),
      byYear: z.record(z.string(), money),
      byStatus: z.record(claimStatus, z.number().int()),
    }),
    recoveries: z.strictObject({
      citations: z.array(articleCitation),
      items: z.array(
        z.strictObject({
          grantId: z.string(),
          clauseId: z.string(),
          factDate: z.string(),
          amount: money,
          findings: z.array(z.number().int()),
        }),
      ),
      total: money,
    }),
    audit: z.strictObject({
      library: z.string(),
      version: z.string(),
      hashAlgorithm: z.literal("SHA-256"),
      canonicalization: z.string(),
      editionHash: z.string().regex(/^[0-9a-f]{64}$/),
      inputHash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  })
  .meta({ title: "Decision", description: "The decision on one application / 申请的核定结果" });

/** One clause's verdict: `evaluateClause(id, facts, { explain: false })`. */
export const clauseVerdictSchema = z
  .strictObject({
    clauseId: z.string(),
    status: z.enum(["eligible", "ineligible", "undetermined"]),
    amount: money.nullable(),
    roundedAmount: money.nullable(),
    failedConditions: z.array(z.string()),
    missingFacts: z.array(z.string()),
    capBinding: z.string().nullable(),
    once: z.enum(["per-enterprise", "per-enterprise-per-year", "per-project", "per-product"]).nullable(),
    rounding: z.enum(SWITCH_VALUES.rounding.values as unknown as [string, ...string[]]),
    edition: z.string(),
    switches: z.record(z.string(), z.union([z.string(), z.boolean()])),
  })
  .meta({
    title: "ClauseVerdict",
    description: "One clause decided on one claim's facts, without the explanation / 单项条款的判定（不附说明）",
  });

/** One claim decided only (`evaluate(…, { explain: false })`): a claim decision without its explanation. */
export const decidedClaimSchema = claimDecisionSchema.omit({ crossClaimCaps: true, reasons: true, clause: true });

/** The document `evaluate(application, edition, { explain: false })` returns. */
export const decisionSummarySchema = decisionSchema
  .extend({ claims: z.array(decidedClaimSchema) })
  .meta({
    title: "DecisionSummary",
    description: "The decision on one application, decided only: each claim's figures without its explanation / 申请的核定结果（仅判定，不附说明）",
  });

type JsonSchema = Record<string, unknown>;

const JSON_SCHEMA_OPTIONS = { io: "input", unrepresentable: "any" } as const;

/**
 * The application schema, with each clause's own input schema spliced in: a claim whose clauseId is
 * "art3.1" must have art3.1's facts in `input` (if/then per clause id).
 */
export function applicationJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(applicationSchema, JSON_SCHEMA_OPTIONS) as JsonSchema;
  const defs: Record<string, JsonSchema> = {};
  const conditionals: JsonSchema[] = [];
  for (const rule of listRules()) {
    const name = `input-${rule.id}`;
    const clauseSchema = z.toJSONSchema(rule.schema, JSON_SCHEMA_OPTIONS) as JsonSchema;
    delete clauseSchema.$schema;
    defs[name] = { ...clauseSchema, title: `${rule.id} ${rule.title.zh}`, description: rule.title.en };
    conditionals.push({
      if: { properties: { clauseId: { const: rule.id } }, required: ["clauseId"] },
      then: { properties: { input: { $ref: `#/$defs/${name}` } } },
    });
  }
  const claims = (schema.properties as Record<string, JsonSchema>).claims as JsonSchema;
  (claims.items as JsonSchema).allOf = conditionals;
  return { ...schema, $defs: defs };
}

export function editionJsonSchema(): JsonSchema {
  return z.toJSONSchema(editionOverrideSchema, JSON_SCHEMA_OPTIONS) as JsonSchema;
}

/** The complete edition: every figure, switch and date (`validateEdition`). */
export function completeEditionJsonSchema(): JsonSchema {
  return z.toJSONSchema(editionSchema(SWITCH_VALUES), JSON_SCHEMA_OPTIONS) as JsonSchema;
}

export function decisionJsonSchema(): JsonSchema {
  return z.toJSONSchema(decisionSchema, { io: "output", unrepresentable: "any" }) as JsonSchema;
}

/** The decision summary: `evaluate(…, { explain: false })`. */
export function decisionSummaryJsonSchema(): JsonSchema {
  return z.toJSONSchema(decisionSummarySchema, { io: "output", unrepresentable: "any" }) as JsonSchema;
}

/** The clause verdict: `evaluateClause(…, { explain: false })`. */
export function clauseVerdictJsonSchema(): JsonSchema {
  return z.toJSONSchema(clauseVerdictSchema, { io: "output", unrepresentable: "any" }) as JsonSchema;
}

export type SchemaName = "application" | "edition" | "complete-edition" | "decision" | "decision-summary" | "clause-verdict";

/** Every schema's name, in the order they are documented. */
export const SCHEMA_NAMES: readonly SchemaName[] = ["application", "edition", "complete-edition", "decision", "decision-summary", "clause-verdict"];

const SCHEMAS: Readonly<Record<SchemaName, () => JsonSchema>> = {
  application: applicationJsonSchema,
  edition: editionJsonSchema,
  "complete-edition": completeEditionJsonSchema,
  decision: decisionJsonSchema,
  "decision-summary": decisionSummaryJsonSchema,
  "clause-verdict": clauseVerdictJsonSchema,
};

/** A schema by name, as pretty-printed JSON text (what is committed under schema/). */
export function jsonSchemaText(name: SchemaName): string {
  if (typeof name !== "string" || !(SCHEMA_NAMES as readonly unknown[]).includes(name)) {
    const names = SCHEMA_NAMES.map((known) => JSON.stringify(known)).join(", ");
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_value", pathSegments: ["name"], received: name, expected: `one of ${names}`, expectedZh: `以下之一：${names}` })],
      "jsonSchemaText",
    );
  }
  const schema = SCHEMAS[name]();
  return `${JSON.stringify({ $id: `https://pinggu-live-commerce.invalid/schema/${name}.schema.json`, ...schema }, null, 2)}\n`;
}
