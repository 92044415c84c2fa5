/**
 * The `pinggu` command as a user runs it: the built dist/cli.js in a child process, on the sample
 * applications in fixtures/ — every output format in both languages, CSV input mirroring the JSON
 * fixtures, bad files and bad rows (reported, the rest still evaluated), standard input, exit codes.
 *
 * `npm test` builds before it tests. When this file runs on its own (`npx vitest run test/adapters`)
 * and dist/cli.js is missing or older than the sources, it builds once first.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/adapters/cli/csv.js";
import { explainClaim, listClauseIds, type Decision, usccCheckCharacter } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUILT_CLI = join(ROOT, "dist", "cli.js");
let CLI = BUILT_CLI;
const EDITION = "fixtures/editions/published-2025-03-01.json";
const NAMES = ["brand-company", "logistics-firm", "mcn-agency", "park-operator", "training-school"];
const CSV_MIRRORS = ["brand-company", "mcn-agency", "training-school"];
const LANGS = ["zh", "en"] as const;
const APPLICATIONS = NAMES.map((name) => `fixtures/applications/${name}.json`);

const golden = (name: string): Decision => JSON.parse(readFileSync(join(ROOT, "fixtures", "decisions", `${name}.json`), "utf8")) as Decision;

/** The newest modification time under a path (a file, or a directory walked recursively). */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function cliIsFresh(): boolean {
  if (!existsSync(BUILT_CLI)) return false;
  const inputs = ["src", "package.json", "tsup.config.ts", "tsconfig.json"].map((path) => newestMtime(join(ROOT, path)));
  return statSync(BUILT_CLI).mtimeMs >= Math.max(...inputs);
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built command; several run at once (the tests are concurrent), each in its own process. */
function pinggu(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "", ...options.env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.end(options.input ?? "");
  });
}

interface Entry {
  readonly file: string;
  readonly index?: number;
  readonly rows?: number[];
  readonly line?: number;
  readonly decision?: Decision;
  readonly error?: { message: string; problems: { row?: number; column?: string; line?: number; path?: string; field?: string; message: string }[] };
}

function entries(run: Run): Entry[] {
  return JSON.parse(run.stdout) as Entry[];
}

const BAD_CSV = [
  "applicantName,creditCode,registeredInPinggu,liveCommerceBusiness,claimId,clauseId,factDate,input.pingguGoodsSpecialSession,input.sessionTurnover",
  "星耀,91110117MA03MCN009,是,是,S1,art4.1-session,2025-04-01,是,4200000",
  'A公司,91110117MA06BRND0Y,是,是,A1,art4.1-session,2025-04-02,是,"1,200,00"',
  "星耀,91110117MA03MCN009,是,是,S2,art4.1-session,2025-04-26,是,6800000",
].join("\r\n");

let work = "";

beforeAll(() => {
  if (!cliIsFresh()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  work = mkdtempSync(join(tmpdir(), "pinggu-cli-"));
  CLI = join(work, "cli.js");
  // Run a copy of the built file, so a rebuild of dist/ elsewhere (which empties it first) cannot pull
  // it away mid-test. Beside it: "type": "module" as in the package, and the package's node_modules.
  copyFileSync(BUILT_CLI, CLI);
  // The command imports the library beside it (dist/index.js), as in the package.
  copyFileSync(join(ROOT, "dist", "index.js"), join(work, "index.js"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "pinggu-cli-test", private: true, type: "module" }));
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  writeFileSync(join(work, "bad.csv"), BAD_CSV);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.concurrent("pinggu --help, --version, and no command", () => {
  it("prints its version (the package's) and help", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };
    expect(pkg.bin.pinggu).toBe("./dist/cli.js");
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(await pinggu(["--version"])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    const help = await pinggu(["--help"]);
    expect(help.status).toBe(0);
    for (const command of ["evaluate", "explain", "schema", "clauses"]) expect(help.stdout).toContain(`pinggu ${command}`);
    expect((await pinggu(["evaluate", "--help"])).stdout).toContain("--format");
    expect((await pinggu(["help", "explain"])).stdout).toContain("--claim");
  });

  it("with no command, shows the help on stderr and exits 2", async () => {
    const run = await pinggu([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage:");
  });
});

describe.concurrent("pinggu evaluate --format json (the default)", () => {
  const run = () => pinggu(["evaluate", ...APPLICATIONS, "--edition", EDITION]);

  it("writes an array of {file, index, decision}, each decision the golden one", async () => {
    const result = await run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const list = entries(result);
    expect(list.map((entry) => [entry.file, entry.index])).toEqual(APPLICATIONS.map((file) => [file, 0]));
    NAMES.forEach((name, i) => expect(list[i]?.decision).toEqual(golden(name)));
  });

  it("reads a JSON array of applications and JSON Lines, giving each entry's index (and line)", async () => {
    const docs = NAMES.slice(0, 2).map((name) => JSON.parse(readFileSync(join(ROOT, `fixtures/applications/${name}.json`), "utf8")) as unknown);
    writeFileSync(join(work, "two.json"), JSON.stringify(docs));
    writeFileSync(join(work, "two.jsonl"), `${docs.map((doc) => JSON.stringify(doc)).join("\r\n")}\r\n\r\n`);
    const array = await pinggu(["evaluate", join(work, "two.json"), "--edition", EDITION]);
    const lines = await pinggu(["evaluate", join(work, "two.jsonl"), "--edition", EDITION]);
    expect(array.status, array.stderr).toBe(0);
    expect(lines.status, lines.stderr).toBe(0);
    const list = [...entries(array), ...entries(lines)];
    expect(list.map((entry) => [entry.index, entry.line])).toEqual([
      [0, undefined],
      [1, undefined],
      [0, 1],
      [1, 2],
    ]);
    expect(list.map((entry) => entry.decision)).toEqual([golden(NAMES[0]!), golden(NAMES[1]!), golden(NAMES[0]!), golden(NAMES[1]!)]);
  });

  it("one applicant, one ledger: the same credit code in two files is refused naming both, unless --merge-same-applicant", async () => {
    const two = join(work, "two.json");
    writeFileSync(two, JSON.stringify(NAMES.slice(0, 2).map((name) => JSON.parse(readFileSync(join(ROOT, `fixtures/applications/${name}.json`), "utf8")) as unknown)));
    const refused = await pinggu(["evaluate", two, join(ROOT, "fixtures/applications/brand-company.json"), "--edition", EDITION, "--lang", "en"]);
    expect(refused.status).toBe(1);
    const code = (JSON.parse(readFileSync(join(ROOT, "fixtures/applications/brand-company.json"), "utf8")) as { applicant: { creditCode: string } }).applicant.creditCode;
    expect(refused.stderr).toContain(`${two}: expected one application per applicant: ${join(ROOT, "fixtures/applications/brand-company.json")} has the same credit code ${code}`);
    expect(refused.stderr).toContain(`${join(ROOT, "fixtures/applications/brand-company.json")}: expected one application per applicant: ${two} [0] has the same credit code ${code}`);
    const list = entries(refused);
    expect(list.map((entry) => (entry.error ? "error" : "decision"))).toEqual(["error", "decision", "error"]);
    // One applicant's claims split over two files: merged, they decide as the one document does.
    const whole = JSON.parse(readFileSync(join(ROOT, "fixtures/applications/mcn-agency.json"), "utf8")) as { claims: unknown[] };
    const half = Math.ceil(whole.claims.length / 2);
    writeFileSync(join(work, "mcn-a.json"), JSON.stringify({ ...whole, claims: whole.claims.slice(0, half) }));
    writeFileSync(join(work, "mcn-b.json"), JSON.stringify({ ...whole, claims: whole.claims.slice(half) }));
    const merged = await pinggu(["evaluate", join(work, "mcn-a.json"), join(work, "mcn-b.json"), "--edition", EDITION, "--merge-same-applicant", "--format", "json"]);
    expect(merged.status, merged.stderr).toBe(0);
    const decisions = entries(merged);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.decision?.claims).toEqual(golden("mcn-agency").claims);
    expect(decisions[0]?.decision?.totals).toEqual(golden("mcn-agency").totals);
    const apart = await pinggu(["evaluate", join(work, "mcn-a.json"), join(work, "mcn-b.json"), "--edition", EDITION, "--format", "json"]);
    expect(apart.status).toBe(1);
  });

  it("takes a what-if edition, and --published-on over the edition's date", async () => {
    const brand = "fixtures/applications/brand-company.json";
    const whatIf = entries(await pinggu(["evaluate", brand, "--edition", "fixtures/editions/what-if-art3.3-cap-300000.json"]));
    const q1 = whatIf[0]?.decision?.claims.find((claim) => claim.claimId === "BR-2025-Q1");
    expect(q1?.amount).toBe("300000.00");
    const late = entries(await pinggu(["evaluate", brand, "--edition", EDITION, "--published-on", "2026-01-01"]));
    expect(late[0]?.decision?.window.from).toBe("2026-01-01");
    expect(late[0]?.decision?.claims.every((claim) => claim.status === "out-of-window")).toBe(true);
    const only = entries(await pinggu(["evaluate", brand, "--published-on", "2025-03-01"]));
    expect(only[0]?.decision?.totals).toEqual(golden("brand-company").totals);
  });
});

describe.concurrent("CSV input (one claim per row)", () => {
  it("gives exactly the decisions of the JSON fixtures it mirrors (with a BOM and CRLF, and without)", async () => {
    const bytes = readFileSync(join(ROOT, "fixtures/csv/brand-company.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    expect(readFileSync(join(ROOT, "fixtures/csv/training-school.csv"), "utf8")).not.toContain("\r");
    const files = CSV_MIRRORS.map((name) => `fixtures/csv/${name}.csv`);
    const result = await pinggu(["evaluate", ...files, "--edition", EDITION]);
    expect(result.status, result.stderr).toBe(0);
    const list = entries(result);
    expect(list.map((entry) => entry.file)).toEqual(files);
    // Identical documents: even the audit's input hash is the JSON fixture's.
    CSV_MIRRORS.forEach((name, i) => expect(list[i]?.decision).toEqual(golden(name)));
    expect(list[1]?.rows).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads a directory: its .json, .jsonl and .csv files, in name order", async () => {
    const list = entries(await pinggu(["evaluate", "fixtures/csv", "--edition", EDITION]));
    expect(list.map((entry) => entry.file)).toEqual(CSV_MIRRORS.map((name) => join("fixtures/csv", `${name}.csv`)));
  });
});


describe.concurrent("bad input: reported with file, row or path, field and what was expected; the rest still evaluated", () => {
  it("a bad CSV row: exit 1, the row and column named, the other applicant decided", async () => {
    const file = join(work, "bad.csv");
    const result = await pinggu(["evaluate", file, "--edition", EDITION, "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}: row 3, column input.sessionTurnover: expected a number such as 1000000.01 or 1,000,000.01; received "1,200,00" (thousands separators only in groups of three)`);
    expect(result.stderr).toContain('received "1,200,00"');
    const list = entries(result);
    expect(list).toHaveLength(2);
    expect(list[0]?.rows).toEqual([2, 4]);
    expect(list[0]?.decision?.claims.map((claim) => claim.amount)).toEqual(["42000.00", "50000.00"]);
    expect(list[1]).toMatchObject({ file, index: 1, rows: [3] });
    expect(list[1]?.error?.problems[0]).toMatchObject({ row: 3, column: "input.sessionTurnover", field: "input.sessionTurnover", code: "invalid_value" });
  });

  it("the same in Chinese", async () => {
    const result = await pinggu(["evaluate", join(work, "bad.csv"), "--edition", EDITION]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("第3行，“input.sessionTurnover”列：应为数字，例如 1000000.01 或 1,000,000.01；实际收到 \"1,200,00\"（千位分隔符须每三位一组）");
  });

  it("a JSON file that does not parse: its line and column; a missing file; the good file still decided", async () => {
    writeFileSync(join(work, "broken.json"), '{\n  "applicant": { "name": "x" },\n  "claims": [,]\n}\n');
    const broken = join(work, "broken.json");
    const missing = join(work, "missing.json");
    const result = await pinggu(["evaluate", broken, "fixtures/applications/park-operator.json", missing, "--edition", EDITION, "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${broken}: line 3, column 14: expected valid JSON`);
    expect(result.stderr).toContain(`${missing}: expected a readable file (no such file)`);
    const list = entries(result);
    expect(list.map((entry) => [entry.file, entry.error ? "error" : "decision"])).toEqual([
      [broken, "error"],
      ["fixtures/applications/park-operator.json", "decision"],
      [missing, "error"],
    ]);
    expect(list[1]?.decision).toEqual(golden("park-operator"));
  });

  it("an invalid application in a JSON array: its JSON path, with the array index", async () => {
    const good = JSON.parse(readFileSync(join(ROOT, "fixtures/applications/mcn-agency.json"), "utf8")) as { claims: { input: Record<string, unknown> }[] };
    const bad = structuredClone(good) as typeof good & { applicant: { creditCode: string } };
    bad.claims[1]!.input.sessionTurnover = "4.2 million";
    bad.applicant.creditCode = "91110117MA06BRND0Y"; // another applicant (one applicant, one ledger)
    writeFileSync(join(work, "array.json"), JSON.stringify([good, bad]));
    const result = await pinggu(["evaluate", join(work, "array.json"), "--edition", EDITION, "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("[1].claims[1].input.sessionTurnover: expected an amount in yuan");
    const list = entries(result);
    expect(list[0]?.decision).toEqual(golden("mcn-agency"));
    expect(list[1]?.error?.problems[0]).toMatchObject({ path: "[1].claims[1].input.sessionTurnover", field: "sessionTurnover" });
  });

  it("--format csv writes a row with status invalid for the bad application, so nothing is lost", async () => {
    const result = await pinggu(["evaluate", join(work, "bad.csv"), "--edition", EDITION, "--format", "csv", "--lang", "en"]);
    expect(result.status).toBe(1);
    const [header, ...rows] = parseCsv(result.stdout);
    const status = header!.indexOf("status");
    expect(rows.map((row) => row[status])).toEqual(["awarded", "awarded", "invalid"]);
    expect(rows[2]![header!.indexOf("reasons")]).toContain("row 3, column input.sessionTurnover");
  });
});

describe.concurrent("standard input (-)", () => {
  it("reads JSON, JSON Lines and CSV from stdin", async () => {
    const json = readFileSync(join(ROOT, "fixtures/applications/logistics-firm.json"), "utf8");
    const fromJson = await pinggu(["evaluate", "-", "--edition", EDITION], { input: json });
    expect(fromJson.status, fromJson.stderr).toBe(0);
    expect(entries(fromJson)[0]).toEqual({ file: "-", index: 0, decision: golden("logistics-firm") });
    const jsonl = `${JSON.stringify(JSON.parse(json))}\n${JSON.stringify(JSON.parse(json))}\n`;
    expect(entries(await pinggu(["evaluate", "-", "--edition", EDITION], { input: jsonl })).map((entry) => entry.line)).toEqual([1, 2]);
    const csv = readFileSync(join(ROOT, "fixtures/csv/training-school.csv"), "utf8");
    const fromCsv = await pinggu(["evaluate", "-", "--edition", EDITION], { input: csv });
    expect(entries(fromCsv)[0]?.decision).toEqual(golden("training-school"));
    const forced = await pinggu(["evaluate", "-", "--edition", EDITION, "--input-format", "csv"], { input: csv });
    expect(entries(forced)[0]?.decision).toEqual(golden("training-school"));
  });
});

describe.concurrent("--format csv, markdown and terminal, in Chinese and English", () => {
  const all = () => ["evaluate", ...APPLICATIONS, "--edition", EDITION];
  const decisions = NAMES.map(golden);
  const claims = decisions.flatMap((decision) => decision.claims);

  for (const lang of LANGS) {
    it(`csv (${lang}): one row per claim, with status, amounts and reason codes; reasons in the language asked`, async () => {
      const result = await pinggu([...all(), "--format", "csv", "--lang", lang]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.startsWith("\ufefffile,")).toBe(true);
      const [header, ...rows] = parseCsv(result.stdout);
      expect(rows).toHaveLength(claims.length);
      const col = (name: string) => header!.indexOf(name);
      expect(rows.map((row) => row[col("claimId")])).toEqual(claims.map((claim) => claim.claimId));
      expect(rows.map((row) => row[col("status")])).toEqual(claims.map((claim) => claim.status));
      expect(rows.map((row) => row[col("amount")])).toEqual(claims.map((claim) => claim.amount ?? ""));
      expect(rows.map((row) => row[col("reasonCodes")])).toEqual(claims.map((claim) => [...new Set(claim.reasons.map((r) => r.code))].join(" ")));
      const duplicate = rows.find((row) => row[col("claimId")] === "BR-2025-D1")!;
      expect(duplicate[col("reasons")]).toContain(lang === "zh" ? "第十一条" : "Article 11");
    });
  }

  it("csv starts with a UTF-8 byte order mark by default, for Excel and WPS; --no-bom leaves it out", async () => {
    const result = await pinggu([...all(), "--format", "csv", "--bom"]);
    expect(result.stdout.startsWith("\ufefffile,")).toBe(true);
    const plain = await pinggu([...all(), "--format", "csv", "--no-bom"]);
    expect(plain.stdout.startsWith("file,")).toBe(true);
  });

  for (const lang of LANGS) {
    it(`markdown (${lang}): headline totals, a table of every claim, and each claim explained`, async () => {
      const result = await pinggu([...all(), "--format", "markdown", "--lang", lang]);
      expect(result.status, result.stderr).toBe(0);
      const md = result.stdout;
      expect(md.startsWith(lang === "zh" ? "# 平谷区直播电商措施：核定结果" : "# Pinggu live-commerce measures: decisions")).toBe(true);
      expect(md).toContain(lang === "zh" ? "- 核定支持合计：**5341000.25** 元" : "- Total awarded: **5341000.25** yuan");
      for (const claim of claims) {
        expect(md).toMatch(new RegExp(`\\| ${claim.claimId} \\| ${claim.clauseId.replace(/\./g, "\\.")} \\|`));
        expect(md).toContain(explainClaim(claim, lang));
      }
    });
  }

  for (const lang of LANGS) {
    it(`terminal (${lang}): a readable summary per applicant and for the batch; no colour when not a terminal`, async () => {
      const result = await pinggu([...all(), "--format", "terminal", "--lang", lang]);
      expect(result.status, result.stderr).toBe(0);
      const text = result.stdout;
      expect(text).not.toContain("\u001b[");
      for (const decision of decisions) expect(text).toContain(`${decision.applicant.name} (${decision.applicant.creditCode})`);
      for (const claim of claims) expect(text).toContain(claim.claimId);
      if (lang === "zh") {
        expect(text).toContain("核定支持合计：5341000.25 元");
        expect(text).toContain("予以支持");
        expect(text).toContain("不在有效期内");
      } else {
        expect(text).toContain("Total awarded: 5341000.25 yuan");
        expect(text).toContain("out-of-window");
        expect(text).not.toContain("予以支持");
      }
    });
  }
});

describe.concurrent("pinggu explain", () => {
  it("prints one claim's explanation step by step, as explainClaim does", async () => {
    const claim = golden("mcn-agency").claims.find((c) => c.claimId === "MCN-2025-S7")!;
    for (const lang of ["zh", "en"] as const) {
      const result = await pinggu(["explain", "fixtures/applications/mcn-agency.json", "--claim", "MCN-2025-S7", "--edition", EDITION, "--lang", lang]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${explainClaim(claim, lang)}\n`);
    }
    const fromCsv = await pinggu(["explain", "fixtures/csv/mcn-agency.csv", "--claim", "MCN-2025-S7", "--edition", EDITION, "--lang", "en"]);
    expect(fromCsv.stdout).toBe(`${explainClaim(claim, "en")}\n`);
  });

  it("an unknown claim id is a usage error that lists the claims there are", async () => {
    const result = await pinggu(["explain", "fixtures/applications/mcn-agency.json", "--claim", "NOPE", "--edition", EDITION]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("MCN-2025-S1");
  });
});

describe.concurrent("usage errors exit 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["no publication date", ["evaluate", "fixtures/applications/mcn-agency.json"], /--published-on.*--edition/s],
    ["a bad --published-on", ["evaluate", "fixtures/applications/mcn-agency.json", "--published-on", "2025-02-30"], /--published-on: expected a calendar date/],
    ["an unknown format", ["evaluate", "fixtures/applications/mcn-agency.json", "--edition", EDITION, "--format", "xml"], /--format must be one of json, csv, markdown, terminal/],
    ["an unknown option", ["evaluate", "fixtures/applications/mcn-agency.json", "--edition", EDITION, "--formt", "csv"], /unknown option --formt \(did you mean --format\?\)/],
    ["no file", ["evaluate", "--edition", EDITION], /name at least one FILE/],
    ["an unknown command", ["evalute"], /no command named "evalute"/],
    ["an unknown schema", ["schema", "claims"], /one of application, edition, complete-edition, decision/],
    ["a missing --edition file", ["evaluate", "fixtures/applications/mcn-agency.json", "--edition", "nope.json"], /--edition nope.json: cannot read it/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const result = await pinggu(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    });
  }

  it("an invalid edition document is invalid input (exit 1), its fields named", async () => {
    const result = await pinggu(["evaluate", "fixtures/applications/mcn-agency.json", "--edition", "fixtures/applications/mcn-agency.json", "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("fixtures/applications/mcn-agency.json: applicant: expected no field named");
  });
});

describe.concurrent("pinggu schema and pinggu clauses", () => {
  for (const name of ["application", "edition", "decision"]) {
    it(`schema ${name} prints schema/${name}.schema.json`, async () => {
      const result = await pinggu(["schema", name]);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, "schema", `${name}.schema.json`), "utf8")));
    });
  }

  it("clauses lists all 14 clauses with their citations", async () => {
    const json = JSON.parse((await pinggu(["clauses", "--format", "json"])).stdout) as { id: string; citationZh: string }[];
    expect(json.map((clause) => clause.id)).toEqual([...listClauseIds()]);
    expect(json).toHaveLength(14);
    expect(json[0]).toMatchObject({ id: "art3.1", citationZh: "第三条第（一）项" });
    const text = (await pinggu(["clauses"])).stdout;
    for (const id of listClauseIds()) expect(text).toMatch(new RegExp(`^${id.replace(/\./g, "\\.")}\\s+第[三四五六七]条第（[一二三]）项`, "m"));
  });
});

describe.concurrent("progress on stderr for large batches", () => {
  it("reports every 1000 applications above 2000, as plain lines when stderr is not a terminal", async () => {
    const doc = {
      applicant: { name: "甲", creditCode: "91110117MA03MCN009", registeredInPinggu: true, liveCommerceBusiness: true },
      claims: [{ id: "S1", clauseId: "art4.1-session", factDate: "2025-04-01", input: { pingguGoodsSpecialSession: true, sessionTurnover: "1200000" } }],
    };
    // 2001 applicants, each with its own (valid) credit code: one applicant, one ledger.
    const codeOf = (i: number) => {
      const body = `91110117MA${String(i).padStart(7, "0")}`;
      return `${body}${usccCheckCharacter(body)}`;
    };
    writeFileSync(join(work, "batch.jsonl"), `${Array.from({ length: 2001 }, (_, i) => JSON.stringify({ ...doc, applicant: { ...doc.applicant, creditCode: codeOf(i) } })).join("\n")}\n`);
    const result = await pinggu(["evaluate", join(work, "batch.jsonl"), "--edition", EDITION, "--format", "csv", "--lang", "en"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      "pinggu: 1000 of 2001 applications evaluated",
      "pinggu: 2000 of 2001 applications evaluated",
      "pinggu: 2001 of 2001 applications evaluated",
    ]);
    expect(parseCsv(result.stdout)).toHaveLength(2002);
    const quiet = await pinggu(["evaluate", join(work, "batch.jsonl"), "--edition", EDITION, "--format", "csv", "--no-progress"]);
    expect(quiet.stderr).toBe("");
  });
});
