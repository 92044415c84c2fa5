import { afterAll, describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarYears,
  type CivilDate,
  civilDate,
  compareDates,
  type DateProblem,
  daysBetween,
  isCivilDate,
  isLeapYearNumber,
  isWithin,
  MAX_YEAR,
  MIN_YEAR,
  readCivilDate,
  yearOf,
} from "../../src/kernel/dates.js";

const c = civilDate;

function refused(raw: unknown): DateProblem {
  const result = readCivilDate(raw);
  if (isCivilDate(result)) throw new Error(`expected ${String(raw)} to be refused`);
  return result;
}

describe("readCivilDate: accepted dates", () => {
  it.each([
    "2025-03-01",
    "2025-01-01",
    "2025-12-31",
    "2024-02-29",
    "2000-02-29",
    "2026-02-28",
    "2011-12-30",
    "1900-01-01",
    "2199-12-31",
    "2025-04-30",
    "2025-01-31",
  ])("%s is a civil date, returned unchanged", (text) => {
    expect(readCivilDate(text)).toBe(text);
  });

  it("the accepted years are 1900–2199", () => {
    expect([MIN_YEAR, MAX_YEAR]).toEqual([1900, 2199]);
  });
});

describe("readCivilDate: refused dates, never rolled over", () => {
  it.each([
    ["2026-02-30", "2026-02 has 28 days"],
    ["2025-02-29", "2025-02 has 28 days"],
    ["1900-02-29", "1900-02 has 28 days"],
    ["2100-02-29", "2100-02 has 28 days"],
    ["2024-02-30", "2024-02 has 29 days"],
    ["2025-04-31", "2025-04 has 30 days"],
    ["2025-01-32", "2025-01 has 31 days"],
    ["2025-01-00", "2025-01 has 31 days"],
    ["2026-13-01", "there is no month 13"],
    ["2026-00-10", "there is no month 0"],
    ["0000-01-01", "year 0 is outside 1900–2199"],
    ["1899-12-31", "year 1899 is outside 1900–2199"],
    ["2200-01-01", "year 2200 is outside 1900–2199"],
  ])("%s is refused: %s", (text, hint) => {
    const problem = refused(text);
    expect(problem.hintEn).toBe(hint);
    expect(problem.hintZh).toBeTruthy();
    expect(problem.expected).toContain("YYYY-MM-DD");
    expect(problem.expectedZh).toContain("YYYY-MM-DD");
  });

  it.each([
    "2025-3-1",
    "2025-03-1",
    "25-03-01",
    "2025/03/01",
    "2025.03.01",
    "20250301",
    " 2025-03-01",
    "2025-03-01 ",
    "2025-03-01T00:00:00",
    "2025-03-01T00:00:00Z",
    "2025年3月1日",
    "２０２５-０３-０１",
    "+2025-03-01",
    "",
    "March 1, 2025",
  ])("the malformed string %j is refused with the format hint", (text) => {
    const problem = refused(text);
    expect(problem.hintEn).toContain("2025-03-01");
    expect(problem.hintZh).toContain("2025-03-01");
  });

  it.each([
    ["a Date object", new Date(Date.UTC(2025, 2, 1))],
    ["a number (epoch ms)", 1740787200000],
    ["a number (spreadsheet serial)", 45717],
    ["null", null],
    ["undefined", undefined],
    ["an object", { year: 2025, month: 3, day: 1 }],
    ["a boolean", true],
  ])("%s is refused: dates are strings", (_name, raw) => {
    const problem = refused(raw);
    expect(problem.hintEn).toContain("dates are strings");
    expect(problem.hintZh).toBeTruthy();
  });

  it("civilDate throws a RangeError naming the text and the reason", () => {
    expect(() => civilDate("2026-02-30")).toThrow(RangeError);
    expect(() => civilDate("2026-02-30")).toThrow(/2026-02-30.*28 days/);
  });
});

describe("addCalendarYears", () => {
  it.each([
    ["2024-02-29", 2, "2026-02-28"],
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-29", -1, "2023-02-28"],
    ["2025-03-01", 2, "2027-03-01"],
    ["2025-02-28", 2, "2027-02-28"],
    ["2023-02-28", 1, "2024-02-28"],
    ["2025-12-31", 2, "2027-12-31"],
    ["2025-01-01", 0, "2025-01-01"],
    ["2096-02-29", 4, "2100-02-28"],
  ])("%s + %i years = %s", (start, years, expected) => {
    expect(addCalendarYears(c(start), years)).toBe(expected);
  });

  it("the validity window of §3: the day before the two-year anniversary", () => {
    // The naive subDays(addYears(d, 2), 1) would give 2026-02-27 for a Feb 29 publication: wrong.
    expect(addCalendarDays(addCalendarYears(c("2024-02-29"), 2), -1)).toBe("2026-02-27");
    expect(addCalendarDays(addCalendarYears(c("2025-03-01"), 2), -1)).toBe("2027-02-28");
  });
});

describe("addCalendarDays", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2025-01-01", 365, "2026-01-01"],
    ["2025-01-01", 90, "2025-04-01"],
    ["2025-03-01", 0, "2025-03-01"],
    ["2011-12-29", 1, "2011-12-30"],
    ["2011-12-31", -1, "2011-12-30"],
    ["1900-02-28", 1, "1900-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2025-03-09", 1, "2025-03-10"],
    ["2025-11-02", 1, "2025-11-03"],
  ])("%s + (%i) days = %s", (start, days, expected) => {
    expect(addCalendarDays(c(start), days)).toBe(expected);
  });

  it("a result is itself a valid civil date", () => {
    expect(readCivilDate(addCalendarDays(c("2024-02-28"), 1))).toBe("2024-02-29");
  });
});

describe("daysBetween (end − start: the start day counts, the end day does not)", () => {
  it.each([
    ["2025-01-01", "2025-04-01", 90],
    ["2024-01-01", "2024-04-01", 91],
    ["2024-02-01", "2024-03-01", 29],
    ["2025-02-01", "2025-03-01", 28],
    ["2025-01-01", "2026-01-01", 365],
    ["2024-01-01", "2025-01-01", 366],
    ["2025-03-01", "2025-03-01", 0],
    ["2025-03-02", "2025-03-01", -1],
    ["2011-12-29", "2011-12-31", 2],
    ["2025-03-08", "2025-03-10", 2],
    ["2025-11-01", "2025-11-03", 2],
    ["1900-01-01", "2199-12-31", 109572],
  ])("%s → %s is %i days", (start, end, days) => {
    expect(daysBetween(c(start), c(end))).toBe(days);
  });

  it("is antisymmetric and agrees with addCalendarDays", () => {
    expect(daysBetween(c("2025-04-01"), c("2025-01-01"))).toBe(-90);
    expect(addCalendarDays(c("2024-02-01"), daysBetween(c("2024-02-01"), c("2024-03-01")))).toBe("2024-03-01");
  });
});

describe("small helpers", () => {
  it("isLeapYearNumber follows the Gregorian rule", () => {
    expect(isLeapYearNumber(2024)).toBe(true);
    expect(isLeapYearNumber(2025)).toBe(false);
    expect(isLeapYearNumber(2000)).toBe(true);
    expect(isLeapYearNumber(1900)).toBe(false);
    expect(isLeapYearNumber(2100)).toBe(false);
  });

  it("compareDates orders chronologically", () => {
    expect(compareDates(c("2025-01-01"), c("2025-01-02"))).toBe(-1);
    expect(compareDates(c("2025-01-02"), c("2025-01-01"))).toBe(1);
    expect(compareDates(c("2025-01-01"), c("2025-01-01"))).toBe(0);
    expect(compareDates(c("2024-12-31"), c("2025-01-01"))).toBe(-1);
  });

  it("yearOf reads the calendar year", () => {
    expect(yearOf(c("2025-12-31"))).toBe(2025);
    expect(yearOf(c("2026-01-01"))).toBe(2026);
  });

  it("isWithin includes both ends", () => {
    const first = c("2025-03-01");
    const last = c("2027-02-28");
    expect(isWithin(first, first, last)).toBe(true);
    expect(isWithin(last, first, last)).toBe(true);
    expect(isWithin(c("2025-02-28"), first, last)).toBe(false);
    expect(isWithin(c("2027-03-01"), first, last)).toBe(false);
  });
});

describe("results do not depend on the host's time zone", () => {
  const ZONES = ["Pacific/Apia", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"];
  const saved = process.env.TZ;

  /** Every date function on a fixed set of inputs, as one comparable record. */
  function snapshot(): Record<string, unknown> {
    const samoa = ["2011-12-28", "2011-12-29", "2011-12-30", "2011-12-31", "2012-01-01"] as const;
    return {
      read: samoa.map((text) => readCivilDate(text)),
      readLeap: [readCivilDate("2024-02-29"), isCivilDate(readCivilDate("2025-02-29"))],
      plusOne: samoa.map((text) => addCalendarDays(c(text), 1)),
      minusOne: samoa.map((text) => addCalendarDays(c(text), -1)),
      spanSamoa: daysBetween(c("2011-12-29"), c("2011-12-31")),
      spanSamoaLong: daysBetween(c("2011-12-01"), c("2012-01-31")),
      years: addCalendarYears(c("2024-02-29"), 2),
      yearsSamoa: addCalendarYears(c("2011-12-30"), 1),
      span90: daysBetween(c("2025-01-01"), c("2025-04-01")),
      span29: daysBetween(c("2024-02-01"), c("2024-03-01")),
      dstSpring: [addCalendarDays(c("2025-03-08"), 1), daysBetween(c("2025-03-08"), c("2025-03-10"))],
      dstAutumn: [addCalendarDays(c("2025-11-01"), 1), daysBetween(c("2025-11-01"), c("2025-11-03"))],
      yearEnd: [addCalendarDays(c("2025-12-31"), 1), addCalendarDays(c("2026-01-01"), -1)],
      leap: [isLeapYearNumber(2024), isLeapYearNumber(2100)],
      window: addCalendarDays(addCalendarYears(c("2025-03-01"), 2), -1),
    };
  }

  const EXPECTED = {
    read: ["2011-12-28", "2011-12-29", "2011-12-30", "2011-12-31", "2012-01-01"],
    readLeap: ["2024-02-29", false],
    plusOne: ["2011-12-29", "2011-12-30", "2011-12-31", "2012-01-01", "2012-01-02"],
    minusOne: ["2011-12-27", "2011-12-28", "2011-12-29", "2011-12-30", "2011-12-31"],
    spanSamoa: 2,
    spanSamoaLong: 61,
    years: "2026-02-28",
    yearsSamoa: "2012-12-30",
    span90: 90,
    span29: 29,
    dstSpring: ["2025-03-09", 2],
    dstAutumn: ["2025-11-02", 2],
    yearEnd: ["2026-01-01", "2025-12-31"],
    leap: [true, false],
    window: "2027-02-28",
  };

  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(ZONES)("in %s", (zone) => {
    process.env.TZ = zone;
    try {
      expect(snapshot()).toEqual(EXPECTED);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("the zone switch really takes effect (Samoa skipped 2011-12-30 locally), so the check above is not vacuous", () => {
    process.env.TZ = "Pacific/Apia";
    try {
      // In local Apia time, 2011-12-30 does not exist: the Date constructor rolls it to the 31st.
      expect(new Date(2011, 11, 30, 12).getDate()).toBe(31);
      // ...while the library still counts it as a civil day.
      expect(addCalendarDays(c("2011-12-29"), 1)).toBe("2011-12-30");
      process.env.TZ = "Asia/Shanghai";
      expect(new Date(2011, 11, 30, 12).getDate()).toBe(30);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("gives the same answers in every zone, compared with each other", () => {
    const results: Record<string, unknown>[] = [];
    try {
      for (const zone of ZONES) {
        process.env.TZ = zone;
        results.push(snapshot());
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it("restores the original zone", () => {
    expect(process.env.TZ).toBe(saved);
  });
});

// A type-level check: a CivilDate is a branded string, so a plain string is not accepted where one is due.
const _typed: CivilDate = civilDate("2025-03-01");
void _typed;
