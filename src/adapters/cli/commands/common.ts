/** What evaluate and explain share: the options that read applications, and reading them. */
import { evaluate, type Edition, type Language, PolicyValidationError } from "../../../index.js";
import { type OptionSpecs, type ParsedArgs, UsageError } from "../args.js";
import type { Io } from "../io.js";
import type { Outcome } from "../outcome.js";
import { fromIssue, type Problem } from "../problems.js";
import { ENCODINGS, type Encoding, expandPaths, INPUT_FORMATS, type InputFormat, readFileBytes, readFileUnits, readUnits, type Unit } from "../readers.js";
import { isWorkbookFile, workbookUnits } from "../xlsx.js";

export const INPUT_SPECS: OptionSpecs = {
  edition: { type: "string", valueName: "FILE" },
  "published-on": { type: "string", valueName: "YYYY-MM-DD" },
  "input-format": { type: "string", values: INPUT_FORMATS },
  encoding: { type: "string", values: ENCODINGS },
  lang: { type: "string", values: ["zh", "en"] },
  sheet: { type: "string", valueName: "NAME" },
};

export function languageOf(args: ParsedArgs): Language {
  return (args.strings.lang as Language | undefined) ?? "zh";
}

/**
 * The units of every input named, in order, read lazily file by file. Standard input is read once.
 * A pattern that matches nothing is an invalid unit (exit 1), like a file that does not exist.
 */
export async function readAllUnits(files: readonly string[], args: ParsedArgs, io: Io, command: string): Promise<Unit[]> {
  if (files.length === 0) throw new UsageError("name at least one FILE to read, or - for standard input", command);
  if (files.filter((file) => file === "-").length > 1) throw new UsageError("- (standard input) can be read only once", command);
  const options = {
    encoding: (args.strings.encoding as Encoding | undefined) ?? "utf8",
    ...(args.strings["input-format"] ? { format: args.strings["input-format"] as InputFormat } : {}),
  };
  const { paths, missing } = expandPaths(files);
  const units: Unit[] = missing.map((pattern) => ({
    kind: "invalid",
    origin: { file: pattern },
    fileProblem: true,
    problems: [{ code: "unreadable", expected: "a file matching the pattern (none does)", expectedZh: "与模式匹配的文件（没有匹配的文件）" }],
  }));
  const sheet = args.strings.sheet;
  if (sheet !== undefined && !paths.some((path) => isWorkbookFile(path, options.format))) {
    throw new UsageError("--sheet applies to workbooks (.xlsx, or --input-format xlsx) only", command);
  }
  for (const path of paths) {
    // One by one: spreading a file of some 120,000 applications into push() overflows the call stack.
    let read: Unit[];
    if (isWorkbookFile(path, options.format)) {
      const bytes = path === "-" ? await io.readStdin() : readFileBytes(path);
      read = bytes instanceof Uint8Array ? await workbookUnits(path, bytes, sheet) : [bytes];
    } else read = path === "-" ? readUnits("-", await io.readStdin(), options) : readFileUnits(path, options);
    for (const unit of read) units.push(unit);
  }
  return units;
}

/** Evaluate one unit: a decision, or every problem with its place in the input. */
export function decide(unit: Unit, edition: Edition): Outcome {
  if (unit.kind === "invalid") return { kind: "invalid", origin: unit.origin, problems: unit.problems, ...(unit.fileProblem ? { fileProblem: true } : {}) };
  let libraryProblems: Problem[] = [];
  try {
    const decision = evaluate(unit.document, edition);
    if (unit.problems.length === 0) return { kind: "decision", origin: unit.origin, decision };
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) {
      // A defect of the library, not of the input: report it for this application and go on.
      const message = error instanceof Error ? error.message : String(error);
      libraryProblems = [
        {
          code: "internal",
          expected: `an application the library can evaluate; it failed with: ${message} (a defect: please report it with this input)`,
          expectedZh: `程序可以核定的申请；核定时出错：${message}（程序缺陷，请连同此输入一并报告）`,
        },
      ];
    } else {
      libraryProblems = error.issues.map((issue) => fromIssue(issue, unit.locate));
    }
  }
  return { kind: "invalid", origin: unit.origin, problems: [...unit.problems, ...libraryProblems] };
}
