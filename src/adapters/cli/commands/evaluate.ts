/** `pinggu evaluate FILE…`: decide every application, write the decisions in the chosen format. */
import { parseArgs, UsageError } from "../args.js";
import { resolveEdition } from "../edition.js";
import type { Io } from "../io.js";
import { ANSI_COLOURS, NO_COLOURS } from "../labels.js";
import { problemLines, Summary, type Writer } from "../outcome.js";
import { csvWriter } from "../writers/csv.js";
import { jsonWriter } from "../writers/json.js";
import { markdownWriter } from "../writers/markdown.js";
import { terminalWriter } from "../writers/terminal.js";
import { oneLedger } from "../ledger.js";
import { workbookWriter } from "../xlsx.js";
import { decide, INPUT_SPECS, languageOf, readAllUnits } from "./common.js";

export const FORMATS = ["json", "csv", "markdown", "terminal", "xlsx"] as const;

/** Above this many applications, a progress line on standard error (every PROGRESS_EVERY). */
export const PROGRESS_ABOVE = 2000;
export const PROGRESS_EVERY = 1000;

export async function evaluateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    {
      ...INPUT_SPECS,
      format: { type: "string", values: FORMATS },
      out: { type: "string", valueName: "FILE" },
      bom: { type: "boolean" },
      "no-bom": { type: "boolean" },
      "merge-same-applicant": { type: "boolean" },
      "no-color": { type: "boolean" },
      "no-progress": { type: "boolean" },
    },
    "evaluate",
  );
  const lang = languageOf(args);
  // A person at a terminal gets the human format; a pipe or a file gets JSON.
  const format = (args.strings.format as (typeof FORMATS)[number] | undefined) ?? (io.stdoutIsTTY ? "terminal" : "json");
  if ((args.flags.has("bom") || args.flags.has("no-bom")) && format !== "csv") throw new UsageError(`--${args.flags.has("bom") ? "bom" : "no-bom"} applies to --format csv only`, "evaluate");
  if (args.flags.has("bom") && args.flags.has("no-bom")) throw new UsageError("--bom and --no-bom cannot both be given", "evaluate");
  const out = args.strings.out;
  if (format === "xlsx" && out === undefined) throw new UsageError("--format xlsx writes a file: give it with --out FILE.xlsx", "evaluate");
  if (out !== undefined && format !== "xlsx") throw new UsageError("--out applies to --format xlsx only (other formats go to standard output)", "evaluate");
  const edition = resolveEdition(args.strings.edition, args.strings["published-on"], "evaluate", lang);
  const units = oneLedger(await readAllUnits(args.positionals, args, io, "evaluate"), args.flags.has("merge-same-applicant"), lang);

  const colours = format === "terminal" && io.stdoutIsTTY && !io.env.NO_COLOR && !args.flags.has("no-color") ? ANSI_COLOURS : NO_COLOURS;
  const writer: Writer =
    format === "csv"
      ? // A byte order mark by default: Excel and WPS need it to read UTF-8 Chinese text in a CSV file.
        csvWriter(io.stdout, { lang, bom: !args.flags.has("no-bom") })
      : format === "xlsx" && out !== undefined
        ? workbookWriter(out, lang)
        : format === "markdown"
          ? markdownWriter(io.stdout, { lang, edition })
          : format === "terminal"
            ? terminalWriter(io.stdout, { lang, edition, colours })
            : jsonWriter(io.stdout, { lang });

  const summary = new Summary();
  const total = units.length;
  const progress = total > PROGRESS_ABOVE && !args.flags.has("no-progress");
  const showProgress = async (done: number) => {
    const text = lang === "zh" ? `pinggu：已核定 ${done} / ${total} 个申请` : `pinggu: ${done} of ${total} applications evaluated`;
    if (io.stderrIsTTY) await io.stderr.write(`\r${text}${done === total ? "\n" : ""}`);
    else await io.stderr.write(`${text}\n`);
  };

  await writer.start();
  for (let i = 0; i < units.length; i += 1) {
    const outcome = decide(units[i] as (typeof units)[number], edition);
    summary.add(outcome);
    if (outcome.kind === "invalid") {
      if (progress && io.stderrIsTTY) await io.stderr.write("\r\u001b[K");
      await io.stderr.write(problemLines(outcome.origin, outcome.problems, lang).map((line) => `pinggu: ${line}\n`).join(""));
    }
    await writer.add(outcome);
    if (progress && ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total)) await showProgress(i + 1);
  }
  await writer.finish(summary);
  return summary.invalid > 0 || summary.fileProblems > 0 ? 1 : 0;
}
