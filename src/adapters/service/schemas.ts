/**
 * The schemas of the OpenAPI document (components.schemas). The documents of the library — the
 * application (with each clause's facts), the edition document and the decision — are the JSON Schemas
 * the library generates from its own zod schemas (src/schemas.ts), so the API describes exactly what the
 * library enforces; only the service's envelopes (stamp, problem details, lists) are written here.
 */
import { applicationJsonSchema, clauseVerdictJsonSchema, decisionJsonSchema, decisionSummaryJsonSchema, editionJsonSchema, listClauseIds } from "../../index.js";

type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const FACTS_PREFIX = "ClaimFacts-";

/** A schema without its `$schema` (the document declares the dialect once: jsonSchemaDialect). */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** The library's three documents, and each clause's facts, as OpenAPI components. */
function librarySchemas(): { schemas: Record<string, JsonSchema>; facts: Record<string, JsonSchema> } {
  const { $defs, ...application } = bare(applicationJsonSchema()) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  // The application's `$defs` (one per clause's facts) become components; its `$ref`s follow them.
  const text = JSON.stringify(application).replaceAll('"#/$defs/input-', `"#/components/schemas/${FACTS_PREFIX}`);
  const facts: Record<string, JsonSchema> = {};
  const schemas: Record<string, JsonSchema> = { Application: JSON.parse(text) as JsonSchema };
  for (const id of listClauseIds()) {
    const schema = $defs?.[`input-${id}`];
    if (schema === undefined) throw new Error(`internal: the application schema has no facts for ${id}`);
    facts[id] = schema;
    schemas[`${FACTS_PREFIX}${id}`] = schema;
  }
  const decision = bare(decisionJsonSchema());
  schemas.Decision = decision;
  schemas.DecisionSummary = bare(decisionSummaryJsonSchema());
  schemas.ClauseVerdict = bare(clauseVerdictJsonSchema());
  // The clause result, as the decision document describes it (claims[].clause).
  const claims = (decision.properties as Record<string, JsonSchema>).claims as JsonSchema;
  schemas.ClauseResult = ((claims.items as JsonSchema).properties as Record<string, JsonSchema>).clause as JsonSchema;
  schemas.EditionDocument = bare(editionJsonSchema());
  return { schemas, facts };
}

const bilingual: JsonSchema = {
  type: "object",
  properties: { en: { type: "string" }, zh: { type: "string" } },
  required: ["en", "zh"],
};

const hash: JsonSchema = { type: "string", pattern: "^[0-9a-f]{64}$", description: "SHA-256 of the edition's canonical JSON (editionHash)" };

/** The service's own envelopes. */
function serviceSchemas(): Record<string, JsonSchema> {
  return {
    Stamp: {
      type: "object",
      description: "What an answer was computed with, to reproduce it later / 计算所用的程序版本与版本文本",
      properties: { library: { type: "string" }, version: { type: "string" }, editionId: { type: "string" }, editionHash: hash },
      required: ["library", "version", "editionId", "editionHash"],
    },
    ValidationIssue: {
      type: "object",
      description: "One thing wrong with the input, as the library reports it / 输入中的一处问题",
      properties: {
        code: { type: "string", enum: ["invalid_value", "invalid_type", "unknown_field", "required", "inconsistent"] },
        path: { type: "string", examples: ["claims[0].input.investment"] },
        pathSegments: { type: "array", items: { type: ["string", "integer"] } },
        received: { type: "string" },
        expected: { type: "string" },
        expectedZh: { type: "string" },
        hint: { type: "string" },
        hintZh: { type: "string" },
        message: {
          type: "string",
          description: "What is wrong, without the path (it is in `path`): show `path: message` to a person / 问题说明，不含路径（见 path）",
          examples: ['expected one of zh, en; received "fr"'],
        },
        messageZh: { type: "string", description: "The same in Chinese, without the path / 中文说明，不含路径", examples: ['应为以下之一：zh, en；实际收到 "fr"'] },
      },
      required: ["code", "path", "pathSegments", "received", "expected", "expectedZh", "message", "messageZh"],
    },
    Problem: {
      type: "object",
      description: "RFC 9457 problem details, in English and Chinese / 错误说明（RFC 9457）",
      properties: {
        type: { type: "string", format: "uri" },
        title: { type: "string" },
        titleZh: { type: "string" },
        status: { type: "integer" },
        detail: { type: "string" },
        detailZh: { type: "string" },
        instance: { type: "string" },
        issues: { type: "array", items: ref("ValidationIssue") },
        limit: { type: "object", properties: { name: { type: "string" }, value: { type: "integer" } }, required: ["name", "value"] },
      },
      required: ["type", "title", "titleZh", "status", "detail", "detailZh"],
    },
    EditionSummary: {
      type: "object",
      properties: {
        id: { type: "string" },
        name: bilingual,
        publishedOn: { type: ["string", "null"], format: "date" },
        hash,
        default: { type: "boolean", description: "used when a request names no edition" },
      },
      required: ["id", "name", "publishedOn", "hash", "default"],
    },
    ClauseReference: {
      type: "object",
      properties: {
        id: { type: "string", enum: listClauseIds() },
        title: bilingual,
        citation: { type: "object" },
        reading: bilingual,
        formula: bilingual,
        fields: {
          type: "array",
          items: {
            type: "object",
            properties: { name: { type: "string" }, required: { type: "boolean" }, description: { type: "string" }, schema: {} },
            required: ["name", "required", "description", "schema"],
          },
        },
        amountFields: { type: "array", items: { type: "string" } },
        parameters: { type: "object", description: "the edition's thresholds, rates and caps for the clause (yuan)" },
        switches: { type: "object", additionalProperties: { type: "string" } },
      },
      required: ["id", "title", "citation", "reading", "formula", "fields", "amountFields", "parameters", "switches"],
    },
  };
}

export interface ServiceSchemas {
  /** components.schemas of the OpenAPI document. */
  readonly components: Readonly<Record<string, JsonSchema>>;
  /** Each clause's facts (JSON Schema), by clause id. */
  readonly facts: Readonly<Record<string, JsonSchema>>;
}

export function serviceSchemasOf(): ServiceSchemas {
  const { schemas, facts } = librarySchemas();
  return { components: { ...schemas, ...serviceSchemas() }, facts };
}

export { ref };
