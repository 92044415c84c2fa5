/**
 * `npm run bench` (after `npm run build`): bundle bench/index.ts with esbuild into one .mjs in a
 * temporary directory and run it with plain node, passing the arguments on. Running the benchmarks
 * under tsx would put its loader (on-the-fly transforms, source maps) between the code and the clock;
 * the bundle is what a user's bundler would make of the library.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
  const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PINGGU_ROOT: root, PINGGU_BENCH_BUNDLED: "1" },
  });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
