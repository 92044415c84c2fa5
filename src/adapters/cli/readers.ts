/**
 * Reading application documents: the files named on the command line (a directory means the .json,
 * .jsonl, .ndjson and .csv files in it; `*` and `?` in the last part of a path are expanded, for shells
 * that do not; .xlsx workbooks too), or `-` for standard input. Each file becomes a list of units: one application to
 * evaluate with a way to place the library's issues back in the file, or a problem with the file itself.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { applicationsFromCsv } from "./csv-applications.js";
import { CsvSyntaxError, parseCsv } from "./csv.js";
import { findJsonSyntaxProblem } from "./json-syntax.js";
import { jsonLocator, type Locator, type Problem } from "./problems.js";

export type InputFormat = "json" | "jsonl" | "csv" | "xlsx";
export const INPUT_FORMATS: readonly InputFormat[] = ["json", "jsonl", "csv", "xlsx"];
export type Encoding = "utf8" | "gb18030" | "gbk";
/** gbk is an alias of gb18030 (a superset of GBK, which Chinese Windows saves as plain "CSV"). */
export const ENCODINGS: readonly Encoding[] = ["utf8", "gb18030", "gbk"];

/** Where a unit came from. */
export interface Origin {
  /** The file as named on the command line, or `-` for standard input. */
  readonly file: string;
  /** A workbook's sheet the rows were read from. */
  readonly sheet?: string;
  /** `--merge-same-applicant`: the applications merged into this one, as words ("a.csv rows 2–3"). */
  readonly mergedFrom?: readonly string[];
  /** The application's position in the file (0-based): array index, JSON Lines entry, CSV group. */
  readonly index?: number;
  /** CSV: the rows it was read from. */
  readonly rows?: readonly number[];
  /** CSV: the row of each claim, in the order of the claims. */
  readonly claimRows?: readonly number[];
  /** JSON Lines: its line. */
  readonly line?: number;
  /** JSON: the file holds an array of applications (so its index says which). */
  readonly array?: boolean;
}

export type Unit =
  | {
      readonly kind: "application";
      readonly origin: Origin;
      readonly document: unknown;
      readonly locate: Locator;
      /** Problems the reader found in the rows themselves (CSV); the application is invalid if any. */
      readonly problems: readonly Problem[];
    }
  | {
      readonly kind: "invalid";
      readonly origin: Origin;
      readonly problems: readonly Problem[];
      /** A problem of the file itself (missing, empty, not the stated encoding): no applicant is counted. */
      readonly fileProblem?: boolean;
    };

export interface ReadOptions {
  readonly format?: InputFormat;
  readonly encoding: Encoding;
}

/** Expand the command line's FILE arguments into the paths to read (in order; `-` stays `-`). */
export function expandPaths(args: readonly string[]): { paths: string[]; missing: string[] } {
  const paths: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (arg === "-") {
      paths.push(arg);
      continue;
    }
    const stat = statOrNull(arg);
    if (stat?.isDirectory()) {
      const files = readdirSync(arg)
        .filter((name) => /\.(json|jsonl|ndjson|csv|xlsx)$/i.test(name))
        .sort()
        .map((name) => join(arg, name));
      for (const file of files) paths.push(file); // not push(...files): a huge directory would overflow the stack
      continue;
    }
    if (!stat && /[*?]/.test(basename(arg)) && !/[*?]/.test(dirname(arg))) {
      const pattern = globRegExp(basename(arg));
      const dir = dirname(arg);
      const names = statOrNull(dir)?.isDirectory() ? readdirSync(dir).filter((name) => pattern.test(name)).sort() : [];
      if (names.length === 0) missing.push(arg);
      for (const name of names) paths.push(dir === "." && !arg.startsWith("./") ? name : join(dir, name));
      continue;
    }
    paths.push(arg);
  }
  return { paths, missing };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function globRegExp(pattern: string): RegExp {
  const source = [...pattern].map((ch) => (ch === "*" ? "[^/]*" : ch === "?" ? "[^/]" : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`);
}

/** Decode a file's bytes: a UTF-8 byte order mark is dropped; bytes that are not UTF-8 are a problem. */
export function decode(bytes: Uint8Array, encoding: Encoding): string | Problem {
  if (encoding === "gb18030" || encoding === "gbk") return decodeGb18030(bytes, encoding);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      code: "encoding",
      expected: "UTF-8 text",
      expectedZh: "UTF-8 编码的文本",
      received: "UTF-16 text",
      receivedZh: "UTF-16 文本",
      hint: "save the sheet as “CSV UTF-8 (comma delimited)”, not “Unicode text”",
      hintZh: "请将表格另存为“CSV UTF-8（逗号分隔）”，而不是“Unicode 文本”",
    };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return {
      code: "encoding",
      expected: "UTF-8 text",
      expectedZh: "UTF-8 编码的文本",
      received: "bytes that are not UTF-8",
      receivedZh: "不是 UTF-8 编码的字节",
      hint: "save it as “CSV UTF-8” in Excel or WPS, or pass --encoding gb18030 for a file saved as plain “CSV” on Chinese Windows",
      hintZh: "请在 Excel 或 WPS 中另存为“CSV UTF-8”，或对中文 Windows 下另存的普通“CSV”文件加上 --encoding gb18030",
    };
  }
}

/**
 * A file said to be GB18030/GBK: refused when it is not (a UTF-8 byte order mark, or non-ASCII text
 * that reads as UTF-8 — GBK text almost never does — or bytes GB18030 cannot decode), rather than
 * decoded into wrong names with exit 0.
 */
function decodeGb18030(bytes: Uint8Array, stated: Encoding): string | Problem {
  const notIt = (received: string, receivedZh: string, hint: string, hintZh: string): Problem => ({
    code: "encoding",
    expected: `${stated.toUpperCase()} text (as --encoding ${stated} says)`,
    expectedZh: `${stated.toUpperCase()} 编码的文本（--encoding ${stated} 所述）`,
    received,
    receivedZh,
    hint,
    hintZh,
  });
  const utf8 = "drop --encoding: the file is UTF-8, which is read by default";
  const utf8Zh = "请去掉 --encoding：该文件是 UTF-8 编码，默认即按 UTF-8 读取";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return notIt("UTF-8 text (it starts with a UTF-8 byte order mark)", "UTF-8 文本（以 UTF-8 字节顺序标记开头）", utf8, utf8Zh);
  if (bytes.some((byte) => byte >= 0x80)) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return notIt("UTF-8 text", "UTF-8 文本", utf8, utf8Zh);
    } catch {
      // Not UTF-8: read it as stated.
    }
  }
  try {
    return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return notIt("bytes that are not GB18030", "不是 GB18030 编码的字节", "check how the file was saved", "请检查文件的保存方式");
  }
}

/** The format of a file: from --input-format, else its extension, else a look at its first character. */
export function formatOf(file: string, text: string, forced?: InputFormat): InputFormat {
  if (forced) return forced;
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".csv") return "csv";
  const first = text.trimStart()[0];
  return first === "{" || first === "[" ? "json" : "csv";
}

/** Read one file (or standard input, given its bytes) into units. */
export function readUnits(file: string, bytes: Uint8Array, options: ReadOptions): Unit[] {
  const text = decode(bytes, options.encoding);
  if (typeof text !== "string") return [{ kind: "invalid", origin: { file }, fileProblem: true, problems: [text] }];
  if (text.trim() === "") {
    return [{ kind: "invalid", origin: { file }, fileProblem: true, problems: [{ code: "empty", expected: "applications", expectedZh: "申请", received: "an empty file", receivedZh: "空文件" }] }];
  }
  const format = formatOf(file, text, options.format);
  if (format === "csv") return csvUnits(file, text);
  if (format === "jsonl") return jsonLinesUnits(file, text);
  return jsonUnits(file, text);
}

/** A file's bytes, or the one invalid unit saying why it cannot be read (missing, a directory, empty…). */
export function readFileBytes(file: string): Uint8Array | Unit {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory" : code === "EACCES" ? "permission denied" : String(code ?? error);
    const whyZh = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录" : code === "EACCES" ? "没有读取权限" : why;
    return { kind: "invalid", origin: { file }, fileProblem: true, problems: [{ code: "unreadable", expected: `a readable file (${why})`, expectedZh: `可读取的文件（${whyZh}）` }] };
  }
  return bytes;
}

/** Read a file from disk into units; a file that cannot be read is one invalid unit. */
export function readFileUnits(file: string, options: ReadOptions): Unit[] {
  const bytes = readFileBytes(file);
  return bytes instanceof Uint8Array ? readUnits(file, bytes, options) : [bytes];
}

// -------------------------------------------------------------------------------------------------
// JSON

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; character: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === "\n") {
      line += 1;
      start = i + 1;
    }
  }
  return { line, character: offset - start + 1 };
}

/** A JSON syntax error as a problem with its line and column. */
function syntaxProblem(text: string, error: unknown, lineOffset = 0): Problem {
  const found = findJsonSyntaxProblem(text);
  if (found) {
    const where = lineAndColumn(text, found.offset);
    return {
      code: "syntax",
      line: where.line + lineOffset,
      character: where.character,
      expected: `valid JSON: ${found.expected}`,
      expectedZh: `合法的 JSON：${found.expectedZh}`,
      ...(found.offset < text.length ? { received: JSON.stringify(text.slice(found.offset, found.offset + 20)) } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "syntax", expected: `valid JSON (${message})`, expectedZh: `合法的 JSON（${message}）` };
}

function jsonUnits(file: string, text: string): Unit[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (looksLikeJsonLines(text)) return jsonLinesUnits(file, text);
    return [{ kind: "invalid", origin: { file }, problems: [syntaxProblem(text, error)] }];
  }
  if (Array.isArray(value)) {
    return value.map((document, index) => ({
      kind: "application",
      origin: { file, index, array: true },
      document,
      locate: jsonLocator(`[${index}]`),
      problems: [],
    }));
  }
  return [{ kind: "application", origin: { file, index: 0 }, document: value, locate: jsonLocator(""), problems: [] }];
}

/** Several lines, each an object: JSON Lines given as .json or on standard input. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.length > 1 && lines.every((line) => line.trimStart().startsWith("{"));
}

function jsonLinesUnits(file: string, text: string): Unit[] {
  const units: Unit[] = [];
  let index = 0;
  text.split("\n").forEach((raw, i) => {
    const lineText = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (lineText.trim() === "") return;
    const line = i + 1;
    const origin = { file, index, line };
    index += 1;
    try {
      const document: unknown = JSON.parse(lineText);
      units.push({ kind: "application", origin, document, locate: jsonLocator("", line), problems: [] });
    } catch (error) {
      units.push({ kind: "invalid", origin, problems: [syntaxProblem(lineText, error, line - 1)] });
    }
  });
  return units;
}

// -------------------------------------------------------------------------------------------------
// CSV

function csvUnits(file: string, text: string): Unit[] {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return [
      {
        kind: "invalid",
        origin: { file },
        problems: [{ code: "syntax", row: error.row, ...(error.line !== error.row ? { line: error.line } : {}), expected: `valid CSV: ${error.problem}`, expectedZh: `合法的 CSV：${error.problemZh}` }],
      },
    ];
  }
  const read = applicationsFromCsv(records);
  const units: Unit[] = [];
  if (read.fileProblems.length > 0) units.push({ kind: "invalid", origin: { file }, problems: read.fileProblems });
  read.applications.forEach((application, index) => {
    units.push({
      kind: "application",
      origin: { file, index, rows: application.rows, claimRows: application.claimRows },
      document: application.document,
      locate: application.locate,
      problems: application.problems,
    });
  });
  return units;
}
