import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNatural } from "../../src/kernel/natural-order.js";

const sorted = (ids: string[]) => [...ids].sort(compareNatural);

describe("compareNatural", () => {
  it("puts numbered ids in the order a person numbers them", () => {
    expect(sorted(["s10", "s2", "s1", "s9", "s11", "s100"])).toEqual(["s1", "s2", "s9", "s10", "s11", "s100"]);
    expect(sorted(["c-2-10", "c-2-9", "c-10-1", "c-1-99"])).toEqual(["c-1-99", "c-2-9", "c-2-10", "c-10-1"]);
  });

  it("compares text by UTF-16 code units, as before, where there are no numbers", () => {
    expect(sorted(["b", "a", "B", "ab", "", "甲", "乙"])).toEqual(["", "B", "a", "ab", "b", "乙", "甲"]);
  });

  it("orders a shorter id first when it is the start of a longer one", () => {
    expect(compareNatural("s1", "s1a")).toBe(-1);
    expect(compareNatural("s1a", "s1")).toBe(1);
    expect(compareNatural("s", "s1")).toBe(-1);
  });

  it("puts digits before letters, as their code units do", () => {
    expect(compareNatural("s1", "sa")).toBe(-1);
    expect(compareNatural("sa", "s1")).toBe(1);
  });

  it("reads numbers of any length without overflow (longer run, larger number)", () => {
    expect(compareNatural("x99999999999999999999", "x100000000000000000000")).toBe(-1);
    expect(compareNatural("x100000000000000000001", "x100000000000000000000")).toBe(1);
  });

  it("ignores leading zeros in the comparison, then breaks the tie by code units", () => {
    expect(compareNatural("s01", "s2")).toBe(-1);
    expect(compareNatural("s010", "s9")).toBe(1);
    // Equal as numbers: "s01" < "s1" by code units ("0" < "1"); never 0 for different ids.
    expect(compareNatural("s01", "s1")).toBe(-1);
    expect(compareNatural("s1", "s01")).toBe(1);
    expect(compareNatural("s1", "s1")).toBe(0);
  });

  const id = fc.string({ unit: fc.constantFrom("a", "b", "0", "1", "2", "9", "-"), maxLength: 6 });

  it("is a total order: antisymmetric, 0 only for equal ids", () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        const ab = compareNatural(a, b);
        expect(Math.sign(ab) + Math.sign(compareNatural(b, a))).toBe(0);
        expect(ab === 0).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
  });

  it("is transitive", () => {
    fc.assert(
      fc.property(id, id, id, (a, b, c) => {
        if (compareNatural(a, b) < 0 && compareNatural(b, c) < 0) expect(compareNatural(a, c)).toBeLessThan(0);
      }),
      { numRuns: 5000 },
    );
  });

  it("sorts the same whatever the starting order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 12 }), (ids) => {
        expect(sorted(ids)).toEqual(sorted([...ids].reverse()));
      }),
      { numRuns: 500 },
    );
  });
});
