/**
 * src/kernel/fact-order.ts: `inFactDateOrder` sorts the keys date × n + position as doubles, which is
 * exact only while they stay below 2^53; the source counts on a date being at most 8 digits
 * (YYYYMMDD < 10^8, so exact up to its limit of 50,000,000 items). A million items on 9999-12-31 keep
 * the original well inside that (about 10^14), while a date number that also counted the two hyphens
 * as digits (10 digits, about 10^10) passes 2^53 and loses positions. Written for the survivors of the
 * session-4 Stryker run (docs/quality.md, "This evening's changed files (session 4)").
 */
import { describe, expect, it } from "vitest";
import type { CivilDate } from "../../src/kernel/dates.js";
import { inFactDateOrder } from "../../src/kernel/fact-order.js";

describe("inFactDateOrder keeps every item, exactly once, at a million items", () => {
  it("a million items of one late day, all of one id: the input order, unchanged", () => {
    // Mutants: the hyphen skip `i === 4 || i === 7` → false, → &&: each key is about 10^16 > 2^53, so
    // positions are rounded and items are lost or repeated.
    const n = 1_000_000;
    const items = Array.from({ length: n }, (_, i) => i);
    const ordered = inFactDateOrder(items, () => "9999-12-31" as CivilDate, () => "same");
    expect(ordered).toHaveLength(n);
    let misplaced = 0;
    for (let i = 0; i < n; i++) if (ordered[i] !== i) misplaced++;
    expect(misplaced).toBe(0);
  });

  it("half a million days of 9000–9999, two items each, given in reverse: ascending by day, ties by id", () => {
    const dates: string[] = [];
    for (let year = 9000; year <= 9999; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 28; day++) dates.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      }
    }
    const n = 2 * dates.length;
    // Item k is on day floor(k / 2), with id "b" for even k and "a" for odd k; given from the last.
    const items = Array.from({ length: n }, (_, i) => n - 1 - i);
    const ordered = inFactDateOrder(
      items,
      (k) => dates[k >> 1] as CivilDate,
      (k) => (k % 2 === 0 ? "b" : "a"),
    );
    let misplaced = 0;
    for (let i = 0; i < n; i++) if (ordered[i] !== (i % 2 === 0 ? i + 1 : i - 1)) misplaced++;
    expect(misplaced).toBe(0);
  });
});
