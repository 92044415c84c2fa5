/**
 * src/kernel/dates.ts: civil dates at the edges of the accepted years (1900–2199). Written for the mutant
 * that pre-filled the days-in-month cache (its first entry, January 1900, became a non-number, so that
 * 1900-01-32 would pass). The month lengths are the Gregorian calendar's: 1900 is not a leap year
 * (divisible by 100, not by 400), 2000 is.
 */
import { describe, expect, it } from "vitest";
import { isCivilDate, readCivilDate } from "../../src/kernel/dates.js";

describe("readCivilDate at the first and last accepted months", () => {
  it("January 1900 has 31 days: 1900-01-31 is a date, 1900-01-32 is refused with that hint", () => {
    expect(readCivilDate("1900-01-01")).toBe("1900-01-01");
    expect(readCivilDate("1900-01-31")).toBe("1900-01-31");
    const refused = readCivilDate("1900-01-32");
    expect(isCivilDate(refused)).toBe(false);
    expect(refused).toMatchObject({ hintEn: "1900-01 has 31 days", hintZh: "1900 年 1 月只有 31 天" });
  });

  it("February 1900 has 28 days (not a leap year); February 2000 has 29", () => {
    expect(readCivilDate("1900-02-28")).toBe("1900-02-28");
    expect(readCivilDate("1900-02-29")).toMatchObject({ hintEn: "1900-02 has 28 days" });
    expect(readCivilDate("2000-02-29")).toBe("2000-02-29");
    expect(readCivilDate("2000-02-30")).toMatchObject({ hintEn: "2000-02 has 29 days" });
  });

  it("December 2199 has 31 days; 2200 is outside the accepted years", () => {
    expect(readCivilDate("2199-12-31")).toBe("2199-12-31");
    expect(readCivilDate("2199-12-32")).toMatchObject({ hintEn: "2199-12 has 31 days" });
    expect(readCivilDate("2200-01-01")).toMatchObject({ hintEn: "year 2200 is outside 1900–2199" });
  });
});
