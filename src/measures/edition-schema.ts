/**
 * One validation for editions, wherever they enter (docs/conventions.md §4): what every parameter of every
 * clause may be, as a table checked by the compiler against `Parameters`, and the zod schemas built from
 * it — the complete edition (`validateEdition`) and the partial override a caller derives one from
 * (`deriveEdition`). Both read each figure with the same reader, so a figure refused in one is refused
 * in the other with the same words.
 *
 * The rules (A20 and the "editions are validated" rule, docs/conventions.md §2): rates in [0, 1], any
 * precision; caps and fixed awards whole yuan > 0 (so rounding to the fen then capping never passes a
 * cap); increment steps > 0; thresholds ≥ 0, yuan thresholds to the fen and counts whole; dates civil
 * dates without a time; switch values from their lists.
 *
 * This module reads no runtime value of edition.ts (its switch table is passed in), so edition.ts can
 * validate through it without an import cycle.
 */
import * as z from "zod";
import { isCivilDate, readCivilDate } from "../kernel/dates.js";
import { type DecimalBounds, Dec, isDecimal, MAX_GROWTH_RATE, MAX_MONEY, readDecimal, ZERO } from "../kernel/decimal.js";
import { makeIssue, PolicyValidationError, shortName, type ValidationIssue } from "../kernel/errors.js";
import { toValidationIssues } from "../kernel/fields.js";
import { THRESHOLD_WORDS } from "../kernel/words.js";
import type { Edition, Parameters, SwitchName, Switches } from "./edition.js";

/** What a parameter is, which decides what values it may take. */
export type ParameterKind =
  /** A share, in [0, 1], any precision (30% = "0.30"). */
  | "rate"
  /** A cap or a fixed award: whole yuan, > 0. */
  | "whole-yuan"
  /** An increment counted in yuan (art3.3 每增加1000万元): > 0, to the fen. */
  | "yuan-step"
  /** An increment counted in units (art7.1-express 每增加1万单): a whole number > 0. */
  | "count-step"
  /** A threshold in yuan: ≥ 0, to the fen. */
  | "yuan-threshold"
  /** A threshold counting things (enterprises, person-times, parcels): a whole number ≥ 0. */
  | "count-threshold"
  /** A threshold in square metres: ≥ 0. */
  | "area-threshold"
  /** A threshold on a rate (a growth rate, a placement rate): ≥ 0. */
  | "rate-threshold"
  /** A threshold word of the text (不低于). */
  | "word";

/**
 * The kind of every parameter of every clause. Typed against `Parameters`, so a parameter added to an
 * edition without a kind here does not compile.
 */
export const PARAMETER_KINDS: { readonly [C in keyof Parameters]: { readonly [K in keyof Parameters[C]]-?: ParameterKind } } = {
  "art3.1": {
    minUsedArea: "area-threshold",
    minAnnualOnlineRetail: "yuan-threshold",
    minInvestment: "yuan-threshold",
    rate: "rate",
    capPerPark: "whole-yuan",
  },
  "art3.2": { rate: "rate", capPerEnterprise: "whole-yuan" },
  "art3.2-mofcom": { award: "whole-yuan" },
  "art3.3": {
    minAnnualOnlineRetail: "yuan-threshold",
    growthWord: "word",
    baseAward: "whole-yuan",
    incrementStep: "yuan-step",
    incrementAward: "whole-yuan",
    cap: "whole-yuan",
  },
  "art4.1-investment": { minAnnualOnlineRetail: "yuan-threshold", rate: "rate", capPerClaim: "whole-yuan" },
  "art4.1-session": {
    minSessionTurnover: "yuan-threshold",
    rate: "rate",
    capPerSession: "whole-yuan",
    capPerEnterprisePerYear: "whole-yuan",
  },
  "art4.2": { rate: "rate", capPerEnterprisePerYear: "whole-yuan" },
  "art5.1": {
    minLocalEnterprises: "count-threshold",
    minCumulativeTurnover: "yuan-threshold",
    maxRate: "rate",
    capPerEnterprise: "whole-yuan",
  },
  "art5.2": { minAnnualTurnover: "yuan-threshold", award: "whole-yuan" },
  "art6.1": { minPersonTimes: "count-threshold", minPlacementRate: "rate-threshold", cap: "whole-yuan" },
  "art6.2": { rate: "rate", capPerProject: "whole-yuan" },
  "art7.1-logistics": { rate: "rate", capPerProject: "whole-yuan" },
  "art7.1-express": {
    minAnnualParcels: "count-threshold",
    baseAward: "whole-yuan",
    incrementStep: "count-step",
    incrementAward: "whole-yuan",
    capPerEnterprisePerYear: "whole-yuan",
  },
  "art7.2": {
    minAnnualOnlineRetail: "yuan-threshold",
    minGrowthRate: "rate-threshold",
    shareOfBenchmark: "rate",
    capPerEnterprisePerYear: "whole-yuan",
  },
};

const WHOLE_YUAN = {
  en: "an edition's caps and fixed awards are whole yuan, so rounding to the fen then capping never passes a cap",
  zh: "版本中的上限与定额奖励以元为单位取整，先按分舍入再封顶不会超过上限",
};

/** The bounds of a decimal parameter's value, by kind (a threshold's bounds are those of its value). */
const BOUNDS: { readonly [K in Exclude<ParameterKind, "word">]: DecimalBounds } = {
  rate: { min: ZERO, max: new Dec(1), example: "0.30", what: "a rate as a decimal fraction between 0 and 1 (30% = \"0.30\")", whatZh: "0 至 1 之间以小数表示的比例（30% 写作 \"0.30\"）" },
  "whole-yuan": { min: new Dec(1), max: MAX_MONEY, maxPlaces: 0, placesWhy: WHOLE_YUAN, what: "a cap or award in whole yuan, more than 0", whatZh: "以元为单位的整数上限或奖励，大于 0" },
  "yuan-step": { min: new Dec("0.01"), max: MAX_MONEY, maxPlaces: 2, what: "an increment in yuan, more than 0", whatZh: "以元为单位的递增档，大于 0" },
  "count-step": { min: new Dec(1), max: MAX_MONEY, integer: true, what: "an increment counting units, a whole number more than 0", whatZh: "按件数计的递增档，大于 0 的整数" },
  "yuan-threshold": { min: ZERO, max: MAX_MONEY, maxPlaces: 2, what: "a threshold in yuan", whatZh: "以元为单位的门槛" },
  "count-threshold": { min: ZERO, max: MAX_MONEY, integer: true, what: "a threshold counting units", whatZh: "计数门槛" },
  "area-threshold": { min: ZERO, max: MAX_MONEY, what: "a threshold in square metres", whatZh: "以平方米为单位的门槛" },
  "rate-threshold": { min: ZERO, max: MAX_GROWTH_RATE, example: "0.10", what: "a threshold on a rate, as a decimal fraction (10% = \"0.10\")", whatZh: "以小数表示的比例门槛（10% 写作 \"0.10\"）" },
};

/** A problem a hand-written check found: the words of the issue, and its code when not invalid_value. */
interface Problem {
  readonly code?: "required" | "invalid_type" | "invalid_value" | "unknown_field";
  readonly expected: string;
  readonly expectedZh: string;
  readonly hintEn?: string | undefined;
  readonly hintZh?: string | undefined;
}

/**
 * A field checked by a plain function rather than by zod's typed schemas: the spreadsheet bundle carries
 * `evaluateClause`, hence this module, within a budget of 150,000 bytes, and zod's string, number and
 * record schemas would add some 25,000 of it. The JSON Schema type is declared with `.meta`.
 */
function checked<T>(check: (raw: unknown) => Problem | undefined, json: Record<string, unknown>): z.ZodType<T> {
  return z
    .unknown()
    .superRefine((raw, ctx) => {
      const problem = check(raw);
      if (problem) ctx.addIssue({ code: "custom", message: problem.expected, input: raw, params: { ...problem } });
    })
    .meta(json) as unknown as z.ZodType<T>;
}

const missingOr = (raw: unknown, problem: Problem): Problem => (raw === undefined ? { ...problem, code: "required" } : problem);

/** A figure of an edition: a decimal written as a string, read with the bounds of its kind. */
function figure(bounds: DecimalBounds) {
  const whole = bounds.integer === true || bounds.maxPlaces === 0;
  return checked<string>(
    (raw) => {
      if (typeof raw !== "string") return missingOr(raw, { code: "invalid_type", expected: `${bounds.what}, written as a string`, expectedZh: `${bounds.whatZh}，写作字符串` });
      const value = readDecimal(raw, bounds);
      return isDecimal(value) ? undefined : value;
    },
    { type: "string", pattern: whole ? "^\\d+$" : "^\\d+(\\.\\d+)?$", description: `${bounds.what} / ${bounds.whatZh}` },
  );
}

/** A text of `min` to `max` characters. */
function text(min: number, max: number, description: string) {
  return checked<string>(
    (raw) =>
      typeof raw === "string" && raw.length >= min && raw.length <= max
        ? undefined
        : missingOr(raw, { code: typeof raw === "string" ? "invalid_value" : "invalid_type", expected: `a text of ${min} to ${max} characters`, expectedZh: `${min} 至 ${max} 个字符的文本` }),
    { type: "string", minLength: min, maxLength: max, description },
  );
}

const wordSchema = z.enum(THRESHOLD_WORDS);
const OPERATORS = [">=", ">", "<=", "<"] as const;

function thresholdSchema(bounds: DecimalBounds, partial: boolean) {
  const value = figure(bounds);
  return z
    .strictObject(partial ? { value: value.optional(), word: wordSchema.optional() } : { value, word: wordSchema })
    .meta({ description: "A threshold: its number and the word of the text (以上 ≥, 超过 >) / 门槛：数值与条文用语" });
}

/** The schema of one parameter, by its kind; `partial` for an override (a threshold's parts optional). */
export function parameterSchema(kind: ParameterKind, partial: boolean): z.ZodType {
  if (kind === "word") return wordSchema;
  const bounds = BOUNDS[kind];
  return kind.endsWith("-threshold") ? thresholdSchema(bounds, partial) : figure(bounds);
}

/** The parameters of every clause: complete (an edition), or each part optional (an override). */
export function parametersSchema(partial: boolean) {
  return z.strictObject(
    Object.fromEntries(
      Object.entries(PARAMETER_KINDS).map(([clauseId, kinds]) => {
        const shape = Object.fromEntries(
          Object.entries(kinds as Record<string, ParameterKind>).map(([key, kind]) => {
            const schema = parameterSchema(kind, partial);
            return [key, partial ? schema.optional() : schema];
          }),
        );
        const clause = z.strictObject(shape);
        return [clauseId, partial ? clause.optional() : clause];
      }),
    ),
  );
}

/** A civil date `YYYY-MM-DD`, without a time: results must not depend on the host's time zone. */
export const civilDateText = checked<string>(
  (raw) => {
    const value = readCivilDate(raw);
    return isCivilDate(value) ? undefined : missingOr(raw, value);
  },
  { type: "string", format: "date", description: "A civil date YYYY-MM-DD / 日历日期" },
);

type SwitchTable = { readonly [K in SwitchName]: { readonly register: string; readonly values: readonly Switches[K][] } };

/** The switches: every one present (an edition) or any (an override), each value from its list. */
export function switchesSchema(switchValues: SwitchTable, partial: boolean) {
  return z.strictObject(
    Object.fromEntries(
      (Object.keys(switchValues) as SwitchName[]).map((name) => {
        const entry = switchValues[name];
        const values = z.enum(entry.values as unknown as [string, ...string[]]);
        return [name, (partial ? values.optional() : values).meta({ description: `${entry.register}; default "${entry.values[0]}"` })];
      }),
    ),
  );
}

export const editionNameSchema = z.strictObject({ zh: text(1, 300, "Name in Chinese / 中文名称"), en: text(1, 300, "Name in English / 英文名称") });
export const editionIdSchema = text(1, 100, "Stable id of the edition / 版本编号");
export const validityYearsSchema = checked<number>(
  (raw) =>
    typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 20
      ? undefined
      : missingOr(raw, { code: typeof raw === "number" ? "invalid_value" : "invalid_type", expected: "a whole number of years from 1 to 20", expectedZh: "1 至 20 之间的整数年" }),
  { type: "integer", minimum: 1, maximum: 20, description: "第十四条 有效期 (years) / 有效年数" },
);

/** The edition's own meanings of threshold words (A11): each key a word of §1, each value an operator. */
export const wordDefinitionsSchema = z
  .unknown()
  .transform((raw, ctx) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      const problem = missingOr(raw, { code: "invalid_type", expected: "an object (JSON {…}) of threshold words and operators", expectedZh: "由门槛用语与运算符组成的对象（JSON {…}）" });
      ctx.addIssue({ code: "custom", message: problem.expected, input: raw, params: { ...problem } });
      return z.NEVER;
    }
    const out: Record<string, string> = {};
    for (const key of Object.keys(raw)) {
      const value = (raw as Record<string, unknown>)[key];
      if (!(THRESHOLD_WORDS as readonly string[]).includes(key)) {
        // Worded as every unknown field is (fields.ts): the names known here are the threshold words.
        const problem: Problem = {
          code: "unknown_field",
          expected: `no field named "${shortName(key)}" here; known fields: ${THRESHOLD_WORDS.join(", ")}`,
          expectedZh: `此处没有名为“${shortName(key)}”的字段；已知字段：${THRESHOLD_WORDS.join(", ")}`,
          hintEn: "check the spelling of the field name",
          hintZh: "请检查字段名拼写",
        };
        ctx.addIssue({ code: "custom", message: problem.expected, input: value, path: [key], params: { ...problem } });
      } else if (!(OPERATORS as readonly unknown[]).includes(value)) {
        const problem: Problem = { expected: `one of ${OPERATORS.map((op) => JSON.stringify(op)).join(", ")}`, expectedZh: `以下之一：${OPERATORS.map((op) => JSON.stringify(op)).join(", ")}` };
        ctx.addIssue({ code: "custom", message: problem.expected, input: value, path: [key], params: { ...problem } });
      } else out[key] = value as string;
    }
    return out as Partial<Record<(typeof THRESHOLD_WORDS)[number], (typeof OPERATORS)[number]>>;
  })
  .meta({
    type: "object",
    propertyNames: { enum: [...THRESHOLD_WORDS] },
    additionalProperties: { enum: [...OPERATORS] },
    description: "The edition's own meanings of threshold words (A11) / 本版本对门槛用语的定义",
  });

/** The complete edition, as `Edition` describes it. */
export function editionSchema(switchValues: SwitchTable) {
  return z
    .strictObject({
      id: editionIdSchema.meta({ description: "Stable id of the edition, e.g. \"draft\"" }),
      name: editionNameSchema,
      publishedOn: civilDateText.nullable().meta({ description: "第十四条: publication day (in force from it); null when not known" }),
      validUntil: civilDateText.nullable().meta({ description: "An explicit last day, where the document states one; else null" }),
      validityYears: validityYearsSchema,
      parameters: parametersSchema(false),
      switches: switchesSchema(switchValues, false),
      wordDefinitions: wordDefinitionsSchema,
    })
    .meta({ title: "Edition", description: "平谷区直播电商措施 — a complete edition: every figure, switch and date" });
}

/** The names an object accepts at a path of an edition, for "unknown field" messages. */
export function knownEditionFieldsAt(switchValues: SwitchTable, topLevel: readonly string[]) {
  return (path: readonly PropertyKey[]): readonly string[] => {
    const [first, clauseId, parameter] = path;
    if (path.length === 0) return topLevel;
    if (first === "switches") return Object.keys(switchValues);
    if (first === "name") return ["zh", "en"];
    if (first === "wordDefinitions") return THRESHOLD_WORDS;
    if (first !== "parameters") return [];
    const kinds = PARAMETER_KINDS as unknown as Record<string, Record<string, ParameterKind> | undefined>;
    if (path.length === 1) return Object.keys(kinds);
    const clause = kinds[String(clauseId)];
    if (!clause) return [];
    return path.length === 2 ? Object.keys(clause) : parameter !== undefined ? ["value", "word"] : [];
  };
}

/** The keys of an override document that a complete edition does not have. */
const OVERRIDE_ONLY_KEYS = ["base"];
const EDITION_KEYS = ["id", "name", "publishedOn", "validUntil", "validityYears", "parameters", "switches", "wordDefinitions"];

/**
 * An object that is not an edition but reads like an override document (the files of fixtures/editions/
 * and what `deriveEdition` takes): answered with a hint to derive an edition from it.
 */
function looksLikeOverride(raw: object): boolean {
  const keys = Object.keys(raw);
  if (keys.some((key) => OVERRIDE_ONLY_KEYS.includes(key))) return true;
  return keys.length > 0 && keys.every((key) => EDITION_KEYS.includes(key)) && EDITION_KEYS.some((key) => !keys.includes(key));
}

function overrideHint(path: readonly (string | number)[]): ValidationIssue {
  return makeIssue({
    code: "invalid_type",
    pathSegments: path,
    received: "an edition override document",
    expected: "a complete edition (id, name, publishedOn, validUntil, validityYears, parameters, switches, wordDefinitions)",
    expectedZh: "完整的版本（id、name、publishedOn、validUntil、validityYears、parameters、switches、wordDefinitions）",
    hint: "this looks like an edition override document (as in fixtures/editions/): derive an edition from it with deriveEdition(document)",
    hintZh: "这看起来是版本覆盖文件（如 fixtures/editions/ 中的文件）：请用 deriveEdition(文件) 由它派生版本",
  });
}

/** validUntil before publishedOn: both are dates, but not a window. */
export function windowIssue(publishedOn: unknown, validUntil: unknown, path: readonly (string | number)[]): ValidationIssue | undefined {
  if (typeof publishedOn !== "string" || typeof validUntil !== "string") return undefined;
  if (!isCivilDate(readCivilDate(publishedOn)) || !isCivilDate(readCivilDate(validUntil)) || validUntil >= publishedOn) return undefined;
  return makeIssue({
    code: "inconsistent",
    pathSegments: [...path, "validUntil"],
    received: validUntil,
    expected: `a last day on or after the publication day ${publishedOn}`,
    expectedZh: `不早于发布日期 ${publishedOn} 的截止日期`,
  });
}

/**
 * A validator of complete editions: the edition read into a fresh object (nothing of the caller's is
 * kept), or a PolicyValidationError listing every problem by path. Not sealed here (edition.ts seals).
 */
export function editionValidator(switchValues: SwitchTable): (raw: unknown, path?: readonly (string | number)[]) => Edition {
  const schema = editionSchema(switchValues);
  const known = knownEditionFieldsAt(switchValues, EDITION_KEYS);
  return (raw, path = ["edition"]) => {
    const parsed = schema.safeParse(raw, { reportInput: true });
    const issues: ValidationIssue[] = [];
    if (!parsed.success) {
      if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && looksLikeOverride(raw)) issues.push(overrideHint(path));
      issues.push(...toValidationIssues(parsed.error.issues, path, known));
    }
    const dates = parsed.success ? parsed.data : typeof raw === "object" && raw !== null ? (raw as { publishedOn?: unknown; validUntil?: unknown }) : {};
    const window = windowIssue(dates.publishedOn, dates.validUntil, path);
    if (window) issues.push(window);
    if (!parsed.success || issues.length > 0) throw new PolicyValidationError(issues, "edition");
    return parsed.data as unknown as Edition;
  };
}
