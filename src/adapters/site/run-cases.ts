/**
 * Run case files: read each (case-files.ts), decide each case with the library (cases.ts). Shared by
 * `pinggu test` and the site builder, which lists each clause's cases and their results.
 */
import type { Language } from "../../index.js";
import { type CaseFile, type CaseOutcome, type FormatProblem, runCase, type TestCase } from "./cases.js";
import { fileLoader, listCaseFiles, readCaseFileAt } from "./case-files.js";

export interface FileRun {
  readonly path: string;
  readonly lang: Language | undefined;
  /** Problems with the file itself (syntax, format); then no case was run. */
  readonly problems: readonly FormatProblem[];
  readonly cases: readonly TestCase[];
  readonly outcomes: readonly CaseOutcome[];
}

export async function runCaseFile(path: string): Promise<FileRun> {
  const read = await readCaseFileAt(path);
  if ("problems" in read) return { path, lang: undefined, problems: read.problems, cases: [], outcomes: [] };
  const file: CaseFile = read.file;
  const loader = fileLoader(path);
  const outcomes = file.cases.map((testCase, index) => runCase(testCase, index, file, loader));
  return { path, lang: file.lang, problems: [], cases: file.cases, outcomes };
}

/** Every case file under `paths`, in order. */
export async function runCasePaths(paths: readonly string[]): Promise<FileRun[]> {
  const runs: FileRun[] = [];
  for (const path of listCaseFiles(paths)) runs.push(await runCaseFile(path));
  return runs;
}

export function failedCount(runs: readonly FileRun[]): number {
  return runs.reduce((sum, run) => sum + (run.problems.length > 0 ? 1 : 0) + run.outcomes.filter((outcome) => !outcome.passed).length, 0);
}
