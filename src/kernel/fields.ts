/**
 * Zod field builders for facts and amounts, and the translation of zod's issues into the library's own
 * `ValidationIssue`s.
 *
 * Every scalar goes through one of the readers in decimal.ts / dates.ts, so an error always says what
 * was expected in English and Chinese, with a hint where the mistake is recognisable. Absent fields and
 * `null` are kept as `undefined`: a missing fact is never read as 0 or false (it makes a clause
 * `undetermined`). JSON Schema types are declared with `.meta`, since the readers accept `unknown`.
 */
import * as z from "zod";
import { type CivilDate, isCivilDate, readCivilDate } from "./dates.js";
import {
  type Decimal,
  type DecimalBounds,
  Dec,
  isDecimal,
  MAX_AREA,
  MAX_COUNT,
  MAX_GROWTH_RATE,
  MAX_MONEY,
  MIN_GROWTH_RATE,
  readDecimal,
  ZERO,
} from "./decimal.js";
import { makeIssue, PolicyValidationError, shortName, type ValidationIssue } from "./errors.js";

interface IssueParams {
  readonly expected: string;
  readonly expectedZh: string;
  readonly hintEn?: string | undefined;
  readonly hintZh?: string | undefined;
}

export interface FieldDoc {
  /** What the fact is, in English and Chinese (used in docs and error messages). */
  readonly en: string;
  readonly zh: string;
}

type Reader<T> = (raw: unknown) => T | IssueParams;

/**
 * The fast path. zod is the schema (JSON Schema, docs, and every error message), but walking a zod
 * pipeline for each of a million claims costs more than the arithmetic. So each field builder also
 * registers its reader here, and `facts()` compiles a plain loop over them. The loop only ever
 * *accepts*: on any problem it hands the input back to zod, which reports it — so the accepted values
 * and every error are exactly zod's.
 */
const INVALID: unique symbol = Symbol("invalid");
type FastReader = (raw: unknown) => unknown;
const FAST_FIELDS = new WeakMap<z.ZodType, FastReader>();
const FAST_OBJECTS = new WeakMap<z.ZodType, (raw: Record<string, unknown>) => unknown>();

function registerFast<S extends z.ZodType>(schema: S, read: FastReader): S {
  FAST_FIELDS.set(schema, read);
  return schema;
}

function fastOptional<T>(read: Reader<T>, isValue: (value: T | IssueParams) => value is T): FastReader {
  return (raw) => {
    if (raw === undefined || raw === null) return undefined;
    const value = read(raw);
    return isValue(value) ? value : INVALID;
  };
}

function fastRequired<T>(read: Reader<T>, isValue: (value: T | IssueParams) => value is T): FastReader {
  return (raw) => {
    const value = read(raw);
    return isValue(value) ? value : INVALID;
  };
}

function readerField<T>(
  read: Reader<T>,
  isValue: (value: T | IssueParams) => value is T,
  jsonType: Record<string, unknown>,
  doc: FieldDoc,
) {
  return z
    .unknown()
    .transform((raw, ctx): T => {
      const value = read(raw);
      if (isValue(value)) return value;
      ctx.issues.push({ code: "custom", message: value.expected, input: raw, params: { ...value } });
      return z.NEVER;
    })
    .meta({ ...jsonType, description: `${doc.en} / ${doc.zh}` });
}

/** A fact that may be unknown: absent or null reads as `undefined` (missing), never as 0 or false. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => (value === null ? undefined : value));
}

const DECIMAL_JSON = { type: ["string", "number"], pattern: "^-?\\d+(\\.\\d+)?$" } as const;
const INTEGER_JSON = { type: ["string", "integer"], pattern: "^\\d+$" } as const;

function decimalField(bounds: DecimalBounds, doc: FieldDoc, json: Record<string, unknown>) {
  const read: Reader<Decimal> = (raw) => readDecimal(raw, bounds);
  return registerFast(optional(readerField<Decimal>(read, isDecimal, json, doc)), fastOptional(read, isDecimal));
}

/**
 * Every money input: yuan to the fen (A20, docs/conventions.md §2). Three places are refused, not
 * rounded: a fraction of a fen in a fact or a grant is a typing error, and rounding it either way would
 * decide an amount the applicant did not state.
 */
export const MONEY_BOUNDS: DecimalBounds = { min: ZERO, max: MAX_MONEY, maxPlaces: 2, what: "an amount in yuan", whatZh: "以元为单位的金额" };
const MONEY_JSON = { type: ["string", "number"], pattern: "^-?\\d+(\\.\\d{1,2}0*)?$" } as const;

/** An amount of money in yuan (元), ≥ 0, to the fen. */
export function money(doc: FieldDoc) {
  return decimalField(MONEY_BOUNDS, doc, MONEY_JSON);
}

/** A growth rate as a decimal fraction (10% = 0.10); may be negative, never below −100%. */
export function growthRate(doc: FieldDoc) {
  return decimalField(
    {
      min: MIN_GROWTH_RATE,
      max: MAX_GROWTH_RATE,
      what: "a growth rate as a decimal fraction (10% = 0.10)",
      whatZh: "以小数表示的增速（10% 写作 0.10）",
    },
    doc,
    DECIMAL_JSON,
  );
}

/** A share or rate between 0 and 1 as a decimal fraction (20% = 0.20). */
export function fraction(doc: FieldDoc) {
  return decimalField(
    { min: ZERO, max: new Dec(1), what: "a fraction between 0 and 1 (20% = 0.20)", whatZh: "0 至 1 之间的小数（20% 写作 0.20）" },
    doc,
    DECIMAL_JSON,
  );
}

/** An annual interest rate as a decimal fraction (3.45% = 0.0345), between 0 and 1. */
export function annualRate(doc: FieldDoc) {
  return decimalField(
    { min: ZERO, max: new Dec(1), what: "an annual rate as a decimal fraction (3.45% = 0.0345)", whatZh: "以小数表示的年利率（3.45% 写作 0.0345）" },
    doc,
    DECIMAL_JSON,
  );
}

/** A whole count (orders, person-times, enterprises), ≥ 0. */
export function count(doc: FieldDoc) {
  return decimalField(
    { min: ZERO, max: MAX_COUNT, integer: true, what: "a count", whatZh: "计数" },
    doc,
    INTEGER_JSON,
  );
}

/** An area in square metres (平方米), ≥ 0. */
export function area(doc: FieldDoc) {
  return decimalField({ min: ZERO, max: MAX_AREA, what: "an area in square metres", whatZh: "以平方米为单位的面积" }, doc, DECIMAL_JSON);
}

const EXPECTED_BOOLEAN: IssueParams = { expected: "true or false", expectedZh: "true 或 false" };

function readBoolean(raw: unknown): boolean | IssueParams {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "string" && /^(true|false|yes|no|是|否)$/i.test(raw.trim())) {
    return {
      ...EXPECTED_BOOLEAN,
      hintEn: "give the JSON boolean true or false, not text",
      hintZh: "请填写 JSON 布尔值 true 或 false，而不是文字",
    };
  }
  return EXPECTED_BOOLEAN;
}

/** A yes/no fact (a recognition, a review finding); absent means unknown, not false. */
const isBoolean = (value: boolean | IssueParams): value is boolean => typeof value === "boolean";

export function fact(doc: FieldDoc) {
  return registerFast(optional(readerField<boolean>(readBoolean, isBoolean, { type: "boolean" }, doc)), fastOptional(readBoolean, isBoolean));
}

/** A civil date `YYYY-MM-DD`. */
const isDate = (value: CivilDate | IssueParams): value is CivilDate => typeof value === "string" && isCivilDate(value);

export function date(doc: FieldDoc) {
  return registerFast(
    optional(readerField<CivilDate>(readCivilDate, isDate, { type: "string", format: "date" }, doc)),
    fastOptional(readCivilDate, isDate),
  );
}

/** A strict object: an unknown field is an error (a typo must not silently become a missing fact). */
export function facts<S extends z.ZodRawShape>(shape: S) {
  const schema = z.strictObject(shape);
  const keys = Object.keys(shape);
  const readers = keys.map((key) => FAST_FIELDS.get(shape[key] as z.ZodType));
  if (readers.every((reader) => reader !== undefined)) {
    const known = new Set(keys);
    FAST_OBJECTS.set(schema, (raw) => {
      // for…in walks an object's keys without allocating their list; an inherited enumerable key (a
      // polluted prototype) is not a field either, so it too sends the input to zod.
      for (const key in raw) if (!known.has(key)) return INVALID;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const value = (readers[i] as FastReader)(raw[key]);
        if (value === INVALID) return INVALID;
        if (value !== undefined) out[key] = value;
      }
      return out;
    });
  }
  return schema;
}

function joinKnown(keys: readonly string[]): string {
  return keys.length === 0 ? "(none)" : keys.join(", ");
}

/**
 * Translate zod's issues into ours. `knownFields` maps a JSON path (as formatted) to the field names an
 * object there accepts, so an unknown field can be answered with the list of known ones.
 */
export function toValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  basePath: readonly (string | number)[] = [],
  knownFieldsAt: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): ValidationIssue[] {
  const result: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment))];
    const received = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "custom": {
        const params = (issue.params ?? {}) as Partial<IssueParams> & { code?: ValidationIssue["code"] };
        result.push(
          makeIssue({
            code: params.code ?? "invalid_value",
            pathSegments: path,
            received,
            expected: params.expected ?? issue.message,
            expectedZh: params.expectedZh ?? issue.message,
            hint: params.hintEn,
            hintZh: params.hintZh,
          }),
        );
        break;
      }
      case "unrecognized_keys": {
        const known = knownFieldsAt(issue.path);
        for (const key of issue.keys) {
          result.push(
            makeIssue({
              code: "unknown_field",
              pathSegments: [...path, key],
              received: (received as Record<string, unknown> | undefined)?.[key],
              expected: `no field named "${shortName(key)}" here; known fields: ${joinKnown(known)}`,
              expectedZh: `此处没有名为“${shortName(key)}”的字段；已知字段：${joinKnown(known)}`,
              hint: "check the spelling of the field name",
              hintZh: "请检查字段名拼写",
            }),
          );
        }
        break;
      }
      case "invalid_type": {
        const expected = String(issue.expected);
        const missing = received === undefined;
        result.push(
          makeIssue({
            code: missing ? "required" : "invalid_type",
            pathSegments: path,
            received,
            expected: describeType(expected).en,
            expectedZh: describeType(expected).zh,
          }),
        );
        break;
      }
      case "invalid_value": {
        const options = issue.values.map((value) => JSON.stringify(value)).join(", ");
        result.push(
          makeIssue({
            // A field of a fixed list that is absent is missing, as any other absent field.
            code: received === undefined ? "required" : "invalid_value",
            pathSegments: path,
            received,
            expected: `one of ${options}`,
            expectedZh: `以下之一：${options}`,
          }),
        );
        break;
      }
      case "too_small":
      case "too_big": {
        // A schema's own message (an id's: "claim id, unique within the application: …") stays; zod's
        // default words (English only, or "Invalid input" in the spreadsheet bundle) are replaced.
        if (!ZOD_DEFAULT_SIZE_MESSAGE.test(issue.message)) {
          result.push(makeIssue({ code: "invalid_value", pathSegments: path, received, expected: issue.message, expectedZh: issue.message }));
          break;
        }
        const size = sizeText(issue.code === "too_small", issue.origin, Number(issue.code === "too_small" ? issue.minimum : issue.maximum));
        result.push(makeIssue({ code: "invalid_value", pathSegments: path, received, expected: size.en, expectedZh: size.zh }));
        break;
      }
      default:
        result.push(
          makeIssue({
            code: "invalid_value",
            pathSegments: path,
            received,
            expected: issue.message,
            expectedZh: issue.message,
          }),
        );
    }
  }
  return result;
}

const ZOD_DEFAULT_SIZE_MESSAGE = /^(Too small|Too big|Invalid input)/;

/** zod's size limits in our words: "a text of at least 1 character", "at most 1,000 items". */
function sizeText(atLeast: boolean, origin: string, limit: number): { en: string; zh: string } {
  const bound = atLeast ? { en: "at least", zh: "至少" } : { en: "at most", zh: "至多" };
  const count = limit.toLocaleString("en-US");
  switch (origin) {
    case "string":
      return atLeast && limit === 1
        ? { en: "a non-empty text", zh: "非空文本" }
        : { en: `a text of ${bound.en} ${count} characters`, zh: `${bound.zh} ${limit} 个字符的文本` };
    case "array":
    case "set":
      return { en: `a list of ${bound.en} ${count} items`, zh: `${bound.zh} ${limit} 项的列表` };
    default:
      return { en: `a value of ${bound.en} ${count}`, zh: `${bound.zh}为 ${limit} 的数值` };
  }
}

function describeType(expected: string): { en: string; zh: string } {
  switch (expected) {
    case "object":
      return { en: "an object (JSON {…})", zh: "对象（JSON {…}）" };
    case "array":
      return { en: "an array (JSON […])", zh: "数组（JSON […]）" };
    case "string":
      return { en: "a string", zh: "字符串" };
    case "boolean":
      return { en: "true or false", zh: "true 或 false" };
    case "number":
      return { en: "a number", zh: "数值" };
    // z.record (a claim's facts): to the person who sent it, an object like any other.
    case "record":
      return { en: "an object (JSON {…})", zh: "对象（JSON {…}）" };
    default:
      return { en: expected, zh: expected };
  }
}

/** What the fields' lists need to know of a zod schema's definition. */
interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly element?: z.core.$ZodType;
  readonly innerType?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
}

function defOf(schema: z.core.$ZodType): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

/** The schema itself, without the optional / nullable / default / pipe wrappers around it. */
function unwrapped(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let def = defOf(current); ; def = defOf(current)) {
    const inner = def.type === "pipe" ? def.in : def.innerType;
    if (inner === undefined) return current;
    current = inner;
  }
}

/**
 * The field names an object accepts at each path of a document that `schema` reads ([] where there is
 * no object, or the path leaves the schema): for `toValidationIssues`, so that an unknown field anywhere
 * in the document is answered with the fields known there ("histroy" → applicant, claims, history).
 */
export function knownFieldsIn(schema: z.ZodType): (path: readonly PropertyKey[]) => readonly string[] {
  return (path) => {
    let current: z.core.$ZodType | undefined = unwrapped(schema);
    for (const segment of path) {
      const def = defOf(current);
      current = def.type === "object" ? def.shape?.[String(segment)] : def.type === "array" && typeof segment === "number" ? def.element : undefined;
      if (current === undefined) return [];
      current = unwrapped(current);
    }
    const def = defOf(current);
    return def.type === "object" && def.shape !== undefined ? Object.keys(def.shape) : [];
  };
}

/**
 * Parse with a zod schema and either return the data or throw one PolicyValidationError carrying every
 * issue. The raw ZodError never escapes.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  context: string,
  basePath: readonly (string | number)[] = [],
  knownFieldsAt?: (path: readonly PropertyKey[]) => readonly string[],
): z.output<S> {
  return parseWith(FAST_OBJECTS.get(schema), schema, raw, context, basePath, knownFieldsAt);
}

/** The compiled fast path of a `facts()` schema, if it has one (to look up once, not per call). */
export type FastParser = (raw: Record<string, unknown>) => unknown;

/**
 * The fast reader of one field schema made by this module (money, fact, date, …): it returns the value
 * zod would return, or `FAST_INVALID` where zod must be asked (it reports the problem).
 */
export function fastFieldReader(schema: z.ZodType): (raw: unknown) => unknown {
  const read = FAST_FIELDS.get(schema);
  if (read === undefined) throw new Error("internal: the schema has no fast reader (it was not made by a field builder of fields.ts)");
  return read;
}

/** What a fast reader returns for a value it does not accept. */
export const FAST_INVALID: unknown = INVALID;

export function fastParserOf(schema: z.ZodType): FastParser | undefined {
  return FAST_OBJECTS.get(schema);
}

/** `parseOrThrow` with the schema's fast path already looked up. */
export function parseWith<S extends z.ZodType>(
  fast: FastParser | undefined,
  schema: S,
  raw: unknown,
  context: string,
  basePath: readonly (string | number)[] = [],
  knownFieldsAt?: (path: readonly PropertyKey[]) => readonly string[],
): z.output<S> {
  if (fast !== undefined && typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const value = fast(raw as Record<string, unknown>);
    if (value !== INVALID) return value as z.output<S>;
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new PolicyValidationError(toValidationIssues(parsed.error.issues, basePath, knownFieldsAt), context);
}

/** A required amount in yuan: absent or null is an error, not a missing fact (e.g. a grant paid). */
export function requiredMoney(doc: FieldDoc) {
  const read: Reader<Decimal> = (raw) => readDecimal(raw, MONEY_BOUNDS);
  return registerFast(readerField<Decimal>(read, isDecimal, MONEY_JSON, doc), fastRequired(read, isDecimal));
}

/** A required civil date `YYYY-MM-DD`. */
export function requiredDate(doc: FieldDoc) {
  return registerFast(readerField<CivilDate>(readCivilDate, isDate, { type: "string", format: "date" }, doc), fastRequired(readCivilDate, isDate));
}
