/**
 * The test suite as Stryker runs it (`npm run mutation`; see stryker.config.json and docs/quality.md,
 * section "Mutation testing"). Plain `vitest run` and `npm test` do not use this file.
 *
 * - Every example-based test of the library's own code. Not the tests of built or spawned artefacts
 *   (dist/ and the package as installed, the CLI as a child process, the spreadsheet and browser
 *   bundles): Stryker mutates src/ in its sandbox and never rebuilds dist/, so they cannot see a mutant.
 *   Not the slow randomised suites either (fast-check properties, fuzzing, hostile input: about 25 s of
 *   every surviving mutant's run, two thirds of it); a mutant only they would kill counts as survived,
 *   so the score is a lower bound, and test/mutation/ holds example tests for what they alone caught.
 * - In child processes, not worker threads. Stryker's vitest runner asks for `pool: "threads"`, but in a
 *   worker thread setting process.env.TZ does not change the zone, and the time-zone tests of
 *   test/kernel/dates.test.ts check that it really does. The plugin below puts each project back on
 *   forks, as plain `vitest run` uses.
 * - Fast, broad tests first. Most mutants are "static" (module-level text and figures: the verbatim
 *   clauses, the edition, the schemas), and a static mutant runs every related test file until one fails
 *   (Stryker bails on the first failure). Files that compare whole outputs with committed documents
 *   (citations, docs/clauses.md, schema/, golden decisions) kill most of them in milliseconds; the
 *   population tests, which take seconds, run last.
 * - In one child process per run (isolate: false): Stryker starts a run per mutant, vitest starts a fresh
 *   process for each run, and the test files of that run share it. Starting a process and loading the
 *   instrumented sources once per run instead of once per file halves the time; a static mutant is
 *   still active from the first import of the run.
 */
import { relative } from "node:path";
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import base from "./vitest.config.js";

const FIRST = [
  "test/citations.test.ts",
  "test/docs.test.ts",
  "test/schemas.test.ts",
  "test/fixtures.test.ts",
  "test/mutation/",
  "test/measures/",
  "test/kernel/",
  "test/evaluate.test.ts",
];
const LAST = ["test/simulate.test.ts"];

function rank(file: string): number {
  const path = relative(process.cwd(), file).split("\\").join("/");
  const first = FIRST.findIndex((prefix) => path.startsWith(prefix));
  if (first >= 0) return first;
  const last = LAST.findIndex((prefix) => path.startsWith(prefix));
  return last >= 0 ? FIRST.length + 1 + last : FIRST.length;
}

class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default mergeConfig(
  base,
  defineConfig({
    plugins: [
      {
        name: "pinggu-mutation-forks",
        configureVitest({ project }) {
          project.config.pool = "forks";
        },
      },
    ],
    test: {
      exclude: [
        ...configDefaults.exclude,
        "test/package.test.ts",
        "test/adapters/**",
        "test/cross-runtime/**",
        "test/properties.test.ts",
        "test/evaluate.properties.test.ts",
        "test/fuzz/**",
        "test/hostile.test.ts",
        // vi.mock has no effect without isolation; test/mutation/kill-evaluate-caps.test.ts covers the
        // same code (two and three caps across claims) without it.
        "test/evaluate-two-caps.test.ts",
      ],
      sequence: { sequencer: FastFirstSequencer },
      isolate: false,
    },
  }),
);
