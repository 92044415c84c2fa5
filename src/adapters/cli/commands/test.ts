/**
 * `pinggu test FILE|DIR…`: run policy officers' test cases (docs/test-cases.md) and print, per failing
 * case, what was expected and what came out, in the officer's language, with the clause text beside it.
 * Exit code 1 when any case fails or a file is not in the format.
 */
import type { Language } from "../../../index.js";
import { formatFailure, formatFileSummary, formatFormatProblems } from "../../site/cases.js";
import { MissingYamlError } from "../../site/case-files.js";
import { failedCount, runCasePaths } from "../../site/run-cases.js";
import { parseArgs, UsageError } from "../args.js";
import type { Io } from "../io.js";

export async function testCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { lang: { type: "string", values: ["zh", "en"], valueName: "L" } }, "test");
  if (args.positionals.length === 0) throw new UsageError("give the case files or directories to run, e.g. pinggu test cases/", "test");
  const given = args.strings.lang as Language | undefined;
  let runs;
  try {
    runs = await runCasePaths(args.positionals);
  } catch (error) {
    if (error instanceof MissingYamlError) {
      await io.stderr.write(`pinggu: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`no such file or directory: ${(error as NodeJS.ErrnoException).path ?? args.positionals.join(" ")}`, "test");
    throw error;
  }
  if (runs.length === 0) throw new UsageError(`no case files (.yaml, .yml, .json, .csv) in ${args.positionals.join(", ")}`, "test");
  const lang: Language = given ?? runs.find((run) => run.lang !== undefined)?.lang ?? "zh";
  const lines: string[] = [];
  let total = 0;
  for (const run of runs) {
    const runLang = given ?? run.lang ?? lang;
    if (run.problems.length > 0) {
      lines.push(formatFormatProblems(run.path, run.problems, runLang));
      continue;
    }
    total += run.outcomes.length;
    lines.push(formatFileSummary(run.path, run.outcomes, runLang));
    for (const outcome of run.outcomes) if (!outcome.passed) lines.push(formatFailure(run.path, outcome, runLang));
  }
  const failed = failedCount(runs);
  lines.push(
    lang === "zh"
      ? failed === 0
        ? `全部通过：${runs.length} 个文件，${total} 个用例。`
        : `未通过：${failed} 项（${runs.length} 个文件，${total} 个用例）。`
      : failed === 0
        ? `All passed: ${total} cases in ${runs.length} files.`
        : `FAILED: ${failed} (${total} cases in ${runs.length} files).`,
  );
  await io.stdout.write(`${lines.join("\n")}\n`);
  return failed === 0 ? 0 : 1;
}
