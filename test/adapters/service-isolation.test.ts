/**
 * Fastify and its plugins are optional dependencies of the service only: `import "pinggu-live-commerce"`
 * (dist/index.js, dist/index.cjs) and every other command of dist/cli.js never load them. Checked on the
 * built files, with a module hook that makes every Fastify package look absent: the library and
 * `pinggu evaluate` must work, and `pinggu serve` must say which package to install (exit 1).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "../cross-runtime/runtimes.js";

let work: string;
let register: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), "pinggu-service-isolation-"));
  // Every Fastify package is "not installed" for the processes started with this hook.
  writeFileSync(
    join(work, "hooks.mjs"),
    `export async function resolve(specifier, context, next) {
  if (/(^|\\/)(@fastify\\/|fastify($|\\/))/.test(specifier)) {
    throw Object.assign(new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return next(specifier, context);
}
`,
  );
  register = join(work, "register.mjs");
  writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(work, "hooks.mjs")).href)});\n`);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const node = (args: readonly string[]) => spawnSync(process.execPath, ["--import", register, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });

describe("the library never loads the service's packages", () => {
  it("dist/index.js and dist/index.cjs name no Fastify package", () => {
    for (const file of ["dist/index.js", "dist/index.cjs"]) expect(readFileSync(join(ROOT, file), "utf8"), file).not.toMatch(/fastify/i);
  });

  it("import of dist/index.js evaluates an application with Fastify absent", () => {
    const script = `const lib = await import(${JSON.stringify(pathToFileURL(join(ROOT, "dist/index.js")).href)});
const fs = await import("node:fs");
const app = JSON.parse(fs.readFileSync("fixtures/applications/brand-company.json", "utf8"));
const edition = lib.deriveEdition(JSON.parse(fs.readFileSync("fixtures/editions/published-2025-03-01.json", "utf8")));
console.log(lib.evaluate(app, edition).totals.overall);`;
    const result = node(["--input-type=module", "-e", script]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d{2}\n$/);
  });

  it("require of dist/index.cjs loads no Fastify module", () => {
    const script = `const lib = require(${JSON.stringify(join(ROOT, "dist/index.cjs"))});
if (typeof lib.evaluate !== "function") throw new Error("no evaluate");
const loaded = Object.keys(require.cache).filter((path) => /fastify/.test(path));
console.log(JSON.stringify(loaded));`;
    const result = node(["-e", script]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe("[]");
  });

  it("pinggu evaluate works with Fastify absent", () => {
    const result = node(["dist/cli.js", "evaluate", "fixtures/applications/brand-company.json", "--edition", "fixtures/editions/published-2025-03-01.json"]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
  });

  it("pinggu serve with Fastify absent names the package to install, exit 1", () => {
    const result = node(["dist/cli.js", "serve", "--port", "0", "--no-log", "--edition", "fixtures/editions/published-2025-03-01.json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/serve needs the optional package (@fastify\/[\w-]+|fastify), which is not installed/);
    expect(result.stderr).toContain("npm install --include=optional");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
