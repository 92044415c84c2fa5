/**
 * Types that help (issue 13, item 8): an integrator's strict project (`strict`, `skipLibCheck: false`)
 * compiles against the packed tarball — without @types/big.js, which is not a dependency — and the
 * input type catches a misspelt field, both in an annotation and in the call to `evaluate`.
 *
 * The public types carry no big.js types (the big.js form of a decimal is @internal and stripped from
 * the declarations), so the strict consumer compiles; and `evaluate`'s parameter checks the field names
 * of a document written in the code (a value of unknown shape, read from JSON, is still accepted and
 * checked at run time), so a misspelt field in the call itself is a compile error too.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let work = "";

const CONSUMER = `import { deriveEdition, evaluate, type ApplicationInput, type Decision } from "pinggu-live-commerce";
const input: ApplicationInput = {
  applicant: { name: "北京平谷桃语", creditCode: "91110117MA06BRND0Y", registeredInPinggu: true, liveCommerceBusiness: true },
  claims: [{ id: "A", clauseId: "art3.2-mofcom", factDate: "2025-04-01", input: { mofcomRecognition: true } }],
};
const decision: Decision = evaluate(input, deriveEdition({ publishedOn: "2025-03-01" }));
const amount: string | null | undefined = decision.claims[0]?.amount;
console.log(amount);
const misspelt: ApplicationInput = {
  // @ts-expect-error a misspelt field name is a compile error
  applicant: { name: "x", creditCode: "91110117MA06BRND0Y", registeredInPingu: true },
  claims: [],
};
console.log(misspelt);
`;

/** evaluate's own parameter checks field names; a value of unknown shape still compiles. */
const CALL = `import { evaluate } from "pinggu-live-commerce";
// @ts-expect-error evaluate's own parameter checks field names too
evaluate({ applicant: { name: "x", creditCode: "91110117MA06BRND0Y", registeredInPingu: true }, claims: [] });
// @ts-expect-error at any depth
evaluate({ applicant: { name: "x", creditCode: "91110117MA06BRND0Y" }, claims: [{ id: "a", clauseId: "art4.2", factDat: "2025-04-01", input: {} }] });
const fromFile: unknown = JSON.parse("{}");
try {
  evaluate(fromFile); // a document of unknown shape: checked at run time
} catch {
  // refused: it is not an application
}
`;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "index.d.ts"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  work = mkdtempSync(join(tmpdir(), "pinggu-consumer-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, stdio: "pipe" });
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz")) as string;
  const installed = join(work, "node_modules", "pinggu-live-commerce");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(work, tarball), "-C", installed, "--strip-components=1"]);
  // The package's runtime dependencies, as npm would install them — and nothing else (no @types/big.js).
  for (const name of ["zod", "big.js", "date-fns"]) symlinkSync(join(ROOT, "node_modules", name), join(work, "node_modules", name), "dir");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", types: [] }, files: ["consumer.ts"] }),
  );
  writeFileSync(join(work, "consumer.ts"), CONSUMER);
  writeFileSync(join(work, "call.ts"), CALL);
  writeFileSync(
    join(work, "tsconfig.call.json"),
    JSON.stringify({ extends: "./tsconfig.json", files: ["call.ts"] }),
  );
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const tsc = (project: string) => spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project], { encoding: "utf8" });

describe("a strict consumer of the packed tarball", () => {
  it("compiles with skipLibCheck: false and without big.js's types, and a misspelt field of an ApplicationInput is a compile error", () => {
    const result = tsc(work);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);

  it("a misspelt field in evaluate's own argument is a compile error, at any depth; an unknown value compiles", () => {
    const result = tsc(join(work, "tsconfig.call.json"));
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});
