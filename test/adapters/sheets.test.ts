/**
 * The spreadsheet bundle as a spreadsheet gets it: dist/sheets/pinggu-sheets.js and the generated
 * wrappers, loaded into a `node:vm` context that has only the ES built-ins (no require, module,
 * process, setTimeout, TextEncoder or URL), called with spreadsheet-shaped arguments made inside that
 * context (Date objects, serial numbers, blanks, numeric text, 2D ranges with blank rows), and every
 * answer compared with the library's own evaluateClause / explainClause on the equivalent strict input.
 *
 * `npm test` builds before it tests. Run on its own (`npx vitest run test/adapters/sheets*`), this file
 * builds once first when dist/sheets/ is missing or older than its sources.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as acorn from "acorn";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { sheetClauses } from "../../src/adapters/sheets/clauses.js";
import {
  renderAppsScript,
  renderExcelAssociations,
  renderExcelMetadata,
  renderWpsFunctions,
  SHEETS_BUDGET_BYTES,
} from "../../src/adapters/sheets/wrappers.js";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { PolicyValidationError, type ValidationIssue } from "../../src/kernel/errors.js";
import { explainClause } from "../../src/kernel/explain.js";
import type { ClauseResult } from "../../src/kernel/rule.js";
import { listRules } from "../../src/measures/registry.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHEETS = join(ROOT, "dist", "sheets");
const OUTPUTS = [
  "pinggu-sheets.js",
  "google/pinggu-sheets.js",
  "google/functions.gs",
  "excel/functions.js",
  "excel/functions.json",
  "excel/manifest.xml",
  "wps/pinggu-wps.js",
];
const read = (relative: string): string => readFileSync(join(SHEETS, relative), "utf8");

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function sheetsAreFresh(): boolean {
  if (!OUTPUTS.every((file) => existsSync(join(SHEETS, file)))) return false;
  const built = Math.min(...OUTPUTS.map((file) => statSync(join(SHEETS, file)).mtimeMs));
  const inputs = ["src", "package.json", "tsup.config.ts", "tsconfig.json", "scripts/gen-sheets.ts"];
  return built >= Math.max(...inputs.map((path) => newestMtime(join(ROOT, path))));
}

beforeAll(() => {
  if (!sheetsAreFresh()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
}, 180_000);

// ---------------------------------------------------------------------------------------------------
// A spreadsheet engine in miniature: a context with the ES built-ins and whatever the host adds.

const FORBIDDEN = ["require", "module", "exports", "process", "setTimeout", "setInterval", "TextEncoder", "TextDecoder", "URL", "Buffer"];

class Sheet {
  readonly context: vm.Context;
  constructor(files: readonly string[], host: Record<string, unknown> = {}) {
    this.context = vm.createContext({ ...host });
    for (const file of files) vm.runInContext(read(file), this.context, { filename: file });
  }
  /** Evaluate source in the sandbox; the answer is copied out as plain JSON data. */
  run(source: string): unknown {
    const value = vm.runInContext(`JSON.stringify(${source})`, this.context) as string | undefined;
    return value === undefined ? undefined : JSON.parse(value);
  }
  /** Call a function of the sandbox with arguments written as source (so Dates are made inside it). */
  call(fn: string, ...args: readonly Arg[]): unknown {
    return this.run(`${fn}(${args.map(source).join(", ")})`);
  }
}

/** An argument made inside the sandbox: a value, a Date (`{ date: ms }`), or raw source (`{ code }`). */
type Arg = string | number | boolean | null | undefined | { readonly date: number } | { readonly code: string } | readonly Arg[];

function source(arg: Arg): string {
  if (arg === undefined) return "undefined";
  if (Array.isArray(arg)) return `[${arg.map(source).join(", ")}]`;
  if (arg !== null && typeof arg === "object") {
    if ("date" in arg) return `new Date(${arg.date})`;
    if ("code" in arg) return arg.code;
  }
  if (typeof arg === "number" && Object.is(arg, -0)) return "-0";
  return JSON.stringify(arg);
}

// ---------------------------------------------------------------------------------------------------
// The library's own answers, in the form the spreadsheet functions give them.

type Kind = "boolean" | "date" | "number";

/** Field kinds read from each clause's JSON Schema, independently of the adapter's own probing. */
const KINDS: Record<string, Record<string, Kind>> = Object.fromEntries(
  listRules().map((rule) => {
    const json = z.toJSONSchema(rule.schema, { io: "input", unrepresentable: "any" }) as {
      properties: Record<string, { anyOf?: { type?: unknown; format?: string }[] }>;
    };
    const kinds = Object.entries(json.properties).map(([name, property]): [string, Kind] => {
      const main = property.anyOf?.[0] ?? {};
      return [name, main.type === "boolean" ? "boolean" : main.format === "date" ? "date" : "number"];
    });
    return [rule.id, Object.fromEntries(kinds)];
  }),
);
const fieldsOf = (clauseId: string): string[] => Object.keys(KINDS[clauseId] ?? {});

type Library = { result: ClauseResult } | { error: PolicyValidationError };

function library(clauseId: string, input: Record<string, unknown>): Library {
  try {
    return { result: evaluateClause(clauseId, input) };
  } catch (error) {
    if (error instanceof PolicyValidationError) return { error };
    throw error;
  }
}

/** One issue as a cell words it: the field, then the library's sentence (which does not name the field). */
function issueText(issue: ValidationIssue, lang: "zh" | "en" = "zh"): string {
  return lang === "zh" ? `${issue.path}：${issue.messageZh}` : `${issue.path}: ${issue.message}`;
}

/** What PINGGU_SUBSIDY_TEXT must say for the library's answer. */
function expectedText(answer: Library, lang: "zh" | "en" = "zh"): string {
  if ("error" in answer) return `#ERROR: ${answer.error.issues.map((i) => issueText(i, lang)).join(lang === "zh" ? "；" : "; ")}`;
  const { result } = answer;
  if (result.amount !== null) return result.amount;
  return lang === "zh" ? `#UNDETERMINED: 缺少事实：${result.missingFacts.join("、")}` : `#UNDETERMINED: missing facts: ${result.missingFacts.join(", ")}`;
}

/** What PINGGU_SUBSIDY must say: the same, with the amount as a number. */
function expectedNumber(answer: Library): number | string {
  const text = expectedText(answer);
  return text.startsWith("#") ? text : Number(text);
}

// ---------------------------------------------------------------------------------------------------
// Strict inputs rewritten as a spreadsheet would hold them.

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

function ymd(text: string): [number, number, number] {
  return [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
}

/** Excel's serial number of a civil date (days since 1899-12-30). */
function serialOf(text: string): number {
  const [y, m, d] = ymd(text);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY;
}

function grouped(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}`;
}

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, "．");
}

const BLANKS: readonly Arg[] = ["", null, undefined, "   "];

/** One spreadsheet form of a strict value; `variant` picks among the forms a real sheet holds. */
function shaped(kind: Kind, value: unknown, variant: number): Arg {
  if (value === undefined || value === null) return BLANKS[variant % BLANKS.length];
  if (kind === "boolean") {
    const forms: Arg[] = value ? [true, "是", "TRUE", "yes", " true "] : [false, "否", "FALSE", "no", " false "];
    return forms[variant % forms.length];
  }
  if (kind === "date") {
    const text = String(value);
    const [y, m, d] = ymd(text);
    const forms: Arg[] = [
      { date: Date.UTC(y, m - 1, d, 0, 0) }, // a Sheets date cell (UTC midnight is 08:00 in Beijing)
      serialOf(text), // an Excel date cell
      { date: Date.UTC(y, m - 1, d) - BEIJING }, // midnight in Beijing, as a Beijing-zoned sheet hands it over
      `${y}/${m}/${d}`,
      `${y}年${m}月${d}日`,
      serialOf(text) + 0.75, // a date-time cell: 18:00 the same day
    ];
    return forms[variant % forms.length];
  }
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text; // not a number: the cell holds the text as typed
  const forms: Arg[] = [Number(text), grouped(text), fullWidth(text), ` ${text} `, text];
  return forms[variant % forms.length];
}

function cellsOf(clauseId: string, input: Record<string, unknown>, variant: number): Arg[] {
  const kinds = KINDS[clauseId] ?? {};
  return fieldsOf(clauseId).map((field, index) => shaped(kinds[field] as Kind, input[field], variant + index));
}

/** The strict values themselves, in column order (what a sheet of text cells in canonical form holds). */
function strictCells(clauseId: string, input: Record<string, unknown>): Arg[] {
  return fieldsOf(clauseId).map((field) => (input[field] ?? "") as Arg);
}

interface Example {
  readonly clauseId: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** The sample claims of fixtures/clauses under the default edition and switches (what a sheet uses). */
const EXAMPLES: Example[] = readdirSync(join(ROOT, "fixtures", "clauses"))
  .filter((file) => file.endsWith(".json"))
  .sort()
  .flatMap((file) => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "fixtures", "clauses", file), "utf8")) as {
      clauseId: string;
      examples: { name: string; input: Record<string, unknown>; switches?: unknown; edition?: unknown }[];
    };
    return fixture.examples
      .filter((example) => example.switches === undefined && example.edition === undefined)
      .map((example) => ({ clauseId: fixture.clauseId, name: example.name, input: example.input }));
  });

const FUNCTION_OF = (clauseId: string): string => `PINGGU_${clauseId.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;

// ---------------------------------------------------------------------------------------------------

describe("the bundle file", () => {
  it(`is at most ${SHEETS_BUDGET_BYTES.toLocaleString("en-US")} bytes minified`, () => {
    const bytes = statSync(join(SHEETS, "pinggu-sheets.js")).size;
    console.log(`dist/sheets/pinggu-sheets.js: ${bytes.toLocaleString("en-US")} bytes (${(bytes / 1024).toFixed(1)} KiB) of ${SHEETS_BUDGET_BYTES.toLocaleString("en-US")}`);
    expect(bytes).toBeLessThanOrEqual(SHEETS_BUDGET_BYTES);
  });

  it("parses as an ES2019 script (no module syntax, no ?. or ??), as do the files built on it", () => {
    for (const file of ["pinggu-sheets.js", "google/functions.gs", "excel/functions.js", "wps/pinggu-wps.js"]) {
      expect(() => acorn.parse(read(file), { ecmaVersion: 2019, sourceType: "script" }), file).not.toThrow();
    }
    // The gate itself: ES2020 syntax is refused at 2019.
    expect(() => acorn.parse("a?.b", { ecmaVersion: 2019, sourceType: "script" })).toThrow();
    expect(() => acorn.parse("a ?? b", { ecmaVersion: 2019, sourceType: "script" })).toThrow();
  });

  it("keeps the Chinese texts as UTF-8 characters, not \\u escapes", () => {
    const code = read("pinggu-sheets.js");
    expect(code).toContain("招引挖潜优质企业");
    // (Regular expressions keep their \uFF10-style escapes; no Chinese character is escaped.)
    expect(code).not.toMatch(/\\u[4-9][0-9a-fA-F]{3}/);
  });

  it("leaves out zod's JSON Schema generator and English locale (tsup.config.ts), and the package entry point", () => {
    const code = read("pinggu-sheets.js");
    expect(code).toContain("zod JSON Schema generation is not part of the spreadsheet bundle");
    expect(code).not.toContain("draft-2020-12");
    expect(code).not.toContain("Too small: expected");
    expect(code).not.toContain("由数字和除 I、O、Z、S、V 外的大写字母组成"); // src/application.ts
  });

  it("the copies in google/ and the heads of excel/functions.js and wps/pinggu-wps.js are this bundle", () => {
    const bundle = read("pinggu-sheets.js");
    expect(read("google/pinggu-sheets.js")).toBe(bundle);
    expect(read("excel/functions.js").startsWith(bundle.trimEnd())).toBe(true);
    expect(read("wps/pinggu-wps.js").startsWith(bundle.trimEnd())).toBe(true);
  });

  it("the generated wrappers are what the registry renders today", () => {
    expect(read("google/functions.gs")).toBe(renderAppsScript());
    expect(read("excel/functions.json")).toBe(renderExcelMetadata());
    expect(read("excel/functions.js").endsWith(renderExcelAssociations())).toBe(true);
    expect(read("wps/pinggu-wps.js").endsWith(renderWpsFunctions())).toBe(true);
  });
});

describe("in a context with only what a spreadsheet engine has", () => {
  let sheet: Sheet;
  beforeAll(() => {
    sheet = new Sheet([]);
  });

  it("there is no require, module, process, setTimeout, TextEncoder or URL", () => {
    for (const name of FORBIDDEN) expect(sheet.run(`typeof ${name}`), name).toBe("undefined");
  });

  it("the bundle defines one namespace, PingguLiveCommerce (zod adds only its two __zod_ registries)", () => {
    const before = sheet.run("Object.getOwnPropertyNames(globalThis)") as string[];
    vm.runInContext(read("pinggu-sheets.js"), sheet.context, { filename: "pinggu-sheets.js" });
    sheet.run('PingguLiveCommerce.PINGGU_ART3_3(true, 45000000, 0.12, 0.08)');
    const added = (sheet.run("Object.getOwnPropertyNames(globalThis)") as string[]).filter((name) => !before.includes(name));
    expect(added.sort()).toEqual(["PingguLiveCommerce", "__zod_globalConfig", "__zod_globalRegistry"]);
    for (const name of FORBIDDEN) expect(sheet.run(`typeof ${name}`), name).toBe("undefined");
  });

  it("the namespace has the generic functions and one function per clause of the registry, no more", () => {
    const keys = (sheet.run("Object.keys(PingguLiveCommerce)") as string[]).sort();
    const generic = [
      "PINGGU_CLAUSES",
      "PINGGU_EXPLAIN",
      "PINGGU_EXPLAIN_EN",
      "PINGGU_FIELDS",
      "PINGGU_SUBSIDY",
      "PINGGU_SUBSIDY_RANGE",
      "PINGGU_SUBSIDY_TEXT",
      "PINGGU_VERSION",
    ];
    expect(keys).toEqual([...generic, ...listRules().map((rule) => FUNCTION_OF(rule.id))].sort());
  });

  it("the adapter reads each field's kind as the clause's JSON Schema declares it", () => {
    for (const clause of sheetClauses()) {
      expect(Object.fromEntries(clause.fields.map((field) => [field.name, field.kind])), clause.id).toEqual(KINDS[clause.id]);
    }
  });
});

describe("Google Sheets: the bundle and functions.gs in one script project", () => {
  let sheet: Sheet;
  beforeAll(() => {
    sheet = new Sheet(["google/pinggu-sheets.js", "google/functions.gs"]);
  });

  it("PINGGU_FIELDS and PINGGU_CLAUSES describe every clause, inputs in schema order", () => {
    for (const rule of listRules()) {
      expect(sheet.call("PINGGU_FIELDS", rule.id)).toEqual([fieldsOf(rule.id)]);
    }
    const clauses = sheet.call("PINGGU_CLAUSES") as string[][];
    expect(clauses[0]).toEqual(["clauseId", "function", "titleZh", "titleEn", "citation", "inputs"]);
    expect(clauses.slice(1).map((row) => [row[0], row[1], row[5]])).toEqual(
      listRules().map((rule) => [rule.id, FUNCTION_OF(rule.id), fieldsOf(rule.id).join(", ")]),
    );
    expect(sheet.call("PINGGU_VERSION")).toMatch(/^pinggu-live-commerce \d+\.\d+\.\d+, edition draft$/);
  });

  for (const example of EXAMPLES) {
    describe(`${example.clauseId}: ${example.name}`, () => {
      const answer = library(example.clauseId, example.input);

      it("the per-clause function, PINGGU_SUBSIDY and PINGGU_SUBSIDY_TEXT agree with the library, in every cell form", () => {
        for (let variant = 0; variant < 6; variant++) {
          const cells = cellsOf(example.clauseId, example.input, variant);
          const label = `variant ${variant}: ${cells.map(source).join(", ")}`;
          if ("error" in answer) {
            expect(String(sheet.call(FUNCTION_OF(example.clauseId), ...cells)), label).toMatch(/^#ERROR: /);
            continue;
          }
          expect(sheet.call(FUNCTION_OF(example.clauseId), ...cells), label).toEqual(expectedNumber(answer));
          expect(sheet.call("PINGGU_SUBSIDY", example.clauseId, ...cells), label).toEqual(expectedNumber(answer));
          expect(sheet.call("PINGGU_SUBSIDY_TEXT", example.clauseId, ...cells), label).toEqual(expectedText(answer));
        }
      });

      it("PINGGU_EXPLAIN and PINGGU_EXPLAIN_EN give the library's explanation, word for word", () => {
        const cells = strictCells(example.clauseId, example.input);
        if ("error" in answer) {
          expect(sheet.call("PINGGU_EXPLAIN", example.clauseId, ...cells)).toBe(expectedText(answer, "zh"));
          return;
        }
        expect(sheet.call("PINGGU_EXPLAIN", example.clauseId, ...cells)).toBe(explainClause(answer.result, "zh"));
        expect(sheet.call("PINGGU_EXPLAIN_EN", example.clauseId, ...cells)).toBe(explainClause(answer.result, "en"));
      });
    });
  }

  it("a number in a cell is the exact two-place amount: it prints back as the library's string", () => {
    for (const example of EXAMPLES) {
      const answer = library(example.clauseId, example.input);
      if (!("result" in answer) || answer.result.amount === null) continue;
      const value = sheet.call(FUNCTION_OF(example.clauseId), ...strictCells(example.clauseId, example.input)) as number;
      expect(value.toFixed(2)).toBe(answer.result.amount);
    }
  });

  it("a blank cell is a missing fact, never zero: the clause is undetermined", () => {
    for (const blank of BLANKS) {
      const answer = library("art3.1", { usedArea: "3000", investment: "3333333.35" });
      expect(sheet.call("PINGGU_ART3_1", 3000, blank, 3333333.35)).toBe(expectedText(answer));
      expect(expectedText(answer)).toBe("#UNDETERMINED: 缺少事实：annualOnlineRetail");
    }
    // …whereas a zero is a fact: 0 of online retail fails the threshold.
    expect(sheet.call("PINGGU_ART3_1", 3000, 0, 3333333.35)).toBe(0);
  });

  it("all inputs blank gives a blank cell (a formula filled down past the last applicant)", () => {
    expect(sheet.call("PINGGU_ART3_3", "", null, undefined, "  ")).toBe("");
    expect(sheet.call("PINGGU_ART3_3")).toBe("");
    expect(sheet.call("PINGGU_SUBSIDY", "art3.3")).toBe("");
    expect(sheet.call("PINGGU_EXPLAIN", "art3.3", "", "")).toBe("");
  });

  it("percentages are decimals: a cell formatted 10% holds 0.1", () => {
    const strict = library("art7.2", { ...EXAMPLES.find((e) => e.clauseId === "art7.2")!.input, growthRate: "0.1" });
    const cells = strictCells("art7.2", EXAMPLES.find((e) => e.clauseId === "art7.2")!.input);
    cells[2] = 0.1;
    expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...cells)).toBe(expectedText(strict));
  });

  it("numeric text may use full-width digits and unambiguous thousands separators; other text is refused as the core refuses it", () => {
    const strict = expectedText(library("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0.12", cityAverageGrowthRate: "0.08" }));
    for (const retail of ["45000000", "45,000,000", fullWidth("45000000"), "４５，０００，０００", " 45000000 ", "45000000.00"]) {
      expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art3.3", true, retail, "0.12", "0.08"), retail).toBe(strict);
    }
    // Commas that are not thousands separators in groups of three: the cell reader says so itself.
    expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art3.3", true, "4,50,00,000", "0.12", "0.08")).toBe(
      '#ERROR: annualOnlineRetail：应为数字，例如 1000000.01 或 1,000,000.01；实际收到 "4,50,00,000"（千位分隔符须每三位一组）',
    );
    for (const retail of ["45000000元", "4500万", "1e7", "45 000 000"]) {
      const text = sheet.call("PINGGU_SUBSIDY_TEXT", "art3.3", true, retail, "0.12", "0.08") as string;
      expect(text, retail).toBe(expectedText(library("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: retail, growthRate: "0.12", cityAverageGrowthRate: "0.08" })));
      expect(text).toMatch(/^#ERROR: annualOnlineRetail：/);
    }
  });

  it("facts may be TRUE/FALSE or the words 是/否/true/false/yes/no; anything else is refused", () => {
    const yes = expectedText(library("art3.2-mofcom", { mofcomRecognition: true }));
    const no = expectedText(library("art3.2-mofcom", { mofcomRecognition: false }));
    for (const word of [true, "是", "TRUE", "True", "yes", "YES", " 是 "]) expect(sheet.call("PINGGU_ART3_2_MOFCOM", word), String(word)).toBe(Number(yes));
    for (const word of [false, "否", "FALSE", "no", "No"]) expect(sheet.call("PINGGU_ART3_2_MOFCOM", word), String(word)).toBe(Number(no));
    for (const word of [1, 0, "对", "maybe"]) {
      expect(sheet.call("PINGGU_ART3_2_MOFCOM", word), String(word)).toBe(expectedText(library("art3.2-mofcom", { mofcomRecognition: word })));
    }
  });

  describe("dates are Beijing civil dates, whatever the host's time zone", () => {
    const input = EXAMPLES.find((e) => e.clauseId === "art7.2")!.input;
    const expected = expectedText(library("art7.2", input));
    const withDates = (start: Arg, end: Arg): Arg[] => {
      const cells = strictCells("art7.2", input);
      cells[7] = start;
      cells[8] = end;
      return cells;
    };

    it("a Date made in the sheet (new Date(Date.UTC(2025, 0, 1, 0, 0))) is the day it shows", () => {
      const start = { code: "new Date(Date.UTC(2025, 0, 1, 0, 0))" };
      const end = { code: "new Date(Date.UTC(2025, 6, 1, 0, 0))" };
      expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...withDates(start, end))).toBe(expected);
    });

    it("an instant is read as its calendar day in UTC+8: 2024-12-31T16:00Z is 2025-01-01 in Beijing", () => {
      const explained = sheet.call("PINGGU_EXPLAIN_EN", "art7.2", ...withDates({ date: Date.UTC(2024, 11, 31, 16, 0) }, { date: Date.UTC(2025, 6, 1, 15, 59) })) as string;
      expect(explained).toBe(explainClause(evaluateClause("art7.2", input), "en"));
      // One minute before Beijing midnight is still the previous day.
      const earlier = sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...withDates({ date: Date.UTC(2024, 11, 31, 15, 59) }, "2025-07-01"));
      expect(earlier).toBe(expectedText(library("art7.2", { ...input, interestPeriodStart: "2024-12-31" })));
    });

    it("an Excel serial number is days since 1899-12-30; a time of day does not move the date", () => {
      expect(serialOf("2025-03-01")).toBe(45717);
      expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...withDates(45658, 45839))).toBe(expected);
      expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...withDates(45658.99, 45839.01))).toBe(expected);
    });

    it("dates as text: 2025-01-01, 2025/1/1, 2025年1月1日, ２０２５－０１－０１", () => {
      for (const text of ["2025-01-01", "2025/1/1", "2025年1月1日", "２０２５－０１－０１", "2025.01.01"]) {
        expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...withDates(text, "2025-07-01")), text).toBe(expected);
      }
    });

    it("what is not a date says so in the cell", () => {
      const cases: [Arg, RegExp][] = [
        [20250101, /interestPeriodStart：应为日期.*20250101.*请写成 2025-03-01/],
        [60, /interestPeriodStart：应为日期.*序列号小于 61/],
        [true, /interestPeriodStart：应为日期/],
        [{ code: "new Date(NaN)" }, /interestPeriodStart：应为日期.*日期无效/],
        ["2025-02-30", /interestPeriodStart：应为格式为 YYYY-MM-DD 的日历日期.*2025 年 2 月只有 28 天/],
      ];
      for (const [cell, pattern] of cases) {
        expect(sheet.call("PINGGU_SUBSIDY_TEXT", "art7.2", ...withDates(cell, "2025-07-01")), source(cell)).toMatch(pattern);
      }
    });
  });

  it("every problem of a call is in its one cell, in column order, as the core words it", () => {
    const text = sheet.call("PINGGU_ART3_3", "maybe", "abc", { code: "new Date(0)" }, 0.08) as string;
    const core = library("art3.3", { selfOperatedOnlineSales: "maybe", annualOnlineRetail: "abc", cityAverageGrowthRate: "0.08" });
    expect("error" in core).toBe(true);
    const issues = (core as { error: PolicyValidationError }).error.issues;
    expect(text.startsWith(`#ERROR: ${issueText(issues[0]!)}；${issueText(issues[1]!)}；growthRate：`)).toBe(true);
    // The library's sentences leave the field to the path; the cell names it, once.
    expect(issues[0]!.messageZh.startsWith("应为")).toBe(true);
    expect(text.startsWith("#ERROR: selfOperatedOnlineSales：应为")).toBe(true);
    expect(text.split("selfOperatedOnlineSales").length).toBe(2);
  });

  it("an unknown clause, too many inputs or a range where one cell belongs come back as text", () => {
    expect(sheet.call("PINGGU_SUBSIDY", "art9.9", 1)).toMatch(/^#ERROR: 未知的条款编号“art9.9”；已知编号：art3.1, /);
    expect(sheet.call("PINGGU_SUBSIDY", " ART3.2-MOFCOM ", true)).toBe(200000);
    expect(sheet.call("PINGGU_ART3_2_MOFCOM", true, 5)).toMatch(/^#ERROR: 条款 art3.2-mofcom 需要 1 项输入/);
    expect(sheet.call("PINGGU_ART3_2_MOFCOM", true, "", null)).toBe(200000);
    expect(sheet.call("PINGGU_ART3_2_MOFCOM", [[true]])).toBe(200000);
    expect(sheet.call("PINGGU_ART3_2_MOFCOM", [[true], [false]])).toMatch(/^#ERROR: mofcomRecognition：应为一个单元格.*PINGGU_SUBSIDY_RANGE/);
  });

  describe("PINGGU_SUBSIDY_RANGE: a column of applicants is one call", () => {
    it("500 rows: blank rows blank, bad rows only in their own cells, the rest as the library says", () => {
      const rows: Arg[][] = [];
      const expected: (number | string)[][] = [];
      for (let i = 0; i < 500; i++) {
        if (i % 7 === 3) {
          rows.push([i % 2 ? "" : null, undefined, "", "  "]);
          expected.push(["", "", ""]);
          continue;
        }
        const retail = String(15_000_000 + i * 250_000);
        const input: Record<string, unknown> = { selfOperatedOnlineSales: i % 5 !== 0, annualOnlineRetail: retail, growthRate: "0.12", cityAverageGrowthRate: "0.08" };
        if (i % 11 === 5) input.annualOnlineRetail = "12万";
        if (i % 13 === 6) delete input.growthRate;
        rows.push(cellsOf("art3.3", input, i));
        const answer = library("art3.3", input);
        if ("error" in answer) {
          const message = answer.error.issues.map((issue) => issueText(issue)).join("；");
          expected.push([`#ERROR: ${message}`, "error", message]);
        } else {
          const reason = answer.result.reasons.map((r) => r.zh).join("；");
          expected.push([expectedNumber(answer), answer.result.status, reason]);
        }
      }
      const answer = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", rows) as unknown[][];
      expect(answer).toHaveLength(500);
      expect(answer).toEqual(expected);
      expect(answer.filter((row) => row[1] === "error").length).toBeGreaterThan(30);
      expect(answer.filter((row) => row[1] === "undetermined").length).toBeGreaterThan(10);
    });

    it("reasons in English on request", () => {
      const rows: Arg[][] = [[true, 45_000_000, 0.12, 0.08], [false, 45_000_000, 0.12, 0.08], [true, "x", 0.12, 0.08]];
      const answer = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", rows, "en") as unknown[][];
      const eligible = library("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0.12", cityAverageGrowthRate: "0.08" });
      expect(answer[0]).toEqual([400000, "eligible", (eligible as { result: ClauseResult }).result.reasons.map((r) => r.en).join("; ")]);
      expect(answer[1]?.[1]).toBe("ineligible");
      expect(answer[2]?.[0]).toMatch(/^#ERROR: annualOnlineRetail: expected an amount in yuan/);
    });

    it("desktop Excel's blanks arrive as 0: a row of only 0 and blanks is a blank row, not an applicant", () => {
      const answer = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", [[0, 0, 0, 0], [0, "", null, 0], [true, 45_000_000, 0.12, 0.08]]) as unknown[][];
      expect(answer[0]).toEqual(["", "", ""]);
      expect(answer[1]).toEqual(["", "", ""]);
      expect(answer[2]?.[1]).toBe("eligible");
      // A wrong-width range keeps such rows blank too.
      const narrow = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", [[0, 0, 0], [true, 1, 0.1]]) as unknown[][];
      expect(narrow[0]).toEqual(["", "", ""]);
      expect(narrow[1]?.[1]).toBe("error");
    });

    it('a single blank among figures stays blank when the cell holds ="" (empty text), and 0 stays 0', () => {
      const growthBlank = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", [[true, 45_000_000, "", 0.08]]) as unknown[][];
      expect(growthBlank[0]?.[1]).toBe("undetermined");
      expect(String(growthBlank[0]?.[0])).toMatch(/^#UNDETERMINED: .*growthRate/);
      const growthZero = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", [[true, 45_000_000, 0, 0.08]]) as unknown[][];
      const zero = library("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0", cityAverageGrowthRate: "0.08" });
      if (!("result" in zero)) throw new Error("expected a result");
      expect(growthZero[0]?.slice(0, 2)).toEqual([expectedNumber(zero), zero.result.status]);
    });

    it("a range of the wrong width, or an unknown clause, is said in every non-blank row", () => {
      const narrow = sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", [[true, 45_000_000, 0.12], ["", "", ""]]) as unknown[][];
      expect(narrow[0]?.[0]).toMatch(/^#ERROR: 条款 art3.3 需要 4 列的区域/);
      expect(narrow[1]).toEqual(["", "", ""]);
      const unknown = sheet.call("PINGGU_SUBSIDY_RANGE", "nope", [[1], [2]]) as unknown[][];
      expect(unknown).toHaveLength(2);
      expect(unknown[1]?.[1]).toBe("error");
    });

    it("one row, a single cell and a 1D row are ranges too", () => {
      expect(sheet.call("PINGGU_SUBSIDY_RANGE", "art3.2-mofcom", true)).toEqual([[200000, "eligible", "符合本条款全部条件。"]]);
      expect(sheet.call("PINGGU_SUBSIDY_RANGE", "art3.2-mofcom", [["是"], [""], ["否"]])).toEqual([
        [200000, "eligible", "符合本条款全部条件。"],
        ["", "", ""],
        [0, "ineligible", expect.stringContaining("mofcomRecognition = false")],
      ]);
    });
  });

  it("agrees with the library on random claims of every clause (fast-check)", () => {
    for (const rule of listRules()) {
      const kinds = KINDS[rule.id] ?? {};
      const value = (kind: Kind): fc.Arbitrary<unknown> => {
        if (kind === "boolean") return fc.boolean();
        if (kind === "date") return fc.integer({ min: 0, max: 3650 }).map((days) => new Date(Date.UTC(2021, 0, 1) + days * DAY).toISOString().slice(0, 10));
        return fc.oneof(
          fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
          fc.integer({ min: -100, max: 10_000 }).map((n) => (n / 100).toFixed(2)),
          fc.integer({ min: 0, max: 99_999_999 }).map((fen) => (fen / 100).toFixed(2)),
        );
      };
      const claim = fc.record(
        Object.fromEntries(Object.entries(kinds).map(([field, kind]) => [field, fc.option(value(kind), { nil: undefined, freq: 4 })])),
      );
      fc.assert(
        fc.property(claim, fc.nat(30), (input, variant) => {
          const strict = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
          const answer = library(rule.id, strict);
          if (Object.keys(strict).length === 0) {
            // A row of blank cells is a blank answer, not "undetermined".
            expect(sheet.call("PINGGU_SUBSIDY_TEXT", rule.id, ...cellsOf(rule.id, strict, variant))).toBe("");
            return;
          }
          const got = sheet.call("PINGGU_SUBSIDY_TEXT", rule.id, ...cellsOf(rule.id, strict, variant)) as string;
          if ("error" in answer) expect(got.startsWith("#ERROR: ")).toBe(true);
          else expect(got).toBe(expectedText(answer));
          // Canonical text cells give even the error text word for word.
          expect(sheet.call("PINGGU_SUBSIDY_TEXT", rule.id, ...strictCells(rule.id, strict))).toBe(expectedText(answer));
        }),
        { numRuns: 40, seed: 20_250_301 },
      );
    }
  });
});

describe("Excel: functions.js (bundle + CustomFunctions.associate) and functions.json", () => {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  let sheet: Sheet;
  const metadata = () => JSON.parse(read("excel/functions.json")) as {
    functions: { id: string; name: string; parameters: { name: string; repeating?: boolean; dimensionality: string }[]; result: { dimensionality: string } }[];
  };
  beforeAll(() => {
    sheet = new Sheet([], {
      CustomFunctions: {
        associate(id: string, fn: (...args: unknown[]) => unknown) {
          registered.set(id, fn);
        },
      },
    });
    vm.runInContext(read("excel/functions.js"), sheet.context, { filename: "functions.js" });
    vm.runInContext("var __call = function (id, args) { return JSON.stringify(__registered(id).apply(null, args)); };", sheet.context);
    sheet.context.__registered = (id: string) => registered.get(id);
  });
  const excel = (id: string, ...args: Arg[]): unknown => sheet.run(`JSON.parse(__call(${JSON.stringify(id)}, [${args.map(source).join(", ")}]))`);

  it("associates every function of functions.json, and only those", () => {
    expect([...registered.keys()].sort()).toEqual(metadata().functions.map((fn) => fn.id).sort());
  });

  it("functions.json names one function per clause, its parameters the clause's fields", () => {
    const byId = new Map(metadata().functions.map((fn) => [fn.id, fn]));
    for (const rule of listRules()) {
      const fn = byId.get(FUNCTION_OF(rule.id));
      expect(fn?.name).toBe(FUNCTION_OF(rule.id).replace(/^PINGGU_/, ""));
      expect(fn?.parameters.map((p) => p.name)).toEqual(fieldsOf(rule.id));
    }
    for (const fn of metadata().functions) expect(fn.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(byId.get("PINGGU_SUBSIDY_RANGE")?.result.dimensionality).toBe("matrix");
  });

  it("answers as the library: a repeating argument arrives as one array, an omitted one as null, a date as a serial", () => {
    const input = EXAMPLES.find((e) => e.clauseId === "art7.2")!.input;
    const expected = expectedNumber(library("art7.2", input));
    const cells = strictCells("art7.2", input).map((cell) => (typeof cell === "string" && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? serialOf(cell) : cell));
    expect(excel("PINGGU_SUBSIDY", "art7.2", cells)).toEqual(expected);
    expect(excel("PINGGU_ART7_2", ...cells)).toEqual(expected);
    expect(excel("PINGGU_SUBSIDY", "art3.3", [true, 45_000_000, 0.12, null])).toBe("#UNDETERMINED: 缺少事实：cityAverageGrowthRate");
    expect(excel("PINGGU_SUBSIDY", "art3.3", null)).toBe("");
    expect(excel("PINGGU_ART3_3", null, null, null, null)).toBe("");
    expect(excel("PINGGU_SUBSIDY_RANGE", "art3.3", [[true, 45_000_000, 0.12, 0.08], ["", "", "", ""]], null)).toEqual([
      [400000, "eligible", "符合本条款全部条件。"],
      ["", "", ""],
    ]);
    expect(excel("PINGGU_EXPLAIN_EN", "art3.2-mofcom", [true])).toBe(explainClause(evaluateClause("art3.2-mofcom", { mofcomRecognition: true }), "en"));
  });

  it("the manifest names the generated files and the PINGGU namespace", () => {
    const manifest = read("excel/manifest.xml");
    for (const file of ["functions.js", "functions.json", "functions.html", "icon-32.png"]) expect(manifest).toContain(file);
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="PINGGU"/>');
    expect(read("excel/functions.html")).toContain('<script src="functions.js"');
    expect(readFileSync(join(SHEETS, "excel", "icon-32.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});

describe("WPS: pinggu-wps.js in one JSA module", () => {
  let sheet: Sheet;
  beforeAll(() => {
    sheet = new Sheet(["wps/pinggu-wps.js"]);
  });

  it("defines the same top-level functions, and reads a Range object through its Value2", () => {
    const answer = library("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0.12", cityAverageGrowthRate: "0.08" });
    expect(sheet.call("PINGGU_ART3_3", true, 45_000_000, 0.12, 0.08)).toBe(expectedNumber(answer));
    const range = (value: Arg): Arg => ({ code: `({ Value2: ${source(value)}, Value: function () { return this.Value2; } })` });
    expect(sheet.call("PINGGU_ART3_3", range(true), range(45_000_000), range(0.12), range(0.08))).toBe(expectedNumber(answer));
    expect(sheet.call("PINGGU_ART3_3", range(true), range(45_000_000), range(undefined), range(0.08))).toBe("#UNDETERMINED: 缺少事实：growthRate");
    expect(sheet.call("PINGGU_SUBSIDY_RANGE", "art3.3", range([[true, 45_000_000, 0.12, 0.08]]))).toEqual([[400000, "eligible", "符合本条款全部条件。"]]);
  });
});

describe("docs/spreadsheets.md", () => {
  const docs = readFileSync(join(ROOT, "docs", "spreadsheets.md"), "utf8");

  it("names every generic function, the install steps of each host and the budget", () => {
    for (const name of ["PINGGU_SUBSIDY", "PINGGU_SUBSIDY_TEXT", "PINGGU_EXPLAIN", "PINGGU_EXPLAIN_EN", "PINGGU_SUBSIDY_RANGE", "PINGGU_FIELDS", "PINGGU_CLAUSES", "PINGGU_VERSION"]) {
      expect(docs).toContain(`\`${name}`);
    }
    for (const heading of ["## Google Sheets", "## Excel", "## WPS"]) expect(docs).toContain(heading);
    for (const file of OUTPUTS.filter((f) => f.includes("/"))) expect(docs).toContain(file.split("/").pop());
    expect(docs).toContain(SHEETS_BUDGET_BYTES.toLocaleString("en-US"));
  });

  it("its sample answers are what the functions answer", () => {
    const sheet = new Sheet(["google/pinggu-sheets.js", "google/functions.gs"]);
    expect(docs).toContain("`=PINGGU_ART3_3(TRUE, 45000000, 0.12, 0.08)`. The cell shows\n   `400000`");
    expect(sheet.call("PINGGU_ART3_3", true, 45_000_000, 0.12, 0.08)).toBe(400000);
    expect(sheet.call("PINGGU_ART3_3", false, 45_000_000, 0.12, 0.08)).toBe(0);
    expect(sheet.call("PINGGU_ART3_3", "是", 25_000_000, "", 0.08)).toBe("#UNDETERMINED: 缺少事实：growthRate");
    expect(docs).toContain("#UNDETERMINED: 缺少事实：growthRate");
    expect(sheet.call("PINGGU_VERSION")).toMatch(/^pinggu-live-commerce .*, edition draft$/);
  });
});
