/**
 * Workbooks in and out (`pinggu evaluate book.xlsx --format xlsx --out decisions.xlsx`), tested for real:
 * workbooks written with the workbook library as a clerk formats them (dates as true date cells, text
 * such as 2025年3月8日 and serials; amounts with thousands separators, as text, in a 万元 column), run
 * through the built command, and the decisions workbook read back with the library. A formatted
 * workbook decides exactly as its plain CSV does.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import readXlsxFile from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/adapters/cli/csv.js";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist", "cli.js");
const EDITION = "fixtures/editions/published-2025-03-01.json";
const MIRRORS = ["brand-company", "mcn-agency", "training-school"];
let work = "";

type Cell = { value: unknown; type?: unknown; format?: string } | null;

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const isDateColumn = (column: string) => /(^|\.)(factDate|paymentDate|paidOn|misconductFoundOn|interestPeriodStart|interestPeriodEnd)$/.test(column);
const isMoneyColumn = (column: string) => /^(grantAmount|otherPolicyAmount|input\.(annualOnlineRetail|investment|sessionTurnover|productAnnualTurnover|localEnterprisesCumulativeTurnover|liveRoomAndColdChainInvestment|actualInvestment|approvedAmount|actualCost))$/.test(column);

/** A CSV fixture rewritten as a clerk's workbook: every habit of a formatted sheet, row by row in turn. */
function clerkCells(records: string[][]): Cell[][] {
  const header = records[0]!;
  const wanColumn = header.indexOf("input.sessionTurnover");
  const head = header.map((column, c): Cell => ({ value: c === wanColumn ? `${column}(万元)` : column }));
  const rows = records.slice(1).map((record, r) =>
    record.map((text, c): Cell => {
      const column = header[c]!;
      if (text === "") return null;
      if (isDateColumn(column)) {
        const [y, m, d] = text.split("-").map(Number) as [number, number, number];
        const ms = Date.UTC(y, m - 1, d);
        switch (r % 4) {
          case 0:
            return { value: new Date(ms), type: Date, format: "yyyy/m/d" }; // a true date cell
          case 1:
            return { value: `${y}年${m}月${d}日` };
          case 2:
            return { value: `${y}/${m}/${d}` };
          default:
            return { value: (ms - SERIAL_EPOCH) / 86_400_000, type: Number }; // a serial in a General cell
        }
      }
      if (c === wanColumn) return { value: `${Number(text) / 10_000}` }; // 万元, as text
      if (isMoneyColumn(column)) {
        return r % 2 === 0 ? { value: Number(text), type: Number, format: "#,##0.00" } : { value: Number(text).toLocaleString("en-US", { maximumFractionDigits: 2 }) };
      }
      if (/^(TRUE|true|是)$/.test(text)) return r % 2 === 0 ? { value: true, type: Boolean } : { value: "√" };
      if (/^(FALSE|false|否)$/.test(text)) return r % 2 === 0 ? { value: false, type: Boolean } : { value: "×" };
      return { value: text };
    }),
  );
  return [head, ...rows];
}

beforeAll(async () => {
  const inputs = ["src", "package.json", "tsup.config.ts"].map((path) => join(ROOT, path));
  if (!existsSync(CLI) || inputs.some((path) => spawnSync("find", [path, "-newer", CLI, "-print", "-quit"], { encoding: "utf8" }).stdout.trim() !== "")) {
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  }
  work = mkdtempSync(join(tmpdir(), "pinggu-xlsx-"));
  for (const name of MIRRORS) {
    const records = parseCsv(readFileSync(join(ROOT, "fixtures", "csv", `${name}.csv`), "utf8"));
    await writeXlsxFile(clerkCells(records) as never).toFile(join(work, `${name}.xlsx`));
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("pinggu evaluate book.xlsx", () => {
  for (const name of MIRRORS) {
    it(`${name}: a formatted workbook decides exactly as its plain CSV`, () => {
      const fromCsv = run(["evaluate", `fixtures/csv/${name}.csv`, "--edition", EDITION, "--format", "json"]);
      const fromBook = run(["evaluate", join(work, `${name}.xlsx`), "--edition", EDITION, "--format", "json"]);
      expect(fromCsv.status, fromCsv.stderr).toBe(0);
      expect(fromBook.status, fromBook.stderr).toBe(0);
      // The same decision in every figure, status and reason. Only the input hash may differ: a number
      // cell keeps the number, not how it was typed ("186000.50" in the CSV is 186000.5 in the cell).
      const decisions = (text: string) =>
        (JSON.parse(text) as { decision: { audit: Record<string, unknown> } }[]).map(({ decision }) => ({ ...decision, audit: { ...decision.audit, inputHash: "(input as typed)" } }));
      expect(decisions(fromBook.stdout)).toEqual(decisions(fromCsv.stdout));
    });
  }

  it("--sheet picks a sheet by its name; an unknown one names the sheets there are", async () => {
    const records = parseCsv(readFileSync(join(ROOT, "fixtures", "csv", "mcn-agency.csv"), "utf8"));
    const book = join(work, "two-sheets.xlsx");
    await writeXlsxFile([
      { data: [[{ value: "说明" }], [{ value: "本表第二页为申请" }]], sheet: "说明" },
      { data: clerkCells(records), sheet: "申请" },
    ] as never).toFile(book);
    const picked = run(["evaluate", book, "--sheet", "申请", "--edition", EDITION, "--format", "json"]);
    expect(picked.status, picked.stderr).toBe(0);
    const plain = run(["evaluate", "fixtures/csv/mcn-agency.csv", "--edition", EDITION, "--format", "json"]);
    expect((JSON.parse(picked.stdout) as { decision: unknown }[])[0]?.decision).toEqual((JSON.parse(plain.stdout) as { decision: unknown }[])[0]?.decision);
    const first = run(["evaluate", book, "--edition", EDITION, "--format", "json", "--lang", "en"]);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('sheet "说明", row 1');
    const wrong = run(["evaluate", book, "--sheet", "Sheet9", "--edition", EDITION, "--lang", "en", "--format", "json"]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('a sheet named "Sheet9"; the workbook has "说明", "申请"');
  });

  it("a cell that cannot be read is refused naming file, sheet, row and column", async () => {
    const book = join(work, "bad.xlsx");
    await writeXlsxFile(
      [
        [{ value: "applicantName" }, { value: "creditCode" }, { value: "claimId" }, { value: "clauseId" }, { value: "factDate" }, { value: "input.sessionTurnover" }],
        [{ value: "星耀" }, { value: "91110117MA03MCN009" }, { value: "S1" }, { value: "art4.1-session" }, { value: "2025-04-01" }, { value: "4,20,000" }],
      ] as never,
      { sheet: "申请表" } as never,
    ).toFile(book);
    const result = run(["evaluate", book, "--edition", EDITION, "--format", "json", "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${book}: sheet "申请表", row 2, column input.sessionTurnover: expected a number such as 1000000.01`);
    const zh = run(["evaluate", book, "--edition", EDITION, "--format", "json"]);
    expect(zh.stderr).toContain("工作表“申请表”，第2行，“input.sessionTurnover”列：应为数字");
  });

  it("a file that is not a workbook is a file problem, not an applicant", () => {
    writeFileSync(join(work, "fake.xlsx"), "not a zip");
    const result = run(["evaluate", join(work, "fake.xlsx"), "--edition", EDITION, "--format", "json", "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("expected a workbook (.xlsx)");
  });
});

describe("--format xlsx --out decisions.xlsx", () => {
  it("one row per claim with status, amounts as numbers to two places, reasons; a totals sheet; read back with the library", async () => {
    const out = join(work, "decisions.xlsx");
    const result = run(["evaluate", join(work, "brand-company.xlsx"), join(work, "mcn-agency.xlsx"), "--edition", EDITION, "--format", "xlsx", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    const json = run(["evaluate", join(work, "brand-company.xlsx"), join(work, "mcn-agency.xlsx"), "--edition", EDITION, "--format", "json"]);
    const decisions = (JSON.parse(json.stdout) as { decision: { applicant: { name: string }; claims: { claimId: string; amount: string | null; status: string }[]; totals: { overall: string } } }[]).map((entry) => entry.decision);
    const sheets = await readXlsxFile(out, { parseNumber: (text: string) => ({ numeric: text }) } as never);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(["核定结果", "合计"]);
    const [header, ...rows] = sheets[0]!.data as unknown[][];
    expect(header).toContain("核定金额（元）");
    const claims = decisions.flatMap((decision) => decision.claims);
    expect(rows).toHaveLength(claims.length);
    const amount = header!.indexOf("核定金额（元）");
    const claimId = header!.indexOf("事项编号");
    for (const [i, claim] of claims.entries()) {
      expect(rows[i]![claimId]).toBe(claim.claimId);
      // Money is a number cell holding exactly the library's figure.
      expect(rows[i]![amount]).toEqual(claim.amount === null ? null : { numeric: String(Number(claim.amount)) });
    }
    const totals = sheets[1]!.data as unknown[][];
    const total = totals.find((row) => row[0] === "核定支持合计");
    const expected = decisions.reduce((sum, decision) => sum + BigInt(decision.totals.overall.replace(".", "")), 0n);
    expect(total?.[1]).toEqual({ numeric: String(Number(`${expected / 100n}.${String(expected % 100n).padStart(2, "0")}`)) });
  });

  it("money cells carry the two-place format, the header is frozen, widths are set", async () => {
    const out = join(work, "formats.xlsx");
    expect(run(["evaluate", join(work, "mcn-agency.xlsx"), "--edition", EDITION, "--format", "xlsx", "--out", out]).status).toBe(0);
    // The workbook's parts, as Excel reads them (an .xlsx is a zip of XML parts).
    const { unzipSync, strFromU8 } = await import("fflate");
    const parts = unzipSync(readFileSync(out));
    const styles = strFromU8(parts["xl/styles.xml"]!);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    expect(styles).toContain('formatCode="#,##0.00"');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<col [^>]*width="60"/);
  });

  it("--format xlsx needs --out; --out needs --format xlsx; --sheet needs a workbook", () => {
    expect(run(["evaluate", join(work, "mcn-agency.xlsx"), "--format", "xlsx"]).status).toBe(2);
    expect(run(["evaluate", join(work, "mcn-agency.xlsx"), "--out", "x.xlsx"]).status).toBe(2);
    const sheetOnCsv = run(["evaluate", "fixtures/csv/mcn-agency.csv", "--sheet", "申请", "--edition", EDITION]);
    expect(sheetOnCsv.status).toBe(2);
    expect(sheetOnCsv.stderr).toContain("--sheet applies to workbooks");
  });
});

describe("the library's import path", () => {
  it('import "pinggu-live-commerce" (dist/index.js and dist/index.cjs) loads no workbook library', () => {
    const hooks = join(work, "hooks.mjs");
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) { const r = await next(specifier, context); if (/excel-file|fflate/.test(r.url)) process.stderr.write("LOADED " + r.url + "\\n"); return r; }`,
    );
    const register = join(work, "register.mjs");
    writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(`file://${hooks}`)});`);
    const esm = spawnSync(process.execPath, ["--import", register, "--input-type=module", "-e", `const lib = await import(${JSON.stringify(join(ROOT, "dist", "index.js"))}); console.log(typeof lib.evaluate);`], { encoding: "utf8" });
    expect(esm.stdout.trim(), esm.stderr).toBe("function");
    expect(esm.stderr).not.toContain("LOADED");
    const cjs = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(join(ROOT, "dist", "index.cjs"))}); console.log(Object.keys(require.cache).filter((k) => /excel-file|fflate/.test(k)).length)`], { encoding: "utf8" });
    expect(cjs.stdout.trim(), cjs.stderr).toBe("0");
    // The hook does see the workbook library when the command meets a workbook (so the check can fail).
    const cli = spawnSync(process.execPath, ["--import", register, CLI, "evaluate", join(work, "mcn-agency.xlsx"), "--edition", EDITION, "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    expect(cli.stderr).toContain("LOADED");
  });
});
