/**
 * Boundary examples of a clause: each threshold at the number itself, one unit below and one unit above
 * (0.01 yuan or m², 1 order or person-time, 0.0001 of a rate: docs/ambiguity-register.md), and each yes/no
 * fact as 否 and as unknown — all starting from an eligible sample claim and decided by the library.
 *
 * Whether 以上 / 超过 / 不低于 … include the number is where a subsidy engine most often goes wrong
 * (民法典 第一千二百五十九条), so the site shows these cases and `npm run cases` keeps them as tests.
 */
import Big from "big.js";
import { type ClauseResult, type ConditionResult, evaluateClause } from "../../index.js";
import { clauseFields } from "./fields.js";

export interface BoundaryExample {
  /** What the example shows, in both languages. */
  readonly name: { readonly zh: string; readonly en: string };
  readonly facts: Readonly<Record<string, unknown>>;
  /** The condition the example probes. */
  readonly conditionId: string;
  readonly result: ClauseResult;
}

const STEP: Readonly<Record<string, string>> = { yuan: "0.01", m2: "0.01", count: "1", rate: "0.0001" };

/** The number a fact must be compared with: the edition's threshold, or the other input it is compared to (art3.3). */
function thresholdOf(condition: ConditionResult, facts: Readonly<Record<string, unknown>>): string | null {
  const c = condition.comparison;
  if (!c) return null;
  const raw = c.rightField === undefined ? c.right : facts[c.rightField];
  const text = typeof raw === "number" ? String(raw) : raw;
  return typeof text === "string" && /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

function plain(value: Big): string {
  return value.toFixed();
}

/**
 * The boundary examples of clause `clauseId` around `sample` (an eligible claim's facts, if there is one).
 * Values the library would refuse (a negative amount) are left out, not forced.
 */
export function boundaryExamples(clauseId: string, sample: Readonly<Record<string, unknown>>): BoundaryExample[] {
  const base = evaluateClause(clauseId, sample);
  const examples: BoundaryExample[] = [];
  const run = (name: BoundaryExample["name"], conditionId: string, facts: Record<string, unknown>) => {
    try {
      examples.push({ name, conditionId, facts, result: evaluateClause(clauseId, facts) });
    } catch {
      // Out of the field's range (e.g. below zero): not an example an applicant could give.
    }
  };
  for (const condition of base.conditions) {
    const field = condition.fields[0];
    const c = condition.comparison;
    if (c && field !== undefined) {
      const at = thresholdOf(condition, sample);
      if (at === null) continue;
      const step = new Big(STEP[c.unit] ?? "0.01");
      const number = new Big(at);
      const label = condition.label;
      const word = c.word;
      const versus = c.rightField === undefined ? at : `${c.rightField} = ${at}`;
      run({ zh: `${label.zh}恰为 ${versus}（“${word}”）`, en: `${label.en} exactly ${versus} (“${word}”)` }, condition.id, { ...sample, [field]: plain(number) });
      if (number.minus(step).gte(0) || c.rightField !== undefined) {
        const below = plain(number.minus(step));
        run({ zh: `${label.zh}低一个单位：${below}`, en: `${label.en} one unit below: ${below}` }, condition.id, { ...sample, [field]: below });
      }
      const above = plain(number.plus(step));
      run({ zh: `${label.zh}高一个单位：${above}`, en: `${label.en} one unit above: ${above}` }, condition.id, { ...sample, [field]: above });
    } else if (condition.facts) {
      for (const fact of condition.facts) {
        if (sample[fact.field] !== true) continue;
        const label = clauseFields(clauseId).find((f) => f.name === fact.field)?.label ?? { zh: fact.field, en: fact.field };
        run({ zh: `“${label.zh}”为否`, en: `“${label.en}”: no` }, condition.id, { ...sample, [fact.field]: false });
        const without: Record<string, unknown> = { ...sample };
        delete without[fact.field];
        run({ zh: `“${label.zh}”未知（留空）`, en: `“${label.en}”: unknown (left empty)` }, condition.id, without);
      }
    }
  }
  return examples;
}

/** The first sample claim of a clause that is eligible under the draft, else the first one. */
export function eligibleSample(clauseId: string, samples: readonly Readonly<Record<string, unknown>>[]): Readonly<Record<string, unknown>> | undefined {
  return samples.find((facts) => {
    try {
      return evaluateClause(clauseId, facts).status === "eligible";
    } catch {
      return false;
    }
  }) ?? samples[0];
}
