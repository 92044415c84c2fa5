/**
 * The long fuzzing run (`npm run fuzz`): the properties of test/fuzz/model.ts run by fast-check directly
 * in Node (not under vitest), 1,000,000 cases in all, with a fixed seed, printing the counts of every
 * outcome. Exit status 0 when every invariant held, 1 with the shrunk counterexample otherwise.
 *
 *   npm run fuzz                          # 1,000,000 cases, seed 20250301
 *   FUZZ_SCALE=0.01 npm run fuzz          # 10,000 cases (a quick check of the script itself)
 *   FUZZ_SEED=7 npm run fuzz              # another seed
 *   FUZZ_ONLY=near-valid-applications npm run fuzz
 *
 * It takes a while (see docs/quality.md for the duration on this machine): run it in the background,
 *   nohup npm run fuzz > fuzz.log 2>&1 &
 */
import fc from "fast-check";
import {
  type ApplicationCase,
  type ClauseCase,
  fieldJsonClauseCase,
  jsonApplicationCase,
  jsonClauseCase,
  nearValidApplicationCase,
  nearValidClauseCase,
  type Outcome,
  runApplicationCase,
  runClauseCase,
} from "../test/fuzz/model.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20250301);
const SCALE = Number(process.env["FUZZ_SCALE"] ?? 1);
const ONLY = process.env["FUZZ_ONLY"];

interface Target {
  readonly name: string;
  readonly what: string;
  readonly runs: number;
  readonly property: (counts: Map<Outcome, number>, tick: () => void) => fc.IPropertyWithHooks<[unknown]>;
}

function clauseTarget(name: string, what: string, runs: number, arb: fc.Arbitrary<ClauseCase>): Target {
  return {
    name,
    what,
    runs,
    property: (counts, tick) =>
      fc.property(arb as fc.Arbitrary<unknown>, (c) => {
        const outcome = runClauseCase(c as ClauseCase);
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
        tick();
      }),
  };
}

function applicationTarget(name: string, what: string, runs: number, arb: fc.Arbitrary<ApplicationCase>): Target {
  return {
    name,
    what,
    runs,
    property: (counts, tick) =>
      fc.property(arb as fc.Arbitrary<unknown>, (c) => {
        const outcome = runApplicationCase(c as ApplicationCase);
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
        tick();
      }),
  };
}

const TARGETS: readonly Target[] = [
  clauseTarget("near-valid-clauses", "evaluateClause, fixtures/clauses samples with fields perturbed", 400_000, nearValidClauseCase),
  clauseTarget("json-clauses", "evaluateClause, any JSON / JavaScript value, any or a bad clause id", 150_000, jsonClauseCase),
  clauseTarget("field-json-clauses", "evaluateClause, the clause's own field names holding any JSON", 150_000, fieldJsonClauseCase),
  applicationTarget("near-valid-applications", "evaluate, fixtures/applications with fields perturbed", 200_000, nearValidApplicationCase),
  applicationTarget("json-applications", "evaluate, any JSON / JavaScript value, arbitrary claims", 100_000, jsonApplicationCase),
];

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const started = Date.now();
let total = 0;
let failed = false;
console.log(`pinggu-live-commerce fuzz: seed ${SEED}, scale ${SCALE}, node ${process.version}, ${new Date().toISOString()}`);
TARGETS.forEach((target, index) => {
  if (ONLY !== undefined && !ONLY.split(",").includes(target.name)) return;
  const runs = Math.max(1, Math.round(target.runs * SCALE));
  // Each target has its own seed (the base seed plus its place in the list), whatever FUZZ_ONLY says.
  const seed = SEED + index;
  const counts = new Map<Outcome, number>();
  const t0 = Date.now();
  let done = 0;
  const step = Math.max(1, Math.floor(runs / 10));
  const tick = () => {
    done += 1;
    if (done % step === 0) process.stderr.write(`  ${target.name}: ${done}/${runs} (${seconds(Date.now() - t0)})\n`);
  };
  const details = fc.check(target.property(counts, tick), { numRuns: runs, seed });
  const ms = Date.now() - t0;
  total += details.numRuns;
  const shown = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(", ");
  console.log(`${target.name} (${target.what}): ${details.numRuns} cases, seed ${seed}, ${seconds(ms)}: ${details.failed ? "FAILED" : "ok"}`);
  console.log(`  outcomes: ${shown}`);
  if (details.failed) {
    failed = true;
    console.log(fc.defaultReportMessage(details));
  }
});
console.log(`total: ${total} cases in ${seconds(Date.now() - started)}; ${failed ? "FAILED" : "every invariant held"}`);
process.exit(failed ? 1 : 0);
