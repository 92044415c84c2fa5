/**
 * The adapters' one cell reader (src/adapters/cells/read.ts): what clerks type, read to the plain forms
 * of the library's documents; the CSV reader, the workbook reader and the spreadsheet functions share it.
 */
import { describe, expect, it } from "vitest";
import { readCell as readSheetCell } from "../../src/adapters/cells/read.js";
import { readTableCell as readCell, timesTenThousand } from "../../src/adapters/cells/table.js";

const value = (read: ReturnType<typeof readCell>): unknown => (read !== null && "value" in read ? read.value : read === null ? "(blank)" : "(problem)");

describe("one cell reader", () => {
  it("dates as clerks type them, true date cells and serials", () => {
    for (const text of ["2026-03-01", "2026-3-1", "2026/3/1", "2026.3.1", "2026年3月1日", " 2026 年 3 月 1 日 ", "２０２６／３／１", "2026年03月01日"]) {
      expect(value(readCell("date", text)), text).toBe("2026-03-01");
    }
    expect(value(readCell("date", "2025-4-26"))).toBe("2025-04-26");
    expect(value(readCell("date", new Date(Date.UTC(2026, 2, 1)), { dates: "utc" }))).toBe("2026-03-01");
    // A host's Date is an instant: the day in Beijing (UTC+8).
    expect(value(readCell("date", new Date(Date.UTC(2026, 1, 28, 16, 0))))).toBe("2026-03-01");
    expect(value(readCell("date", 46082))).toBe("2026-03-01");
    expect(value(readCell("date", { numeric: "46082.75" }))).toBe("2026-03-01");
    expect(readCell("date", 20260301)).toMatchObject({ problem: { hintZh: expect.stringContaining("20250301") } });
    expect(readCell("date", true)).toMatchObject({ problem: { expected: expect.stringContaining("2026/3/1") } });
    // Not a date form: handed on for the library to refuse in its own words.
    expect(value(readCell("date", "next week"))).toBe("next week");
  });

  it("numbers: thousands separators in groups of three, full-width digits, signs; exact", () => {
    for (const [text, read] of [
      ["1,000,000", "1000000"],
      ["1,000,000.01", "1000000.01"],
      ["１００", "100"],
      ["１，０００．５", "1000.5"],
      [" 42 ", "42"],
      ["-1.50", "-1.50"],
      ["+3", "3"],
    ] as const) {
      expect(value(readCell("number", text)), text).toBe(read);
    }
    expect(value(readCell("number", 1000000.01))).toBe("1000000.01");
    expect(value(readCell("number", { numeric: "1000000.01" }))).toBe("1000000.01");
    for (const bad of ["1,00", "4,50,00,000", "12,34.5"]) expect(readCell("number", bad), bad).toMatchObject({ problem: { hint: "thousands separators only in groups of three" } });
    expect(value(readCell("number", "45000000元"))).toBe("45000000元"); // the library refuses it
  });

  it("万元 columns scale exactly by 10 000 (a decimal shift, no floating point)", () => {
    expect(value(readCell("number", "1.5", { unit: "wan" }))).toBe("15000");
    expect(value(readCell("number", "0.000001", { unit: "wan" }))).toBe("0.01");
    expect(value(readCell("number", "1,234.56789", { unit: "wan" }))).toBe("12345678.9");
    expect(value(readCell("number", { numeric: "100" }, { unit: "wan" }))).toBe("1000000");
    expect(timesTenThousand("-0.00001")).toBe("-0.1");
    expect(timesTenThousand("0")).toBe("0");
    expect(timesTenThousand("-0")).toBe("0");
  });

  it("counts become JSON numbers", () => {
    expect(value(readCell("count", "1,200"))).toBe(1200);
    expect(value(readCell("count", "１２"))).toBe(12);
    expect(value(readCell("count", { numeric: "7" }))).toBe(7);
    expect(value(readCell("count", "12.5"))).toBe("12.5");
    expect(readCell("count", "1,20")).toMatchObject({ problem: {} });
  });

  it("yes and no: true/false, 是/否, √/×", () => {
    for (const yes of ["TRUE", "true", "是", "√", "✓", " 是 ", "Yes", true]) expect(value(readCell("boolean", yes)), String(yes)).toBe(true);
    for (const no of ["FALSE", "否", "×", "✗", "no", false]) expect(value(readCell("boolean", no)), String(no)).toBe(false);
    expect(value(readCell("boolean", "maybe"))).toBe("maybe"); // the library refuses it
  });

  it("the spreadsheet functions' reader is the same reader (counts and 万元 are the tables' additions)", () => {
    for (const [kind, raw] of [["date", "2026年3月1日"], ["number", "1,000,000.01"], ["boolean", "√"], ["text", " x "]] as const) {
      expect(readSheetCell(kind, raw), `${kind} ${raw}`).toEqual(readCell(kind, raw));
    }
  });

  it("a blank cell is a missing fact, never 0 or false", () => {
    for (const blank of ["", "   ", "\u3000", null, undefined]) {
      for (const kind of ["number", "date", "boolean", "count", "text"] as const) expect(readCell(kind, blank), `${kind} ${String(blank)}`).toBeNull();
    }
    expect(value(readCell("number", 0))).toBe("0");
    expect(value(readCell("boolean", false))).toBe(false);
  });
});
