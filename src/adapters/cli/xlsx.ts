/**
 * Workbooks (.xlsx) in and out, for the clerks who keep workbooks rather than CSV (docs/cli.md,
 * "Workbooks"). The workbook libraries — read-excel-file and write-excel-file, chosen in docs/cli.md —
 * are optional dependencies loaded here only, lazily, when a command meets a workbook: nothing of them
 * loads when a program imports the library, or when the command reads JSON or CSV.
 *
 * Reading: the same columns as a CSV file, on the first sheet or the one `--sheet` names; every cell
 * goes through the adapters' one cell reader (src/adapters/cells/read.ts), numeric cells with the exact
 * digits stored in the file (not a binary double), date cells as the date they show.
 * Writing: one row per claim (status, amounts, reasons in the chosen language), money as numbers shown
 * to two places with thousands separators, a frozen header, set widths; a totals sheet.
 */
import type { Language } from "../../index.js";
import type { NumericCell } from "../cells/read.js";
import { applicationsFromTable } from "./csv-applications.js";
import { describeProblem, type Problem } from "./problems.js";
import type { Unit } from "./readers.js";
import { statusLabel, STATUSES, word } from "./labels.js";
import type { Outcome, Summary, Writer } from "./outcome.js";

/** The workbook libraries are optional dependencies: this says so when they are not installed. */
export class MissingWorkbookLibraryError extends Error {
  override readonly name = "MissingWorkbookLibraryError";
  constructor(readonly library: string) {
    super(`reading and writing .xlsx needs the optional dependency ${library}: npm install ${library}`);
  }
}

async function load<T>(name: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") throw new MissingWorkbookLibraryError(name);
    throw error;
  }
}

/** Whether a file is read as a workbook: by --input-format xlsx or its extension. */
export function isWorkbookFile(file: string, forced?: string): boolean {
  return forced === "xlsx" || (forced === undefined && /\.xlsx$/i.test(file));
}

function fileProblem(file: string, problem: Problem): Unit[] {
  return [{ kind: "invalid", origin: { file }, problems: [problem] }];
}

/** A workbook's bytes as units: the applications of one sheet, as a CSV file's. */
export async function workbookUnits(file: string, bytes: Uint8Array, sheet?: string): Promise<Unit[]> {
  const { default: readXlsxFile } = await load("read-excel-file", () => import("read-excel-file/node"));
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // Numbers as the digits stored in the file: "1000000.01" stays exact.
    sheets = (await readXlsxFile(Buffer.from(bytes), { parseNumber: (text: string): NumericCell => ({ numeric: text }) })) as unknown as {
      sheet: string;
      data: unknown[][];
    }[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fileProblem(file, {
      code: "syntax",
      expected: "a workbook (.xlsx) saved by Excel, WPS or LibreOffice",
      expectedZh: "Excel、WPS 或 LibreOffice 保存的工作簿（.xlsx）",
      received: `a file that cannot be read as one (${message})`,
      receivedZh: "无法作为工作簿读取的文件",
      hint: "an old .xls workbook must first be saved as .xlsx",
      hintZh: "旧式 .xls 工作簿须先另存为 .xlsx",
    });
  }
  const names = sheets.map((entry) => entry.sheet);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((entry) => entry.sheet === sheet);
  if (!chosen) {
    return fileProblem(file, {
      code: "unreadable",
      expected: `a sheet named ${JSON.stringify(sheet)}; the workbook has ${names.map((name) => JSON.stringify(name)).join(", ")}`,
      expectedZh: `名为“${sheet}”的工作表；该工作簿中有：${names.map((name) => `“${name}”`).join("、")}`,
      hint: "--sheet takes the name shown on the sheet's tab",
      hintZh: "--sheet 后须写工作表标签上显示的名称",
    });
  }
  const read = applicationsFromTable(chosen.data);
  const inSheet = (problem: Problem): Problem => ({ ...problem, sheet: chosen.sheet });
  const units: Unit[] = [];
  if (read.fileProblems.length > 0) units.push({ kind: "invalid", origin: { file, sheet: chosen.sheet }, problems: read.fileProblems.map(inSheet) });
  read.applications.forEach((application, index) => {
    units.push({
      kind: "application",
      origin: { file, sheet: chosen.sheet, index, rows: application.rows, claimRows: application.claimRows },
      document: application.document,
      locate: (issue) => ({ ...application.locate(issue), sheet: chosen.sheet }),
      problems: application.problems.map(inSheet),
    });
  });
  return units;
}

// -------------------------------------------------------------------------------------------------
// Writing

type Cell = { value: string | number; type?: StringConstructor | NumberConstructor; format?: string; fontWeight?: "bold" } | null;

const MONEY_FORMAT = "#,##0.00";

/** The columns of the decisions sheet: header in each language, width in characters. */
const COLUMNS: readonly { key: string; en: string; zh: string; width: number }[] = [
  { key: "file", en: "File", zh: "文件", width: 24 },
  { key: "row", en: "Row", zh: "行", width: 8 },
  { key: "creditCode", en: "Credit code", zh: "统一社会信用代码", width: 22 },
  { key: "applicantName", en: "Applicant", zh: "申请主体", width: 28 },
  { key: "claimId", en: "Claim", zh: "事项编号", width: 14 },
  { key: "clauseId", en: "Clause", zh: "条款", width: 20 },
  { key: "factDate", en: "Fact date", zh: "发生日期", width: 12 },
  { key: "year", en: "Year", zh: "年度", width: 8 },
  { key: "status", en: "Status", zh: "结果", width: 12 },
  { key: "amount", en: "Amount (yuan)", zh: "核定金额（元）", width: 18 },
  { key: "amountBeforeCrossClaimCaps", en: "Before cross-claim caps (yuan)", zh: "跨事项限额前金额（元）", width: 22 },
  { key: "reasonCodes", en: "Reason codes", zh: "理由代码", width: 24 },
  { key: "reasons", en: "Reasons", zh: "理由", width: 60 },
];

const text = (value: string | number | undefined | null): Cell => (value === undefined || value === null || value === "" ? null : { value: String(value), type: String });
/** Money: the decimal string of the library as a number shown to two places (exact: at most 10^14 fen < 2^53). */
const money = (amount: string | null | undefined): Cell => (amount === null || amount === undefined ? null : { value: Number(amount), type: Number, format: MONEY_FORMAT });
const count = (value: number): Cell => ({ value, type: Number });

/**
 * `--format xlsx --out FILE`: the decisions as a workbook a clerk can file. The rows are kept until the
 * end (a workbook is written whole), then the file is written in one go.
 */
export function workbookWriter(out: string, lang: Language): Writer {
  const rows: Cell[][] = [COLUMNS.map((column) => ({ value: column[lang], type: String, fontWeight: "bold" as const }))];
  return {
    async start() {},
    async add(outcome: Outcome) {
      const { origin } = outcome;
      const file = origin.sheet !== undefined ? `${origin.file} [${origin.sheet}]` : origin.file;
      if (outcome.kind === "invalid") {
        rows.push([
          text(file),
          text(origin.rows?.join(";") ?? origin.line),
          null,
          null,
          null,
          null,
          null,
          null,
          text(word("invalid", lang)),
          null,
          null,
          text([...new Set(outcome.problems.map((problem) => problem.code))].join(" ")),
          text(outcome.problems.map((problem) => describeProblem(problem, lang)).join("\n")),
        ]);
        return;
      }
      const { decision } = outcome;
      decision.claims.forEach((claim, i) => {
        rows.push([
          text(file),
          text(origin.claimRows?.[i] ?? origin.line),
          text(decision.applicant.creditCode),
          text(decision.applicant.name),
          text(claim.claimId),
          text(claim.clauseId),
          text(claim.factDate),
          claim.year === undefined || claim.year === null ? null : count(claim.year),
          text(statusLabel(claim.status, lang)),
          money(claim.amount),
          money(claim.amountBeforeCrossClaimCaps),
          text([...new Set(claim.reasons.map((reason) => reason.code))].join(" ")),
          text(claim.reasons.map((reason) => reason[lang]).join("\n")),
        ]);
      });
    },
    async finish(summary: Summary) {
      const { default: writeXlsxFile } = await load("write-excel-file", () => import("write-excel-file/node"));
      const label = (key: Parameters<typeof word>[0]): Cell => ({ value: word(key, lang), type: String, fontWeight: "bold" });
      const totals: Cell[][] = [
        [label("applications"), count(summary.applications)],
        [text(word("evaluated", lang)), count(summary.evaluated)],
        [text(word("invalid", lang)), count(summary.invalid)],
        [label("claims"), count(summary.claims)],
        ...STATUSES.map((status): Cell[] => [text(statusLabel(status, lang)), count(summary.byStatus[status])]),
        [label("total"), money(summary.total)],
        [label("toRecover"), money(summary.toRecover)],
        [label("byClause"), null],
        ...summary.byClause.map(([clause, amount]): Cell[] => [text(clause), money(amount)]),
      ];
      const sheets = [
        { data: rows, sheet: lang === "zh" ? "核定结果" : "Decisions", stickyRowsCount: 1, columns: COLUMNS.map((column) => ({ width: column.width })) },
        { data: totals, sheet: lang === "zh" ? "合计" : "Totals", columns: [{ width: 24 }, { width: 20 }] },
      ];
      // write-excel-file's types describe its cells more narrowly than these plain objects; the shape is its documented one.
      await writeXlsxFile(sheets as unknown as Parameters<typeof writeXlsxFile>[0]).toFile(out);
    },
  };
}
