/**
 * The package as a consumer gets it: the built files in dist/, loaded by plain Node from an ES module
 * and from a CommonJS script, by path and by the package name (through the "exports" map), plus the
 * type declarations seen by TypeScript under Node's own module resolution.
 *
 * `npm test` builds before it tests. When this file runs on its own (`npx vitest run`) and dist/ is
 * missing or older than the sources, it builds once first.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  main: string;
  module: string;
  types: string;
  exports: Record<string, unknown>;
};
const DIST_FILES = ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"];

/** The newest modification time under a path (a file, or a directory walked recursively). */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function distIsFresh(): boolean {
  if (!DIST_FILES.every((file) => existsSync(join(ROOT, file)))) return false;
  const built = Math.min(...DIST_FILES.map((file) => statSync(join(ROOT, file)).mtimeMs));
  const inputs = ["src", "package.json", "tsup.config.ts", "tsconfig.json"].map((path) => newestMtime(join(ROOT, path)));
  return built >= Math.max(...inputs);
}

/** Run a script with plain `node` in `cwd`; its stdout, or a failure carrying its stderr. */
function node(cwd: string, file: string): string {
  const result = spawnSync(process.execPath, [file], { cwd, encoding: "utf8" });
  expect(result.status, `node ${file} failed:\n${result.stderr}`).toBe(0);
  return result.stdout.trim();
}

const SAMPLE = `{ usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" }`;
const EXPECTED = { amount: "1000000.01", status: "eligible", exactAmount: "1000000.005" };

let work = "";

beforeAll(() => {
  if (!distIsFresh()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  work = mkdtempSync(join(tmpdir(), "pinggu-package-"));
  // A consumer project with the package installed under its name (a link to this repository).
  mkdirSync(join(work, "node_modules"));
  symlinkSync(ROOT, join(work, "node_modules", PKG.name), "dir");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true }));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("package.json agrees with what the build emits", () => {
  it("every entry point it names exists", () => {
    const named = new Set<string>([PKG.main, PKG.module, PKG.types]);
    const walk = (value: unknown): void => {
      if (typeof value === "string") named.add(value);
      else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(PKG.exports);
    for (const file of named) expect(existsSync(join(ROOT, file)), `${file} (named in package.json)`).toBe(true);
    for (const file of DIST_FILES) expect(named.has(`./${file}`), `${file} is named in package.json`).toBe(true);
  });

  it("dist/index.js is an ES module and dist/index.cjs a CommonJS one", () => {
    const esm = readFileSync(join(ROOT, "dist/index.js"), "utf8");
    const cjs = readFileSync(join(ROOT, "dist/index.cjs"), "utf8");
    expect(/^export\s*\{/m.test(esm), "dist/index.js has ES exports").toBe(true);
    expect(/^export\s/m.test(cjs), "dist/index.cjs has no ES export statement").toBe(false);
    expect(/\b(module\.)?exports\.\w+\s*=|module\.exports\s*=/.test(cjs), "dist/index.cjs assigns CommonJS exports").toBe(true);
  });
});

describe("plain Node loads the built package", () => {
  const check = `
    const result = evaluateClause("art3.1", ${SAMPLE});
    console.log(JSON.stringify({ amount: result.amount, status: result.status, exactAmount: result.exactAmount }));`;

  it("from an ES module, by path", () => {
    const url = pathToFileURL(join(ROOT, "dist/index.js")).href;
    writeFileSync(join(work, "by-path.mjs"), `import { evaluateClause } from ${JSON.stringify(url)};\n${check}`);
    expect(JSON.parse(node(work, "by-path.mjs"))).toEqual(EXPECTED);
  });

  it("from a CommonJS script, by path", () => {
    writeFileSync(join(work, "by-path.cjs"), `const { evaluateClause } = require(${JSON.stringify(join(ROOT, "dist/index.cjs"))});\n${check}`);
    expect(JSON.parse(node(work, "by-path.cjs"))).toEqual(EXPECTED);
  });

  it("from an ES module, by the package name, resolving to dist/index.js", () => {
    writeFileSync(
      join(work, "by-name.mjs"),
      `import { evaluateClause } from "${PKG.name}";
       const resolved = import.meta.resolve("${PKG.name}");
       if (!resolved.endsWith("/dist/index.js")) throw new Error("resolved to " + resolved);\n${check}`,
    );
    expect(JSON.parse(node(work, "by-name.mjs"))).toEqual(EXPECTED);
  });

  it("from a CommonJS script, by the package name, resolving to dist/index.cjs", () => {
    writeFileSync(
      join(work, "by-name.cjs"),
      `const resolved = require.resolve("${PKG.name}");
       if (!resolved.endsWith("/dist/index.cjs")) throw new Error("resolved to " + resolved);
       const { evaluateClause } = require("${PKG.name}");\n${check}`,
    );
    expect(JSON.parse(node(work, "by-name.cjs"))).toEqual(EXPECTED);
  });

  it("exposes the same API to both module systems", () => {
    writeFileSync(join(work, "keys.mjs"), `import * as m from "${PKG.name}"; console.log(JSON.stringify(Object.keys(m).filter((k) => k !== "default").sort()));`);
    writeFileSync(join(work, "keys.cjs"), `console.log(JSON.stringify(Object.keys(require("${PKG.name}")).sort()));`);
    const esm = JSON.parse(node(work, "keys.mjs")) as string[];
    expect(esm).toEqual(JSON.parse(node(work, "keys.cjs")));
    for (const name of ["evaluateClause", "explainClause", "listClauseIds", "getRule", "DRAFT_EDITION", "SWITCH_VALUES"]) {
      expect(esm).toContain(name);
    }
  });

  it("exports package.json", () => {
    writeFileSync(join(work, "manifest.cjs"), `console.log(require("${PKG.name}/package.json").name);`);
    expect(node(work, "manifest.cjs")).toBe(PKG.name);
  });
});

describe("the type declarations", () => {
  it("type-check a consumer under Node's module resolution, as ESM and as CommonJS", () => {
    const use = `
      const result: ClauseResult = evaluateClause("art3.1", ${SAMPLE});
      const amount: string | null = result.amount;
      const text: string = explainClause(result, "zh");
      export const out = [amount, text];`;
    writeFileSync(join(work, "consumer.mts"), `import { evaluateClause, explainClause, type ClauseResult } from "${PKG.name}";\n${use}`);
    writeFileSync(join(work, "consumer.cts"), `import { evaluateClause, explainClause, type ClauseResult } from "${PKG.name}";\n${use}`);
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const args = [tsc, "--noEmit", "--strict", "--module", "node16", "--moduleResolution", "node16", "--target", "es2022"];
    args.push("--types", "node", "--typeRoots", join(ROOT, "node_modules", "@types"));
    const result = spawnSync(process.execPath, [...args, "consumer.mts", "consumer.cts"], { cwd: work, encoding: "utf8" });
    expect(result.status, `tsc failed:\n${result.stdout}${result.stderr}`).toBe(0);
  });
});

describe("the demo (npm run demo)", () => {
  it("runs every sample in fixtures/clauses on the built package", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "scripts", "demo.mjs")], { cwd: ROOT, encoding: "utf8" });
    expect(result.status, `demo failed:\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain("art3.1");
    expect(result.stdout).toContain("1000000.01");
  });
});
