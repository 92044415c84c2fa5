/**
 * src/kernel/decimal.ts: the hints of readDecimal where test/kernel/decimal.test.ts checked only some of
 * the texts. Written against surviving mutants: the anchors of the "+", leading-point and trailing-point
 * patterns (a "+" or a point elsewhere gets the generic hint), and a count's generic hint and example in
 * Chinese.
 */
import { describe, expect, it } from "vitest";
import { Dec, type DecimalBounds, type DecimalProblem, isDecimal, readDecimal } from "../../src/kernel/decimal.js";

const MONEY: DecimalBounds = { min: new Dec(0), max: new Dec("1000000000000"), what: "an amount in yuan", whatZh: "以元为单位的金额" };
const COUNT: DecimalBounds = { min: new Dec(0), max: new Dec("1000000000000"), integer: true, what: "a count", whatZh: "计数" };

function refused(raw: unknown, bounds: DecimalBounds = MONEY): DecimalProblem {
  const value = readDecimal(raw, bounds);
  if (isDecimal(value)) throw new Error(`${String(raw)} was accepted`);
  return value;
}

describe("readDecimal: hints", () => {
  it.each(["5+", "1+1", "1.2.3", "5.5.", ".5.5"])("%j: a '+' or a point that is not at the start or the end gets the generic hint", (raw) => {
    const problem = refused(raw);
    if (raw === "5.5." || raw === ".5.5") {
      expect(problem.hintEn).toContain("digits on both sides of the point");
    } else {
      expect(problem.hintEn).toBe('write a plain decimal such as "1000.50"');
      expect(problem.hintZh).toBe("请写普通小数，例如 1000.50");
    }
  });

  it("a count: the generic hint and the example in both languages", () => {
    const problem = refused("abc", COUNT);
    expect(problem.hintZh).toBe("请写整数，例如 500");
    expect(problem.expected).toBe('a count: a whole number from 0 to 1000000000000, as a string like "500" or a finite number');
    expect(problem.expectedZh).toBe('计数：0 至 1000000000000 之间的整数，写作字符串（如 "500"）或有限数值');
  });
});
