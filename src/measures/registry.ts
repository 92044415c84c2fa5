/**
 * The rule registry: every clause of Articles 3–7, in the order of the text, looked up by its stable id.
 */
import { UnknownClauseError } from "../kernel/errors.js";
import { ARTICLE_3_RULES } from "./art03.js";
import { ARTICLE_4_RULES } from "./art04.js";
import { ARTICLE_5_RULES } from "./art05.js";
import { ARTICLE_6_RULES } from "./art06.js";
import { ARTICLE_7_RULES } from "./art07.js";
import type { MeasuresRule } from "./common.js";
import type { ClauseId } from "./edition.js";

export const RULES: readonly MeasuresRule[] = Object.freeze([
  ...ARTICLE_3_RULES,
  ...ARTICLE_4_RULES,
  ...ARTICLE_5_RULES,
  ...ARTICLE_6_RULES,
  ...ARTICLE_7_RULES,
]);

const BY_ID: ReadonlyMap<string, MeasuresRule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** Every clause id, in the order of the text. */
export function listClauseIds(): readonly ClauseId[] {
  return RULES.map((rule) => rule.id as ClauseId);
}

/** Every rule, in the order of the text. */
export function listRules(): readonly MeasuresRule[] {
  return RULES;
}

export function isClauseId(value: unknown): value is ClauseId {
  return typeof value === "string" && BY_ID.has(value);
}

/** The rule of a clause id; an unknown id throws UnknownClauseError listing the known ids. */
export function getRule(clauseId: unknown): MeasuresRule {
  const rule = typeof clauseId === "string" ? BY_ID.get(clauseId) : undefined;
  if (!rule) throw new UnknownClauseError(clauseId, listClauseIds());
  return rule;
}
