import Big from "big.js";
import { describe, expect, it } from "vitest";
import {
  Dec,
  type DecimalBounds,
  type DecimalProblem,
  floorDecimal,
  formatMoney,
  formatPlain,
  isDecimal,
  MAX_AREA,
  MAX_COUNT,
  MAX_DECIMAL_TEXT_LENGTH,
  MAX_GROWTH_RATE,
  MAX_MONEY,
  maxDecimal,
  MIN_GROWTH_RATE,
  minDecimal,
  readDecimal,
  roundAmount,
  ROUNDING_MODES,
  ZERO,
} from "../../src/kernel/decimal.js";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { PolicyValidationError } from "../../src/kernel/errors.js";

// The global big.js settings as they were before this file touched the library. The library was already
// imported above (ES imports are hoisted), so these are the values *after* loading it: they must still be
// big.js's documented defaults.
const GLOBAL_BIG_SETTINGS = { DP: Big.DP, RM: Big.RM, NE: Big.NE, PE: Big.PE, strict: Big.strict };

const MONEY: DecimalBounds = { min: ZERO, max: MAX_MONEY, what: "an amount in yuan", whatZh: "以元为单位的金额" };
const COUNT: DecimalBounds = { min: ZERO, max: MAX_COUNT, integer: true, what: "a count", whatZh: "计数" };
const GROWTH: DecimalBounds = {
  min: MIN_GROWTH_RATE,
  max: MAX_GROWTH_RATE,
  what: "a growth rate as a decimal fraction (10% = 0.10)",
  whatZh: "以小数表示的增速（10% 写作 0.10）",
};
const AREA: DecimalBounds = { min: ZERO, max: MAX_AREA, what: "an area in square metres", whatZh: "以平方米为单位的面积" };

/** Read a value that must be accepted; returns its plain decimal text. */
function accepted(raw: unknown, bounds: DecimalBounds = MONEY): string {
  const result = readDecimal(raw, bounds);
  if (!isDecimal(result)) throw new Error(`expected ${String(raw)} to be accepted, got ${JSON.stringify(result)}`);
  return result.toString();
}

/** Read a value that must be refused; returns the problem. */
function refused(raw: unknown, bounds: DecimalBounds = MONEY): DecimalProblem {
  const result = readDecimal(raw, bounds);
  if (isDecimal(result)) throw new Error(`expected ${String(raw)} to be refused, got ${result.toString()}`);
  return result;
}

const d = (text: string) => new Dec(text);

describe("readDecimal: what it accepts", () => {
  it.each([
    ["0", "0"],
    ["1", "1"],
    ["1000.50", "1000.5"],
    ["0.01", "0.01"],
    ["00012", "12"],
    ["123456789012.34", "123456789012.34"],
    ["1000000000000", "1000000000000"],
  ])("the plain decimal string %j reads as %s", (raw, expected) => {
    expect(accepted(raw)).toBe(expected);
  });

  it("a number is read through its shortest decimal string: 0.1 is exactly 0.1", () => {
    const value = readDecimal(0.1, MONEY);
    expect(isDecimal(value) && value.eq(d("0.1"))).toBe(true);
    expect(accepted(0.1)).toBe("0.1");
  });

  it("0.1 + 0.2 as a JS number is exactly 0.30000000000000004, not 0.3", () => {
    expect(accepted(0.1 + 0.2)).toBe("0.30000000000000004");
  });

  it.each([
    [0, "0"],
    [1, "1"],
    [2000000, "2000000"],
    [1000.5, "1000.5"],
    [123456789012.34, "123456789012.34"],
    [1e-7, "0.0000001"],
  ])("the finite number %s reads as %s", (raw, expected) => {
    expect(accepted(raw)).toBe(expected);
  });

  it("a string of exactly MAX_DECIMAL_TEXT_LENGTH characters is accepted", () => {
    const text = `0.${"0".repeat(MAX_DECIMAL_TEXT_LENGTH - 3)}1`;
    expect(text).toHaveLength(MAX_DECIMAL_TEXT_LENGTH);
    expect(accepted(text)).toBe(d(text).toString());
  });

  it("the documented maxima themselves are accepted (inclusive bounds)", () => {
    expect(accepted("1000000000000", MONEY)).toBe("1000000000000");
    expect(accepted(1e12, MONEY)).toBe("1000000000000");
    expect(accepted("1000000000000", COUNT)).toBe("1000000000000");
    expect(accepted("100000000", AREA)).toBe("100000000");
    expect(accepted("10000", GROWTH)).toBe("10000");
    expect(accepted("-1", GROWTH)).toBe("-1");
  });

  it("a growth rate may be negative, down to −100%", () => {
    expect(accepted("-0.02", GROWTH)).toBe("-0.02");
    expect(accepted(-0.5, GROWTH)).toBe("-0.5");
  });

  it("a count accepts whole numbers, also written with zero decimals", () => {
    expect(accepted("500", COUNT)).toBe("500");
    expect(accepted(500, COUNT)).toBe("500");
    expect(accepted("500.0", COUNT)).toBe("500");
  });
});

describe("readDecimal: negative zero", () => {
  it("the number -0 normalises to 0 and formats as 0.00", () => {
    const value = readDecimal(-0, MONEY);
    expect(isDecimal(value)).toBe(true);
    if (!isDecimal(value)) return;
    expect(value.sign()).toBe(0);
    expect(value.toString()).toBe("0");
    expect(value.toString()).toBe("0");
    expect(formatMoney(value)).toBe("0.00");
    expect(formatPlain(value)).toBe("0");
  });

  it.each(["-0", "-0.00", "-0.0000"])("the string %j normalises to 0 and formats as 0.00", (raw) => {
    const value = readDecimal(raw, MONEY);
    expect(isDecimal(value)).toBe(true);
    if (!isDecimal(value)) return;
    expect(value.sign()).toBe(0);
    expect(value.toString()).toBe("0");
    expect(formatMoney(value)).toBe("0.00");
  });

  it("-0 is also zero for counts and growth rates", () => {
    expect(accepted(-0, COUNT)).toBe("0");
    expect(accepted("-0", GROWTH)).toBe("0");
  });

  it("-0 through a clause gives the same result as 0", () => {
    const base = { municipalRecognition: true, rentCost: "1000", renovationCost: "0", equipmentCost: "0" };
    expect(evaluateClause("art3.2", { ...base, renovationCost: -0 })).toEqual(evaluateClause("art3.2", base));
    expect(evaluateClause("art3.2", { ...base, renovationCost: "-0" })).toEqual(evaluateClause("art3.2", base));
  });
});

describe("readDecimal: what it refuses, and the hint it gives", () => {
  it.each([
    [Number.NaN, "NaN and Infinity"],
    [Number.POSITIVE_INFINITY, "NaN and Infinity"],
    [Number.NEGATIVE_INFINITY, "NaN and Infinity"],
    ["", "empty string"],
    ["1,000", "thousands separators"],
    ["1，000", "full-width"],
    ["1 000", "thousands separators"],
    ["1_000", "thousands separators"],
    ["1'000", "thousands separators"],
    ["１２３", "full-width"],
    ["１００．５", "full-width"],
    [" 100 ", "spaces"],
    ["100 ", "spaces"],
    ["\t100", "spaces"],
    ["1e5", "exponent"],
    ["1E5", "exponent"],
    ["2.5e-3", "exponent"],
    ["10%", "decimal fraction"],
    ["5万", "5万元"],
    ["5万元", "5万元"],
    ["3亿", "5万元"],
    ["100元", "5万元"],
    ["+5", 'no leading "+"'],
    [".5", "digits on both sides"],
    ["5.", "digits on both sides"],
  ])("%j is refused with a hint mentioning %j", (raw, hintPart) => {
    const problem = refused(raw);
    expect(problem.hintEn).toContain(hintPart);
    expect(problem.hintZh).toBeTruthy();
    expect(problem.expected).toContain("an amount in yuan");
    expect(problem.expectedZh).toContain("以元为单位的金额");
  });

  it.each([
    ["NaN"],
    ["Infinity"],
    ["abc"],
    ["--5"],
    ["5-"],
    ["0x10"],
  ])("the string %j is refused with the generic hint", (raw) => {
    const problem = refused(raw);
    expect(problem.hintEn).toBe('write a plain decimal such as "1000.50"');
    expect(problem.hintZh).toBe("请写普通小数，例如 1000.50");
  });

  it("a count's generic hint asks for a whole number", () => {
    const problem = refused("abc", COUNT);
    expect(problem.hintEn).toBe('write a whole number such as "500"');
    expect(problem.expected).toContain("a whole number");
    expect(problem.expectedZh).toContain("整数");
  });

  it.each([
    [true],
    [false],
    [{}],
    [{ value: "5" }],
    [[5]],
    [null],
    [undefined],
    [new Date(0)],
    [5n],
    [Symbol("five")],
  ])("the non-string, non-number %s is refused (expected text, both languages)", (raw) => {
    const problem = refused(raw);
    expect(problem.expected).toContain('as a string like "1000.50" or a finite number');
    expect(problem.expectedZh).toContain("有限数值");
  });

  it("a string longer than MAX_DECIMAL_TEXT_LENGTH is refused, giving its length", () => {
    const text = `0.${"0".repeat(MAX_DECIMAL_TEXT_LENGTH - 2)}1`;
    expect(text).toHaveLength(MAX_DECIMAL_TEXT_LENGTH + 1);
    const problem = refused(text);
    expect(problem.hintEn).toBe(`the text is ${MAX_DECIMAL_TEXT_LENGTH + 1} characters long; at most ${MAX_DECIMAL_TEXT_LENGTH} are accepted`);
    expect(problem.hintZh).toContain(String(MAX_DECIMAL_TEXT_LENGTH));
  });

  it("a 10 MB string is refused by its length, quickly, and the problem text stays short", () => {
    const problem = refused("9".repeat(10_000_000));
    expect(problem.hintEn).toContain("10000000 characters");
    expect(JSON.stringify(problem).length).toBeLessThan(1000);
  });

  it.each([
    ["1000000000000.01", MONEY],
    [1000000000000.01, MONEY],
    ["99999999999999999999", MONEY],
    [1e21, MONEY],
    [Number.MAX_VALUE, MONEY],
    ["1000000000001", COUNT],
    ["100000000.01", AREA],
    ["10000.0001", GROWTH],
    ["-1.0001", GROWTH],
    [-2, GROWTH],
  ])("%s beyond the documented range is refused, naming the range", (raw, bounds) => {
    const problem = refused(raw, bounds);
    expect(problem.hintEn).toBe(`the value is outside the accepted range ${formatPlain(bounds.min)} … ${formatPlain(bounds.max)}`);
    expect(problem.hintZh).toContain("数值超出可接受范围");
  });

  it.each([["-0.01"], ["-1"], [-5], [-0.01]])("a negative amount of money %s is refused", (raw) => {
    const problem = refused(raw, MONEY);
    expect(problem.hintEn).toContain("outside the accepted range 0 … 1000000000000");
  });

  it.each([["1.5"], [1.5], ["500.01"], [1e-7], ["-1.5"]])("a non-integer count %s is refused as a count", (raw) => {
    const problem = refused(raw, COUNT);
    expect(problem.hintEn).toBe("this is a count: it must be a whole number");
    expect(problem.hintZh).toBe("此项为计数，必须是整数");
  });

  it("the expected text names the range in both languages", () => {
    const problem = refused("x", MONEY);
    expect(problem.expected).toBe('an amount in yuan: a plain decimal from 0 to 1000000000000, as a string like "1000.50" or a finite number');
    expect(problem.expectedZh).toBe('以元为单位的金额：0 至 1000000000000 之间的普通小数，写作字符串（如 "1000.50"）或有限数值');
  });

  it("a negative count is refused by range", () => {
    expect(refused("-1", COUNT).hintEn).toContain("outside the accepted range");
  });
});

describe("readDecimal: numbers and strings agree", () => {
  // A JS number obeys the same length limit as a string (MAX_DECIMAL_TEXT_LENGTH), counted on the number
  // written out plainly. Once a tiny number such as 1e-50 was accepted while its plain string "0.000…01"
  // (52 characters) was refused, and a number below 1e-60 then printed in exponent notation ("1e-70") in
  // results (exactAmount, step operands), which formatPlain promises never to do.
  it("a number and its equivalent plain string are both accepted or both refused (1e-50)", () => {
    const asNumber = readDecimal(1e-50, MONEY);
    const asString = readDecimal(`0.${"0".repeat(49)}1`, MONEY);
    expect(isDecimal(asNumber)).toBe(isDecimal(asString));
    expect(isDecimal(asNumber)).toBe(false);
    expect(refused(1e-50).hintEn).toBe(`the number written out is 52 characters long; at most ${MAX_DECIMAL_TEXT_LENGTH} are accepted`);
    expect(refused(1e-50).hintZh).toContain(String(MAX_DECIMAL_TEXT_LENGTH));
  });

  it("at the length limit a number and its plain string agree: 40 characters accepted, 41 refused", () => {
    const atLimit = `0.${"0".repeat(MAX_DECIMAL_TEXT_LENGTH - 3)}1`;
    const overLimit = `0.${"0".repeat(MAX_DECIMAL_TEXT_LENGTH - 2)}1`;
    expect(atLimit).toHaveLength(MAX_DECIMAL_TEXT_LENGTH);
    expect(accepted(Number(atLimit))).toBe(accepted(atLimit));
    expect(refused(Number(overLimit)).hintEn).toContain(`${MAX_DECIMAL_TEXT_LENGTH + 1} characters long`);
    refused(overLimit);
  });

  it("a tiny number never leads to exponent notation in a result", () => {
    // 1e-70 is refused like its 72-character plain string, rather than printed as "1e-70" or "3e-71".
    const error = (() => {
      try {
        evaluateClause("art3.2", { municipalRecognition: true, rentCost: 1e-70, renovationCost: 0, equipmentCost: 0 });
      } catch (caught) {
        return caught;
      }
      throw new Error("expected rentCost 1e-70 to be refused");
    })();
    expect(error).toBeInstanceOf(PolicyValidationError);
    expect((error as PolicyValidationError).issues.map((i) => i.path)).toEqual(["rentCost"]);

    // The smallest accepted values (a fen of principal, A20, and the tiniest rate) multiply to 5e-41 in
    // art7.2's steps: every operand, result and the exact amount stay plain.
    const tiny = 10 ** -(MAX_DECIMAL_TEXT_LENGTH - 2);
    const result = evaluateClause("art7.2", {
      statisticallyRegistered: true,
      annualOnlineRetail: "6000000",
      growthRate: "0.15",
      ownOperationsCommercialLoan: true,
      thirdPartyReviewApproved: true,
      principal: "0.01",
      benchmarkAnnualRate: tiny,
      interestPeriodStart: "2025-01-01",
      interestPeriodEnd: "2025-04-01",
      interestPaid: "90000",
    });
    const plain = /^-?\d+(\.\d+)?$/;
    expect(result.status).toBe("eligible");
    expect(result.exactAmount).toMatch(plain);
    expect(result.steps[1]?.result).toBe(`0.${"0".repeat(40)}5`);
    for (const step of result.steps) {
      for (const operand of step.operands) expect(operand).toMatch(plain);
      expect(step.result).toMatch(plain);
    }
  });

  it("formatPlain writes a value beyond big.js's exponent thresholds out in full", () => {
    expect(formatPlain(d("1e-70"))).toBe(`0.${"0".repeat(69)}1`);
    expect(formatPlain(d("-3e-71"))).toBe(`-0.${"0".repeat(70)}3`);
    expect(formatPlain(d("1e70"))).toBe(`1${"0".repeat(70)}`);
  });
});

describe("roundAmount: the three modes of A9 at the half-fen edges", () => {
  it("lists exactly three modes, the default first", () => {
    expect(ROUNDING_MODES).toEqual(["fen-half-up", "fen-half-even", "yuan-half-up"]);
  });

  it.each([
    ["0.005", "0.01", "0"],
    ["0.015", "0.02", "0.02"],
    ["0.025", "0.03", "0.02"],
    ["0.035", "0.04", "0.04"],
    ["1.005", "1.01", "1"],
    ["1000000.005", "1000000.01", "1000000"],
    ["1000000.015", "1000000.02", "1000000.02"],
    ["2.675", "2.68", "2.68"],
    ["0.0049999", "0", "0"],
    ["0.0050001", "0.01", "0.01"],
    ["1.234", "1.23", "1.23"],
    ["1.236", "1.24", "1.24"],
  ])("%s: fen half-up → %s, fen half-even → %s", (exact, halfUp, halfEven) => {
    expect(roundAmount(d(exact), "fen-half-up").toString()).toBe(halfUp);
    expect(roundAmount(d(exact), "fen-half-even").toString()).toBe(halfEven);
  });

  it.each([
    ["0.5", "1"],
    ["1.5", "2"],
    ["2.5", "3"],
    ["2.49", "2"],
    ["2.4999999", "2"],
    ["1999999.5", "2000000"],
    ["0.005", "0"],
  ])("whole yuan, half up: %s → %s", (exact, expected) => {
    expect(roundAmount(d(exact), "yuan-half-up").toString()).toBe(expected);
  });

  it("an amount already in fen is unchanged in the fen modes", () => {
    for (const mode of ["fen-half-up", "fen-half-even"] as const) {
      expect(roundAmount(d("600000.01"), mode).toString()).toBe("600000.01");
    }
  });

  it("rounding does not mutate its argument", () => {
    const value = d("0.015");
    roundAmount(value, "fen-half-up");
    roundAmount(value, "yuan-half-up");
    expect(value.toString()).toBe("0.015");
  });

  it("the same half-fen edge through a clause: 30% of 3,333,333.35 = 1,000,000.005", () => {
    const park = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" };
    expect(evaluateClause("art3.1", park).amount).toBe("1000000.01");
    expect(evaluateClause("art3.1", park, { switches: { rounding: "fen-half-even" } }).amount).toBe("1000000.00");
    expect(evaluateClause("art3.1", park, { switches: { rounding: "yuan-half-up" } }).amount).toBe("1000000.00");
    // 30% of 3,333,335.05 = 1,000,000.515: half-even goes up to the even fen 1,000,000.52.
    const odd = { ...park, investment: "3333335.05" };
    expect(evaluateClause("art3.1", odd, { switches: { rounding: "fen-half-even" } }).amount).toBe("1000000.52");
    expect(evaluateClause("art3.1", odd, { switches: { rounding: "yuan-half-up" } }).amount).toBe("1000001.00");
  });
});

describe("formatMoney: always two places", () => {
  it.each([
    ["0", "0.00"],
    ["1", "1.00"],
    ["1.5", "1.50"],
    ["1000000.01", "1000000.01"],
    ["2000000", "2000000.00"],
    ["1000000000000", "1000000000000.00"],
    ["0.005", "0.01"],
    ["0.004", "0.00"],
    ["-0.004", "0.00"],
    ["-0", "0.00"],
    ["-1.5", "-1.50"],
    ["123456789012.345", "123456789012.35"],
  ])("%s → %s", (value, expected) => {
    expect(formatMoney(d(value))).toBe(expected);
  });

  it("never uses exponent notation, even for values big.js would print with an exponent", () => {
    expect(formatMoney(d("1e21"))).toBe("1000000000000000000000.00");
    expect(formatMoney(d("1e-7"))).toBe("0.00");
  });
});

describe("formatPlain", () => {
  it.each([
    ["0.30", "0.3"],
    ["3000", "3000"],
    ["-0", "0"],
    ["1e21", "1000000000000000000000"],
    ["1e-7", "0.0000001"],
    ["-2.50", "-2.5"],
  ])("%s → %s", (value, expected) => {
    expect(formatPlain(d(value))).toBe(expected);
  });
});

describe("floorDecimal: toward −∞", () => {
  it.each([
    ["0", "0"],
    ["2.9999", "2"],
    ["3", "3"],
    ["0.5", "0"],
    ["-0.0001", "-1"],
    ["-0.5", "-1"],
    ["-1", "-1"],
    ["-1.5", "-2"],
    ["-2.0000001", "-3"],
    ["9999999.99", "9999999"],
  ])("⌊%s⌋ = %s", (value, expected) => {
    expect(floorDecimal(d(value)).eq(d(expected))).toBe(true);
  });
});

describe("minDecimal / maxDecimal", () => {
  it("pick the smaller and the larger, exactly", () => {
    expect(minDecimal(d("2000000.01"), d("2000000")).toString()).toBe("2000000");
    expect(maxDecimal(d("2000000.01"), d("2000000")).toString()).toBe("2000000.01");
    expect(minDecimal(d("-1"), d("0")).toString()).toBe("-1");
    expect(maxDecimal(d("-1"), d("0")).toString()).toBe("0");
  });
  it("on a tie, either is the same value", () => {
    expect(minDecimal(d("5.0"), d("5")).eq(d("5"))).toBe(true);
    expect(maxDecimal(d("5.0"), d("5")).eq(d("5"))).toBe(true);
  });
});

describe("the library's decimal constructor is private", () => {
  it("the global big.js constructor keeps its defaults after the library is loaded", () => {
    expect(GLOBAL_BIG_SETTINGS).toEqual({ DP: 20, RM: 1, NE: -7, PE: 21, strict: false });
  });

  it("evaluating clauses does not change the global big.js settings", () => {
    evaluateClause("art3.1", { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" });
    evaluateClause("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "25000000", growthRate: "0.1", cityAverageGrowthRate: "0.1" }, {
      switches: { incrementCounting: "pro-rata", rounding: "fen-half-even" },
    });
    expect({ DP: Big.DP, RM: Big.RM, NE: Big.NE, PE: Big.PE, strict: Big.strict }).toEqual(GLOBAL_BIG_SETTINGS);
  });

  it("Dec is a different constructor from the global Big, with its own settings", () => {
    expect(Dec).not.toBe(Big);
    expect(new Dec(1).div(3).toString()).toBe(`0.${"3".repeat(40)}`);
    expect(new Dec(2).div(3).toString()).toBe(`0.${"6".repeat(39)}7`);
    // The global one still prints 1e-7 in exponent notation; the private one does not.
    expect(new Big("0.0000001").toString()).toBe("1e-7");
    expect(new Dec("0.0000001").toString()).toBe("0.0000001");
  });

  it("reading a zero returns the shared ZERO", () => {
    const value = readDecimal("0", MONEY);
    expect(value).toBe(ZERO);
    expect(ZERO.toString()).toBe("0");
  });
});
