/**
 * Chinese all the way (issue 13, item 5): with --lang zh, everything the command says about the policy
 * and the input — labels, scopes, reasons, errors, progress — is Chinese. Every fixture and error path is
 * run with --lang zh and the output scanned for Latin words outside ids, codes and field names.
 *
 * Words the library core itself produces in its Chinese text are listed in CORE_ENGLISH (reported to
 * the core's maintainers, not the command's to translate); anything else found fails the test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownColumns } from "../../src/adapters/cli/csv-applications.js";
import { evaluateCommand } from "../../src/adapters/cli/commands/evaluate.js";
import { explainCommand } from "../../src/adapters/cli/commands/explain.js";
import { simulateCommand } from "../../src/adapters/cli/commands/simulate.js";
import { InputError } from "../../src/adapters/cli/edition.js";
import type { Io } from "../../src/adapters/cli/io.js";
import { describeProblem } from "../../src/adapters/cli/problems.js";
import { CSV_OUTPUT_COLUMNS } from "../../src/adapters/cli/writers/csv.js";

const EDITION = "fixtures/editions/published-2025-03-01.json";
const FIXTURES = ["brand-company", "logistics-firm", "mcn-agency", "park-operator", "training-school"].map((name) => `fixtures/applications/${name}.json`);
const CSVS = ["brand-company", "mcn-agency", "training-school"].map((name) => `fixtures/csv/${name}.csv`);

/** English in the Chinese text of the library core (src/evaluate.ts, src/kernel/*, src/explain-decision.ts). */
const CORE_ENGLISH = new Set<string>([
  // None left: the core writes its Chinese text in Chinese (steps, fact values, cap periods, the
  // window's basis, the audit line, the source of a payment that stands instead).
]);

/** Words that are names, not prose: acronyms and products, the Markdown fence's language. */
const NAMES = new Set(["text", "pinggu", "gb18030", "gbk", "utf8", "xlsx", "xls", "json", "jsonl", "csv", "excel", "wps", "libreoffice", "unicode", "null" /* a JSON literal, in the syntax errors */, "true", "false" /* the literals a yes/no field takes, named in its expectation */]);
/** Field names, column names, statuses and codes: they stay as they are in every language. */
const FIELDS = new Set<string>([
  ...knownColumns(),
  ...CSV_OUTPUT_COLUMNS,
  "awarded",
  "reduced",
  "ineligible",
  "undetermined",
  "excluded",
  "duplicate",
  "out-of-window",
  "invalid",
]);

/** The Latin words of a text that are prose: not ids, codes, field names, paths or numbers. */
function latinProse(text: string, data: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  // What is quoted is the input's own value (“nope”列, 实际收到 "maybe"): data, not prose.
  const unquoted = text.replace(/“[^”]*”/g, " ").replace(/"[^"\n]*"/g, " ");
  for (const match of unquoted.matchAll(/[A-Za-z0-9_.\-/@:+#<>[\]]+/g)) {
    if (match[0].startsWith("--") || /[[\]]/.test(match[0])) continue; // an option's name; a JSON path
    const token = match[0].replace(/^[-.:+#<>]+|[-.:+#<>]+$/g, "");
    if (!/[a-z]{2}/.test(token)) continue; // no word in it (codes in capitals, numbers, single letters)
    if (/[\d_/.@:]|[a-z][A-Z]/.test(token)) continue; // ids, codes, paths, camelCase field names
    if (/^[A-Z][A-Z0-9-]+$/.test(token)) continue;
    if (FIELDS.has(token) || NAMES.has(token.toLowerCase()) || data.has(token) || CORE_ENGLISH.has(token)) continue;
    if (token.split("-").every((part) => data.has(part))) continue;
    found.add(token);
  }
  return [...found].sort();
}

function fakeIo(stdin = ""): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: { write: async (text: string) => void (io.out += text) },
    stderr: { write: async (text: string) => void (io.err += text) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    readStdin: async () => new TextEncoder().encode(stdin),
  };
  return io;
}

/** Every string and key in the input documents: user data (project ids, names) may be Latin. */
function dataWords(): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      for (const part of value.split(/[^A-Za-z]+/)) if (part) words.add(part);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) (words.add(key), visit(inner));
    }
  };
  for (const file of FIXTURES) visit(JSON.parse(readFileSync(file, "utf8")));
  for (const file of CSVS) for (const part of readFileSync(file, "utf8").split(/[^A-Za-z]+/)) if (part) words.add(part);
  return words;
}

let work = "";
const DATA = dataWords();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "pinggu-zh-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function zh(command: typeof evaluateCommand, args: readonly string[], stdin = ""): Promise<string> {
  const io = fakeIo(stdin);
  try {
    await command([...args, "--lang", "zh"], io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err += error.problems.map((problem) => describeProblem(problem, "zh")).join("\n");
  }
  return io.out + io.err;
}

describe("--lang zh says everything in Chinese", () => {
  it("every fixture, in every human format, and explained", async () => {
    let text = "";
    for (const format of ["terminal", "markdown", "csv"]) text += await zh(evaluateCommand, [...FIXTURES, ...CSVS.slice(0, 0), "--edition", EDITION, "--format", format]);
    for (const file of [...FIXTURES, ...CSVS]) text += await zh(explainCommand, [file, "--edition", EDITION]);
    expect(latinProse(text, DATA), text).toEqual([]);
  });

  it("every error path", async () => {
    const file = (name: string, content: string | Uint8Array) => {
      const path = join(work, name);
      writeFileSync(path, content);
      return path;
    };
    const header = "applicantName,creditCode,registeredInPinggu,liveCommerceBusiness,claimId,clauseId,factDate,input.pingguGoodsSpecialSession,input.sessionTurnover";
    const inputs = [
      file("bad.csv", `${header}\n甲,91110117MA03MCN009,是,maybe,S1,art4.1-session,2025-13-01,是,"1,200,00"\n`),
      file("typo.csv", "creditCode,input.sessionTurnovr,nope\n91110117MA03MCN009,1,2\n"),
      file("nocode.csv", "claimId\nS1\n"),
      file("broken.json", '{\n  "applicant": { "name": "x" },\n  "claims": [,]\n}\n'),
      file("empty.json", ""),
      file("utf16.csv", new Uint8Array([0xff, 0xfe, 0x61, 0x00])),
      file("gbk.csv", new Uint8Array([0x61, 0x2c, 0xc6, 0xbd, 0x0a])),
      file("wrong.json", JSON.stringify({ applicant: { name: "", creditCode: "123" }, claims: [{ id: "a", clauseId: "art9.9", factDate: "x", input: {} }] })),
      file("fake.xlsx", "not a workbook"),
      join(work, "missing.json"),
      "fixtures/applications/park-operator.json",
      "fixtures/applications/park-operator.json",
    ];
    let text = await zh(evaluateCommand, [...inputs, "--edition", EDITION, "--format", "terminal"]);
    text += await zh(evaluateCommand, [file("utf8.csv", "a,平\n"), "--encoding", "gbk", "--edition", EDITION, "--format", "terminal"]);
    text += await zh(evaluateCommand, [inputs[0]!, "--format", "terminal", "--edition", file("bad-edition.json", JSON.stringify({ id: "x", publishedOn: "2025-02-30", parameters: { "art3.3": { cap: "-5" } } }))]);
    const population = file("population.jsonl", `${readFileSync(FIXTURES[0]!, "utf8").replace(/\s*\n\s*/g, " ")}\n{bad\n{"applicant":{"name":"x","creditCode":"1"},"claims":[]}\n`);
    text += await zh(simulateCommand, [population, "--published-on", "2025-03-01", "--format", "terminal"]);
    text += await zh(simulateCommand, [population, "--published-on", "2025-03-01", "--format", "markdown"]);
    expect(text).toContain("第3行：applicant.creditCode：应为"); // simulate's invalid application, in Chinese
    expect(text).toContain("应为"); // the error paths did run
    expect(latinProse(text, DATA), text).toEqual([]);
  });
});
// Usage errors (exit 2) and the help are English by design (docs/cli.md): they are not scanned.
