/**
 * The order in which the ledger sees claims and grants (docs/clauses.md, docs/conventions.md §3): by fact date, and on the
 * same day by id in natural order ("s2" before "s10"; see natural-order.ts), so that the input order of
 * an application never changes a result.
 */
import type { CivilDate } from "./dates.js";
import { compareNatural } from "./natural-order.js";

/** "2025-03-10" as the number 20250310: the same order as the dates (a civil date is YYYY-MM-DD). */
function dateNumber(date: CivilDate): number {
  let value = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    value = value * 10 + (date.charCodeAt(i) - 48);
  }
  return value;
}

/**
 * `items` in fact-date order, ties by id in natural order; a new array. The same order as a stable sort
 * with `(a, b) => date(a) < date(b) ? -1 : … : compareNatural(id(a), id(b))`, in O(n log n) with a cheap
 * step: the dates are sorted as numbers (date × n + position, in a Float64Array sorted natively), and
 * only the claims of one day are compared by id. Sorting 100,000 objects through a comparator that reads
 * two properties of each was a quarter of the time of deciding them.
 */
export function inFactDateOrder<T>(items: readonly T[], date: (item: T) => CivilDate, id: (item: T) => string): T[] {
  const n = items.length;
  // date × n + position stays an exact integer while n < 2^53 / 10^8.
  if (n < 2 || n > 50_000_000) return [...items].sort((a, b) => compareFacts(date(a), id(a), date(b), id(b)));
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = dateNumber(date(items[i] as T)) * n + i;
  keys.sort();
  const ordered: T[] = new Array<T>(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const day = Math.floor(key / n);
    days[i] = day;
    ordered[i] = items[key - day * n] as T;
  }
  // The claims of one day, in input order so far: by id.
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && days[end] === days[start]) end++;
    if (end - start > 1) {
      const run = ordered.slice(start, end).sort((a, b) => compareNatural(id(a), id(b)));
      for (let i = 0; i < run.length; i++) ordered[start + i] = run[i] as T;
    }
    start = end;
  }
  return ordered;
}

function compareFacts(dateA: string, idA: string, dateB: string, idB: string): number {
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return compareNatural(idA, idB);
}
