/**
 * 第十四条 the validity window (INTERPRETATION.md §3, A1), each case worked by hand:
 * default = [publishedOn, the day before the same calendar date `validityYears` later], both ends
 * included; a Feb 29 publication whose anniversary year has no Feb 29 ends on Feb 28.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate.js";
import { type CivilDate, civilDate } from "../../src/kernel/dates.js";
import { usccCheckCharacter } from "../../src/kernel/uscc.js";
import { deriveEdition, type EditionOverride } from "../../src/measures/derive-edition.js";
import { validityWindow } from "../../src/measures/general-provisions.js";

function windowOf(overrides: EditionOverride) {
  const edition = deriveEdition(overrides);
  return validityWindow(edition, edition.publishedOn as CivilDate);
}

describe("default: the day before the two-year anniversary", () => {
  it.each([
    // published → anniversary → last day
    ["2025-03-01", "2027-02-28"], // anniversary 2027-03-01; the day before (2027 is not a leap year)
    ["2024-02-29", "2026-02-28"], // no 2026-02-29: the anniversary is 2026-03-01; the day before is Feb 28 (not Feb 27)
    ["2024-03-01", "2026-02-28"], // anniversary 2026-03-01
    ["2023-02-28", "2025-02-27"], // anniversary 2025-02-28
    ["2025-12-31", "2027-12-30"], // anniversary 2027-12-31
    ["2025-01-01", "2026-12-31"], // anniversary 2027-01-01: ends in the previous calendar year
    ["2026-03-01", "2028-02-29"], // anniversary 2028-03-01; the day before is a leap day
    ["2026-02-28", "2028-02-27"], // anniversary 2028-02-28 (a Feb 29 follows it, but the anniversary is Feb 28)
    ["2024-08-19", "2026-08-18"], // the press-conference date of the trial edition
  ])("published %s → valid through %s", (publishedOn, to) => {
    expect(windowOf({ publishedOn })).toEqual({ from: publishedOn, to, basis: "day-before-anniversary" });
  });

  it("validityYears 4 from 2024-02-29 → 2028-02-28 (2028-02-29 exists, so it is the anniversary)", () => {
    expect(windowOf({ publishedOn: "2024-02-29", validityYears: 4 })).toEqual({
      from: "2024-02-29",
      to: "2028-02-28",
      basis: "day-before-anniversary",
    });
  });

  it("validityYears 1 from 2024-02-29 → 2025-02-28; from 2023-03-01 → 2024-02-29", () => {
    expect(windowOf({ publishedOn: "2024-02-29", validityYears: 1 }).to).toBe("2025-02-28");
    expect(windowOf({ publishedOn: "2023-03-01", validityYears: 1 }).to).toBe("2024-02-29");
  });
});

describe("A1 civil-code-anniversary (民法典 第二百零一、二百零二条: ends on the anniversary)", () => {
  it.each([
    ["2025-03-01", "2027-03-01"],
    ["2024-02-29", "2026-02-28"], // 到期月没有对应日的，月末日为期间的最后一日
    ["2023-02-28", "2025-02-28"],
    ["2025-12-31", "2027-12-31"],
    ["2025-01-01", "2027-01-01"],
  ])("published %s → valid through %s", (publishedOn, to) => {
    expect(windowOf({ publishedOn, switches: { validityEnd: "civil-code-anniversary" } })).toEqual({
      from: publishedOn,
      to,
      basis: "civil-code-anniversary",
    });
  });

  it("validityYears 4 from 2024-02-29 → 2028-02-29", () => {
    expect(windowOf({ publishedOn: "2024-02-29", validityYears: 4, switches: { validityEnd: "civil-code-anniversary" } }).to).toBe(
      "2028-02-29",
    );
  });
});

describe("an explicit validUntil always wins", () => {
  it.each([
    [{ publishedOn: "2025-03-01", validUntil: "2026-06-30" }, "2026-06-30"],
    [{ publishedOn: "2025-03-01", validUntil: "2025-03-01" }, "2025-03-01"], // a one-day window
    [{ publishedOn: "2025-03-01", validUntil: "2030-12-31" }, "2030-12-31"], // longer than two years
    [{ publishedOn: "2024-02-29", validUntil: "2026-02-27", switches: { validityEnd: "civil-code-anniversary" } }, "2026-02-27"],
    [{ publishedOn: "2024-02-29", validUntil: "2026-02-27", validityYears: 5 }, "2026-02-27"],
  ] as const)("%j → %s", (overrides, to) => {
    expect(windowOf(overrides as EditionOverride)).toEqual({ from: overrides.publishedOn, to, basis: "explicit-valid-until" });
  });
});

/** An independent reading of §3 with plain UTC dates: the anniversary rolls Feb 29 over to Mar 1. */
function byHand(publishedOn: string, years: number): string {
  const [y, m, d] = publishedOn.split("-").map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(y + years, m - 1, d)); // Date.UTC rolls 02-29 of a common year to 03-01
  candidate.setUTCDate(candidate.getUTCDate() - 1);
  return candidate.toISOString().slice(0, 10);
}

describe("property: the default window against an independent reading of §3", () => {
  const anyDate = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2179, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it("to = the day before the anniversary, from = the publication day", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 20 }), (publishedOn, validityYears) => {
        const window = windowOf({ publishedOn, validityYears });
        expect(window.from).toBe(publishedOn);
        expect(window.to).toBe(byHand(publishedOn, validityYears));
      }),
      { numRuns: 300 },
    );
  });

  it("every leap-day publication and every day around it, 1904–2176", () => {
    for (let year = 1904; year <= 2176; year += 4) {
      if (year % 100 === 0 && year % 400 !== 0) continue;
      for (const day of [`${year}-02-28`, `${year}-02-29`, `${year}-03-01`]) {
        for (const validityYears of [1, 2, 3, 4]) {
          expect(windowOf({ publishedOn: day, validityYears }).to, `${day} + ${validityYears}`).toBe(byHand(day, validityYears));
        }
      }
    }
  });
});

describe("the window as evaluate() applies it: both ends included", () => {
  const code = `91110117MA01ABCD1${usccCheckCharacter("91110117MA01ABCD1") as string}`;
  const session = (id: string, factDate: string) => ({
    id,
    clauseId: "art4.1-session",
    factDate,
    input: { pingguGoodsSpecialSession: true, sessionTurnover: "1000000" },
  });

  it.each([
    ["2024-02-29", ["2024-02-28", "2024-02-29", "2026-02-28", "2026-03-01"]],
    ["2023-02-28", ["2023-02-27", "2023-02-28", "2025-02-27", "2025-02-28"]],
    ["2025-01-01", ["2024-12-31", "2025-01-01", "2026-12-31", "2027-01-01"]],
  ] as const)("published %s", (publishedOn, [before, first, last, after]) => {
    const decision = evaluate(
      {
        applicant: { name: "示例", creditCode: code, registeredInPinggu: true, liveCommerceBusiness: true },
        claims: [session("before", before), session("first", first), session("last", last), session("after", after)],
      },
      deriveEdition({ publishedOn }),
    );
    expect(decision.claims.map((c) => [c.claimId, c.status])).toEqual([
      ["before", "out-of-window"],
      ["first", "awarded"],
      ["last", "awarded"],
      ["after", "out-of-window"],
    ]);
    expect(decision.window.to).toBe(civilDate(last));
  });
});
