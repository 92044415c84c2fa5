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
import { decide, INPUT_SPECS, languageOf, readAllUnits } from "./common.js";

export const FORMATS = ["json", "csv", "markdown", "terminal"] as const;

/** Above this many applications, a progress line on standard error (every PROGRESS_EVERY). */
export const PROGRESS_ABOVE = 2000;
export const PROGRESS_EVERY = 1000;

export async function evaluateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    {
      ...INPUT_SPECS,
      format: { type: "string", values: FORMATS },
      bom: { type: "boolean" },
      "no-color": { type: "boolean" },
      "no-progress": { type: "boolean" },
    },
    "evaluate",
  );
  const lang = languageOf(args);
  const format = (args.strings.format as (typeof FORMATS)[number] | undefined) ?? "json";
  if (args.flags.has("bom") && format !== "csv") throw new UsageError("--bom applies to --format csv only", "evaluate");
  const edition = resolveEdition(args.strings.edition, args.strings["published-on"], "evaluate", lang);
  const units = await readAllUnits(args.positionals, args, io, "evaluate");

  const colours = format === "terminal" && io.stdoutIsTTY && !io.env.NO_COLOR && !args.flags.has("no-color") ? ANSI_COLOURS : NO_COLOURS;
  const writer: Writer =
    format === "csv"
      ? csvWriter(io.stdout, { lang, bom: args.flags.has("bom") })
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
  return summary.invalid > 0 ? 1 : 0;
}
