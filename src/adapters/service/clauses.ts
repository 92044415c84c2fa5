/**
 * The clause reference for one edition (GET /clauses): what the rule says, how the library reads it, its
 * formula, its facts with their zh/en labels (the JSON Schema the library publishes for them), the
 * edition's figures for it (thresholds, rates, caps) and the interpretation switches it reads with their
 * values in that edition. Everything comes from the library's public entry.
 */
import { type Bilingual, type Citation, type Edition, listRules, type MeasuresRule } from "../../index.js";

export interface FactField {
  readonly name: string;
  readonly required: boolean;
  /** The label, "English / 中文", as the library's schema describes the fact. */
  readonly description: string;
  readonly schema: unknown;
}

export interface ClauseReference {
  readonly id: string;
  readonly title: Bilingual;
  readonly citation: Citation;
  readonly reading: Bilingual;
  readonly formula: Bilingual;
  readonly fields: readonly FactField[];
  /** The facts without which no amount can be computed (the claim is then undetermined). */
  readonly amountFields: readonly string[];
  /** This edition's figures for the clause: thresholds (value and word), rates and caps, money in yuan. */
  readonly parameters: unknown;
  /** The switches the clause reads (and rounding, which every clause reads), with this edition's values. */
  readonly switches: Readonly<Record<string, string>>;
}

type JsonSchema = Record<string, unknown>;

function descriptionOf(schema: JsonSchema): string {
  if (typeof schema.description === "string") return schema.description;
  const variants = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [];
  for (const variant of variants) if (typeof variant.description === "string") return variant.description;
  return "";
}

function fieldsOf(factsSchema: JsonSchema | undefined): FactField[] {
  if (factsSchema === undefined) return [];
  const properties = (factsSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(factsSchema.required) ? (factsSchema.required as string[]) : []);
  return Object.entries(properties).map(([name, schema]) => ({ name, required: required.has(name), description: descriptionOf(schema), schema }));
}

function referenceOf(rule: MeasuresRule, edition: Edition, factsSchemas: Readonly<Record<string, JsonSchema>>): ClauseReference {
  const switches: Record<string, string> = {};
  for (const name of [...rule.switches, "rounding"]) switches[name] = String(edition.switches[name as keyof Edition["switches"]]);
  return {
    id: rule.id,
    title: rule.title,
    citation: rule.citation,
    reading: rule.reading,
    formula: rule.formula,
    fields: fieldsOf(factsSchemas[rule.id]),
    amountFields: rule.amountFields,
    parameters: edition.parameters[rule.id as keyof Edition["parameters"]],
    switches,
  };
}

/** Every clause's reference under `edition`; `factsSchemas` maps a clause id to its facts' JSON Schema. */
export function clauseReferences(edition: Edition, factsSchemas: Readonly<Record<string, JsonSchema>>): ClauseReference[] {
  return listRules().map((rule) => referenceOf(rule, edition, factsSchemas));
}
