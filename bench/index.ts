/**
 * `npm run bench`: every benchmark of issue 5, printed with its target (never asserted: tests do not
 * time things). Run through bench/launch.ts, which bundles this file with esbuild and runs the bundle
 * with plain node, so that no TypeScript loader sits between the code and the clock.
 *
 *   npm run bench                     everything (about 10–20 minutes on 2 cores; most of it simulate)
 *   npm run bench -- --claims 100000  simulate and the memory run on 100,000 claims instead of 1,000,000
 *   npm run bench -- --only clause,scaling   only some: clause, evaluate, scaling, scaling-read, simulate, memory, sheets, service
 *   npm run bench -- --rounds 5       rounds of the ratios (clause, scaling); the median is summarised
 *
 * Other work on the machine slows every figure: the load average is printed before and after. The two
 * ratios compare runs a few seconds apart, so a change of load between them moves the ratio: each is
 * measured in several rounds and the median (and the range) is summarised.
 */
import { appendFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { availableParallelism } from "node:os";
import { CONTENDERS, RATIOS, runClauseThroughput, SHORT_NAMES } from "./clause-throughput.js";
import { runCliMemory } from "./cli-memory.js";
import { runEvaluate, runScaling, runScalingRead } from "./evaluate-scaling.js";
import { runService } from "./service.js";
import { runSheets } from "./sheets.js";
import { runSimulate } from "./simulate-throughput.js";

const SECTIONS = ["clause", "evaluate", "scaling", "scaling-read", "simulate", "memory", "sheets", "service"] as const;
type Section = (typeof SECTIONS)[number];

function options(argv: readonly string[]): { claims: number; only: Set<Section>; rounds: number } {
  let claims = 1_000_000;
  let rounds = 3;
  let only = new Set<Section>(SECTIONS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--claims") claims = Number(argv[++i]);
    else if (arg === "--only") only = new Set((argv[++i] ?? "").split(",") as Section[]);
    else if (arg === "--rounds") rounds = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}: --claims N, --only ${SECTIONS.join(",")}`);
  }
  if (!Number.isSafeInteger(claims) || claims < 1) throw new Error("--claims needs a whole number");
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new Error("--rounds needs a whole number");
  for (const section of only) if (!SECTIONS.includes(section)) throw new Error(`no section ${section}: ${SECTIONS.join(", ")}`);
  return { claims, only, rounds };
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
}

const root = process.env.PINGGU_ROOT ?? process.cwd();
const { claims, only, rounds } = options(process.argv.slice(2));
const startedAt = new Date();
console.log(`pinggu-live-commerce benchmarks — ${startedAt.toISOString()}`);
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free); node ${process.version}; ${process.env.PINGGU_BENCH_BUNDLED ? "bundled with esbuild, run with plain node" : "run directly"}`,
);
console.log(`load average at start (1, 5, 15 min): ${load()}\n`);

const summary: [string, string, string][] = [];
const num = (x: number) => Math.round(x).toLocaleString("en-US");
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const range = (values: readonly number[], show: (x: number) => string) =>
  values.length > 1 ? ` (median of ${values.length}; ${show(Math.min(...values))}–${show(Math.max(...values))})` : "";

if (only.has("clause")) {
  // Checked on every input once, then timed in `rounds` rounds in this one process.
  const results = runClauseThroughput(200_000, rounds);
  console.log();
  if (results === null) {
    summary.push(["clause throughput", "NO FIGURES: the implementations disagree (see above)", "agreement on every input"]);
    process.exitCode = 1;
  } else {
    const times = (x: number) => `${x.toFixed(3)}×`;
    for (const { of, to, target } of RATIOS) {
      const ratios = results.flatMap((r) => r.ratios.filter((q) => q.of === of && q.to === to).map((q) => q.ratio));
      const figure = ratios.length > 0 ? `${times(median(ratios))}${range(ratios, times)}` : "not measured";
      summary.push([`${SHORT_NAMES[of]} / ${SHORT_NAMES[to]}`, figure, target === null ? "(no target)" : `≥ ${target.toFixed(1)}×`]);
    }
    for (const { key } of CONTENDERS) {
      const rates = results.map((r) => r.rates[key] as number);
      summary.push([`${SHORT_NAMES[key]}, 4 clauses`, `${num(median(rates))} /s${range(rates, num)}`, "(no target)"]);
    }
  }
}
if (only.has("evaluate")) {
  const r = runEvaluate();
  summary.push(["evaluate(…, { explain: false }), 10-claim applications", `${num(r.decidedPerSecond)} applications/s`, "(no target)"]);
  summary.push(["evaluate(), explained, 10-claim applications", `${num(r.applicationsPerSecond)} applications/s`, "(no target)"]);
  summary.push(["  the same, serialised", `${num(r.readApplicationsPerSecond)} applications/s`, "(no target)"]);
  console.log();
}
if (only.has("scaling")) {
  const times = (x: number) => `${x.toFixed(2)}×`;
  for (const explain of [false, true]) {
    const ratios: number[] = [];
    const ratiosWithoutGc: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const r = await runScaling(explain);
      ratios.push(r.ratio);
      ratiosWithoutGc.push(r.withoutGc);
      console.log();
    }
    const mode = explain ? "explained" : "decided only";
    summary.push([`per-claim time, 100,000 vs 100 claims, ${mode}`, `${times(median(ratios))}${range(ratios, times)}`, "≤ 1.2×"]);
    summary.push(["  the same without garbage collection", `${times(median(ratiosWithoutGc))}${range(ratiosWithoutGc, times)}`, "(no target)"]);
  }
}
if (only.has("scaling-read")) {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ratios.push((await runScalingRead()).ratio);
    console.log();
  }
  const times = (x: number) => `${x.toFixed(2)}×`;
  summary.push(["  the same, explained and serialised", `${times(median(ratios))}${range(ratios, times)}`, "(no target)"]);
}
if (only.has("simulate")) {
  const r = runSimulate(claims);
  summary.push([`simulate (decides only), ${num(claims)} claims`, `${num(r.claimsPerSecond)} claims/s`, "≥ 1,000,000 claims/s"]);
  console.log();
}
if (only.has("memory")) {
  const r = await runCliMemory(root, claims);
  summary.push([`peak RSS, pinggu simulate on ${num(claims)} claims`, `${r.peakRssMB.toFixed(0)} MB`, "< 200 MB"]);
  summary.push([`pinggu simulate end to end, ${num(claims)} claims`, `${num(r.claimsPerSecond)} claims/s`, "(no target)"]);
  console.log();
}
if (only.has("sheets")) {
  const r = runSheets(root);
  if (r.sizeBytes !== null) summary.push(["spreadsheet bundle size", `${num(r.sizeBytes)} bytes`, "≤ 150,000 bytes"]);
  if (r.loadMs !== null) summary.push(["spreadsheet bundle cold load (median)", `${r.loadMs.toFixed(1)} ms`, "(no target)"]);
  console.log();
}
if (only.has("service")) {
  const r = await runService(root);
  summary.push(["pinggu serve, 10-claim applications", `${num(r.requestsPerSecond)} requests/s`, "≥ 5,000 requests/s"]);
  summary.push(["  latency p50 / p99", `${r.p50Ms} / ${r.p99Ms} ms`, "p99 < 20 ms"]);
  summary.push(["  the same, ?explain=false (decided only)", `${num(r.decidedPerSecond)} requests/s`, "(no target)"]);
  summary.push(["  GET /healthz (the HTTP layer alone)", `${num(r.healthPerSecond)} requests/s`, "(no target)"]);
  summary.push(["  fault run (10,000 hostile requests)", r.faultOk ? "OK" : "FAILED", "OK, heap back to baseline"]);
  console.log();
}

console.log(`load average at end (1, 5, 15 min): ${load()}; ${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} minutes in all`);
// bench/launch.ts runs each section in a process of its own and prints one summary of them all.
const summaryFile = process.env.PINGGU_BENCH_SUMMARY;
if (summaryFile) appendFileSync(summaryFile, summary.map((row) => `${JSON.stringify(row)}\n`).join(""));
console.log("\nsummary");
const widths = [0, 1, 2].map((i) => Math.max(...summary.map((row) => row[i]?.length ?? 0), ["figure", "measured", "target"][i]?.length ?? 0));
const line = (row: readonly string[]) => `  ${row.map((cell, i) => (i === 1 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join("   ")}`.trimEnd();
console.log(line(["figure", "measured", "target"]));
for (const row of summary) console.log(line(row));
