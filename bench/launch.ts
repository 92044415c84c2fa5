/**
 * `npm run bench` (after `npm run build`): bundle bench/index.ts with esbuild into one .mjs in a
 * temporary directory and run it with plain node, once per section (each in a fresh process), passing
 * the other arguments on, then print one summary of all the sections. Running the benchmarks
 * under tsx would put its loader (on-the-fly transforms, source maps) between the code and the clock;
 * the bundle is what a user's bundler would make of the library.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "pinggu-bench-bundle-"));
const outfile = join(work, "bench.mjs");
try {
  await build({
    entryPoints: [join(root, "bench", "index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: false,
    logLevel: "warning",
    // big.js and date-fns are bundled too; a require() shim for any CommonJS among them.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  // Each section runs in a fresh process: what one section leaves behind (a heap grown by 100,000-claim
  // applications, code specialised for other inputs) must not slow the next one down.
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf("--only");
  const sections = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",") : ["clause", "evaluate", "scaling", "scaling-read", "simulate", "memory", "sheets", "service"];
  const rest = onlyAt >= 0 ? [...args.slice(0, onlyAt), ...args.slice(onlyAt + 2)] : args;
  const summaryFile = join(work, "summary.jsonl");
  writeFileSync(summaryFile, "");
  let status = 0;
  for (const section of sections) {
    const result = spawnSync(process.execPath, [outfile, "--only", section, ...rest], {
      cwd: root,
      stdio: ["inherit", "pipe", "inherit"],
      encoding: "utf8",
      env: { ...process.env, PINGGU_ROOT: root, PINGGU_BENCH_BUNDLED: "1", PINGGU_BENCH_SUMMARY: summaryFile },
    });
    // Each process's own summary is left out: the combined one follows.
    process.stdout.write(result.stdout.split("\nsummary\n")[0] ?? "");
    process.stdout.write("\n");
    if (result.status !== 0) status = result.status ?? 1;
  }
  const rows = readFileSync(summaryFile, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as [string, string, string]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0), ["figure", "measured", "target"][i]?.length ?? 0));
  const line = (row: readonly string[]) =>
    `  ${row.map((cell, i) => (i === 1 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join("   ")}`.trimEnd();
  console.log("summary (each section in a process of its own)");
  console.log(line(["figure", "measured", "target"]));
  for (const row of rows) console.log(line(row));
  process.exitCode = status;
} finally {
  rmSync(work, { recursive: true, force: true });
}
