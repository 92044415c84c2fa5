/**
 * src/kernel/exact.ts: what the property tests of test/kernel/exact.test.ts do not pin down, found by
 * mutation testing. Each test names the mutants it was written for (line numbers as of this writing).
 *
 * - The texts of the errors, which callers see (`[decimal] …`, not big.js's own).
 * - The shape checks of the one-pass reader (`parsePlain`) where big.js would read the text anyway, so
 *   only `parsePlainDecimal` (which must refuse what is not a plain decimal) tells them apart.
 * - The "canonical text" flag, which decides whether a value read from text is printed from that text.
 * - The big.js form: money that rounds to a negative zero, floorDiv with a negative divisor.
 * - No negative zero in the scaled form: `m` is public and read by simulate (fen totals), and every
 *   `x + 0` in exact.ts is there to keep `-0` out of it.
 */
import { describe, expect, it } from "vitest";
import { Decimal, parsePlainDecimal } from "../../src/kernel/exact.js";

const d = (value: string | number) => new Decimal(value);

describe("exact decimal: error texts", () => {
  it("an unreadable number names itself, cut to 50 characters (invalidNumber, its slice)", () => {
    expect(() => d("12a")).toThrow(new TypeError("[decimal] Invalid number: 12a"));
    expect(() => d("-")).toThrow(new TypeError("[decimal] Invalid number: -"));
    expect(() => d("")).toThrow(new TypeError("[decimal] Invalid number: "));
    const long = `x${"1".repeat(80)}`;
    expect(() => d(long)).toThrow(new TypeError(`[decimal] Invalid number: ${long.slice(0, 50)}`));
    expect(() => d(Number.NaN)).toThrow(new TypeError("[decimal] Invalid number: NaN"));
    expect(() => d(Number.POSITIVE_INFINITY)).toThrow(new TypeError("[decimal] Invalid number: Infinity"));
  });

  it("division by zero, in div and floorDiv, scaled and big.js forms", () => {
    const message = "[decimal] Division by zero";
    expect(() => d(1).div(0)).toThrow(new RangeError(message));
    expect(() => d(1).div("0.000")).toThrow(new RangeError(message));
    expect(() => d("1e-30").div(0)).toThrow(new RangeError(message));
    expect(() => d(1).floorDiv(0)).toThrow(new RangeError(message));
    expect(() => d("1e-30").floorDiv("0.0")).toThrow(new RangeError(message));
  });

  it("invalid decimal places, with the number given (checkPlaces)", () => {
    expect(() => d(1).round(-1)).toThrow(new RangeError("[decimal] Invalid decimal places: -1"));
    expect(() => d(1).round(23)).toThrow(new RangeError("[decimal] Invalid decimal places: 23"));
    expect(() => d(1).round(0.5)).toThrow(new RangeError("[decimal] Invalid decimal places: 0.5"));
    expect(() => d(1).toFixed(1_000_001)).toThrow(new RangeError("[decimal] Invalid decimal places: 1000001"));
    expect(() => d(1).toFixed(-1)).toThrow(new RangeError("[decimal] Invalid decimal places: -1"));
  });

  it("the bounds themselves are accepted: round to 0 and 22 places, toFixed with 0 and 1,000,000", () => {
    expect(d("1.5").round(0).toString()).toBe("2");
    expect(d("0.12345678901234567890125").round(22).toString()).toBe("0.1234567890123456789013");
    expect(d("1.5").toFixed(0)).toBe("2");
    const text = d("1.5").toFixed(1_000_000);
    expect(text.length).toBe(1_000_002);
    expect(text.startsWith("1.50")).toBe(true);
  });
});

describe("exact decimal: parsePlainDecimal reads plain decimals only", () => {
  it.each([".5", "5.", "1..2", "1.2.3", "-", "", "+1", "1e5", "x1", "1x", "-.5", "1.-5", "١٢"])("%j is not a plain decimal", (text) => {
    expect(parsePlainDecimal(text)).toBeNull();
  });

  it.each([
    // Too many digits for the scaled form: read by the regular expression and big.js.
    ["12345678901234567890", "12345678901234567890"],
    ["-12345678901234567890.5", "-12345678901234567890.5"],
    ["0.12345678901234567890123", "0.12345678901234567890123"],
    ["10.00000000000000000000000", "10"],
    // Every digit, the sign, the point.
    ["9", "9"],
    ["0", "0"],
    ["-9.09", "-9.09"],
    ["1234567890.0987654321", "1234567890.0987654321"],
  ])("%j reads as %s", (text, plain) => {
    expect(parsePlainDecimal(text)?.toString()).toBe(plain);
    expect(d(text).toString()).toBe(plain);
  });
});

describe("exact decimal: a value read from text prints from it only when it is the plain text", () => {
  it.each([
    // [text, plain, money]
    ["1.50", "1.5", "1.50"],
    ["1.500", "1.5", "1.50"],
    ["10.0", "10", "10.00"],
    ["0.0", "0", "0.00"],
    ["00", "0", "0.00"],
    ["01", "1", "1.00"],
    ["00.5", "0.5", "0.50"],
    ["-00.5", "-0.5", "-0.50"],
    ["-01.25", "-1.25", "-1.25"],
    ["-0.0", "0", "0.00"],
    ["-0.5", "-0.5", "-0.50"],
    ["0.5", "0.5", "0.50"],
    ["10.05", "10.05", "10.05"],
    ["100.500", "100.5", "100.50"],
    ["-100.05", "-100.05", "-100.05"],
  ])("%j: printed %s, as money %s (constructor and parsePlainDecimal)", (text, plain, money) => {
    expect(d(text).toString()).toBe(plain);
    expect(d(text).toMoney()).toBe(money);
    const parsed = parsePlainDecimal(text) as Decimal;
    expect(parsed.toMoney()).toBe(money);
    expect(parsed.toString()).toBe(plain);
  });
});

describe("exact decimal: no negative zero in the scaled form", () => {
  const zeros = (): Decimal[] => [
    d("-0"),
    d("-0.000"),
    d(-0),
    parsePlainDecimal("-0") as Decimal,
    d("-5").times(0),
    d(0).times("-5"),
    d("-0.5").times("0"),
    d("0").neg(),
    d("0.00").neg(),
    d("5").minus(5),
    d("-5").plus(5),
    d("-0.5").plus("0.50"),
    d(0).div("-7"),
    d("-0").div(3),
    d("0").floorDiv("-3"),
    d("-0.004").round(2),
    d("-0.4").round(0, 0),
    d("-0.5").round(0, 2),
    d("-1e-30").round(2),
    d("-1e-30").times(0),
    d("-1e-30").plus("1e-30"),
  ];

  it("every zero has m = +0, sign 0, and prints as 0 and 0.00", () => {
    for (const zero of zeros()) {
      expect(Object.is(zero.m, 0)).toBe(true);
      expect(zero.big).toBeNull();
      expect(zero.sign()).toBe(0);
      expect(zero.toString()).toBe("0");
      expect(zero.toMoney()).toBe("0.00");
    }
  });
});

describe("exact decimal: the big.js form", () => {
  it("money that rounds to a negative zero is 0.00, not -0.00 (toMoney's last line)", () => {
    const tiny = d("-0.0000000000000000000000001");
    expect(tiny.big).not.toBeNull();
    expect(tiny.toFixed(2)).toBe("-0.00");
    expect(tiny.toMoney()).toBe("0.00");
    const small = d("-0.0049999999999999999999999");
    expect(small.big).not.toBeNull();
    expect(small.toMoney()).toBe("0.00");
    // Not a zero: the sign stays.
    expect(d("-0.0050000000000000000000001").toMoney()).toBe("-0.01");
  });

  it("floorDiv with a negative divisor in the big.js form rounds toward −∞", () => {
    const x = d("7.0000000000000000000000001"); // 25 places: big.js form
    expect(x.big).not.toBeNull();
    expect(x.floorDiv("-2").toString()).toBe("-4");
    expect(x.floorDiv(2).toString()).toBe("3");
    expect(x.neg().floorDiv("-2").toString()).toBe("3");
    expect(x.neg().floorDiv(2).toString()).toBe("-4");
    // 20 digits: the big.js form; exactly divisible by −5 (the quotient is q, not q ± 1).
    const big = d("12345678901234567890");
    expect(big.big).not.toBeNull();
    expect(big.floorDiv("-7").toString()).toBe("-1763668414462081128");
    expect(big.floorDiv("-5").toString()).toBe("-2469135780246913578");
    expect(big.neg().floorDiv("-5").toString()).toBe("2469135780246913578");
  });

  it("a Decimal passed to the constructor keeps its value and form", () => {
    const big = d("12345678901234567890.5");
    const copy = new Decimal(big);
    expect(copy.big).toBe(big.big);
    expect(copy.toString()).toBe("12345678901234567890.5");
    const scaled = new Decimal(d("-12.5"));
    expect([scaled.m, scaled.k, scaled.big]).toEqual([-125, 1, null]);
  });
});

describe("exact decimal: rounding a scaled value that is already whole at the places asked", () => {
  it("ROUND_UP and the others leave an exact value alone (roundScaled's r !== 0)", () => {
    // 0.5 × 2 is carried as 10 ÷ 10^1: rounding it to 0 places drops a zero digit, no remainder.
    const one = d("0.5").times(2);
    expect(one.k).toBe(1);
    for (const mode of [0, 1, 2, 3] as const) {
      expect(one.round(0, mode).toString()).toBe("1");
      expect(one.neg().round(0, mode).toString()).toBe("-1");
    }
    expect(d("0.25").times(4).round(0, 3).toString()).toBe("1");
    expect(d("0.125").times(8).toMoney()).toBe("1.00");
  });
});

describe("exact decimal: scaled values at the edges of the scale", () => {
  it("21 and 22 decimal places: aligned, rounded and tested for wholeness with 10^21 and 10^22 (POW10's last entries)", () => {
    const p22 = d("0.0000000000000000000001");
    const p21 = d("0.000000000000000000003");
    expect([p22.big, p22.k, p21.k]).toEqual([null, 22, 21]);
    expect(p22.plus(p21).toString()).toBe("0.0000000000000000000031");
    expect(p22.cmp(p21)).toBe(-1);
    expect(p21.minus(p22).toString()).toBe("0.0000000000000000000029");
    expect(p22.round(0).toString()).toBe("0");
    expect(p22.round(0, 3).toString()).toBe("1");
    expect(p21.round(0, 3).toString()).toBe("1");
    expect(p22.isInteger()).toBe(false);
    expect(p22.times(10).isInteger()).toBe(false);
    expect(d("0.1").plus(p22).toString()).toBe("0.1000000000000000000001");
  });

  it("equal values carried at different scales compare equal (cmp after aligning), and gte holds for them", () => {
    const one = d("0.5").times(2); // 10 ÷ 10^1
    expect(one.k).toBe(1);
    expect(one.cmp(1)).toBe(0);
    expect(d(1).cmp(one)).toBe(0);
    expect(one.eq(1)).toBe(true);
    expect(one.gte(1)).toBe(true);
    expect(one.lte(1)).toBe(true);
    expect(d(1).gte(1)).toBe(true);
    expect(d(1).gte(2)).toBe(false);
    expect(d(2).gte(one)).toBe(true);
  });
});
