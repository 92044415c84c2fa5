/**
 * Peak memory of `pinggu simulate` on a 1,000,000-claim JSON Lines file, run as a user runs it: the built
 * dist/cli.js in a child process, with --html. The file is written first (seeded, streamed; not timed).
 * Peak RSS comes from /usr/bin/time -v when it is there, else from the child's own
 * process.resourceUsage().maxRSS, printed at exit by a one-line --import hook (no change to the CLI).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePopulation } from "../src/population.js";

export interface CliFigures {
  readonly claims: number;
  readonly applications: number;
  readonly fileBytes: number;
  readonly seconds: number;
  readonly claimsPerSecond: number;
  readonly peakRssMB: number;
  readonly measuredWith: string;
  readonly exitCode: number | null;
}

const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("pinggu-bench-maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';

/** Write a population of exactly `claims` claims as JSON Lines; returns the applicants and the bytes. */
export async function writePopulationFile(path: string, claims: number, seed = 1): Promise<{ applications: number; bytes: number }> {
  const out = createWriteStream(path);
  let written = 0;
  let applications = 0;
  let buffer = "";
  for (const application of generatePopulation({ seed, applicants: Number.MAX_SAFE_INTEGER })) {
    if (written >= claims) break;
    const list = application.claims as unknown[];
    if (list.length > claims - written) list.length = claims - written;
    written += list.length;
    applications += 1;
    buffer += `${JSON.stringify(application)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  return { applications, bytes: statSync(path).size };
}

function runChild(command: string, args: readonly string[], cwd: string): Promise<{ status: number | null; stderr: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    const err: Buffer[] = [];
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stderr: Buffer.concat(err).toString("utf8"), seconds: (performance.now() - start) / 1000 }));
  });
}

export async function runCliMemory(root: string, claims = 1_000_000): Promise<CliFigures> {
  const work = mkdtempSync(join(tmpdir(), "pinggu-bench-"));
  try {
    const file = join(work, "population.jsonl");
    const generated = performance.now();
    const { applications, bytes } = await writePopulationFile(file, claims);
    console.log(
      `pinggu simulate as a child process: ${claims.toLocaleString("en-US")} claims, ${applications.toLocaleString("en-US")} applications, ${(bytes / 1e6).toFixed(0)} MB of JSON Lines (written in ${((performance.now() - generated) / 1000).toFixed(0)} s, not timed)`,
    );
    const cli = join(root, "dist", "cli.js");
    const cliArgs = [cli, "simulate", file, "--published-on", "2025-03-01", "--format", "json", "--no-progress", "--html", join(work, "report.html")];
    const time = "/usr/bin/time";
    const useTime = existsSync(time);
    const run = useTime ? await runChild(time, ["-v", process.execPath, ...cliArgs], root) : await runChild(process.execPath, ["--import", RSS_HOOK, ...cliArgs], root);
    const kb = useTime
      ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN)
      : Number(/pinggu-bench-maxrss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
    const figures: CliFigures = {
      claims,
      applications,
      fileBytes: bytes,
      seconds: run.seconds,
      claimsPerSecond: claims / run.seconds,
      peakRssMB: kb / 1024,
      measuredWith: useTime ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS",
      exitCode: run.status,
    };
    if (run.status !== 0) console.log(`  exit code ${run.status}: ${run.stderr.split("\n").slice(0, 5).join(" | ")}`);
    console.log(
      `  peak RSS ${figures.peakRssMB.toFixed(0)} MB (${figures.measuredWith}) (target < 200 MB); ${run.seconds.toFixed(0)} s wall, ${Math.round(figures.claimsPerSecond).toLocaleString("en-US")} claims/s end to end (reading, JSON.parse, evaluating, the report)`,
    );
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
