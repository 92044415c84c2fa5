/**
 * `pinggu simulate POPULATION.jsonl`: the budget impact of the measures over a population of
 * applications, under the draft and any number of what-ifs, as a comparison table (and an HTML page).
 *
 * The file is streamed: lines are read, parsed and fed to the library's `Simulation` one application
 * at a time, so the input never sits in memory whole. A line that is not JSON, or an application the
 * library rejects, is reported by its line and left out of the totals; the rest still count (exit 1).
 */
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { createReadStream } from "node:fs";
import { type Edition, type Language, PolicyValidationError, Simulation, type SimulationOptions, type SimulationResult, type ValidationIssue } from "../../../index.js";
import { parseArgs, UsageError } from "../args.js";
import { InputError, resolveEdition } from "../edition.js";
import type { Io } from "../io.js";
import { ANSI_COLOURS, NO_COLOURS } from "../labels.js";
import { describeProblem, type Problem } from "../problems.js";
import { htmlReport } from "../report-html.js";
import { jsonLines, lineSyntaxProblem } from "../simulate-lines.js";
import { Progress } from "../simulate-progress.js";
import { applicationProblemLines, groupCount, type InvalidApplication, jsonReport, markdownReport, type SimulationRun, terminalReport } from "../simulate-report.js";
import { languageOf } from "./common.js";

export const SIMULATE_FORMATS = ["terminal", "json", "markdown"] as const;

/** Invalid lines and invalid applications described in full (all are counted). */
export const SHOWN_PROBLEMS = 50;

/**
 * The editions compared, in order; the first is the baseline every other is compared with:
 * the draft published on --published-on (when given), then each --edition file (its publication date
 * overridden by --published-on, as in `pinggu evaluate`). With neither, a usage error.
 */
export function simulationEditions(files: readonly string[], publishedOn: string | undefined, lang: Language): Edition[] {
  const editions: Edition[] = [];
  if (publishedOn !== undefined || files.length === 0) editions.push(resolveEdition(undefined, publishedOn, "simulate", lang));
  for (const file of files) editions.push(resolveEdition(file, publishedOn, "simulate", lang));
  return editions;
}

/** The time now in Beijing (UTC+8 all year), for the report's generation date: "2026-12-03 16:05 UTC+8". */
function beijingNow(): string {
  const at = new Date(Date.now() + 8 * 3_600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC+8`;
}

/** Open the --html file before the run, so that a path that cannot be written fails in a second, not after an hour. */
function openOutput(path: string): number {
  try {
    return openSync(path, "w");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such directory" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "a directory" : String(code ?? error);
    throw new UsageError(`--html ${path}: cannot write it (${why})`, "simulate");
  }
}

/** Line of the n-th application fed to the simulation (0-based), from the places where lines were skipped. */
class LineMap {
  private readonly indexes: number[] = [0];
  private readonly lines: number[] = [1];
  private previous = 0;

  /** The next application fed comes from `line`. */
  next(index: number, line: number): void {
    if (line !== this.previous + 1 && index > 0) {
      this.indexes.push(index);
      this.lines.push(line);
    } else if (index === 0) {
      this.lines[0] = line;
    }
    this.previous = line;
  }

  lineOf(index: number): number {
    let lo = 0;
    let hi = this.indexes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.indexes[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return (this.lines[lo] as number) + index - (this.indexes[lo] as number);
  }
}

/** Applications the library rejected, in input order, from every edition (validation does not depend on it). */
function rejected(result: SimulationResult, lines: LineMap): { count: number; shown: InvalidApplication[] } {
  const byIndex = new Map<number, { message: string; issues: readonly ValidationIssue[] }>();
  for (const edition of result.editions) for (const entry of edition.invalid) if (!byIndex.has(entry.index)) byIndex.set(entry.index, entry);
  const count = Math.max(0, ...result.editions.map((edition) => edition.invalidApplications));
  const shown = [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, SHOWN_PROBLEMS)
    .map(([index, entry]) => ({ index, line: lines.lineOf(index), message: entry.message, issues: entry.issues }));
  return { count, shown };
}

export async function simulateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    {
      edition: { type: "string", valueName: "FILE", repeatable: true },
      "published-on": { type: "string", valueName: "YYYY-MM-DD" },
      envelope: { type: "string", valueName: "YUAN" },
      html: { type: "string", valueName: "FILE" },
      format: { type: "string", values: SIMULATE_FORMATS },
      lang: { type: "string", values: ["zh", "en"] },
      "no-color": { type: "boolean" },
      "no-progress": { type: "boolean" },
      "merge-same-applicant": { type: "boolean" },
    },
    "simulate",
  );
  const lang = languageOf(args);
  const format = (args.strings.format as (typeof SIMULATE_FORMATS)[number] | undefined) ?? "terminal";
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? "name the population: one JSON Lines file (one application per line), or - for standard input"
        : `one population file at a time (join several with cat); got ${args.positionals.join(" ")}`,
      "simulate",
    );
  }
  const file = args.positionals[0] as string;
  if (/\.csv$/i.test(file)) throw new UsageError(`${file}: simulate reads JSON Lines (one application per line), not CSV`, "simulate");

  const editions = simulationEditions(args.lists.edition ?? [], args.strings["published-on"], lang);
  const envelope = args.strings.envelope;
  let simulation: Simulation;
  try {
    // One applicant, one ledger: two applications with one credit code are refused unless merged
    // (the library's option; docs/cli.md, "One applicant, one ledger").
    const options: SimulationOptions = {
      ...(envelope !== undefined ? { budgetEnvelope: envelope } : {}),
      invalidDetails: SHOWN_PROBLEMS,
      mergeSameApplicant: args.flags.has("merge-same-applicant"),
    };
    simulation = new Simulation(editions, options);
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    const issue = error.issues[0];
    throw new UsageError(`--envelope: expected ${issue?.expected ?? "an amount in yuan"}; got ${JSON.stringify(envelope)}${issue?.hint ? ` (${issue.hint})` : ""}`, "simulate");
  }

  let stream: AsyncIterable<Uint8Array | string> & { bytesRead?: number };
  let totalBytes: number | null = null;
  if (file === "-") {
    // Standard input is streamed as well (the Io interface only offers it whole).
    stream = process.stdin;
  } else {
    let size: number;
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) throw Object.assign(new Error("a directory"), { code: "EISDIR" });
      size = stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory" : code === "EACCES" ? "permission denied" : String(code ?? error);
      const whyZh = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录" : code === "EACCES" ? "没有读取权限" : why;
      throw new InputError(file, [{ code: "unreadable", expected: `a readable file (${why})`, expectedZh: `可读取的文件（${whyZh}）` }], lang);
    }
    totalBytes = size;
    stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  }
  const htmlFd = args.strings.html !== undefined ? openOutput(args.strings.html) : null;

  const progress = args.flags.has("no-progress") ? null : new Progress(io.stderr, { lang, tty: io.stderrIsTTY, totalBytes, editions: editions.length });
  const lines = new LineMap();
  const lineProblems: Problem[] = [];
  let invalidLines = 0;
  let nonBlank = 0;
  let claims = 0;
  let index = 0;
  const where = (problem: Problem) => `pinggu: ${file}: ${describeProblem(problem, lang)}\n`;

  for await (const batch of jsonLines(stream)) {
    let errors = "";
    for (const line of batch) {
      nonBlank += 1;
      let document: unknown;
      try {
        document = JSON.parse(line.text);
      } catch (error) {
        invalidLines += 1;
        if (lineProblems.length < SHOWN_PROBLEMS) {
          const problem = lineSyntaxProblem(line, error);
          lineProblems.push(problem);
          errors += where(problem);
        }
        continue;
      }
      lines.next(index, line.line);
      const listed = (document as { claims?: unknown } | null)?.claims;
      if (Array.isArray(listed)) claims += listed.length;
      simulation.add(document);
      index += 1;
    }
    if (errors !== "") {
      await progress?.clear();
      await io.stderr.write(errors);
    }
    await progress?.update({ applications: index, claims, bytes: stream.bytesRead ?? 0 });
  }
  if (invalidLines > lineProblems.length) {
    await progress?.clear();
    await io.stderr.write(
      lang === "zh"
        ? `pinggu: ${file}：另有 ${groupCount(invalidLines - lineProblems.length)} 行不是合法 JSON（未列出）\n`
        : `pinggu: ${file}: ${groupCount(invalidLines - lineProblems.length)} more lines that are not JSON (not shown)\n`,
    );
  }
  await progress?.finish({ applications: index, claims, bytes: totalBytes ?? 0 });

  const result = simulation.result();
  const invalid = rejected(result, lines);
  if (invalid.shown.length > 0) {
    await io.stderr.write(
      invalid.shown.flatMap((entry) => applicationProblemLines(entry, lang)).map((text) => `pinggu: ${file}: ${text}\n`).join(""),
    );
    if (invalid.count > invalid.shown.length) {
      await io.stderr.write(
        lang === "zh"
          ? `pinggu: ${file}：另有 ${groupCount(invalid.count - invalid.shown.length)} 个无效申请（未列出）\n`
          : `pinggu: ${file}: ${groupCount(invalid.count - invalid.shown.length)} more invalid applications (not shown)\n`,
      );
    }
  }

  const run: SimulationRun = {
    file,
    result,
    lines: nonBlank,
    claims,
    invalidLines,
    lineProblems,
    invalidApplications: invalid.count,
    applicationProblems: invalid.shown,
    lineOf: (i) => lines.lineOf(i),
    ...(envelope !== undefined ? { envelope } : {}),
  };
  if (htmlFd !== null) {
    try {
      writeSync(htmlFd, htmlReport(run, lang, beijingNow()));
    } finally {
      closeSync(htmlFd);
    }
    await io.stderr.write(lang === "zh" ? `pinggu：报告已写入 ${args.strings.html}\n` : `pinggu: report written to ${args.strings.html}\n`);
  }
  const colours = format === "terminal" && io.stdoutIsTTY && !io.env.NO_COLOR && !args.flags.has("no-color") ? ANSI_COLOURS : NO_COLOURS;
  await io.stdout.write(format === "json" ? jsonReport(run, lang) : format === "markdown" ? markdownReport(run, lang) : terminalReport(run, lang, colours));
  return invalidLines > 0 || invalid.count > 0 ? 1 : 0;
}
