/**
 * The exact decimal (src/kernel/exact.ts) against big.js, operation by operation: its scaled-integer
 * form must give exactly what big.js gives, and fall back to big.js wherever the scaled form cannot hold
 * the result. big.js here is a private constructor with the library's settings (40 places, half-up).
 */
import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, type RoundingModeNumber } from "../../src/kernel/exact.js";

const B = Big();
B.DP = 40;
B.RM = Big.roundHalfUp;

const plainOf = (b: Big.Big): string => {
  const text = b.toFixed();
  return text === "-0" ? "0" : text;
};
const d = (text: string | number) => new Decimal(text);

/** Decimal strings of every kind: small, around 2^53, tiny fractions, many digits, negative, zeros. */
const digitsArb = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const decimalText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.boolean(), digitsArb(1, 9), fc.option(digitsArb(1, 4), { nil: undefined })) },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), digitsArb(10, 18), fc.option(digitsArb(1, 6), { nil: undefined })) },
  { weight: 1, arbitrary: fc.tuple(fc.boolean(), digitsArb(1, 3), fc.option(digitsArb(15, 30), { nil: undefined })) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.boolean(),
      fc.constantFrom("9007199254740991", "9007199254740992", "900719925474099", "999999999999999", "1000000000000000", "0", "1"),
      fc.option(fc.constantFrom("0", "00", "5", "005", "9999999"), { nil: undefined }),
    ),
  },
).map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`);

const nonZeroText = decimalText.filter((text) => !new B(text).eq(0));
const mode = fc.constantFrom<RoundingModeNumber>(0, 1, 2, 3);

describe("exact decimal: reading", () => {
  it.each([
    ["0", "0"],
    ["-0", "0"],
    ["-0.000", "0"],
    ["000123.4500", "123.45"],
    ["0.30", "0.3"],
    ["1e-7", "0.0000001"],
    ["1e21", "1000000000000000000000"],
    ["9007199254740991", "9007199254740991"],
    ["9007199254740993", "9007199254740993"],
    ["12345678901234567890.123456789", "12345678901234567890.123456789"],
    ["0.0000000000000000000001", "0.0000000000000000000001"],
    ["0.00000000000000000000001", "0.00000000000000000000001"],
  ])("%s reads as %s", (text, expected) => {
    expect(d(text).toString()).toBe(expected);
  });

  it.each([
    ["007", "7", "7.00"],
    ["0.50", "0.5", "0.50"],
    ["-0", "0", "0.00"],
    ["-0.00", "0", "0.00"],
    ["0", "0", "0.00"],
    ["0.05", "0.05", "0.05"],
    ["-0.05", "-0.05", "-0.05"],
    ["100", "100", "100.00"],
    ["00.10", "0.1", "0.10"],
    ["-007.20", "-7.2", "-7.20"],
    ["12.345", "12.345", "12.35"],
  ])("%s prints plainly as %s and as money as %s (its own text reused only when it is the plain text)", (text, plain, money) => {
    expect(d(text).toString()).toBe(plain);
    expect(d(text).toMoney()).toBe(money);
    expect(d(text).toFixed(2)).toBe(new B(text).toFixed(2));
  });

  it("a result with trailing zeros (1.00 = 0.01 × 100) prints as money with two places after printing plainly", () => {
    const value = d("0.01").times(100);
    expect(value.toString()).toBe("1");
    expect(value.toMoney()).toBe("1.00");
    const tenth = d("0.5").times("0.20");
    expect(tenth.toString()).toBe("0.1");
    expect(tenth.toMoney()).toBe("0.10");
  });

  it("a number is read through its shortest decimal string", () => {
    expect(d(0.1).toString()).toBe("0.1");
    expect(d(-0).toString()).toBe("0");
    expect(d(1e21).toString()).toBe("1000000000000000000000");
    expect(d(2 ** 53).toString()).toBe("9007199254740992");
  });

  it.each(["", "-", "abc", "1,000", "１２３", " 1", "1 ", "NaN"])("%j is refused with a TypeError", (text) => {
    expect(() => d(text)).toThrow(TypeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("%s is refused", (value) => {
    expect(() => d(value)).toThrow(TypeError);
  });

  it("values within the scaled range stay scaled; beyond it they are carried by big.js", () => {
    expect(d("123.45").big).toBeNull();
    expect(d("1234567890123.456").big).toBeNull();
    expect(d("9007199254740993").big).not.toBeNull();
    expect(d("0.00000000000000000000001").big).not.toBeNull();
  });

  it("any decimal string reads as big.js reads it", () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(d(text).toString()).toBe(plainOf(new B(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("exact decimal: arithmetic agrees with big.js", () => {
  const binary = (name: string, op: (a: Decimal, b: Decimal) => Decimal, ref: (a: Big.Big, b: Big.Big) => Big.Big, right = decimalText) =>
    it(name, () => {
      fc.assert(
        fc.property(decimalText, right, (x, y) => {
          expect(op(d(x), d(y)).toString()).toBe(plainOf(ref(new B(x), new B(y))));
        }),
        { numRuns: 3000 },
      );
    });

  binary("plus", (a, b) => a.plus(b), (a, b) => a.plus(b));
  binary("minus", (a, b) => a.minus(b), (a, b) => a.minus(b));
  binary("times", (a, b) => a.times(b), (a, b) => a.times(b));
  binary("div (40 places, half-up)", (a, b) => a.div(b), (a, b) => a.div(b), nonZeroText);

  it("cmp, eq, lt, lte, gt, gte", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (x, y) => {
        const a = d(x);
        const b = d(y);
        const expected = new B(x).cmp(new B(y));
        expect(a.cmp(b)).toBe(expected);
        expect(a.eq(b)).toBe(expected === 0);
        expect(a.lt(b)).toBe(expected < 0);
        expect(a.lte(b)).toBe(expected <= 0);
        expect(a.gt(b)).toBe(expected > 0);
        expect(a.gte(b)).toBe(expected >= 0);
      }),
      { numRuns: 3000 },
    );
  });

  it("round to 0–6 places in every mode", () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), mode, (x, dp, rm) => {
        expect(d(x).round(dp, rm).toString()).toBe(plainOf(new B(x).round(dp, rm)));
      }),
      { numRuns: 3000 },
    );
  });

  it("toFixed with 0–6 places in every mode, and without places", () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), mode, (x, dp, rm) => {
        expect(d(x).toFixed(dp, rm)).toBe(new B(x).toFixed(dp, rm));
        expect(d(x).toFixed()).toBe(plainOf(new B(x)));
      }),
      { numRuns: 3000 },
    );
  });

  it("floorDiv is the exact floor of the quotient, for every sign", () => {
    fc.assert(
      fc.property(decimalText, nonZeroText, (x, y) => {
        const q = d(x).floorDiv(d(y));
        const bx = new B(x);
        const by = new B(y);
        const bq = new B(q.toString());
        expect(q.isInteger()).toBe(true);
        // q ≤ x ÷ y < q + 1, checked by multiplication (no rounding involved).
        if (by.gt(0)) {
          expect(bq.times(by).lte(bx)).toBe(true);
          expect(bq.plus(1).times(by).gt(bx)).toBe(true);
        } else {
          expect(bq.times(by).gte(bx)).toBe(true);
          expect(bq.plus(1).times(by).lt(bx)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("toMoney is toFixed(2) without a negative zero", () => {
    fc.assert(
      fc.property(decimalText, (x) => {
        const expected = new B(x).toFixed(2);
        expect(d(x).toMoney()).toBe(expected === "-0.00" ? "0.00" : expected);
        expect(d(x).plus(0).toMoney()).toBe(expected === "-0.00" ? "0.00" : expected);
        // Printed plainly first, so that the money text may come from the plain text.
        const printed = d(x).times(100).div(100);
        printed.toString();
        expect(printed.toMoney()).toBe(expected === "-0.00" ? "0.00" : expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("isInteger, sign, neg", () => {
    fc.assert(
      fc.property(decimalText, (x) => {
        const b = new B(x);
        expect(d(x).isInteger()).toBe(b.round(0, 0).eq(b));
        expect(d(x).sign()).toBe(b.eq(0) ? 0 : b.s);
        expect(d(x).neg().toString()).toBe(plainOf(b.times(-1)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("exact decimal: the edges of the scaled form", () => {
  it("a sum that leaves the safe integers is still exact", () => {
    expect(d("9007199254740991").plus(1).toString()).toBe("9007199254740992");
    expect(d("9007199254740991").plus(2).toString()).toBe("9007199254740993");
    expect(d("4503599627370496").plus("4503599627370497").toString()).toBe("9007199254740993");
    expect(d("-9007199254740991").minus(2).toString()).toBe("-9007199254740993");
  });

  it("a product that leaves the safe integers is still exact", () => {
    expect(d("94906267").times("94906267").toString()).toBe("9007199515875289");
    expect(d("999999999999999").times("999999999999999").toString()).toBe("999999999999998000000000000001");
    expect(d("0.00000000001").times("0.000000000001").toString()).toBe("0.00000000000000000000001");
  });

  it("aligning scales that would overflow falls back", () => {
    expect(d("900719925474099").plus("0.0000001").toString()).toBe("900719925474099.0000001");
    expect(d("900719925474099").cmp("900719925474099.0000001")).toBe(-1);
  });

  it("0.1 + 0.2 is 0.3, and 30% of 3,333,333.35 is 1,000,000.005", () => {
    expect(d("0.1").plus("0.2").toString()).toBe("0.3");
    expect(d("3333333.35").times("0.3").toString()).toBe("1000000.005");
    expect(d("1000000.005").round(2, 1).toString()).toBe("1000000.01");
    expect(d("1000000.005").round(2, 2).toString()).toBe("1000000");
    expect(d("1000000.015").round(2, 2).toString()).toBe("1000000.02");
  });

  it("no negative zero comes out of any operation", () => {
    expect(d("-5").times(0).toString()).toBe("0");
    expect(d("-0.004").round(2).toString()).toBe("0");
    expect(d("-0.004").round(2).sign()).toBe(0);
    expect(d("5").minus(5).toString()).toBe("0");
    expect(d("0").neg().toString()).toBe("0");
  });

  it("toFixed keeps the sign of a negative value rounded to zero, as big.js does", () => {
    expect(d("-0.004").toFixed(2)).toBe(new B("-0.004").toFixed(2));
  });

  it("division by zero throws a RangeError", () => {
    expect(() => d(1).div(0)).toThrow(RangeError);
    expect(() => d(1).floorDiv("0.00")).toThrow(RangeError);
  });

  it("invalid decimal places are refused", () => {
    expect(() => d(1).round(-1)).toThrow(RangeError);
    expect(() => d(1).round(1.5)).toThrow(RangeError);
    expect(() => d(1).toFixed(-1)).toThrow(RangeError);
  });

  it("floorDiv where the 40-place quotient rounds up to a whole number", () => {
    // x ÷ y = 3 − 10^-45: big.js's 40-place quotient is 3.000…0, the floor is 2.
    const y = d("1");
    const x = d(`2.${"9".repeat(45)}`);
    expect(x.floorDiv(y).toString()).toBe("2");
    expect(x.neg().floorDiv(y).toString()).toBe("-3");
  });

  it("integers just below a multiple of 10^8 print every digit (the quotient by 10^8 rounds up)", () => {
    for (let high = 89_999_990; high <= 90_071_992; high += 1) {
      const n = high * 1e8 - 1;
      if (n > Number.MAX_SAFE_INTEGER) break;
      expect(d(String(n)).toString()).toBe(BigInt(n).toString());
    }
    for (const text of ["8999999999999999", "9007199254740991", "100000000", "99999999", "100000001", "1000000000000000"]) {
      expect(d(text).toString()).toBe(text);
      expect(d(`-${text}`).toString()).toBe(`-${text}`);
      expect(d(`${text}.5`).toFixed(1)).toBe(new B(`${text}.5`).toFixed(1));
    }
  });

  it("JSON and template strings print the plain decimal", () => {
    expect(JSON.stringify({ a: d("1.50") })).toBe('{"a":"1.5"}');
    expect(`${d("1e-7")}`).toBe("0.0000001");
  });
});
