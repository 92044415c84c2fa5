/**
 * Reading officers' case files from disk: YAML (.yaml/.yml, with the `yaml` package, loaded only here and
 * only when a YAML file is read), JSON (.json, the same document), and CSV (.csv, one clause case per
 * row). A directory is read for all three, sorted, recursively. Numbers in YAML are kept as the text
 * written (3333333.35 stays "3333333.35"): money never passes through a float.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { isBlankRecord, parseCsv } from "../cli/csv.js";
import { type CaseFile, type CaseLoader, type FormatProblem, readCaseFile } from "./cases.js";

export const CASE_EXTENSIONS = [".yaml", ".yml", ".json", ".csv"] as const;

/** The `yaml` package is an optional dependency: a clear message when it is missing. */
export class MissingYamlError extends Error {
  override readonly name = "MissingYamlError";
  constructor() {
    super('reading .yaml test cases needs the "yaml" package (an optional dependency of pinggu-live-commerce): npm install yaml@2.9.1');
  }
}

type YamlModule = typeof import("yaml");
let yamlModule: Promise<YamlModule> | undefined;

export function loadYaml(): Promise<YamlModule> {
  yamlModule ??= import("yaml").catch(() => {
    yamlModule = undefined;
    throw new MissingYamlError();
  });
  return yamlModule;
}

/** The case files among `paths` (files as given; directories searched for .yaml/.yml/.json/.csv). */
export function listCaseFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if ((CASE_EXTENSIONS as readonly string[]).includes(extname(entry).toLowerCase())) out.push(path);
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path);
    else out.push(path);
  }
  return out;
}

/** A YAML document as plain data, numbers kept as their text; syntax errors with line and column. */
export async function parseYamlText(text: string): Promise<{ document: unknown } | { problems: FormatProblem[] }> {
  const YAML = await loadYaml();
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}` : "(document)";
        const whereZh = at ? `第 ${at.line} 行第 ${at.col} 列` : "（文档）";
        const message = error.message.split("\n")[0] ?? error.message;
        return { path: where, en: `${where}: YAML syntax: ${message}`, zh: `${whereZh}：YAML 语法错误：${message}` };
      }),
    };
  }
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "number" && typeof node.source === "string" && /^-?\d+(\.\d+)?$/.test(node.source.trim())) node.value = node.source.trim();
    },
  });
  return { document: doc.toJS({ maxAliasCount: 100 }) };
}

const RESERVED = new Set(["name", "clause", "edition", "note", "expect.status", "expect.amount", "expect.reasons", "expect.missingFacts", "expect.capBinding"]);

/**
 * CSV cases (one clause case per row): columns `name`, `clause`, optional `edition`, `note`,
 * `expect.status`, `expect.amount`, `expect.reasons` (codes separated by spaces or commas),
 * `switch.NAME`, and one column per fact named as the clause's field. An empty cell is a missing fact.
 */
export function csvCaseDocument(text: string): { document: unknown } | { problems: FormatProblem[] } {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [{ path: "(csv)", en: `CSV syntax: ${message}`, zh: `CSV 语法错误：${message}` }] };
  }
  const header = (records[0] ?? []).map((cell) => cell.trim());
  const cases: Record<string, unknown>[] = [];
  records.slice(1).forEach((record, offset) => {
    if (isBlankRecord(record)) return;
    const row = offset + 2;
    const testCase: Record<string, unknown> = { name: `row ${row}` };
    const facts: Record<string, unknown> = {};
    const expect: Record<string, unknown> = {};
    const switches: Record<string, string> = {};
    header.forEach((column, i) => {
      const cell = (record[i] ?? "").trim();
      if (cell === "" || column === "") return;
      if (column === "expect.reasons" || column === "expect.missingFacts") expect[column.slice(7)] = cell.split(/[\s,，;；]+/).filter(Boolean);
      else if (column === "expect.amount" || column === "expect.capBinding") expect[column.slice(7)] = cell === "null" ? null : cell;
      else if (column.startsWith("expect.")) expect[column.slice(7)] = cell;
      else if (column.startsWith("switch.")) switches[column.slice(7)] = cell;
      else if (RESERVED.has(column)) testCase[column] = cell;
      else facts[column] = cell;
    });
    testCase.name = `${String(testCase.name)}${testCase.name === `row ${row}` ? "" : ` (row ${row})`}`;
    testCase.facts = facts;
    testCase.expect = expect;
    if (Object.keys(switches).length > 0) testCase.switches = switches;
    cases.push(testCase);
  });
  return { document: { cases } };
}

/** Edition and application files named by a case, relative to the case file. */
export function fileLoader(caseFile: string): CaseLoader {
  const base = dirname(resolve(caseFile));
  return {
    readJson(path: string): unknown {
      const full = resolve(base, path);
      let text: string;
      try {
        text = readFileSync(full, "utf8");
      } catch {
        throw new Error(`cannot read ${path} (looked for ${full})`);
      }
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** Read and check one case file. */
export async function readCaseFileAt(path: string): Promise<{ file: CaseFile } | { problems: FormatProblem[] }> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [{ path: "(file)", en: `cannot read the file: ${message}`, zh: `无法读取文件：${message}` }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ext = extname(path).toLowerCase();
  let parsed: { document: unknown } | { problems: FormatProblem[] };
  if (ext === ".csv") parsed = csvCaseDocument(text);
  else if (ext === ".json") {
    try {
      parsed = { document: JSON.parse(text) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      parsed = { problems: [{ path: "(json)", en: `JSON syntax: ${message}`, zh: `JSON 语法错误：${message}` }] };
    }
  } else {
    try {
      parsed = await parseYamlText(text);
    } catch (error) {
      // Without the optional `yaml` package a YAML file cannot be read; .json and .csv files still run.
      if (!(error instanceof MissingYamlError)) throw error;
      parsed = { problems: [{ path: "(file)", en: error.message, zh: `读取 .yaml 用例需要可选依赖 yaml：npm install yaml@2.9.1` }] };
    }
  }
  if ("problems" in parsed) return parsed;
  return readCaseFile(parsed.document);
}
