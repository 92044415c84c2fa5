/**
 * The ledger's order (INTERPRETATION.md §6): fact date, then id in natural order. inFactDateOrder sorts
 * dates as numbers and compares ids only within a day; it must give exactly the order of a stable sort
 * by the plain comparator, for any input order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CivilDate } from "../../src/kernel/dates.js";
import { inFactDateOrder } from "../../src/kernel/fact-order.js";
import { compareNatural } from "../../src/kernel/natural-order.js";

interface Item {
  readonly factDate: string;
  readonly id: string;
}

const date = (item: Item) => item.factDate as CivilDate;
const id = (item: Item) => item.id;

function reference(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => (a.factDate !== b.factDate ? (a.factDate < b.factDate ? -1 : 1) : compareNatural(a.id, b.id)));
}

const dateArb = fc
  .record({ year: fc.constantFrom(1900, 2024, 2025, 2026, 9999), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
const idArb = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((n) => `s${n}`),
  fc.integer({ min: 0, max: 30 }).map((n) => `s0${n}`),
  fc.stringMatching(/^[a-c0-9]{1,4}$/),
);

describe("inFactDateOrder", () => {
  it("dates first, then ids in natural order on the same day", () => {
    const items: Item[] = [
      { factDate: "2025-03-10", id: "s10" },
      { factDate: "2025-03-09", id: "z" },
      { factDate: "2025-03-10", id: "s2" },
      { factDate: "2026-01-01", id: "a" },
      { factDate: "2025-03-10", id: "s01" },
      { factDate: "2025-03-10", id: "s1" },
      { factDate: "2024-12-31", id: "b" },
    ];
    expect(inFactDateOrder(items, date, id).map((item) => `${item.factDate} ${item.id}`)).toEqual([
      "2024-12-31 b",
      "2025-03-09 z",
      "2025-03-10 s01",
      "2025-03-10 s1",
      "2025-03-10 s2",
      "2025-03-10 s10",
      "2026-01-01 a",
    ]);
  });

  it("returns a new array and leaves the input alone; none, one and two items", () => {
    const items: Item[] = [
      { factDate: "2025-03-10", id: "b" },
      { factDate: "2025-03-10", id: "a" },
    ];
    const ordered = inFactDateOrder(items, date, id);
    expect(ordered.map(id)).toEqual(["a", "b"]);
    expect(items.map(id)).toEqual(["b", "a"]);
    expect(inFactDateOrder([], date, id)).toEqual([]);
    const one = [{ factDate: "2025-01-01", id: "x" }];
    expect(inFactDateOrder(one, date, id)).toEqual(one);
    expect(inFactDateOrder(one, date, id)).not.toBe(one);
  });

  it("property: the order of a stable sort by the comparator, whatever the input order (many same-day ties)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ factDate: dateArb, id: idArb }), { maxLength: 300 }), (items) => {
        expect(inFactDateOrder(items, date, id)).toEqual(reference(items));
      }),
      { numRuns: 400 },
    );
  });

  it("property: ids unique, so any permutation of the input gives the same order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ factDate: dateArb, id: idArb }), { selector: (item) => item.id, maxLength: 200 }), fc.nat(), (items, seed) => {
        const shuffled = [...items];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Item, shuffled[i] as Item];
        }
        expect(inFactDateOrder(shuffled, date, id)).toEqual(inFactDateOrder(items, date, id));
      }),
      { numRuns: 300 },
    );
  });

  it("a day with thousands of claims among thousands of days", () => {
    const items: Item[] = [];
    for (let i = 0; i < 20_000; i++) items.push({ factDate: i % 3 === 0 ? "2025-06-01" : `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, id: `c${(i * 7919) % 20_000}` });
    expect(inFactDateOrder(items, date, id)).toEqual(reference(items));
  });
});
