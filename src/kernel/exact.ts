/**
 * The library's exact decimal number.
 *
 * Money must never pass through binary floating point (docs/conventions.md §2: 0.1 + 0.2 is 0.3). big.js
 * gets that right, but it keeps every value as an array of digits and allocates a new array for each
 * step, and at a million claims the arrays cost more than the policy logic (docs/performance.md).
 *
 * So a value here has two forms, and every operation gives the exact result in either:
 *
 * - **scaled integer** (the common case): value = m ÷ 10^k, where m is a safe integer
 *   (|m| ≤ 2^53 − 1, every such integer is a JS number exactly) and 0 ≤ k ≤ 22 (every 10^k up to 10^22 is
 *   a JS number exactly). Sums, differences and products of safe integers are computed exactly by the
 *   CPU as long as the true result is itself safe, and `Number.isSafeInteger`-style bounds checks on the
 *   result detect when it is not (a product or sum beyond 2^53 − 1 comes out of the float unit as at
 *   least 2^53, never back inside the safe range).
 * - **big.js** (the fallback): whenever a result would leave that range — more than about 15
 *   significant digits, more than 22 decimal places, a division that does not come out whole — the
 *   operation is redone in big.js on a private constructor (40 places for division, half-up), and the
 *   result comes back to the scaled form whenever it fits.
 *
 * test/kernel/exact.test.ts checks every operation against big.js on random and edge values.
 * The API is the subset of big.js's that the library uses, with the same names and meanings.
 */
import Big from "big.js";

/** big.js's rounding modes, by the same numbers: 0 down (toward 0), 1 half-up, 2 half-even, 3 up. */
export type RoundingModeNumber = 0 | 1 | 2 | 3;
export const ROUND_DOWN: RoundingModeNumber = 0;
export const ROUND_HALF_UP: RoundingModeNumber = 1;
export const ROUND_HALF_EVEN: RoundingModeNumber = 2;
export const ROUND_UP: RoundingModeNumber = 3;

/**
 * The private big.js constructor for the fallback. We never touch the global `Big` (a host application
 * could observe that); `Big()` hands us our own with its own settings.
 */
const BigExact: Big.BigConstructor = Big();
// Division is only used for day-count fractions and tier steps; 40 places is far beyond the fen.
BigExact.DP = 40;
BigExact.RM = Big.roundHalfUp;

const MAX = Number.MAX_SAFE_INTEGER;
/** Most decimal places of the scaled form: 10^22 is the largest power of ten a double holds exactly. */
const MAX_SCALE = 22;
const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);
/** Accumulating digits stays exact while the integer is below this (then one more digit is still safe). */
const PARSE_LIMIT = Math.floor((MAX - 9) / 10);

/** Module-private marker: the constructor's internal form, never reachable from outside. */
const RAW: unique symbol = Symbol("raw");

/** Scratch of `parsePlain`, read immediately by its caller (synchronous; no state survives a call). */
let parsedM = 0;
let parsedK = 0;
/** Whether the text parsed is already the value's plain text (no leading or trailing zeros, no "-0"). */
let parsedCanonical = false;

/**
 * Parse `-?digits(.digits)?` into parsedM / parsedK, trailing fractional zeros dropped. False when the
 * text has another shape or the value does not fit the scaled form (the caller then asks big.js).
 */
function parsePlain(text: string): boolean {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (length === 0) return false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
    if (length === 1) return false;
  }
  let m = 0;
  let k = 0;
  let digits = 0;
  let point = false;
  let zerosPending = 0;
  let firstDigitZero = false;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (point || digits === 0 || i === length - 1) return false;
      point = true;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return false;
    if (digits === 0 && digit === 0) firstDigitZero = true;
    digits++;
    if (point) {
      // Trailing zeros of the fraction are only counted once a later non-zero digit needs them.
      if (digit === 0) {
        zerosPending++;
        continue;
      }
      for (; zerosPending > 0; zerosPending--) {
        if (m > PARSE_LIMIT) return false;
        m *= 10;
        k++;
      }
      k++;
    }
    if (m > PARSE_LIMIT) return false;
    m = m * 10 + digit;
  }
  if (k > MAX_SCALE) return false;
  parsedM = negative && m !== 0 ? -m : m;
  parsedK = k;
  // "007", "1.50", "-0" are read but printed otherwise; "0.5" and "-12.25" are printed as written.
  const integerDigits = point ? text.indexOf(".") - (negative ? 1 : 0) : digits;
  parsedCanonical = zerosPending === 0 && !(firstDigitZero && integerDigits > 1) && !(negative && m === 0);
  return true;
}

export type DecimalInput = string | number | Decimal;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A plain decimal string (`-?digits(.digits)?`, ASCII digits only) as a Decimal, or null for any other
 * text. The common case is read in one pass without a regular expression.
 */
export function parsePlainDecimal(text: string): Decimal | null {
  if (parsePlain(text)) return new Decimal(RAW, parsedM, parsedK, null, parsedCanonical ? text : undefined);
  return PLAIN_DECIMAL.test(text) ? new Decimal(text) : null;
}

export class Decimal {
  /** Scaled form: the integer m of m ÷ 10^k (0 in the big.js form). */
  readonly m: number;
  /** Scaled form: the number of decimal places k (0 in the big.js form). */
  readonly k: number;
  /** The big.js form, or null when the value is in the scaled form. */
  /** @internal */
  readonly big: Big.Big | null;
  /**
   * The plain text once printed: a value is immutable, and an edition's figures are printed in every
   * explanation. Not part of the value (two equal decimals may differ here); compare with eq().
   */
  private text: string | undefined;

  /**
   * A decimal from a string ("1000.50", and everything big.js reads: "1e-7", ".5"), a finite number (read
   * through its shortest decimal string, so 0.1 is exactly 0.1) or another Decimal. Throws on anything
   * else, as big.js does.
   */
  /** @internal */
  constructor(value: DecimalInput | typeof RAW, m = 0, k = 0, big: Big.Big | null = null, plain: string | undefined = undefined) {
    this.text = plain;
    if (value === RAW) {
      this.m = m;
      this.k = k;
      this.big = big;
      return;
    }
    if (value instanceof Decimal) {
      this.m = value.m;
      this.k = value.k;
      this.big = value.big;
      return;
    }
    const text = typeof value === "number" ? numberText(value) : value;
    if (parsePlain(text)) {
      this.m = parsedM;
      this.k = parsedK;
      this.big = null;
      if (parsedCanonical) this.text = text;
      return;
    }
    let parsed: Big.Big;
    try {
      parsed = new BigExact(text);
    } catch {
      throw invalidNumber(value);
    }
    const scaled = fromBigParts(parsed);
    if (scaled) {
      this.m = parsedM;
      this.k = parsedK;
      this.big = null;
    } else {
      this.m = 0;
      this.k = 0;
      this.big = parsed;
    }
  }

  plus(other: DecimalInput): Decimal {
    const y = toDecimal(other);
    if (this.big === null && y.big === null) {
      const r = addScaled(this.m, this.k, y.m, y.k);
      if (r !== null) return r;
    }
    return fromBig(this.toBig().plus(y.toBig()));
  }

  minus(other: DecimalInput): Decimal {
    const y = toDecimal(other);
    if (this.big === null && y.big === null) {
      const r = addScaled(this.m, this.k, -y.m, y.k);
      if (r !== null) return r;
    }
    return fromBig(this.toBig().minus(y.toBig()));
  }

  times(other: DecimalInput): Decimal {
    const y = toDecimal(other);
    if (this.big === null && y.big === null) {
      const p = this.m * y.m;
      const k = this.k + y.k;
      if (p <= MAX && p >= -MAX && k <= MAX_SCALE) return scaled(p + 0, k);
    }
    return fromBig(this.toBig().times(y.toBig()));
  }

  /**
   * this ÷ other: exact when the quotient terminates within 40 places, else rounded half-up at the 40th
   * (big.js's DP). Throws on division by zero, as big.js does.
   */
  div(other: DecimalInput): Decimal {
    const y = toDecimal(other);
    if (this.big === null && y.big === null && y.m !== 0) {
      const aligned = align(this.m, this.k, y.m, y.k);
      if (aligned) {
        const a = alignedA;
        const b = alignedB;
        if (a % b === 0) return scaled(a / b + 0, 0);
      }
    }
    if (y.isZero()) throw new RangeError("[decimal] Division by zero");
    return fromBig(this.toBig().div(y.toBig()));
  }

  /** ⌊this ÷ other⌋, exactly (toward −∞, whatever the signs). */
  floorDiv(other: DecimalInput): Decimal {
    const y = toDecimal(other);
    if (y.isZero()) throw new RangeError("[decimal] Division by zero");
    if (this.big === null && y.big === null && align(this.m, this.k, y.m, y.k)) {
      const a = alignedA;
      const b = alignedB;
      const r = a % b;
      let q = (a - r) / b;
      if (r !== 0 && r < 0 !== b < 0) q -= 1;
      return scaled(q + 0, 0);
    }
    // big.js rounds the 40th place of the quotient half-up, which could lift 2.999…9 to 3, so the
    // truncated quotient is only a first guess, off by at most one: q is right when q ≤ x ÷ d < q + 1.
    const x = this.toBig();
    const d = y.toBig();
    const q = x.div(d).round(0, Big.roundDown);
    const below = (candidate: Big.Big) => (d.s > 0 ? candidate.times(d).lte(x) : candidate.times(d).gte(x));
    return fromBig(below(q) ? (below(q.plus(1)) ? q.plus(1) : q) : q.minus(1));
  }

  /** Round to `dp` decimal places (0 … 22) with big.js's mode numbers (default half-up). */
  round(dp = 0, mode: RoundingModeNumber = ROUND_HALF_UP): Decimal {
    checkPlaces(dp, MAX_SCALE);
    if (this.big === null) {
      if (this.k <= dp) return this;
      return scaled(roundScaled(this.m, this.k - dp, mode), dp);
    }
    return fromBig(this.big.round(dp, mode));
  }

  neg(): Decimal {
    return this.big === null ? scaled(-this.m + 0, this.k) : fromBig(this.big.times(-1));
  }

  isZero(): boolean {
    return this.big === null ? this.m === 0 : this.big.eq(0);
  }

  /** Whether the value is a whole number. */
  isInteger(): boolean {
    if (this.big === null) return this.k === 0 || this.m % (POW10[this.k] as number) === 0;
    return this.big.round(0, Big.roundDown).eq(this.big);
  }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    if (this.big === null) return this.m > 0 ? 1 : this.m < 0 ? -1 : 0;
    return this.big.eq(0) ? 0 : (this.big.s as -1 | 1);
  }

  cmp(other: DecimalInput): -1 | 0 | 1 {
    const y = toDecimal(other);
    if (this.big === null && y.big === null) {
      if (this.k === y.k) return this.m > y.m ? 1 : this.m < y.m ? -1 : 0;
      if (align(this.m, this.k, y.m, y.k)) return alignedA > alignedB ? 1 : alignedA < alignedB ? -1 : 0;
    }
    return this.toBig().cmp(y.toBig()) as -1 | 0 | 1;
  }

  eq(other: DecimalInput): boolean {
    return this.cmp(other) === 0;
  }
  lt(other: DecimalInput): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: DecimalInput): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: DecimalInput): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: DecimalInput): boolean {
    return this.cmp(other) >= 0;
  }

  /**
   * Without arguments: the value written out plainly, never with an exponent, without trailing zeros.
   * With `dp`: rounded to `dp` places (half-up unless `mode` says otherwise) and padded to exactly `dp`.
   * As big.js, a negative value that rounds to zero keeps its sign ("-0.00"); formatMoney removes it.
   */
  toFixed(dp?: number, mode: RoundingModeNumber = ROUND_HALF_UP): string {
    if (dp === undefined) {
      if (this.text === undefined) this.text = this.big === null ? plainScaled(this.m, this.k) : bigPlain(this.big);
      return this.text;
    }
    checkPlaces(dp, 1e6);
    // Only the money path (toMoney) prints with places on every claim; this is the general case.
    return this.toBig().toFixed(dp, mode);
  }

  /**
   * Money: exactly two places, half-up, and never "-0.00" (a negative amount that rounds to nothing is
   * "0.00"). The same text as `toFixed(2)` otherwise, on the path every amount of every result takes.
   */
  toMoney(): string {
    // A value whose plain text is known (it was read from it, or printed) with at most two places is
    // printed from that text.
    const plain = this.text;
    if (plain !== undefined) {
      const places = plain.length - 1 - plain.indexOf(".");
      if (places === plain.length) return `${plain}.00`;
      if (places === 2) return plain;
      if (places === 1) return `${plain}0`;
    }
    if (this.big === null) {
      let m = this.m;
      if (this.k > 2) m = roundScaled(m, this.k - 2, ROUND_HALF_UP);
      else if (this.k < 2) m *= POW10[2 - this.k] as number;
      if (m <= MAX && m >= -MAX) {
        const negative = m < 0;
        const a = negative ? -m : m;
        const f = a % 100;
        const whole = integerText((a - f) / 100);
        return `${negative ? "-" : ""}${whole}${f < 10 ? ".0" : "."}${String(f | 0)}`;
      }
    }
    const text = this.toFixed(2, ROUND_HALF_UP);
    return text === "-0.00" ? "0.00" : text;
  }

  /** The plain decimal (as toFixed()). */
  toString(): string {
    return this.toFixed();
  }

  toJSON(): string {
    return this.toFixed();
  }

  /** This value as a big.js number of the private constructor. */
  /** @internal */
  toBig(): Big.Big {
    return this.big ?? new BigExact(plainScaled(this.m, this.k));
  }
}

/** Make a scaled-form decimal (m safe, 0 ≤ k ≤ 22, already checked by the caller). */
function scaled(m: number, k: number): Decimal {
  return new Decimal(RAW, m, k, null);
}

function toDecimal(value: DecimalInput): Decimal {
  if (value instanceof Decimal) return value;
  if (value === 0) return ZERO_VALUE;
  return new Decimal(value);
}

function invalidNumber(value: unknown): TypeError {
  return new TypeError(`[decimal] Invalid number: ${String(value).slice(0, 50)}`);
}

function checkPlaces(dp: number, max: number): void {
  if (!Number.isInteger(dp) || dp < 0 || dp > max) throw new RangeError(`[decimal] Invalid decimal places: ${dp}`);
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw invalidNumber(value);
  // String(-0) is "0"; String(1e21) is "1e+21", which big.js reads.
  return String(value);
}

/** Scratch of `align`. */
let alignedA = 0;
let alignedB = 0;

/** Bring a ÷ 10^ka and b ÷ 10^kb to the same scale; false when that leaves the safe integers. */
function align(ma: number, ka: number, mb: number, kb: number): boolean {
  if (ka === kb) {
    alignedA = ma;
    alignedB = mb;
    return true;
  }
  if (ka < kb) {
    const a = ma * (POW10[kb - ka] as number);
    if (a > MAX || a < -MAX) return false;
    alignedA = a;
    alignedB = mb;
    return true;
  }
  const b = mb * (POW10[ka - kb] as number);
  if (b > MAX || b < -MAX) return false;
  alignedA = ma;
  alignedB = b;
  return true;
}

function addScaled(ma: number, ka: number, mb: number, kb: number): Decimal | null {
  if (!align(ma, ka, mb, kb)) return null;
  const s = alignedA + alignedB;
  if (s > MAX || s < -MAX) return null;
  return scaled(s + 0, ka > kb ? ka : kb);
}

/** m ÷ 10^drop rounded to an integer with a big.js mode; |result| ≤ |m| + 1, so still safe. */
function roundScaled(m: number, drop: number, mode: RoundingModeNumber): number {
  const p = POW10[drop] as number;
  const r = m % p;
  let q = (m - r) / p;
  if (r !== 0) {
    const twice = (r < 0 ? -r : r) * 2;
    let away: boolean;
    switch (mode) {
      case ROUND_DOWN:
        away = false;
        break;
      case ROUND_HALF_UP:
        away = twice >= p;
        break;
      case ROUND_HALF_EVEN:
        away = twice > p || (twice === p && q % 2 !== 0);
        break;
      default:
        away = true;
    }
    if (away) q += m < 0 ? -1 : 1;
  }
  return q + 0;
}

/**
 * A non-negative safe integer in decimal digits. String() is fast for small integers (V8 keeps them
 * as "Smis", below 2^31) and slow for larger ones, which it prints with its general double-to-string algorithm:
 * amounts in fen above 21,474,836.47 yuan are larger, so they are printed in two halves.
 */
function integerText(n: number): string {
  // `| 0` hands String() a small integer even when n was computed as a double (same value below 2^31).
  if (n <= 2147483647) return String(n | 0);
  // n ÷ 10^8 is rounded to a double, but never up to the next integer h: n ≤ h·10^8 − 1 puts the true
  // quotient at least 10^-8 below h, while half a unit in the last place near h < 2^27 is 2^-27 < 10^-8.
  // The product and the difference are exact (safe integers).
  const high = Math.floor(n / 1e8);
  const low = String((n - high * 1e8) | 0);
  return `${String(high | 0)}${"00000000".slice(low.length)}${low}`;
}

const ZEROS = "0".repeat(MAX_SCALE);

/** The fraction digits `f` (0 ≤ f < 10^k) of a scaled value, left-padded with zeros to k digits. */
function fractionText(f: number, k: number): string {
  const text = integerText(f);
  return text.length === k ? text : ZEROS.slice(0, k - text.length) + text;
}

/** m ÷ 10^k written plainly, trailing zeros of the fraction dropped. */
function plainScaled(m: number, k: number): string {
  while (k > 0 && m % 10 === 0) {
    m /= 10;
    k--;
  }
  const negative = m < 0;
  const a = negative ? -m : m + 0;
  if (k === 0) return negative ? `-${integerText(a)}` : integerText(a);
  // a % 10^k and the division of what is left are exact for safe integers.
  const p = POW10[k] as number;
  const f = a % p;
  return `${negative ? "-" : ""}${integerText((a - f) / p)}.${fractionText(f, k)}`;
}

function bigPlain(value: Big.Big): string {
  // toFixed() without places is big.js's normal notation: never an exponent, whatever the magnitude.
  const text = value.toFixed();
  return text === "-0" ? "0" : text;
}

/**
 * Read a big.js value into parsedM / parsedK when it fits the scaled form. big.js keeps the digits
 * c[0] c[1] … with the point after c[0] shifted by e: value = ±c[0].c[1]c[2]… × 10^e.
 */
function fromBigParts(value: Big.Big): boolean {
  const c = value.c;
  const n = c.length;
  if (n > 15) return false;
  const e = value.e;
  const k = n - 1 - e > 0 ? n - 1 - e : 0;
  if (k > MAX_SCALE) return false;
  // Integer digits beyond the coefficient (e ≥ n): 15 significant digits in all at most.
  if (e + 1 > 15) return false;
  let m = 0;
  for (let i = 0; i < n; i++) m = m * 10 + (c[i] as number);
  const shift = e - (n - 1);
  if (shift > 0) m *= POW10[shift] as number;
  parsedM = value.s < 0 && m !== 0 ? -m : m;
  parsedK = k;
  return true;
}

function fromBig(value: Big.Big): Decimal {
  if (fromBigParts(value)) return scaled(parsedM, parsedK);
  return new Decimal(RAW, 0, 0, value);
}

const ZERO_VALUE = scaled(0, 0);
