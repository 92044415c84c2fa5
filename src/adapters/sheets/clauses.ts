/**
 * The clauses as a spreadsheet sees them: a function name and the input columns, in the order of the
 * clause's schema. Read from the registry at run time, so a clause added to the core appears here
 * without a second list to keep in step.
 */
import type { MeasuresRule } from "../../measures/common.js";
import { getRule, listRules } from "../../measures/registry.js";
import type { FieldKind } from "./cells.js";

export interface SheetField {
  readonly name: string;
  readonly kind: FieldKind;
}

export interface SheetClause {
  readonly id: string;
  /** "art4.1-session" → "PINGGU_ART4_1_SESSION". */
  readonly functionName: string;
  readonly fields: readonly SheetField[];
  readonly rule: MeasuresRule;
}

/** The spreadsheet function of a clause id: PINGGU_ + the id upper-cased, every other character "_". */
export function functionNameOf(clauseId: string): string {
  return `PINGGU_${clauseId.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

interface Probe {
  safeParse(value: unknown): { success: boolean };
}

/**
 * What a field holds, asked of the field's own schema rather than of a second table: a field that
 * takes `true` is a fact, one that takes any text is text, one that takes "2000-01-01" is a date, one
 * that takes "1" is a number.
 */
function kindOf(schema: Probe): FieldKind {
  const accepts = (value: unknown): boolean => schema.safeParse(value).success;
  if (accepts(true)) return "boolean";
  if (accepts("x")) return "text";
  if (accepts("2000-01-01")) return "date";
  if (accepts("1")) return "number";
  return "any";
}

const CACHE = new Map<string, SheetClause>();

function describe(rule: MeasuresRule): SheetClause {
  let clause = CACHE.get(rule.id);
  if (!clause) {
    const shape = (rule.schema as unknown as { shape: Record<string, Probe> }).shape;
    clause = {
      id: rule.id,
      functionName: functionNameOf(rule.id),
      fields: Object.keys(shape).map((name) => ({ name, kind: kindOf(shape[name] as Probe) })),
      rule,
    };
    CACHE.set(rule.id, clause);
  }
  return clause;
}

/** The clause of an id as typed in a cell: surrounding spaces and letter case do not matter. */
export function sheetClause(clauseId: unknown): SheetClause {
  const id = typeof clauseId === "string" ? clauseId.trim().toLowerCase() : clauseId;
  return describe(getRule(id));
}

export function sheetClauses(): readonly SheetClause[] {
  return listRules().map(describe);
}
