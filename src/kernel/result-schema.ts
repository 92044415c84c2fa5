/**
 * The shape of a clause result as zod schemas: what `explainClause` reads, checked before it reads it
 * (a result read back from JSON, or the wrong document, is refused with the validation error, not a
 * TypeError), and the pieces of the decision's JSON Schema (src/schemas.ts). Loose objects: a result
 * carries more than an explanation reads, and a field added later must not make old results unreadable.
 */
import * as z from "zod";
import { THRESHOLD_WORDS } from "./words.js";

/** Money as it leaves the library: yuan, exactly two places. */
export const moneyOut = z.string().regex(/^\d+\.\d{2}$/).meta({ description: "Yuan, two decimal places / 元，两位小数" });
export const bilingual = z.strictObject({ en: z.string(), zh: z.string() });
export const reason = z.looseObject({
  code: z.string(),
  en: z.string(),
  zh: z.string(),
  conditionId: z.string().optional(),
  capId: z.string().optional(),
  claimId: z.string().optional(),
  article: z.string().optional(),
});
export const comparison = z.looseObject({
  left: z.string().nullable(),
  op: z.enum([">=", ">", "<=", "<"]),
  right: z.string(),
  word: z.enum(THRESHOLD_WORDS),
  holds: z.boolean().nullable(),
  meaning: bilingual,
  /** Where the meaning comes from: the law, or a document that ships with the package. */
  source: bilingual,
});
export const condition = z.looseObject({
  id: z.string(),
  outcome: z.enum(["met", "failed", "missing"]),
  label: bilingual,
  fields: z.array(z.string()),
  missing: z.array(z.string()),
  comparison: comparison.optional(),
  facts: z.array(z.looseObject({ field: z.string(), value: z.boolean().nullable() })).optional(),
  combine: z.enum(["all", "any"]).optional(),
});
export const step = z.strictObject({
  kind: z.enum(["value", "multiply", "add", "subtract", "divide", "floor-divide", "minimum", "round", "cap"]),
  label: bilingual,
  operands: z.array(z.string()),
  result: z.string(),
});
export const clauseResult = z.looseObject({
  clauseId: z.string(),
  title: bilingual,
  citation: z.looseObject({ article: z.number(), item: z.number(), labelZh: z.string(), labelEn: z.string(), provisionZh: z.string() }),
  status: z.enum(["eligible", "ineligible", "undetermined"]),
  amount: moneyOut.nullable(),
  exactAmount: z.string().nullable(),
  roundedAmount: moneyOut.nullable(),
  conditions: z.array(condition),
  failedConditions: z.array(z.string()),
  missingFacts: z.array(z.string()),
  steps: z.array(step),
  caps: z.array(z.looseObject({ id: z.string(), limit: moneyOut, before: moneyOut, after: moneyOut, bit: z.boolean() })),
  capBinding: z.string().nullable(),
  reasons: z.array(reason),
});
