/**
 * Editions as documents: a caller derives a new edition (the trial text, or a what-if) from an existing
 * one by overriding some parameters, switches or dates. The override is validated field by field
 * against the shape of the base edition's parameters, so a typo or a "30%" never becomes a silent zero.
 */
import * as z from "zod";
import { type CivilDate, isCivilDate, readCivilDate } from "../kernel/dates.js";
import { Dec, formatPlain, isDecimal, MAX_MONEY, readDecimal, ZERO } from "../kernel/decimal.js";
import { makeIssue, PolicyValidationError } from "../kernel/errors.js";
import { parseOrThrow } from "../kernel/fields.js";
import { THRESHOLD_WORDS } from "../kernel/words.js";
import { DRAFT_EDITION } from "./edition-draft.js";
import { type Edition, type Parameters, SWITCH_VALUES, sealEdition, type SwitchName, type Switches } from "./edition.js";

const MIN_THRESHOLD = new Dec("-1000000000000");

/** A decimal written as a string in an edition: a parameter value. */
function decimalText(min: typeof ZERO, what: string, whatZh: string) {
  return z
    .string()
    .superRefine((text, ctx) => {
      const value = readDecimal(text, { min, max: MAX_MONEY, what, whatZh });
      if (!isDecimal(value)) {
        ctx.addIssue({ code: "custom", message: value.expected, input: text, params: { ...value } });
      }
    })
    .meta({ type: "string", pattern: "^-?\\d+(\\.\\d+)?$", description: `${what} / ${whatZh}` });
}

const parameterValue = decimalText(ZERO, "a parameter: a non-negative decimal written as a string", "参数：以字符串书写的非负小数");
const thresholdSchema = z
  .strictObject({
    value: decimalText(MIN_THRESHOLD, "a threshold value written as a string", "以字符串书写的门槛值").optional(),
    word: z.enum(THRESHOLD_WORDS).optional(),
  })
  .meta({ description: "A threshold: its number and the word of the text (以上 ≥, 超过 >) / 门槛：数值与条文用语" });
const wordSchema = z.enum(THRESHOLD_WORDS);

type Shape = Record<string, z.ZodType>;

/** Build the override schema of one clause's parameters from the draft's own values. */
function clauseParameterSchema(values: Record<string, unknown>) {
  const shape: Shape = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "object" && value !== null) shape[key] = thresholdSchema.optional();
    else if (key.endsWith("Word")) shape[key] = wordSchema.optional();
    else shape[key] = parameterValue.optional();
  }
  return z.strictObject(shape);
}

const parametersOverrideSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(DRAFT_EDITION.parameters).map(([clauseId, values]) => [
      clauseId,
      clauseParameterSchema(values as Record<string, unknown>).optional(),
    ]),
  ),
);

const dateText = z
  .string()
  .superRefine((text, ctx) => {
    const value = readCivilDate(text);
    if (!isCivilDate(value)) ctx.addIssue({ code: "custom", message: value.expected, input: text, params: { ...value } });
  })
  .meta({ type: "string", format: "date", description: "A civil date YYYY-MM-DD / 日历日期" });

const switchesOverrideSchema = z.strictObject(
  Object.fromEntries(
    (Object.keys(SWITCH_VALUES) as SwitchName[]).map((name) => [
      name,
      z
        .enum(SWITCH_VALUES[name].values as unknown as [string, ...string[]])
        .optional()
        .meta({ description: `${SWITCH_VALUES[name].register}; default "${SWITCH_VALUES[name].values[0]}"` }),
    ]),
  ),
);

/** An edition document: what a caller writes to derive an edition (the trial text, or a what-if). */
export const editionOverrideSchema = z
  .strictObject({
    id: z.string().min(1).max(100).optional().meta({ description: "Stable id of the new edition, e.g. \"trial-2024\"" }),
    name: z.strictObject({ zh: z.string().min(1).max(300), en: z.string().min(1).max(300) }).optional(),
    base: z.literal("draft").optional().meta({ description: "The edition derived from; the draft is the only shipped one" }),
    publishedOn: dateText.nullable().optional().meta({ description: "第十四条: publication day (in force from it)" }),
    validUntil: dateText.nullable().optional().meta({ description: "An explicit last day, where the document states one" }),
    validityYears: z.number().int().min(1).max(20).optional(),
    parameters: parametersOverrideSchema.optional(),
    switches: switchesOverrideSchema.optional(),
    wordDefinitions: z.partialRecord(wordSchema, z.enum([">=", ">", "<=", "<"])).optional(),
  })
  .meta({ title: "Edition override", description: "平谷区直播电商措施 — an edition derived from the draft" });

export type EditionOverride = z.input<typeof editionOverrideSchema>;

function mergeParameters(base: Parameters, overrides: Record<string, Record<string, unknown>> | undefined): Parameters {
  if (!overrides) return base;
  const merged: Record<string, Record<string, unknown>> = {};
  for (const [clauseId, values] of Object.entries(base)) {
    const override = overrides[clauseId] ?? {};
    const clause: Record<string, unknown> = { ...(values as Record<string, unknown>) };
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined) continue;
      const current = clause[key];
      clause[key] = typeof current === "object" && current !== null ? { ...current, ...(value as object) } : value;
    }
    merged[clauseId] = clause;
  }
  return merged as unknown as Parameters;
}

/** Canonical decimal text for parameters ("0.3" and "0.30" are the same figure). */
function normaliseDecimals(value: unknown, key = ""): unknown {
  if (typeof value === "string" && key !== "word" && !key.endsWith("Word") && /^-?\d+(\.\d+)?$/.test(value)) {
    return formatPlain(new Dec(value));
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDecimals(v, k)]));
  }
  return value;
}

/** An id for a derived edition that says what changed: only the dates, or figures and switches too. */
function derivedId(baseId: string, o: { publishedOn?: string | null; validUntil?: string | null; parameters?: unknown; switches?: unknown; wordDefinitions?: unknown; validityYears?: number }): string {
  const whatIf = o.parameters !== undefined || o.switches !== undefined || o.wordDefinitions !== undefined || o.validityYears !== undefined;
  const dated = typeof o.publishedOn === "string" ? `@published-${o.publishedOn}` : "";
  return `${baseId}${dated}${whatIf ? "+what-if" : ""}`;
}

/** The names an object accepts at a path of an edition override, for "unknown field" messages. */
function knownEditionFields(path: readonly PropertyKey[]): readonly string[] {
  const [first, clauseId, parameter] = path;
  if (path.length === 0) return Object.keys(editionOverrideSchema.shape);
  if (first === "switches") return Object.keys(SWITCH_VALUES);
  if (first === "name") return ["zh", "en"];
  // Its keys are the threshold words: a typo (高于) is answered with the words there are.
  if (first === "wordDefinitions") return THRESHOLD_WORDS;
  if (first !== "parameters") return [];
  const parameters = DRAFT_EDITION.parameters as unknown as Record<string, Record<string, unknown>>;
  if (path.length === 1) return Object.keys(parameters);
  const clause = parameters[String(clauseId)];
  if (!clause) return [];
  return path.length === 2 ? Object.keys(clause) : parameter !== undefined ? ["value", "word"] : [];
}

/**
 * Derive a new edition from `base` (the draft by default) with validated overrides. Throws
 * PolicyValidationError naming each bad field. The result is deeply frozen.
 */
export function deriveEdition(overrides: unknown, base: Edition = DRAFT_EDITION): Edition {
  const o = parseOrThrow(editionOverrideSchema, overrides, "edition", ["edition"], knownEditionFields);
  const switches: Switches = { ...base.switches, ...(o.switches as Partial<Switches> | undefined) };
  const edition: Edition = {
    id: o.id ?? derivedId(base.id, o),
    name: o.name ?? base.name,
    publishedOn: o.publishedOn === undefined ? base.publishedOn : (o.publishedOn as CivilDate | null),
    validUntil: o.validUntil === undefined ? base.validUntil : (o.validUntil as CivilDate | null),
    validityYears: o.validityYears ?? base.validityYears,
    parameters: normaliseDecimals(mergeParameters(base.parameters, o.parameters as never)) as Parameters,
    switches,
    wordDefinitions: { ...base.wordDefinitions, ...(o.wordDefinitions ?? {}) },
  };
  if (edition.publishedOn !== null && edition.validUntil !== null && edition.validUntil < edition.publishedOn) {
    throw new PolicyValidationError(
      [
        makeIssue({
          code: "inconsistent",
          pathSegments: ["edition", "validUntil"],
          received: edition.validUntil,
          expected: `a last day on or after the publication day ${edition.publishedOn}`,
          expectedZh: `不早于发布日期 ${edition.publishedOn} 的截止日期`,
        }),
      ],
      "edition",
    );
  }
  return sealEdition(edition);
}
