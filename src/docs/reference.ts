/**
 * The clause reference (docs/clauses.md), rendered from the rule registry and the draft edition.
 *
 * Pure and deterministic: the same registry gives the same text, byte for byte (no dates, no host
 * locale, no time zone), so a test can regenerate it in memory and fail when the committed page is
 * stale. `npm run docs` (scripts/gen-docs.ts) writes it. Not exported from the package entry point.
 */
import * as z from "zod";
import type { ConditionResult } from "../kernel/conditions.js";
import { CLAUSE_REASON_CODES } from "../kernel/reasons.js";
import type { CapSpec, OnceScope } from "../kernel/rule.js";
import { CIVIL_CODE_WORDS, THRESHOLD_WORDS, type ThresholdWord } from "../kernel/words.js";
import type { MeasuresRule } from "../measures/common.js";
import { DRAFT_EDITION } from "../measures/edition-draft.js";
import { type Edition, type MeasuresContext, makeContext, SWITCH_VALUES, type SwitchName } from "../measures/edition.js";
import { listRules } from "../measures/registry.js";

const SCOPE_TEXT: Record<string, string> = {
  "per-claim": "per claim (one session, park, product or loan)",
  "per-project": "per project: all claims with the same projectId under this clause, and earlier grants for it (a claim without a projectId is its own project)",
  "per-enterprise-per-year": "per enterprise per calendar year, across all its claims and earlier grants",
  "per-enterprise-per-term": "per enterprise over the policy term, across all its claims and earlier grants",
};

const ONCE_TEXT: Record<OnceScope, string> = {
  "per-enterprise": "once per enterprise (一次性)",
  "per-enterprise-per-year": "once per enterprise per calendar year",
  "per-project": "once per project (park, event, facility)",
  "per-product": "once per product",
};

/** A table cell: no pipes or line breaks may leak into the Markdown table. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** "20000000" → "20,000,000"; "0.30" stays "0.30". Plain string work: no locale is consulted. */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = ""] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction}`;
}

function isThreshold(value: unknown): value is { value: string; word: ThresholdWord } {
  return typeof value === "object" && value !== null && "value" in value && "word" in value;
}

function isWord(value: unknown): value is ThresholdWord {
  return typeof value === "string" && (THRESHOLD_WORDS as readonly string[]).includes(value);
}

interface FieldRow {
  readonly name: string;
  readonly kind: string;
  readonly description: string;
}

/** The first `description` and the value kind of a JSON Schema property (descriptions sit in anyOf[0]). */
function describeProperty(schema: Record<string, unknown>): { description: string; kind: string } {
  const variants = Array.isArray(schema.anyOf) ? (schema.anyOf as Record<string, unknown>[]) : [schema];
  const main = variants.find((variant) => variant.type !== "null") ?? schema;
  const description = typeof main.description === "string" ? main.description : typeof schema.description === "string" ? schema.description : "";
  const type = main.type;
  const types = Array.isArray(type) ? (type as string[]) : typeof type === "string" ? [type] : [];
  let kind = "any";
  if (types.includes("boolean")) kind = "true / false";
  else if (main.format === "date") kind = "date `YYYY-MM-DD`";
  else if (types.includes("integer")) kind = "whole number";
  else if (types.includes("number")) kind = "decimal";
  else if (types.includes("string")) kind = "text";
  else if (types.includes("array")) kind = "list";
  else if (types.includes("object")) kind = "object";
  return { description, kind };
}

function fieldRows(rule: MeasuresRule): FieldRow[] {
  const json = z.toJSONSchema(rule.schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Record<string, unknown>>;
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, ...describeProperty(property) }));
}

/** The conditions as the rule states them when every fact is missing (ids, labels, words, thresholds). */
function conditionsOf(rule: MeasuresRule, ctx: MeasuresContext): readonly ConditionResult[] | null {
  const parsed = rule.schema.safeParse({});
  if (!parsed.success) return null;
  try {
    return rule.conditions(parsed.data, ctx);
  } catch {
    return null;
  }
}

function conditionText(condition: ConditionResult): string {
  const c = condition.comparison;
  if (c) {
    const left = condition.fields[0] ?? "value";
    const right = c.rightField ?? groupDigits(c.right);
    return `\`${left}\` ${c.op} ${c.rightField ? `\`${right}\`` : right} (${c.word}: ${c.meaning.en})`;
  }
  const facts = condition.fields.map((field) => `\`${field}\``).join(condition.combine === "any" ? " or " : " and ");
  return `${facts} ${condition.combine === "any" && condition.fields.length > 1 ? "(at least one true)" : "true"}`;
}

function capText(cap: CapSpec): string {
  return `\`${cap.id}\`: at most ${groupDigits(cap.limit.toFixed())} yuan, ${SCOPE_TEXT[cap.scope] ?? cap.scope} — ${cap.label.en} / ${cap.label.zh}`;
}

/** The kernel's reason codes a rule can give, from the shape of its conditions and caps. */
function reasonCodesOf(conditions: readonly ConditionResult[] | null, caps: readonly CapSpec[]): string[] {
  const codes: string[] = [CLAUSE_REASON_CODES.ELIGIBLE.code];
  const list = conditions ?? [];
  if (conditions === null || list.some((c) => c.comparison)) codes.push(CLAUSE_REASON_CODES.THRESHOLD_NOT_MET.code);
  if (conditions === null || list.some((c) => !c.comparison)) codes.push(CLAUSE_REASON_CODES.FACT_NOT_ESTABLISHED.code);
  codes.push(CLAUSE_REASON_CODES.FACTS_MISSING.code);
  if (caps.length > 0) codes.push(CLAUSE_REASON_CODES.CAP_APPLIED.code);
  return codes;
}

function headingOf(rule: MeasuresRule): string {
  return `\`${rule.id}\` — ${rule.title.zh} / ${rule.title.en}`;
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen. */
function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/ /g, "-");
}

function withSwitch(edition: Edition, name: SwitchName, value: string): Edition {
  return { ...edition, switches: { ...edition.switches, [name]: value } };
}

function renderRule(rule: MeasuresRule, edition: Edition): string[] {
  const ctx = makeContext(edition);
  const c = rule.citation;
  const out: string[] = [];
  out.push(`## ${headingOf(rule)}`, "");
  out.push(`**Citation:** ${c.labelZh} (${c.labelEn})`, "");
  out.push("**Text of the item** (verbatim):", "", `> ${c.itemTextZh}`, "");
  out.push("**Provision implemented** (verbatim):", "", `> ${c.provisionZh}`, "");
  out.push("**Reading:**", "", `- en: ${rule.reading.en}`, `- zh: ${rule.reading.zh}`, "");
  out.push(`**Amount before caps:** ${rule.formula.en} (${rule.formula.zh})`, "");

  const fields = fieldRows(rule);
  out.push("**Input fields** (every field may be omitted or `null`: the fact is then missing, never 0 or false):", "");
  if (fields.length === 0) {
    out.push("None.", "");
  } else {
    out.push("| field | kind | needed for the amount | description |", "| --- | --- | --- | --- |");
    for (const field of fields) {
      out.push(
        `| \`${field.name}\` | ${cell(field.kind)} | ${rule.amountFields.includes(field.name) ? "yes" : ""} | ${cell(field.description)} |`,
      );
    }
    out.push("");
  }

  const conditions = conditionsOf(rule, ctx);
  out.push("**Conditions:**", "");
  if (conditions === null || conditions.length === 0) {
    out.push(conditions === null ? "(not listed: the rule needs facts to state them)" : "None.", "");
  } else {
    for (const condition of conditions) {
      out.push(`- \`${condition.id}\` — ${condition.label.en} / ${condition.label.zh}: ${conditionText(condition)}`);
    }
    out.push("");
  }

  const params = (edition.parameters as unknown as Record<string, Record<string, unknown>>)[rule.id];
  out.push(`**Figures of the ${edition.id} edition:**`, "");
  if (!params) {
    out.push("None.", "");
  } else {
    out.push("| parameter | word | operator | value |", "| --- | --- | --- | --- |");
    for (const [name, value] of Object.entries(params)) {
      if (isThreshold(value)) {
        out.push(`| \`${name}\` | ${value.word} | \`${CIVIL_CODE_WORDS[value.word].op}\` | ${groupDigits(value.value)} |`);
      } else if (isWord(value)) {
        out.push(`| \`${name}\` | ${value} | \`${CIVIL_CODE_WORDS[value].op}\` | (compares two inputs) |`);
      } else {
        out.push(`| \`${name}\` |  |  | ${cell(groupDigits(String(value)))} |`);
      }
    }
    out.push("");
    if (Object.values(params).some((value) => isThreshold(value) || isWord(value))) {
      out.push("Each operator follows from its word: 民法典 第一千二百五十九条 and administrative practice (switch `thresholdWords`).", "");
    }
  }

  const caps = rule.caps(ctx);
  out.push("**Caps**, in the order applied:", "");
  out.push(...(caps.length === 0 ? ["None."] : caps.map((cap) => `- ${capText(cap)}`)), "");

  const once = rule.once(ctx);
  out.push(`**One-time scope:** ${once ? `\`${once}\` — ${ONCE_TEXT[once]}` : "none (the award may recur, within its caps)"}`, "");
  if (rule.factDate === "year-end") {
    out.push("**Fact date:** paid on a figure of a calendar year: the claim's fact date is 31 December of the year the figure counts; any other date is invalid input (A18).", "");
  } else if (rule.factDate !== undefined) {
    out.push(`**Fact date:** the claim's fact date is its \`${rule.factDate.field}\`; any other date is invalid input.`, "");
  }

  const switchNames = [...new Set([...rule.switches, "rounding"])] as SwitchName[];
  out.push("**Interpretation switches read** (default first):", "");
  for (const name of switchNames) {
    const entry = SWITCH_VALUES[name];
    if (!entry) {
      out.push(`- \`${name}\`: not a known switch`);
      continue;
    }
    out.push(`- \`${name}\` (${entry.register}): ${entry.values.map((value) => `\`${value}\``).join(" \\| ")}; default \`${edition.switches[name]}\``);
  }
  out.push("");

  // What changes under each alternative value of the rule's own switches (caps, one-time scope, conditions).
  const alternatives: string[] = [];
  for (const name of rule.switches as SwitchName[]) {
    const entry = SWITCH_VALUES[name];
    if (!entry) continue;
    for (const value of entry.values) {
      if (value === edition.switches[name]) continue;
      const altCtx = makeContext(withSwitch(edition, name, value));
      const changes: string[] = [];
      const altCaps = rule.caps(altCtx);
      if (JSON.stringify(altCaps.map(capText)) !== JSON.stringify(caps.map(capText))) {
        changes.push(`caps: ${altCaps.length === 0 ? "none" : altCaps.map(capText).join("; ")}`);
      }
      const altOnce = rule.once(altCtx);
      if (altOnce !== once) changes.push(`one-time scope: ${altOnce ? `\`${altOnce}\`` : "none"}`);
      const altConditions = conditionsOf(rule, altCtx);
      const describe = (list: readonly ConditionResult[] | null) => JSON.stringify((list ?? []).map((x) => [x.id, x.label, conditionText(x)]));
      if (describe(altConditions) !== describe(conditions)) {
        changes.push(`conditions: ${(altConditions ?? []).map((x) => `\`${x.id}\` ${x.label.en}: ${conditionText(x)}`).join("; ")}`);
      }
      alternatives.push(`- \`${name}\` = \`${value}\`: ${changes.length === 0 ? "changes the arithmetic only" : changes.join("; ")}`);
    }
  }
  if (alternatives.length > 0) out.push("**Under the alternative readings:**", "", ...alternatives, "");

  out.push(`**Reason codes:** ${reasonCodesOf(conditions, caps).map((code) => `\`${code}\``).join(", ")}, and any note the arithmetic adds (see [Reason codes](#reason-codes)).`, "");

  out.push("");
  return out;
}

/** docs/clauses.md, from the registry at hand. */
export function renderClauseReference(edition: Edition = DRAFT_EDITION): string {
  const rules = listRules();
  const implemented = new Set(rules.map((rule) => rule.id));
  const pending = Object.keys(edition.parameters).filter((id) => !implemented.has(id));
  const out: string[] = [];
  out.push(
    "<!-- Generated by `npm run docs` (scripts/gen-docs.ts, src/docs/reference.ts) from the rule registry. Do not edit by hand. -->",
    "",
    "# Clause reference",
    "",
    `Every clause in the registry, in the order of the text, with the figures of the edition \`${edition.id}\`:`,
    `${edition.name.zh} (${edition.name.en}).`,
    "Amounts are computed exactly, rounded once (switch `rounding`), then capped, in yuan.",
    "The ambiguity register, with every switch and its values, is in [ambiguity-register.md](ambiguity-register.md).",
    "",
    "| id | title | citation | formula |",
    "| --- | --- | --- | --- |",
  );
  for (const rule of rules) {
    out.push(`| [\`${rule.id}\`](#${slugOf(headingOf(rule))}) | ${cell(rule.title.zh)} ${cell(rule.title.en)} | ${cell(rule.citation.labelZh)} | ${cell(rule.formula.en)} |`);
  }
  out.push("");
  if (pending.length > 0) {
    out.push(`Clauses with figures in the edition but no rule in the registry yet: ${pending.map((id) => `\`${id}\``).join(", ")}.`, "");
  }
  for (const rule of rules) out.push(...renderRule(rule, edition));

  out.push("## Reason codes", "", "Stable codes a clause result carries (other systems store them; they are never renamed):", "");
  out.push("| code | en | zh |", "| --- | --- | --- |");
  for (const reason of Object.values(CLAUSE_REASON_CODES)) {
    out.push(`| \`${reason.code}\` | ${cell(reason.en)} | ${cell(reason.zh)} |`);
  }
  out.push("");
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
