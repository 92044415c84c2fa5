/**
 * Civil calendar dates (`YYYY-MM-DD`, Beijing civil dates), never instants.
 *
 * docs/conventions.md §3: results must not change with the host's time zone. date-fns does calendar
 * arithmetic through a Date's *local* getters and setters, so we hand it a Date whose "local" calendar is
 * UTC (`CalendarDay` below). The host zone is then never consulted — not even in zones that skipped a
 * whole day (Pacific/Apia, 2011-12-30) or change offset at midnight.
 */
import { addDays, addYears, differenceInCalendarDays, getDaysInMonth, isLeapYear } from "date-fns";

/** A validated civil date, written `YYYY-MM-DD`. Ordering by string comparison is chronological. */
export type CivilDate = string & { readonly __civilDate: "CivilDate" };

/** A Date whose local calendar is UTC: every local accessor reads or writes the UTC field. */
class CalendarDay extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(year: number, month?: number, date?: number): number {
    if (month === undefined) return this.setUTCFullYear(year);
    return date === undefined ? this.setUTCFullYear(year, month) : this.setUTCFullYear(year, month, date);
  }
  override setMonth(month: number, date?: number): number {
    return date === undefined ? this.setUTCMonth(month) : this.setUTCMonth(month, date);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
    if (min === undefined) return this.setUTCHours(hours);
    if (sec === undefined) return this.setUTCHours(hours, min);
    return ms === undefined ? this.setUTCHours(hours, min, sec) : this.setUTCHours(hours, min, sec, ms);
  }
  override setMinutes(min: number, sec?: number, ms?: number): number {
    if (sec === undefined) return this.setUTCMinutes(min);
    return ms === undefined ? this.setUTCMinutes(min, sec) : this.setUTCMinutes(min, sec, ms);
  }
  override setSeconds(sec: number, ms?: number): number {
    return ms === undefined ? this.setUTCSeconds(sec) : this.setUTCSeconds(sec, ms);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

/** Years the library accepts. The measures date from the 2020s; anything outside is a typing error. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** `DDDD-DD-DD` with ASCII digits (what /^\d{4}-\d{2}-\d{2}$/ matches), checked without a regex. */
function hasDateShape(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 /* - */ : c < 48 || c > 57) return false;
  }
  return true;
}

/** The number written by the ASCII digits text[from … to). */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

function toDay(date: CivilDate): CalendarDay {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const result = new CalendarDay(0);
  result.setUTCFullYear(year, month - 1, day);
  result.setUTCHours(0, 0, 0, 0);
  return result;
}

/**
 * Days in each month of the accepted years, asked of date-fns once per month and kept: reading a date
 * happens for every claim, and a Date per check cost more than the rest of reading the claim.
 */
const DAYS_IN_MONTH: number[] = [];

function daysInMonthOf(year: number, month: number): number {
  const index = (year - MIN_YEAR) * 12 + (month - 1);
  let days = DAYS_IN_MONTH[index];
  if (days === undefined) {
    days = getDaysInMonth(toDay(`${pad(year, 4)}-${pad(month, 2)}-01` as CivilDate));
    DAYS_IN_MONTH[index] = days;
  }
  return days;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function fromDay(day: Date): CivilDate {
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}` as CivilDate;
}

export interface DateProblem {
  readonly expected: string;
  readonly expectedZh: string;
  readonly hintEn?: string;
  readonly hintZh?: string;
}

const EXPECTED = {
  expected: `a calendar date written YYYY-MM-DD (e.g. "2025-03-01"), years ${MIN_YEAR}–${MAX_YEAR}`,
  expectedZh: `格式为 YYYY-MM-DD 的日历日期（如 "2025-03-01"），年份 ${MIN_YEAR}–${MAX_YEAR}`,
} as const;

/** Read a `YYYY-MM-DD` string as a civil date; 2026-02-30 and 2026-13-01 are refused, not rolled over. */
export function readCivilDate(raw: unknown): CivilDate | DateProblem {
  if (typeof raw !== "string") {
    return {
      ...EXPECTED,
      hintEn: "dates are strings in the library's core; spreadsheet dates are converted by the spreadsheet adapter",
      hintZh: "核心库中的日期为字符串；电子表格日期由表格适配层转换",
    };
  }
  if (!hasDateShape(raw)) {
    return {
      ...EXPECTED,
      hintEn: 'write the date as four-digit year, two-digit month and day, joined by "-": 2025-03-01',
      hintZh: "请按 年-月-日 书写，例如 2025-03-01",
    };
  }
  const year = digitsValue(raw, 0, 4);
  const month = digitsValue(raw, 5, 7);
  const day = digitsValue(raw, 8, 10);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      ...EXPECTED,
      hintEn: `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`,
      hintZh: `年份 ${year} 不在 ${MIN_YEAR}–${MAX_YEAR} 之间`,
    };
  }
  if (month < 1 || month > 12) {
    return { ...EXPECTED, hintEn: `there is no month ${month}`, hintZh: `不存在 ${month} 月` };
  }
  const daysInMonth = daysInMonthOf(year, month);
  if (day < 1 || day > daysInMonth) {
    return {
      ...EXPECTED,
      hintEn: `${year}-${pad(month, 2)} has ${daysInMonth} days`,
      hintZh: `${year} 年 ${month} 月只有 ${daysInMonth} 天`,
    };
  }
  return raw as CivilDate;
}

export function isCivilDate(value: CivilDate | DateProblem): value is CivilDate {
  return typeof value === "string";
}

/** Parse or throw: for dates written in the library's own data (editions, tests), not user input. */
export function civilDate(text: string): CivilDate {
  const result = readCivilDate(text);
  if (!isCivilDate(result)) throw new RangeError(`not a civil date: ${text} (${result.hintEn ?? result.expected})`);
  return result;
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  return fromDay(addDays(toDay(date), days));
}

/** Same calendar date `years` later; date-fns clamps Feb 29 to Feb 28 where the day does not exist. */
export function addCalendarYears(date: CivilDate, years: number): CivilDate {
  return fromDay(addYears(toDay(date), years));
}

/** Whole days from `start` to `end` (end − start); the start day counts, the end day does not. */
export function daysBetween(start: CivilDate, end: CivilDate): number {
  return differenceInCalendarDays(toDay(end), toDay(start));
}

export function isLeapYearNumber(year: number): boolean {
  return isLeapYear(toDay(`${pad(year, 4)}-01-01` as CivilDate));
}

export function isWithin(date: CivilDate, first: CivilDate, last: CivilDate): boolean {
  return date >= first && date <= last;
}
