/**
 * The input fields of a clause as a person fills them in: name, kind, label in Chinese and English and a
 * hint on how to write the value. Read from the clause's own schema (its JSON Schema), so a field added to
 * a rule appears in the site's form, the CSV test cases and the YAML reader without further work.
 */
import * as z from "zod";
import { type Bilingual, getRule } from "../../index.js";

/** How a value is written: 是/否; an amount, area, count or rate as a decimal text; a date. */
export type FieldKind = "boolean" | "money" | "area" | "rate" | "count" | "date" | "decimal";

export interface FormField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: Bilingual;
  /** How to write the value, in both languages. */
  readonly hint: Bilingual;
}

const HINTS: Readonly<Record<FieldKind, Bilingual>> = {
  boolean: { zh: "是 / 否；不知道就留空（视为事实缺失，不视为“否”）", en: "yes / no; leave it empty if unknown (a missing fact, never “no”)" },
  money: { zh: "金额，单位元，如 2000000 或 3333333.35", en: "an amount in yuan, e.g. 2000000 or 3333333.35" },
  area: { zh: "面积，单位平方米，如 3000", en: "an area in square metres, e.g. 3000" },
  rate: { zh: "以小数表示的比例，10% 写作 0.10", en: "a rate as a decimal fraction: 10% is 0.10" },
  count: { zh: "整数，如 7", en: "a whole number, e.g. 7" },
  date: { zh: "日期，年-月-日，如 2025-06-30", en: "a date, year-month-day, e.g. 2025-06-30" },
  decimal: { zh: "数字，如 0.10", en: "a number, e.g. 0.10" },
};

interface PropertySchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly pattern?: string;
  readonly description?: string;
  readonly anyOf?: readonly PropertySchema[];
}

function splitLabel(description: string): Bilingual {
  const at = description.lastIndexOf(" / ");
  return at < 0 ? { en: description, zh: description } : { en: description.slice(0, at), zh: description.slice(at + 3) };
}

function kindOf(schema: PropertySchema, label: Bilingual): FieldKind {
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === "string" ? [schema.type] : [];
  if (types.includes("boolean")) return "boolean";
  if (schema.format === "date") return "date";
  if (types.includes("integer")) return "count";
  // The schema says "a decimal"; the label says what of (every money label ends in "yuan", 元).
  if (/yuan/.test(label.en)) return "money";
  if (/m²/.test(label.en)) return "area";
  if (/rate|share|growth/i.test(label.en)) return "rate";
  return "decimal";
}

const cache = new Map<string, readonly FormField[]>();

/** The fields of clause `clauseId`, in the order of its schema. Throws UnknownClauseError for an unknown id. */
export function clauseFields(clauseId: string): readonly FormField[] {
  const known = cache.get(clauseId);
  if (known) return known;
  const json = z.toJSONSchema(getRule(clauseId).schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, PropertySchema> };
  const fields = Object.entries(json.properties ?? {}).map(([name, property]): FormField => {
    const main = property.anyOf?.find((variant) => variant.type !== "null") ?? property;
    const label = splitLabel(main.description ?? property.description ?? name);
    const kind = kindOf(main, label);
    return { name, kind, label, hint: HINTS[kind] };
  });
  cache.set(clauseId, fields);
  return fields;
}

const YES = new Set(["是", "yes", "true", "y", "1"]);
const NO = new Set(["否", "no", "false", "n", "0"]);

/**
 * A yes/no fact as an officer writes it (是/否, yes/no, true/false) as the JSON boolean the library reads.
 * Anything else is left as it is, so the library's own error names the field and what it expected.
 */
export function readYesNo(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return value;
}

/** A clause's facts with 是/否 read as booleans for its yes/no fields; other values untouched. */
export function normaliseFacts(clauseId: string, facts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kinds = new Map(clauseFields(clauseId).map((field) => [field.name, field.kind]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(facts)) out[name] = kinds.get(name) === "boolean" ? readYesNo(value) : value;
  return out;
}
