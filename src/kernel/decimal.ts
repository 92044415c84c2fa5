/**
 * Exact decimal arithmetic for money, rates, counts and areas, and the reading of raw inputs as decimals.
 *
 * Everything numeric that the policy talks about is carried as an exact decimal (exact.ts), never as a
 * binary float: 0.1 + 0.2 must be 0.3 when public money is at stake (docs/conventions.md §2).
 */
import { Decimal, parsePlainDecimal, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP } from "./exact.js";

export { Decimal } from "./exact.js";

/** The library's decimal constructor (`new Dec("1000.50")`). */
export const Dec = Decimal;

export const ZERO: Decimal = new Dec(0);

/** Rounding modes of the ambiguity register (A9). */
export type RoundingMode = "fen-half-up" | "fen-half-even" | "yuan-half-up";

export const ROUNDING_MODES: readonly RoundingMode[] = ["fen-half-up", "fen-half-even", "yuan-half-up"];

/** Round an exact amount once, as docs/conventions.md §2 prescribes (default: fen, half-up / 四舍五入). */
export function roundAmount(value: Decimal, mode: RoundingMode): Decimal {
  switch (mode) {
    case "fen-half-up":
      return value.round(2, ROUND_HALF_UP);
    case "fen-half-even":
      return value.round(2, ROUND_HALF_EVEN);
    case "yuan-half-up":
      return value.round(0, ROUND_HALF_UP);
  }
}

/** Money crosses the public API as a decimal string with exactly two places ("1000000.01"). */
export function formatMoney(value: Decimal): string {
  return value.toMoney();
}

/** A decimal printed plainly, without exponent and without trailing zeros. */
export function formatPlain(value: Decimal): string {
  return value.toFixed();
}

/** ⌊value⌋: toward −∞. */
export function floorDecimal(value: Decimal): Decimal {
  return value.gte(0) ? value.round(0, ROUND_DOWN) : value.round(0, ROUND_UP);
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

/** Why a raw value could not be read as a decimal; turned into a validation issue by the caller. */
export interface DecimalProblem {
  readonly expected: string;
  readonly expectedZh: string;
  readonly hintEn?: string;
  readonly hintZh?: string;
}

export interface DecimalBounds {
  /** Smallest accepted value (inclusive). */
  readonly min: Decimal;
  /** Largest accepted value (inclusive): a documented sanity ceiling, not a policy figure. */
  readonly max: Decimal;
  /** Only whole numbers (orders, person-times, enterprises). */
  readonly integer?: boolean;
  /**
   * At most this many decimal places in the value (A20: money is yuan to the fen, 2; an edition's caps
   * and awards are whole yuan, 0). Judged on the value, not the text: "1.500" is 1.5, which is to the
   * fen; "1.505" is not. A number is judged through its shortest decimal string (0.1 + 0.2 is
   * 0.30000000000000004, refused).
   */
  readonly maxPlaces?: number;
  /** Why the places are limited, for the hint (default: yuan to the fen). */
  readonly placesWhy?: { readonly en: string; readonly zh: string };
  /** What the value is, for messages: "an amount in yuan", "a rate as a decimal fraction". */
  readonly what: string;
  readonly whatZh: string;
  /** A value to show as an example in messages (default "500" for whole numbers, else "1000.50"). */
  readonly example?: string;
}

/** Longest decimal string accepted: 20 digits before the point and 18 after is plenty for yuan. */
export const MAX_DECIMAL_TEXT_LENGTH = 40;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B\u3002]/;
const SEPARATORS = /\d[,，_' \u00A0\u3000]\d/;
const CHINESE_UNITS = /[万亿元千百]/;

function hintFor(text: string, bounds: DecimalBounds): Pick<DecimalProblem, "hintEn" | "hintZh"> {
  if (text.length === 0) {
    return {
      hintEn: "an empty string is not a number; leave the field out (or null) when the fact is unknown",
      hintZh: "空字符串不是数值；事实未知时请省略该字段或填 null",
    };
  }
  if (FULL_WIDTH.test(text)) {
    return {
      hintEn: 'full-width characters are not accepted; type ASCII digits, e.g. "123" instead of "１２３"',
      hintZh: "不接受全角字符，请使用半角数字，例如 123 而不是 １２３",
    };
  }
  if (SEPARATORS.test(text)) {
    return {
      hintEn: 'thousands separators are not accepted; write "1000" instead of "1,000"',
      hintZh: "不接受千位分隔符，请写 1000 而不是 1,000",
    };
  }
  if (text.trim() !== text) {
    return { hintEn: "remove the spaces around the number", hintZh: "请删除数字前后的空格" };
  }
  if (text.includes("%")) {
    return {
      hintEn: 'give a rate as a decimal fraction: "0.1" for 10%',
      hintZh: "比例请写成小数：10% 写作 0.1",
    };
  }
  if (CHINESE_UNITS.test(text)) {
    return {
      hintEn: 'give amounts in yuan as plain digits: "50000" for 5万元',
      hintZh: "金额请以元为单位、只写数字：5万元写作 50000",
    };
  }
  if (/[eE]/.test(text)) {
    return {
      hintEn: 'exponent notation is not accepted; write the digits out, e.g. "1500000"',
      hintZh: "不接受科学计数法，请写出完整数字，例如 1500000",
    };
  }
  if (/^\+/.test(text) || /^\./.test(text) || /\.$/.test(text)) {
    return {
      hintEn: 'write a plain decimal such as "1000.50" (no leading "+", digits on both sides of the point)',
      hintZh: "请写成普通小数，例如 1000.50（不带“+”号，小数点两侧都要有数字）",
    };
  }
  return bounds.integer
    ? { hintEn: 'write a whole number such as "500"', hintZh: "请写整数，例如 500" }
    : { hintEn: 'write a plain decimal such as "1000.50"', hintZh: "请写普通小数，例如 1000.50" };
}

function expectedText(bounds: DecimalBounds): Pick<DecimalProblem, "expected" | "expectedZh"> {
  const whole = bounds.integer === true || bounds.maxPlaces === 0;
  const kind = whole ? "a whole number" : "a plain decimal";
  const kindZh = whole ? "整数" : "普通小数";
  const example = bounds.example ?? (whole ? "500" : "1000.50");
  const min = formatPlain(bounds.min);
  const max = formatPlain(bounds.max);
  const places = bounds.maxPlaces !== undefined && bounds.maxPlaces > 0 ? placesText(bounds.maxPlaces) : undefined;
  return {
    expected: `${bounds.what}: ${kind} from ${min} to ${max}${places ? `, ${places.en}` : ""}, as a string like "${example}" or a finite number`,
    expectedZh: `${bounds.whatZh}：${min} 至 ${max} 之间的${kindZh}${places ? `（${places.zh}）` : ""}，写作字符串（如 "${example}"）或有限数值`,
  };
}

const PLACES_EN = ["no", "one", "two", "three", "four"];

function placesText(places: number): { en: string; zh: string } {
  return { en: `at most ${PLACES_EN[places] ?? String(places)} decimal place${places === 1 ? "" : "s"}`, zh: `最多 ${places} 位小数` };
}

/**
 * Read a raw input value as an exact decimal. Accepts a plain decimal string or a finite JS number (a
 * number is read through its shortest decimal string, so 0.1 is exactly 0.1). Refuses everything else
 * with the reason and, where the mistake is recognisable ("1,000", "１２３", "10%"), a hint.
 */
export function readDecimal(raw: unknown, bounds: DecimalBounds): Decimal | DecimalProblem {
  let value: Decimal;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) {
      return {
        ...expectedText(bounds),
        hintEn: "NaN and Infinity are not numbers an amount can have",
        hintZh: "NaN 与 Infinity 不是有效数值",
      };
    }
    value = new Dec(raw);
  } else if (typeof raw === "string") {
    if (raw.length > MAX_DECIMAL_TEXT_LENGTH) {
      return {
        ...expectedText(bounds),
        hintEn: `the text is ${raw.length} characters long; at most ${MAX_DECIMAL_TEXT_LENGTH} are accepted`,
        hintZh: `文本长度为 ${raw.length} 个字符，最多接受 ${MAX_DECIMAL_TEXT_LENGTH} 个`,
      };
    }
    const parsed = parsePlainDecimal(raw);
    if (parsed === null) return { ...expectedText(bounds), ...hintFor(raw, bounds) };
    value = parsed;
  } else {
    return { ...expectedText(bounds) };
  }
  if (bounds.integer && !value.isInteger()) {
    return {
      ...expectedText(bounds),
      hintEn: "this is a count: it must be a whole number",
      hintZh: "此项为计数，必须是整数",
    };
  }
  if (bounds.maxPlaces !== undefined && !hasAtMostPlaces(value, bounds.maxPlaces)) {
    const why = bounds.placesWhy ?? FEN;
    const places = placesText(bounds.maxPlaces);
    return { ...expectedText(bounds), hintEn: `${places.en}: ${why.en}`, hintZh: `${places.zh}：${why.zh}` };
  }
  if (value.lt(bounds.min) || value.gt(bounds.max)) {
    return {
      ...expectedText(bounds),
      hintEn: `the value is outside the accepted range ${formatPlain(bounds.min)} … ${formatPlain(bounds.max)}`,
      hintZh: `数值超出可接受范围 ${formatPlain(bounds.min)} … ${formatPlain(bounds.max)}`,
    };
  }
  // A number is read through its shortest decimal string; written out plainly it must obey the same
  // length limit as a string (1e-50 would otherwise be 52 characters of zeros). Only the big.js form can
  // be that long: the scaled form has at most 16 digits and 22 places.
  const plain = value.big === null ? "" : value.toFixed();
  if (plain.length > MAX_DECIMAL_TEXT_LENGTH) {
    return {
      ...expectedText(bounds),
      hintEn: `the number written out is ${plain.length} characters long; at most ${MAX_DECIMAL_TEXT_LENGTH} are accepted`,
      hintZh: `该数值完整书写为 ${plain.length} 个字符，最多接受 ${MAX_DECIMAL_TEXT_LENGTH} 个`,
    };
  }
  // Normalise negative zero so that "-0" and "0" give the same result everywhere.
  return value.isZero() ? ZERO : value;
}

const FEN = { en: "yuan to the fen", zh: "金额以元为单位，精确到分" } as const;

/** Whether `value` needs no more than `places` decimal places (trailing zeros do not count). */
export function hasAtMostPlaces(value: Decimal, places: number): boolean {
  // The scaled form keeps the places of its text; few places settle it without arithmetic.
  if (value.big === null && value.k <= places) return true;
  return value.round(places, ROUND_DOWN).eq(value);
}

export function isDecimal(value: Decimal | DecimalProblem): value is Decimal {
  return value instanceof Dec;
}

/**
 * Sanity ceiling for any amount of money given to the library: 一万亿元 (10^12 yuan), several hundred
 * times Pinggu District's annual GDP. Anything larger is a typing error, not an application.
 */
export const MAX_MONEY: Decimal = new Dec("1000000000000");
/** Sanity ceiling for counts (orders, person-times, enterprises). */
export const MAX_COUNT: Decimal = new Dec("1000000000000");
/** Sanity range for a growth rate: at worst −100% (sales fell to nothing), at best +1,000,000%. */
export const MIN_GROWTH_RATE: Decimal = new Dec("-1");
export const MAX_GROWTH_RATE: Decimal = new Dec("10000");
/** Sanity ceiling for an area in square metres: 100 km². */
export const MAX_AREA: Decimal = new Dec("100000000");
