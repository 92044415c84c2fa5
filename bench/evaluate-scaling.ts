/**
 * evaluate() on applications of 10 claims with grant history, and one applicant with 10 … 100,000
 * claims, decided only (`{ explain: false }`) and explained (the default): the time per claim must stay
 * flat, since the ledger is O(n log n). Prints figures only.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { evaluate } from "../src/evaluate.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { seededRandom } from "../src/population.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CODE = "91110117MA01BNCH0" + (usccCheckCharacter("91110117MA01BNCH0") as string);

function claims(count: number, seed: number): unknown[] {
  const rng = seededRandom(seed);
  const result: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(rng() * 700);
    const date = new Date(Date.UTC(2025, 2, day)).toISOString().slice(0, 10);
    switch (i % 4) {
      case 0:
        result.push({ id: `c${i}`, clauseId: "art4.1-session", factDate: date, input: { pingguGoodsSpecialSession: true, sessionTurnover: String(900_000 + Math.floor(rng() * 5_000_000)) } });
        break;
      case 1:
        result.push({ id: `c${i}`, clauseId: "art4.2", factDate: date, projectId: `p${i % 50}`, input: { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: String(Math.floor(rng() * 3_000_000)) } });
        break;
      case 2:
        // A year's parcels are dated 31 December of the year (A18): one claim a year is paid.
        result.push({ id: `c${i}`, clauseId: "art7.1-express", factDate: `${date.slice(0, 4)}-12-31`, input: { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: 90_000 + Math.floor(rng() * 700_000) } });
        break;
      default:
        result.push({ id: `c${i}`, clauseId: "art3.2", factDate: date, input: { municipalRecognition: true, rentCost: String(Math.floor(rng() * 400_000)), renovationCost: "0", equipmentCost: "0" } });
    }
  }
  return result;
}

export function application(count: number, seed: number) {
  return {
    applicant: { name: "基准测试企业", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true },
    claims: claims(count, seed),
    history: [
      { id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "120000" },
      { id: "g2", clauseId: "art3.2", factDate: "2025-05-01", amount: "80000" },
    ],
  };
}

/** Evaluate, explaining, and serialise the decision (as the CLI and a service answering with JSON do). */
function evaluateAndRead(app: unknown): number {
  return JSON.stringify(evaluate(app, EDITION)).length;
}

export function runEvaluate(): { decidedPerSecond: number; applicationsPerSecond: number; readApplicationsPerSecond: number } {
  const apps = Array.from({ length: 2000 }, (_, i) => application(10, i + 1));
  // Warm up on other applications until the code is optimised (one pass of 200 was not enough: the
  // figure was half the steady rate), then keep the best of three passes over the 2,000.
  for (let i = 0; i < 3000; i++) evaluateAndRead(application(10, 10_000 + i));
  const bestOf = (run: (app: unknown) => unknown): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < 3; pass++) {
      const start = performance.now();
      for (const app of apps) run(app);
      best = Math.min(best, performance.now() - start);
    }
    return apps.length / (best / 1000);
  };
  const decidedPerSecond = bestOf((app) => evaluate(app, EDITION, { explain: false }));
  const applicationsPerSecond = bestOf((app) => evaluate(app, EDITION));
  const readApplicationsPerSecond = bestOf(evaluateAndRead);
  const show = (perSecond: number) => `${Math.round(perSecond).toLocaleString("en-US")} applications/s, ${Math.round(perSecond * 10).toLocaleString("en-US")} claims/s`;
  console.log(`evaluate(): 2,000 applications of 10 claims with grant history (audit hashes included), best of 3 passes`);
  console.log(`  decided only ({ explain: false })            ${show(decidedPerSecond)}`);
  console.log(`  decided and explained                        ${show(applicationsPerSecond)}`);
  console.log(`  explained and serialised by JSON.stringify   ${show(readApplicationsPerSecond)}`);
  return { decidedPerSecond, applicationsPerSecond, readApplicationsPerSecond };
}

/** Garbage collection time while a function runs, from node:perf_hooks (entries arrive asynchronously). */
async function withGcTime<T>(run: () => T): Promise<{ value: T; gcMs: number }> {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  const value = run();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return { value, gcMs };
}

export interface ScalingRow {
  readonly claims: number;
  readonly microsecondsPerClaim: number;
  readonly gcMicrosecondsPerClaim: number;
}

/**
 * Per-claim time of `run` on one applicant with each of `sizes` claims: the best of three timings
 * (20,000 claims each, or one application of 100,000), since interference from other work only slows a
 * timing down, with its garbage-collection time.
 */
async function perClaim(sizes: readonly number[], run: (app: unknown) => unknown, label: string): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const n of sizes) {
    const app = application(n, 42);
    const repeats = Math.max(1, Math.floor(20_000 / n));
    run(app);
    let best = { elapsedMs: Number.POSITIVE_INFINITY, gcMs: 0 };
    for (let attempt = 0; attempt < 3; attempt++) {
      const { value: elapsedMs, gcMs } = await withGcTime(() => {
        const start = performance.now();
        for (let r = 0; r < repeats; r++) run(app);
        return performance.now() - start;
      });
      if (elapsedMs < best.elapsedMs) best = { elapsedMs, gcMs };
    }
    const row = { claims: n, microsecondsPerClaim: (best.elapsedMs * 1000) / (repeats * n), gcMicrosecondsPerClaim: (best.gcMs * 1000) / (repeats * n) };
    rows.push(row);
    console.log(
      `  ${label}${n.toLocaleString("en-US").padStart(8)} claims: ${row.microsecondsPerClaim.toFixed(1).padStart(7)} µs per claim, of which garbage collection ${row.gcMicrosecondsPerClaim.toFixed(1).padStart(5)} µs`,
    );
  }
  return rows;
}

function ratioOf(rows: readonly ScalingRow[]): { ratio: number; withoutGc: number } {
  const at100 = rows.find((r) => r.claims === 100) as ScalingRow;
  const at100k = rows.find((r) => r.claims === 100_000) as ScalingRow;
  return {
    ratio: at100k.microsecondsPerClaim / at100.microsecondsPerClaim,
    withoutGc: (at100k.microsecondsPerClaim - at100k.gcMicrosecondsPerClaim) / (at100.microsecondsPerClaim - at100.gcMicrosecondsPerClaim),
  };
}

/** Per-claim time at 100,000 claims against 100, decided only (`explain: false`) or explained (the default). */
export async function runScaling(explain = false): Promise<{ ratio: number; withoutGc: number }> {
  const mode = explain ? "explained" : "decided only";
  console.log(`scaling: one applicant with n claims, ${mode} (time per claim should stay flat)`);
  const { ratio, withoutGc } = ratioOf(await perClaim([10, 100, 1_000, 10_000, 100_000], (app) => evaluate(app, EDITION, { explain }), ""));
  console.log(`  per-claim time at 100,000 vs 100, ${mode}: ${ratio.toFixed(2)}× (target ≤ 1.2×); without garbage collection ${withoutGc.toFixed(2)}×`);
  return { ratio, withoutGc };
}

/**
 * The same explained and serialised, as the CLI writes it (a 100,000-claim decision is a string of some
 * 300 MB). A section of its own (a process of its own): the heap it leaves behind slowed the next
 * round's small applications down, which flattered the ratio of the section above.
 */
export async function runScalingRead(): Promise<{ ratio: number; withoutGc: number }> {
  console.log("scaling, explained and serialised by JSON.stringify (no target)");
  const read = ratioOf(await perClaim([100, 100_000], evaluateAndRead, ""));
  console.log(`  per-claim time at 100,000 vs 100, every explanation serialised: ${read.ratio.toFixed(2)}×; without garbage collection ${read.withoutGc.toFixed(2)}×`);
  return read;
}
