/**
 * The HTTP service (issue 14): `pinggu serve` (the built dist/cli.js, one Node process: one core) on a
 * loopback port, driven by autocannon from this process with 10-claim applications (generated, seeded,
 * all valid), POST /applications/evaluate one at a time. Figures: requests/s and the p50/p99 latency.
 *
 * Then a fault run (fetch, 8 clients at once): 10,000 hostile requests (malformed JSON, __proto__, wrong content types, oversized
 * and deeply nested bodies, unknown parameters, invalid applications, unknown routes) interleaved one
 * for one with valid ones. Checked in this output (never in a timed test): every valid request got its
 * 200, every hostile one its 4xx, no connection failed, and the server's heap after garbage collection
 * came back to the baseline measured before the fault run (within 10% or 5 MB).
 *
 * The server's heap is read by a one-line --import hook (no change to the command): on SIGUSR2 it
 * collects garbage (node --expose-gc) and prints its memory on standard error.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deriveEdition, evaluate, generatePopulation } from "../src/index.js";

interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly average: number;
}
interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: LatencyFigures;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly pipelining?: number;
  readonly duration?: number;
  readonly amount?: number;
  readonly requests: AutocannonRequest[];
  readonly timeout?: number;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

export interface ServiceFigures {
  readonly requestsPerSecond: number;
  /** The same requests with ?explain=false: decided only (DecisionSummary). */
  readonly decidedPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly healthPerSecond: number;
  readonly faultOk: boolean;
  readonly heapBaselineMB: number;
  readonly heapAfterMB: number;
}

const PUBLISHED_ON = "2025-03-01";
const HEAP_HOOK =
  'data:text/javascript,process.on("SIGUSR2",()=>{globalThis.gc();globalThis.gc();const m=process.memoryUsage();process.stderr.write("pinggu-bench-heap="+m.heapUsed+" rss="+m.rss+"\\n")})';

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  heap(): Promise<{ heapUsed: number; rss: number }>;
  stop(): Promise<void>;
}

async function startServer(root: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", HEAP_HOOK, join(root, "dist", "cli.js"), "serve", "--port", "0", "--no-log", "--published-on", PUBLISHED_ON, "--body-limit", "65536"],
    { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  const waiters: ((line: string) => void)[] = [];
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (data: string) => {
    stderr += data;
    for (const line of data.split("\n")) if (line.startsWith("pinggu-bench-heap=")) waiters.shift()?.(line);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /serving on (http:\/\/[^\s]+) /.exec(stderr);
      if (match) resolve(match[1] as string);
    };
    child.stderr?.on("data", check);
    child.on("exit", (code) => reject(new Error(`pinggu serve exited (${code}): ${stderr}`)));
  });
  return {
    child,
    url,
    heap: () =>
      new Promise((resolve) => {
        waiters.push((line) => {
          const match = /pinggu-bench-heap=(\d+) rss=(\d+)/.exec(line);
          resolve({ heapUsed: Number(match?.[1]), rss: Number(match?.[2]) });
        });
        child.kill("SIGUSR2");
      }),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** 10-claim applications, seeded, each valid (checked with the library before the run). */
function applications(count: number): string[] {
  const edition = deriveEdition({ publishedOn: PUBLISHED_ON });
  const bodies: string[] = [];
  for (const application of generatePopulation({ seed: 14, applicants: count, claimsPerApplicant: [10, 10] })) {
    evaluate(application, edition);
    bodies.push(JSON.stringify(application));
  }
  return bodies;
}

/** Each hostile request, with the status it must get. */
function hostileRequests(valid: string): { method: string; path: string; headers: Record<string, string>; body?: string; expect: number }[] {
  const json = { "content-type": "application/json" };
  const deep = `{"applicant": ${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
  const invalid = JSON.parse(valid) as { applicant: Record<string, unknown> };
  invalid.applicant.creditCode = "not a credit code";
  return [
    { method: "POST", path: "/applications/evaluate", headers: json, body: '{"applicant": {"name": ', expect: 400 },
    { method: "POST", path: "/applications/evaluate", headers: json, body: '{"__proto__": {"polluted": true}}', expect: 400 },
    { method: "POST", path: "/applications/evaluate", headers: json, body: '{"a": {"constructor": {"prototype": {"polluted": true}}}}', expect: 400 },
    { method: "POST", path: "/applications/evaluate", headers: { "content-type": "text/plain" }, body: valid, expect: 415 },
    { method: "POST", path: "/applications/evaluate", headers: { "content-type": "application/xml" }, body: "<a/>", expect: 415 },
    { method: "POST", path: "/applications/evaluate", headers: json, body: `{"pad": "${"x".repeat(70_000)}"}`, expect: 413 },
    { method: "POST", path: "/applications/evaluate", headers: json, body: deep, expect: 422 },
    { method: "POST", path: "/applications/evaluate?lang=fr", headers: json, body: valid, expect: 400 },
    { method: "POST", path: "/applications/evaluate", headers: json, body: JSON.stringify(invalid), expect: 422 },
    { method: "GET", path: "/../../etc/passwd", headers: {}, expect: 404 },
  ];
}

const mb = (bytes: number) => bytes / 2 ** 20;

const FAULT_PAIRS = 10_000;
const FAULT_WORKERS = 8;

interface Tally {
  validOk: number;
  validFailed: number;
  hostileOk: number;
  hostileWrong: number;
  readonly wrong: Map<string, number>;
  seconds: number;
}

/**
 * FAULT_PAIRS hostile requests, each right after a valid one, from FAULT_WORKERS concurrent clients
 * (fetch, keep-alive). A request that fails to get an answer at all counts as a wrong answer.
 */
async function faultRun(url: string, bodies: readonly string[], hostile: ReturnType<typeof hostileRequests>): Promise<Tally> {
  const tally: Tally = { validOk: 0, validFailed: 0, hostileOk: 0, hostileWrong: 0, wrong: new Map(), seconds: 0 };
  const note = (key: string) => tally.wrong.set(key, (tally.wrong.get(key) ?? 0) + 1);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < FAULT_PAIRS; i = next++) {
      try {
        const response = await fetch(`${url}/applications/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[i % bodies.length] as string });
        await response.arrayBuffer();
        if (response.status === 200) tally.validOk += 1;
        else {
          tally.validFailed += 1;
          note(`valid → ${response.status}`);
        }
      } catch (error) {
        tally.validFailed += 1;
        note(`valid → ${(error as Error).message}`);
      }
      const { expect: status, method, path, headers, body } = hostile[i % hostile.length] as (typeof hostile)[number];
      try {
        const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
        await response.arrayBuffer();
        if (response.status === status) tally.hostileOk += 1;
        else {
          tally.hostileWrong += 1;
          note(`${status} → ${response.status} (${path})`);
        }
      } catch (error) {
        tally.hostileWrong += 1;
        note(`${status} → ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: FAULT_WORKERS }, worker));
  tally.seconds = (performance.now() - started) / 1000;
  return tally;
}

export async function runService(root: string): Promise<ServiceFigures> {
  // autocannon is loaded from the project (the bench bundle lives in a temporary directory).
  const autocannon = createRequire(join(root, "package.json"))("autocannon") as Autocannon;
  const bodies = applications(200);
  let next = 0;
  const valid: AutocannonRequest = {
    method: "POST",
    path: "/applications/evaluate",
    headers: { "content-type": "application/json" },
    setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] as string }),
  };
  const server = await startServer(root);
  try {
    console.log(`service: pinggu serve (dist/cli.js, one process) at ${server.url}; 10-claim applications (${Math.round(bodies.reduce((s, b) => s + b.length, 0) / bodies.length)} bytes each), POST /applications/evaluate`);
    await autocannon({ url: server.url, connections: 10, duration: 5, requests: [valid] });
    const run = await autocannon({ url: server.url, connections: 10, duration: 10, requests: [valid] });
    console.log(
      `  10 connections, 10 s: ${Math.round(run.requests.average).toLocaleString("en-US")} requests/s; latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms (mean ${run.latency.average.toFixed(2)}); ${run.non2xx} not 2xx, ${run.errors} errors`,
    );

    // The same decided only (?explain=false): the batch integrator's path.
    const decideOnly: AutocannonRequest = { ...valid, path: "/applications/evaluate?explain=false" };
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: [decideOnly] });
    const decided = await autocannon({ url: server.url, connections: 10, duration: 10, requests: [decideOnly] });
    console.log(
      `  ?explain=false, 10 connections, 10 s: ${Math.round(decided.requests.average).toLocaleString("en-US")} requests/s; latency p50 ${decided.latency.p50} ms, p99 ${decided.latency.p99} ms; ${decided.non2xx} not 2xx, ${decided.errors} errors`,
    );

    // The HTTP layer alone (no library work to speak of): the ceiling the service could reach.
    const health = await autocannon({ url: server.url, connections: 10, duration: 5, requests: [{ method: "GET", path: "/healthz" }] });
    console.log(`  GET /healthz, 10 connections, 5 s: ${Math.round(health.requests.average).toLocaleString("en-US")} requests/s; latency p50 ${health.latency.p50} ms, p99 ${health.latency.p99} ms`);

    // Fault run: hostile and valid requests one for one.
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: [valid] });
    const baseline = await server.heap();
    const hostile = hostileRequests(bodies[0] as string);
    const tally = await faultRun(server.url, bodies, hostile);
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: [valid] });
    const after = await server.heap();
    const heapOk = after.heapUsed <= Math.max(baseline.heapUsed * 1.1, baseline.heapUsed + 5 * 2 ** 20);
    const trafficOk = tally.validFailed === 0 && tally.hostileWrong === 0 && tally.validOk === FAULT_PAIRS && tally.hostileOk === FAULT_PAIRS;
    console.log(
      `  fault run: ${tally.hostileOk + tally.hostileWrong} hostile requests (${hostile.length} kinds) among ${tally.validOk + tally.validFailed} valid ones; valid answered 200: ${tally.validOk}, failed: ${tally.validFailed}; hostile answered as expected: ${tally.hostileOk}, otherwise: ${tally.hostileWrong}${tally.wrong.size ? ` (${[...tally.wrong].map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""}; ${(tally.seconds).toFixed(1)} s`,
    );
    console.log(
      `  server heap after GC: ${mb(baseline.heapUsed).toFixed(1)} MB before the fault run, ${mb(after.heapUsed).toFixed(1)} MB after (RSS ${mb(baseline.rss).toFixed(0)} → ${mb(after.rss).toFixed(0)} MB): ${heapOk ? "back to the baseline" : "NOT back to the baseline"}`,
    );
    console.log(`  fault run: ${trafficOk && heapOk ? "OK" : "FAILED"}`);
    if (!(trafficOk && heapOk)) process.exitCode = 1;
    return { requestsPerSecond: run.requests.average, decidedPerSecond: decided.requests.average, p50Ms: run.latency.p50, p99Ms: run.latency.p99, healthPerSecond: health.requests.average, faultOk: trafficOk && heapOk, heapBaselineMB: mb(baseline.heapUsed), heapAfterMB: mb(after.heapUsed) };
  } finally {
    await server.stop();
  }
}
