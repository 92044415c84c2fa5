/**
 * The three runtimes of test/cross-runtime: plain Node on the built package, the ESM build in a real
 * headless Chromium, and the spreadsheet bundle in a node:vm sandbox. Each returns, per sample
 * application, the decision exactly as `npm run golden` writes it: JSON.stringify(decision, null, 2)
 * plus a newline, so that it can be compared byte for byte with fixtures/decisions/<name>.json.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as vm from "node:vm";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The sample applications, the example edition, and the golden decisions, as raw text. */
export interface Samples {
  readonly edition: unknown;
  readonly applications: Readonly<Record<string, unknown>>;
  /** fixtures/decisions/<name>.json, byte for byte. */
  readonly golden: Readonly<Record<string, string>>;
}

export function readSamples(): Samples {
  const fixtures = join(ROOT, "fixtures");
  const names = readdirSync(join(fixtures, "applications"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.replace(/\.json$/, ""))
    .sort();
  const read = (path: string) => readFileSync(join(fixtures, path), "utf8");
  return {
    edition: JSON.parse(read("editions/published-2025-03-01.json")),
    applications: Object.fromEntries(names.map((name) => [name, JSON.parse(read(`applications/${name}.json`))])),
    golden: Object.fromEntries(names.map((name) => [name, read(`decisions/${name}.json`)])),
  };
}

/** What a runtime produced: the rendered decision per sample name, and where it ran. */
export interface RuntimeOutput {
  readonly decisions: Readonly<Record<string, string>>;
  readonly runtime: string;
}

// ---------------------------------------------------------------------------------------------------
// The build.

const BUILT = ["dist/index.js", "dist/index.cjs", "dist/sheets/pinggu-sheets.js"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function isFresh(): boolean {
  if (!BUILT.every((file) => existsSync(join(ROOT, file)))) return false;
  const built = Math.min(...BUILT.map((file) => statSync(join(ROOT, file)).mtimeMs));
  const inputs = ["src", "package.json", "tsup.config.ts"].map((path) => newestMtime(join(ROOT, path)));
  return built >= Math.max(...inputs);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Build once when dist/ is missing or older than its sources (`npm test` builds before it tests, so
 * this is for a file run on its own). Test files run in parallel: a lock directory keeps two of them
 * from building at once, and the second one finds the build fresh once the first is done.
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const lock = join(tmpdir(), `pinggu-build-${ROOT.replace(/[^A-Za-z0-9]+/g, "_")}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than five minutes was left by a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited ten minutes for the build lock ${lock}`);
      sleep(250);
    }
  }
  try {
    if (isFresh()) return;
    const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// (a) Node: the built package, as an ES module and as CommonJS, in a plain `node` child process.

export function inNode(samples: Samples, format: "esm" | "cjs"): RuntimeOutput {
  const dir = mkdtempSync(join(tmpdir(), "pinggu-node-"));
  try {
    writeFileSync(join(dir, "samples.json"), JSON.stringify(samples));
    const body = `
      const samples = JSON.parse(fs.readFileSync(${JSON.stringify(join(dir, "samples.json"))}, "utf8"));
      const edition = lib.deriveEdition(samples.edition);
      const decisions = {};
      for (const [name, application] of Object.entries(samples.applications)) {
        decisions[name] = JSON.stringify(lib.evaluate(application, edition), null, 2) + "\\n";
      }
      process.stdout.write(JSON.stringify({ decisions, runtime: "node " + process.version + " (" + ${JSON.stringify(format)} + ")" }));`;
    const file = join(dir, format === "esm" ? "run.mjs" : "run.cjs");
    const load =
      format === "esm"
        ? `import * as fs from "node:fs"; import * as lib from ${JSON.stringify(pathToFileURL(join(ROOT, "dist/index.js")).href)};`
        : `const fs = require("node:fs"); const lib = require(${JSON.stringify(join(ROOT, "dist/index.cjs"))});`;
    writeFileSync(file, `${load}\n${body}`);
    const result = spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`node ${format} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout) as RuntimeOutput;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// (b) Headless Chromium: dist/index.js loaded as a real ES module from a local HTTP server (module
// scripts are not allowed from file:// pages), its dependencies (big.js, zod, date-fns) resolved by an
// import map to their own ES module builds in node_modules, as a bundler-free browser app would.

/** The browser, if there is one: $CHROMIUM_BIN, or chromium / chromium-browser / google-chrome on PATH. */
export function findChromium(): string | null {
  const fromEnv = process.env["CHROMIUM_BIN"];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

/** scripts/ensure-chromium.sh (installs Debian's chromium with apt-get); the browser's path, or why not. */
export function installChromium(): { path: string | null; why: string } {
  const result = spawnSync("bash", [join(ROOT, "scripts", "ensure-chromium.sh")], { encoding: "utf8", timeout: 10 * 60_000 });
  const path = result.status === 0 ? result.stdout.trim().split("\n").pop() ?? null : null;
  return { path: path || null, why: `${result.stderr || ""}${result.error ? String(result.error) : ""}`.trim() };
}

/** The entry file of a package's "." export for an ES module importer in a browser. */
function esmEntry(pkg: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  const pick = (node: unknown): string | null => {
    if (typeof node === "string") return node;
    if (node && typeof node === "object" && !Array.isArray(node)) {
      const entries = node as Record<string, unknown>;
      if ("." in entries) return pick(entries["."]);
      for (const condition of ["browser", "import", "default"]) if (condition in entries) return pick(entries[condition]);
    }
    return null;
  };
  const entry = pick(manifest.exports) ?? manifest.module ?? manifest.main;
  if (!entry) throw new Error(`no ES module entry for ${pkg}`);
  return `/node_modules/${pkg}/${entry.replace(/^\.\//, "")}`;
}

/** The bare specifiers dist/index.js imports (big.js, zod, date-fns). */
function bareImports(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const match of code.matchAll(/\b(?:from|import)\s*["']([^"'./][^"']*)["']/g)) found.add(match[1] as string);
  return [...found].sort();
}

const TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

function page(samples: Samples, imports: Record<string, string>): string {
  // "<" escaped so that no string in the samples can close the script element.
  const data = JSON.stringify(samples).replace(/</g, "\\u003c");
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>pinggu-live-commerce cross-runtime</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
<script>
  window.addEventListener("error", (event) => {
    document.getElementById("out").textContent = "ERROR " + encodeURIComponent(String(event.message) + " at " + event.filename + ":" + event.lineno);
  });
</script>
</head><body><pre id="out">PENDING</pre>
<script type="module">
import * as lib from "/dist/index.js";
const out = document.getElementById("out");
try {
  const samples = ${data};
  const edition = lib.deriveEdition(samples.edition);
  const decisions = {};
  for (const [name, application] of Object.entries(samples.applications)) {
    decisions[name] = JSON.stringify(lib.evaluate(application, edition), null, 2) + "\\n";
  }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  out.textContent = "OK " + encodeURIComponent(JSON.stringify({ decisions, runtime: navigator.userAgent + " (time zone " + zone + ")" }));
} catch (error) {
  out.textContent = "ERROR " + encodeURIComponent(String(error && error.stack || error));
}
</script></body></html>`;
}

function serve(samples: Samples, requests: string[]): Promise<Server> {
  const imports = Object.fromEntries(bareImports(join(ROOT, "dist/index.js")).map((pkg) => [pkg, esmEntry(pkg)]));
  const html = page(samples, imports);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(path);
    if (path === "/" || path === "/index.html") {
      response.writeHead(200, { "content-type": TYPES[".html"] as string });
      response.end(html);
      return;
    }
    // Only dist/ and node_modules/ are served, and nothing outside them.
    const file = normalize(join(ROOT, path));
    const allowed = [join(ROOT, "dist") + sep, join(ROOT, "node_modules") + sep].some((prefix) => file.startsWith(prefix));
    if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

export async function inChromium(samples: Samples, chromium: string): Promise<RuntimeOutput> {
  const requests: string[] = [];
  const server = await serve(samples, requests);
  const profile = mkdtempSync(join(tmpdir(), "pinggu-chromium-"));
  try {
    const { port } = server.address() as AddressInfo;
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      `--user-data-dir=${profile}`,
      "--dump-dom",
      `http://127.0.0.1:${port}/`,
    ];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(chromium, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (error, out, err) => {
        if (error && !out) reject(new Error(`${chromium} failed: ${error.message}\n${err.slice(-2000)}`));
        else resolve({ stdout: out, stderr: err });
      });
    });
    const text = /<pre id="out">([^<]*)<\/pre>/.exec(stdout)?.[1] ?? "";
    if (text.startsWith("OK ")) return JSON.parse(decodeURIComponent(text.slice(3))) as RuntimeOutput;
    const missing = requests.filter((path) => !existsSync(join(ROOT, path)) && path !== "/");
    throw new Error(
      `the page did not produce decisions: ${text.startsWith("ERROR ") ? decodeURIComponent(text.slice(6)) : text || "(no output)"}\n` +
        `requests: ${requests.length}${missing.length ? `, not found: ${missing.join(", ")}` : ""}\n${stderr.slice(-2000)}`,
    );
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// (c) The spreadsheet bundle, in a node:vm context holding nothing but the language's own globals (no
// require, no process, no fetch): as bare as Apps Script, Excel custom functions or WPS give it.

export type SheetsApi = Record<string, unknown>;

/** The clause-function bundle; the bundle with whole applications (evaluate, deriveEdition) as well. */
export const SHEETS_BUNDLE = "dist/sheets/pinggu-sheets.js";
export const SHEETS_APPLICATIONS_BUNDLE = "dist/sheets/pinggu-sheets-applications.js";

export interface SheetsSandbox {
  readonly api: SheetsApi;
  /** The globals the bundle added. */
  readonly globals: string[];
  /** JSON.parse of the sandbox, so that a document is made of the sandbox's own objects, as a script there would make it. */
  readonly parse: (text: string) => unknown;
}

export function loadSheetsBundle(file: string = SHEETS_BUNDLE): SheetsSandbox {
  const code = readFileSync(join(ROOT, file), "utf8");
  const sandbox = vm.createContext({});
  const before = new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", sandbox) as string[]);
  vm.runInContext(code, sandbox, { filename: file.split("/").pop() as string, timeout: 10_000 });
  const after = vm.runInContext("Object.getOwnPropertyNames(globalThis)", sandbox) as string[];
  const api = (sandbox as Record<string, unknown>)["PingguLiveCommerce"] as SheetsApi | undefined;
  if (!api) throw new Error(`${file} defines no global PingguLiveCommerce`);
  const parse = vm.runInContext("(text) => JSON.parse(text)", sandbox) as (text: string) => unknown;
  return { api, globals: after.filter((name) => !before.has(name)), parse };
}
