/**
 * `pinggu simulate` as a user runs it: the built dist/cli.js in a child process, on a small generated
 * population (200 applicants) — its totals equal the library's simulate() and evaluate() run
 * application by application; the what-if comparison; the budget envelope; the self-contained HTML
 * page and its charts; bad lines reported by line number without stopping the run; standard input;
 * usage errors. Plus the population script, and the progress line's text (with a fake clock).
 *
 * Never asserts timings (speed is `npm run bench`). Builds dist/ first if it is missing or stale.
 */
import { groupFigures } from "../../src/adapters/cli/report-html.js";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Big from "big.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Progress } from "../../src/adapters/cli/simulate-progress.js";
import { applicationProblemLines } from "../../src/adapters/cli/simulate-report.js";
import { bandLabel, niceTicks } from "../../src/adapters/cli/report-html.js";
import { deriveEdition, evaluate, generatePopulation, listClauseIds, PolicyValidationError, simulate, type SimulationResult } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUILT_CLI = join(ROOT, "dist", "cli.js");
const WHAT_IF_FILE = "fixtures/editions/what-if-art3.3-cap-300000.json";
const DRAFT = deriveEdition({ publishedOn: "2025-03-01" });
const WHAT_IF = deriveEdition({ ...(JSON.parse(readFileSync(join(ROOT, WHAT_IF_FILE), "utf8")) as object), publishedOn: "2025-03-01" });
const POPULATION = [...generatePopulation({ seed: 11, applicants: 200 })];
const JSONL = `${POPULATION.map((application) => JSON.stringify(application)).join("\n")}\n`;

let CLI = BUILT_CLI;
let work = "";
let popFile = "";

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

function run(command: string, args: readonly string[], input = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: "" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.end(input);
  });
}

const pinggu = (args: readonly string[], input = "") => run(process.execPath, [CLI, ...args], input);

interface JsonReport {
  file: string;
  lines: number;
  claims: number;
  invalidLines: number;
  invalidApplications: number;
  problems: { line: number; character?: number; message: string }[];
  editions: (Omit<SimulationResult["editions"][number], "invalid"> & { invalid: { index: number; line: number; message: string }[] })[];
}

const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Big(0)).toFixed(2);

beforeAll(() => {
  if (!cliIsFresh()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  work = mkdtempSync(join(tmpdir(), "pinggu-simulate-"));
  // A copy of the built command, so that a rebuild of dist/ elsewhere cannot pull it away mid-test.
  CLI = join(work, "cli.js");
  copyFileSync(BUILT_CLI, CLI);
  // The command imports the library beside it (dist/index.js), as in the package.
  copyFileSync(join(ROOT, "dist", "index.js"), join(work, "index.js"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "pinggu-simulate-test", private: true, type: "module" }));
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  popFile = join(work, "population.jsonl");
  writeFileSync(popFile, JSONL);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.concurrent("pinggu simulate: the totals", () => {
  it("equal the library's simulate() over the same population and editions, edition by edition", async () => {
    const result = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--edition", WHAT_IF_FILE, "--format", "json", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout) as JsonReport;
    const library = simulate(POPULATION, [DRAFT, WHAT_IF], { invalidDetails: 50 });
    expect(report.editions).toEqual(library.editions);
    expect(report.editions.map((e) => e.edition.id)).toEqual(["draft@published-2025-03-01", "what-if-art3.3-cap-300000"]);
    expect(report).toMatchObject({ lines: 200, claims: POPULATION.reduce((n, a) => n + a.claims.length, 0), invalidLines: 0, invalidApplications: 0 });
  });

  it("equal evaluate() run application by application: overall, per clause, per year, beneficiaries", async () => {
    const result = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--format", "json", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    const first = (JSON.parse(result.stdout) as JsonReport).editions[0]!;
    const decisions = POPULATION.map((application) => evaluate(application, DRAFT));
    const paid = decisions.flatMap((d) => d.claims.filter((c) => c.status === "awarded" || c.status === "reduced"));
    expect(first.totals.overall).toBe(sum(decisions.map((d) => d.totals.overall)));
    for (const clauseId of listClauseIds()) {
      expect(first.totals.byClause[clauseId] ?? "0.00", clauseId).toBe(sum(paid.filter((c) => c.clauseId === clauseId).map((c) => c.amount as string)));
    }
    for (const [year, total] of Object.entries(first.totals.byYear)) {
      expect(total, year).toBe(sum(paid.filter((c) => String(c.year) === year).map((c) => c.amount as string)));
    }
    expect(first.beneficiaries).toBe(decisions.filter((d) => new Big(d.totals.overall).gt(0)).length);
    expect(first.claims).toBe(decisions.reduce((n, d) => n + d.claims.length, 0));
  });

  it("compare a what-if with the baseline: the table shows both, and the difference only where the cap bites", async () => {
    const result = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--edition", WHAT_IF_FILE, "--lang", "en", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    const library = simulate(POPULATION, [DRAFT, WHAT_IF]).editions;
    const diff = library[1]!.differenceFromFirst!;
    expect(diff.byClause["art3.3"]).toMatch(/^-\d/);
    const grouped = (amount: string) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const art33 = result.stdout.split("\n").find((line) => line.trimStart().startsWith("art3.3 "));
    expect(art33).toBeDefined();
    expect(art33).toContain(grouped(library[0]!.totals.byClause["art3.3"]!));
    expect(art33).toContain(grouped(library[1]!.totals.byClause["art3.3"]!));
    expect(art33).toContain(grouped(diff.byClause["art3.3"]!));
    const art31 = result.stdout.split("\n").find((line) => line.trimStart().startsWith("art3.1 "));
    expect(art31?.trimEnd().endsWith(" 0.00")).toBe(true);
    expect(result.stdout).toContain("[1] draft@published-2025-03-01");
    expect(result.stdout).toContain("(baseline)");
    expect(result.stdout).toContain("[2]−[1]");
    expect(result.stdout).toContain(grouped(library[0]!.totals.overall));
  });

  it("without --published-on, the first --edition file is the baseline", async () => {
    const result = await pinggu(["simulate", popFile, "--edition", "fixtures/editions/published-2025-03-01.json", "--edition", WHAT_IF_FILE, "--format", "json", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.editions.map((e) => e.edition.id)).toEqual(["draft-published-2025-03-01", "what-if-art3.3-cap-300000"]);
    expect(report.editions[0]!.totals).toEqual(simulate(POPULATION, [DRAFT]).editions[0]!.totals);
  });

  it("apply a budget envelope: scaled pro rata to add up to it exactly, and say so", async () => {
    const result = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--edition", WHAT_IF_FILE, "--envelope", "1000000.01", "--format", "json", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    for (const edition of report.editions) {
      expect(edition.envelope).toMatchObject({ limit: "1000000.01", scaled: true, paid: "1000000.01" });
      expect(edition.totals.overall).toBe("1000000.01");
      expect(sum(Object.values(edition.totals.byClause))).toBe("1000000.01");
    }
    expect(report.editions).toEqual(simulate(POPULATION, [DRAFT, WHAT_IF], { budgetEnvelope: "1000000.01", invalidDetails: 50 }).editions);
    const terminal = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--envelope", "1000000.01", "--no-progress"]);
    expect(terminal.stdout).toContain("总额控制");
    expect(terminal.stdout).toContain("最大余额法");
    const roomy = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--envelope", "1000000000000", "--lang", "en", "--no-progress"]);
    expect(roomy.stdout).toContain("nothing was scaled");
  });

  it("streams standard input (-) to the same result, and writes Markdown", async () => {
    const result = await pinggu(["simulate", "-", "--published-on", "2025-03-01", "--format", "markdown", "--lang", "en", "--no-progress"], JSONL);
    expect(result.status, result.stderr).toBe(0);
    const total = simulate(POPULATION, [DRAFT]).editions[0]!.totals.overall;
    expect(result.stdout).toContain("# Pinggu live-commerce measures: budget impact");
    expect(result.stdout).toContain("| art3.1 |");
    expect(result.stdout).toContain(`| Total |  | ${total.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} |`);
  });
});

describe.concurrent("pinggu simulate: bad input", () => {
  it("reports lines that are not JSON and invalid applications by line, counts the rest, exits 1", async () => {
    const lines = POPULATION.slice(0, 6).map((application) => JSON.stringify(application));
    const text = [
      lines[0],
      lines[1],
      '{"applicant": oops}', // line 3: not JSON
      "", // line 4: blank (skipped, still counted as a line)
      lines[2],
      '{"applicant":{"name":"无信用代码"},"claims":[]}', // line 6: JSON, but not a valid application
      lines[3],
      "[1, 2", // line 8: not JSON
      lines[4],
      lines[5],
    ].join("\r\n");
    const file = join(work, "bad.jsonl");
    writeFileSync(file, `\uFEFF${text}\r\n`);
    const result = await pinggu(["simulate", file, "--published-on", "2025-03-01", "--format", "json", "--lang", "en", "--no-progress"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`pinggu: ${file}: line 3, column 15: expected valid JSON`);
    expect(result.stderr).toContain(`pinggu: ${file}: line 8, column 6: expected valid JSON`);
    expect(result.stderr).toMatch(new RegExp(`pinggu: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: line 6: applicant\\.creditCode: expected `));
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toMatchObject({ invalidLines: 2, invalidApplications: 1, lines: 9 });
    expect(report.problems.map((p) => p.line)).toEqual([3, 8]);
    expect(report.editions[0]!.invalid.map((entry) => entry.line)).toEqual([6]);
    // The six good applications still count, exactly as the library counts them.
    expect(report.editions[0]!.totals).toEqual(simulate(POPULATION.slice(0, 6), [DRAFT]).editions[0]!.totals);
    expect(report.editions[0]).toMatchObject({ applications: 7, invalidApplications: 1 });
  });

  it("usage mistakes exit 2 with the usage line; a missing file exits 1", async () => {
    const noDate = await pinggu(["simulate", popFile]);
    expect(noDate.status).toBe(2);
    expect(noDate.stderr).toContain("--published-on");
    expect(noDate.stderr).toContain("usage: pinggu simulate");
    expect((await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--envelope", "lots"])).status).toBe(2);
    expect((await pinggu(["simulate", popFile, popFile, "--published-on", "2025-03-01"])).status).toBe(2);
    expect((await pinggu(["simulate", "--published-on", "2025-03-01"])).status).toBe(2);
    expect((await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--html", join(work, "no", "such", "dir", "r.html")])).status).toBe(2);
    const missing = await pinggu(["simulate", join(work, "missing.jsonl"), "--published-on", "2025-03-01", "--lang", "en"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no such file");
    const help = await pinggu(["--help"]);
    expect(help.stdout).toContain("pinggu simulate");
    expect((await pinggu(["simulate", "--help"])).stdout).toContain("--envelope");
  });

  it("says how many were simulated on standard error (not a terminal: plain lines), and nothing with --no-progress", async () => {
    const shown = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--lang", "en"]);
    expect(shown.stderr).toMatch(/^pinggu: 200 applications \([\d,]+ claims\) simulated under 1 edition in [\d.]+ s \([\d,]+ claims\/s\)\n$/);
    expect(shown.stderr).not.toContain("\r");
  });
});

/** Elements that have no end tag in HTML. */
const VOID = new Set(["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]);

/** Every element closed in order (a small well-formedness check; there is no HTML parser among the dependencies). */
function unbalanced(html: string): string | null {
  const stack: string[] = [];
  const body = html.replace(/<!doctype[^>]*>/i, "").replace(/<style>[\s\S]*?<\/style>/g, "<style></style>");
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    const tag = (name as string).toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== tag) return `</${tag}> closes <${open ?? "nothing"}> at ${match.index}`;
    } else if (!selfClosing && !VOID.has(tag)) stack.push(tag);
  }
  return stack.length === 0 ? null : `unclosed: ${stack.join(" > ")}`;
}

describe("pinggu simulate --html", () => {
  let html = "";
  let htmlFile = "";

  beforeAll(async () => {
    htmlFile = join(work, "report.html");
    const result = await pinggu(["simulate", popFile, "--published-on", "2025-03-01", "--edition", WHAT_IF_FILE, "--envelope", "100000000", "--html", htmlFile, "--lang", "en", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`report written to ${htmlFile}`);
    html = readFileSync(htmlFile, "utf8");
  }, 60_000);

  it("is one self-contained page: no script, no external stylesheet, image or font, no address but the SVG namespace", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    const addresses = html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "").match(/https?:\/\//g);
    expect(addresses).toBeNull();
    expect(unbalanced(html)).toBeNull();
  });

  it("has the charts as inline SVG, with a bar per clause per edition, per award band per edition and per year", () => {
    const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(3);
    const bars = (svg: string) => (svg.match(/<rect [^>]*class="bar"/g) ?? []).length;
    const [byClause, distribution, byYear] = svgs as [string, string, string];
    expect(byClause).toContain("Cost per clause, by edition");
    expect(bars(byClause)).toBe(listClauseIds().length * 2);
    expect(distribution).toContain("Applicants by total award");
    expect(bars(distribution)).toBe(9 * 2);
    const years = Object.keys(simulate(POPULATION, [DRAFT]).editions[0]!.totals.byYear).length;
    expect(bars(byYear)).toBe(years * 2);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/class="axis-title"[^>]*>[^<]+</); // labelled axes
      expect(svg).toContain("[1] draft@published-2025-03-01"); // the legend
      expect(svg).toContain("[2] what-if-art3.3-cap-300000");
    }
    // Every bar of the clause chart carries its value, in the axis unit (million yuan here).
    expect(byClause).toContain("Cost (million yuan)");
    expect((byClause.match(/class="value"/g) ?? []).length).toBe(listClauseIds().length * 2);
  });

  it("has the tables, exact to the fen, and the envelope's note", () => {
    const result = simulate(POPULATION, [DRAFT, WHAT_IF], { budgetEnvelope: "100000000" }).editions;
    expect(html).toContain("100,000,000.00");
    expect(html).toContain(groupFigures(result[0]!.envelope!.note.en).replace(/&/g, "&amp;"));
    expect(html).toContain(result[0]!.totals.byClause["art3.1"]!.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  });

  it("says when it was generated and which editions it compares, has a CJK font stack, notes the envelope on every chart", () => {
    expect(html).toMatch(/Generated on: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+8/);
    expect(html).toContain("Editions compared: [1] ");
    expect(html).toMatch(/font:[^;]*"Noto Sans CJK SC"[^;]*"WenQuanYi Micro Hei"/);
    const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
    for (const svg of svgs) expect(svg).toContain("after the budget envelope");
  });

  it("formats every figure it shows (no 40427976118.68 among grouped figures)", () => {
    const text = html
      .replace(/<style>[\s\S]*?<\/style>/g, "")
      .replace(/<code>[\s\S]*?<\/code>/g, "")
      .replace(/<title>[^<]*<\/title>/g, "")
      .replace(/<[^>]+>/g, " ");
    // A figure: digits standing alone (not part of a name, a credit code, a date or a claim id).
    expect(text.match(/(?<![\p{L}\w.,\-:+])\d{5,}(\.\d+)?(?![\p{L}\w,\-])/gu)).toBeNull();
    expect(groupFigures("Awards of 40427976118.68 exceed 100000000 (2025-03-01, 2026)")).toBe("Awards of 40,427,976,118.68 exceed 100,000,000 (2025-03-01, 2026)");
  });

  const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) => existsSync(path));
  it.skipIf(!chromium)("renders in a browser (headless Chromium takes a screenshot)", () => {
    const png = join(work, "report.png");
    execFileSync(chromium as string, ["--headless", "--no-sandbox", "--disable-gpu", `--screenshot=${png}`, "--window-size=1200,1600", `file://${htmlFile}`], {
      stdio: "pipe",
      timeout: 60_000,
    });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(30_000); // a blank page is a few kilobytes
  }, 90_000);
});

describe("pieces of the report", () => {
  it("an invalid application's lines name each field once, before the library's sentence", () => {
    let error: PolicyValidationError | undefined;
    try {
      evaluate({ applicant: { name: "无信用代码" }, claims: [] }, DRAFT);
    } catch (thrown) {
      error = thrown as PolicyValidationError;
    }
    expect(error).toBeInstanceOf(PolicyValidationError);
    const issue = error!.issues.find((each) => each.path === "applicant.creditCode")!;
    expect(issue.message.startsWith("expected ")).toBe(true);
    const invalid = { index: 5, line: 6, message: error!.message, issues: [issue] };
    expect(applicationProblemLines(invalid, "en")).toEqual([`line 6: applicant.creditCode: ${issue.message}`]);
    expect(applicationProblemLines(invalid, "zh")).toEqual([`第6行：applicant.creditCode：${issue.messageZh}`]);
    // Without the issues, the error's own list is used, and it names the path too.
    expect(applicationProblemLines({ ...invalid, issues: undefined }, "en")).toContain(`line 6: applicant.creditCode: ${issue.message}`);
  });

  it("axis ticks are round numbers from 0 past the largest value", () => {
    expect(niceTicks(19.38)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(57, true)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3, true)).toEqual([0, 1, 2, 3]);
  });

  it("award bands are short under a column", () => {
    expect(bandLabel({ from: "0.00", to: "0.00" }, "en")).toBe("0");
    expect(bandLabel({ from: "50000.00", to: "100000.00" }, "en")).toBe("50k–100k");
    expect(bandLabel({ from: "2000000.00", to: null }, "en")).toBe("> 2M");
    expect(bandLabel({ from: "1000000.00", to: "2000000.00" }, "zh")).toBe("100万–200万");
  });

  it("the progress line on a terminal: a bar, the counts, the rate and the time left", async () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress({ write: async (text) => void written.push(text) }, { lang: "en", tty: true, totalBytes: 1000, editions: 2, now: () => now });
    now = 10_000;
    await progress.update({ applications: 2500, claims: 10_000, bytes: 250 });
    expect(written[0]).toBe(`\rpinggu simulate ▕██████░░░░░░░░░░░░░░░░░░▏  25%  2,500 applications · 10,000 claims · 1,000 claims/s · ETA 0:30\u001b[K`);
    await progress.update({ applications: 2501, claims: 10_001, bytes: 251 }); // too soon: not redrawn
    expect(written.length).toBe(1);
    await progress.clear();
    expect(written[1]).toBe("\r\u001b[K");
    now = 40_000;
    await progress.finish({ applications: 10_000, claims: 40_000, bytes: 1000 });
    expect(written[2]).toBe("pinggu: 10,000 applications (40,000 claims) simulated under 2 editions in 40.0 s (1,000 claims/s)\n");
  });

  it("the progress line in a log: plain, every ten seconds", async () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress({ write: async (text) => void written.push(text) }, { lang: "zh", tty: false, totalBytes: null, editions: 1, now: () => now });
    now = 5_000;
    await progress.update({ applications: 1, claims: 1, bytes: 1 });
    expect(written).toEqual([]);
    now = 10_000;
    await progress.update({ applications: 20_000, claims: 70_000, bytes: 1 });
    expect(written).toEqual(["pinggu: 20,000 个申请，70,000 项，每秒 7,000 项\n"]);
  });
});

describe("npm run population (scripts/gen-population.ts)", () => {
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");

  it("writes the population generatePopulation yields, one application per line", async () => {
    const result = await run(tsx, ["scripts/gen-population.ts", "--seed", "11", "--applicants", "40"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${POPULATION.slice(0, 40).map((application) => JSON.stringify(application)).join("\n")}\n`);
    expect(result.stderr).toContain("40 applicants");
  }, 60_000);

  it("--claims N stops at exactly N claims; --out writes a file", async () => {
    const out = join(work, "claims.jsonl");
    const result = await run(tsx, ["scripts/gen-population.ts", "--seed", "3", "--claims", "101", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines.reduce((n, line) => n + (JSON.parse(line) as { claims: unknown[] }).claims.length, 0)).toBe(101);
    expect((await run(tsx, ["scripts/gen-population.ts", "--applicants", "x"])).status).toBe(2);
  }, 60_000);
});
