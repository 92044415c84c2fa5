/**
 * What the table readers (the CSV and workbook input of the `pinggu` command) read beyond the one cell
 * reader (read.ts): whole counts as JSON numbers, and columns of amounts in 万元, scaled by 10 000
 * exactly. Kept apart so that the spreadsheet bundle, which needs neither, stays within its budget.
 */
import { type CellKind, type CellOptions, type CellProblem, type CellRead, isBlankCell, isNumericCell, MISGROUPED, normalise, readCell } from "./read.js";

export type TableCellKind = CellKind | "count";

export interface TableCellOptions extends CellOptions {
  /** The unit of a number column: `yuan` (default) or `wan` (万元: times 10 000, exactly). */
  readonly unit?: "yuan" | "wan";
}

const COUNT = /^\d+$/;
const GROUPED_COUNT = /^\d{1,3}(,\d{3})+$/;

const COUNT_EXPECTED: CellProblem = {
  expected: "a whole number such as 12 or 1,200",
  expectedZh: "整数，例如 12 或 1,200",
  hint: "thousands separators only in groups of three",
  hintZh: "千位分隔符须每三位一组",
};

/** A decimal text times 10 000, exactly: the decimal point moves four places. */
export function timesTenThousand(decimal: string): string {
  const negative = decimal.startsWith("-");
  const unsigned = decimal.replace(/^[-+]/, "");
  const [whole = "0", fraction = ""] = unsigned.split(".");
  const digits = `${whole}${fraction.padEnd(4, "0")}`;
  const point = whole.length + 4;
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const fracPart = digits.slice(point).replace(/0+$/, "");
  const text = fracPart === "" ? intPart : `${intPart}.${fracPart}`;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

function readCount(raw: unknown): CellRead {
  let text: string;
  if (isNumericCell(raw)) text = raw.numeric.trim();
  else if (typeof raw === "string") {
    const plain = normalise(raw);
    if (MISGROUPED.test(plain) && !GROUPED_COUNT.test(plain)) return { problem: COUNT_EXPECTED };
    text = GROUPED_COUNT.test(plain) ? plain.replace(/,/g, "") : plain;
  } else return { value: raw };
  // A whole count becomes a JSON number; anything else goes on as text for the library to refuse.
  return COUNT.test(text) && Number.isSafeInteger(Number(text)) ? { value: Number(text) } : { value: text };
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Read one cell of a table: the one cell reader, plus whole counts and 万元 columns. */
export function readTableCell(kind: TableCellKind, raw: unknown, options: TableCellOptions = {}): CellRead {
  if (isBlankCell(raw)) return null;
  if (kind === "count") return readCount(raw);
  const read = readCell(kind, raw, options);
  if (options.unit !== "wan" || kind !== "number" || read === null || !("value" in read)) return read;
  const value = read.value;
  // Only a plain decimal is scaled; anything else goes on unchanged for the library to refuse.
  return typeof value === "string" && PLAIN_DECIMAL.test(value) ? { value: timesTenThousand(value) } : read;
}
