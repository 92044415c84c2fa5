/**
 * Explanations as text: a clause result rendered step by step, in Chinese or English. Built on demand
 * from the structured result, so evaluation itself never pays for the prose.
 */
import type { Step } from "./calc.js";
import type { ConditionResult } from "./conditions.js";
import { makeIssue, PolicyValidationError, type ValidationIssue } from "./errors.js";
import { type Shape, shapeIssues } from "./shape-check.js";
import type { ClauseResult } from "./rule.js";

export type Language = "en" | "zh";

/** The languages of every explanation. */
export const LANGUAGES: readonly Language[] = ["zh", "en"];

/** An issue when `lang` is not one of the languages (an unknown one printed "undefined" once). */
export function languageIssue(lang: unknown, path: readonly (string | number)[] = ["lang"]): ValidationIssue | undefined {
  if ((LANGUAGES as readonly unknown[]).includes(lang)) return undefined;
  return makeIssue({
    code: "invalid_value",
    pathSegments: [...path],
    received: lang,
    expected: 'one of "zh", "en"',
    expectedZh: '以下之一："zh"、"en"',
  });
}

const BILINGUAL: Shape = { object: { en: "string", zh: "string" } };

/** What `explainClause` reads of a clause result, and as what. */
export const EXPLAINED_CLAUSE: Shape = {
  object: {
    clauseId: "string",
    title: BILINGUAL,
    citation: { object: { labelZh: "string", labelEn: "string", provisionZh: "string" } },
    status: { oneOf: ["eligible", "ineligible", "undetermined"] },
    amount: "string|null",
    capBinding: "string|null",
    conditions: {
      array: {
        object: {
          outcome: { oneOf: ["met", "failed", "missing"] },
          label: BILINGUAL,
          comparison: {
            optional: true,
            object: { left: "string|null", op: "string", right: "string", holds: "boolean|null", meaning: BILINGUAL, source: BILINGUAL },
          },
        },
      },
    },
    steps: {
      array: {
        object: {
          kind: { oneOf: ["value", "multiply", "add", "subtract", "divide", "floor-divide", "minimum", "round", "cap"] },
          label: BILINGUAL,
          operands: { array: "string" },
          result: "string",
        },
      },
    },
    reasons: { array: { object: { code: "string", en: "string", zh: "string" } } },
  },
};

/**
 * What a public explanation function was given, checked: the document against what the explanation
 * reads of it (under `path`) and the language; every problem at once.
 */
export function checkExplaining(issues: ValidationIssue[], lang: unknown, context: string): void {
  const language = languageIssue(lang);
  if (language) issues.push(language);
  if (issues.length > 0) throw new PolicyValidationError(issues, context);
}

function stepExpression(step: Step, lang: Language): string {
  const [a = "", b = ""] = step.operands;
  switch (step.kind) {
    case "value":
      return a;
    case "multiply":
      return `${a} × ${b}`;
    case "add":
      return `${a} + ${b}`;
    case "subtract":
      return `${a} − ${b}`;
    case "divide":
      return `${a} ÷ ${b}`;
    case "floor-divide":
      return `⌊${a} ÷ ${b}⌋`;
    case "minimum":
    case "cap":
      return `${FUNCTION_WORDS[lang][0]}(${a}, ${b})`;
    case "round":
      return `${FUNCTION_WORDS[lang][1]}(${a})`;
  }
}

/** The two functions of the arithmetic, in words: the smaller of two, and rounding. */
const FUNCTION_WORDS = { en: ["min", "round"], zh: ["取小", "舍入"] } as const;

export function describeStep(step: Step, lang: Language): string {
  return `${step.label[lang]}: ${stepExpression(step, lang)} = ${step.result}`;
}

/** A fact's value as the explanation shows it: 是/否 for true/false in Chinese. */
function factText(value: unknown, lang: Language): string {
  return value === null ? (lang === "zh" ? "（缺失）" : "(missing)") : lang === "zh" && value === !!value ? (value ? "是" : "否") : String(value);
}

export function describeCondition(condition: ConditionResult, lang: Language): string {
  const mark = condition.outcome === "met" ? "✓" : condition.outcome === "failed" ? "✗" : "?";
  const c = condition.comparison;
  if (c) {
    const left = c.left ?? (lang === "zh" ? "（缺失）" : "(missing)");
    const verdict =
      c.holds === null
        ? lang === "zh"
          ? "无法判断（缺少事实）"
          : "cannot be decided (fact missing)"
        : lang === "zh"
          ? c.holds
            ? "成立"
            : "不成立"
          : c.holds
            ? "is true"
            : "is false";
    const because = lang === "zh" ? `，因为${c.meaning.zh}（${c.source.zh}）` : ` because ${c.meaning.en} (${c.source.en})`;
    return `${mark} ${condition.label[lang]}: ${left} ${c.op} ${c.right} ${verdict}${because}`;
  }
  const facts = (condition.facts ?? []).map((f) => `${f.field} = ${factText(f.value, lang)}`).join(lang === "zh" ? "，" : ", ");
  const rule =
    condition.combine === "any"
      ? lang === "zh"
        ? "至少一项须为“是”"
        : "at least one must be true"
      : lang === "zh"
        ? "须为“是”"
        : "must be true";
  return `${mark} ${condition.label[lang]}: ${facts} (${rule})`;
}

/**
 * A clause result as lines of text: citation, conditions, arithmetic, caps, outcome and reasons. A
 * result that is not one (or a language other than "zh" and "en") is refused with the validation
 * error, listing every problem.
 */
export function explainClause(result: ClauseResult, lang: Language = "en"): string {
  checkExplaining(shapeIssues(result, EXPLAINED_CLAUSE, ["result"]), lang, "explainClause");
  return renderClause(result, lang);
}

/**
 * `explainClause` of a result already checked (a decision's claim, checked with its decision). As a
 * claim's `quote`, its outcome line is the clause's own result, not a second conclusion for the claim.
 */
export function renderClause(result: ClauseResult, lang: Language, as: "conclusion" | "quote" = "conclusion"): string {
  const lines: string[] = [];
  const c = result.citation;
  lines.push(`${result.clauseId} — ${result.title[lang]} (${lang === "zh" ? c.labelZh : c.labelEn})`);
  lines.push(`${lang === "zh" ? "条文" : "Text"}: ${c.provisionZh}`);
  lines.push(lang === "zh" ? "条件：" : "Conditions:");
  for (const condition of result.conditions) lines.push(`  ${describeCondition(condition, lang)}`);
  if (result.steps.length > 0) {
    lines.push(lang === "zh" ? "计算：" : "Arithmetic:");
    for (const step of result.steps) lines.push(`  ${describeStep(step, lang)}`);
  }
  const statusText =
    lang === "zh"
      ? { eligible: "符合", ineligible: "不符合", undetermined: "待定" }[result.status]
      : result.status;
  lines.push(
    `${as === "quote" ? (lang === "zh" ? "本条款测算" : "Clause result") : lang === "zh" ? "结论" : "Outcome"}: ${statusText}${result.amount === null ? "" : `, ${result.amount}${lang === "zh" ? " 元" : " yuan"}`}`,
  );
  if (result.capBinding) lines.push(`${lang === "zh" ? "触及上限" : "Cap that bit"}: ${result.capBinding}`);
  for (const reason of result.reasons) lines.push(`  [${reason.code}] ${reason[lang]}`);
  return lines.join("\n");
}
