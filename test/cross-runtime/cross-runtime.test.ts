/**
 * Cross-runtime determinism (issue 6, item 4): the decisions on the sample applications
 * (fixtures/applications under fixtures/editions/published-2025-03-01.json) are the golden files
 * fixtures/decisions/<name>.json byte for byte — JSON.stringify(decision, null, 2) and a newline — from
 *   (a) plain Node on the built package (dist/index.js as an ES module, dist/index.cjs as CommonJS);
 *   (b) the ES module build loaded in a real headless Chromium (Debian's `chromium`), its dependencies
 *       resolved by an import map from node_modules, served from 127.0.0.1;
 *   (c) the spreadsheet bundle dist/sheets/pinggu-sheets.js in a bare node:vm sandbox.
 * `npm test` runs the suite in two time zones (Asia/Shanghai, America/Los_Angeles); the browser
 * inherits the zone, so every runtime is compared in both.
 *
 * Chromium: when CI is set (.ci/run), scripts/ensure-chromium.sh installs it if absent (apt-get, about
 * a minute); elsewhere the browser test runs if a chromium is on PATH (or $CHROMIUM_BIN) and is skipped,
 * saying so, if not. Install it locally with `bash scripts/ensure-chromium.sh`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  ensureBuilt,
  findChromium,
  inChromium,
  inNode,
  installChromium,
  loadSheetsBundle,
  readSamples,
  type RuntimeOutput,
  type Samples,
  type SheetsApi,
} from "./runtimes.js";

let samples: Samples;

beforeAll(() => {
  ensureBuilt();
  samples = readSamples();
}, 300_000);

function expectGolden(output: RuntimeOutput): void {
  expect(Object.keys(output.decisions).sort(), output.runtime).toEqual(Object.keys(samples.golden).sort());
  for (const [name, golden] of Object.entries(samples.golden)) {
    // toBe on the whole text: equal strings, byte for byte (a diff is printed when they are not).
    expect(output.decisions[name], `${name} in ${output.runtime}`).toBe(golden);
  }
}

describe("the sample decisions, byte for byte, in every runtime", () => {
  it("there are five samples, each with its golden decision", () => {
    expect(Object.keys(samples.applications)).toEqual(["brand-company", "logistics-firm", "mcn-agency", "park-operator", "training-school"]);
  });

  it("(a) Node, the ES module build dist/index.js", () => {
    expectGolden(inNode(samples, "esm"));
  });

  it("(a) Node, the CommonJS build dist/index.cjs", () => {
    expectGolden(inNode(samples, "cjs"));
  });

  it("(b) headless Chromium, the ES module build dist/index.js", async (ctx) => {
    let chromium = findChromium();
    let why = "no chromium on PATH (nor $CHROMIUM_BIN); install it with `bash scripts/ensure-chromium.sh`, or run with CI=1 to have the test install it";
    if (!chromium && process.env["CI"]) {
      const installed = installChromium();
      chromium = installed.path;
      why = `CI is set but scripts/ensure-chromium.sh could not install chromium: ${installed.why}`;
    }
    if (!chromium) {
      console.warn(`cross-runtime: SKIPPED the Chromium comparison: ${why}`);
      ctx.skip(why);
      return;
    }
    const output = await inChromium(samples, chromium);
    expect(output.runtime).toMatch(/HeadlessChrome|Chromium|Chrome/);
    expectGolden(output);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------------
// (c) The spreadsheet bundle.

interface GoldenClaim {
  claimId: string;
  clauseId: string;
  input?: Record<string, unknown>;
  clause: { status: string; amount: string | null; reasons: { en: string; zh: string }[] };
}

/** What a spreadsheet shows for each claim's clause: amount text and number, status, reasons in both languages. */
interface SheetRow {
  claimId: string;
  clauseId: string;
  amountText: string | null;
  amountNumber: number | "#UNDETERMINED";
  status: string;
  reasonsEn: string;
  reasonsZh: string;
}

function fromGolden(name: string): SheetRow[] {
  const decision = JSON.parse(samples.golden[name] as string) as { claims: GoldenClaim[] };
  return decision.claims.map((claim) => ({
    claimId: claim.claimId,
    clauseId: claim.clauseId,
    amountText: claim.clause.amount,
    amountNumber: claim.clause.amount === null ? "#UNDETERMINED" : Number(claim.clause.amount),
    status: claim.clause.status,
    reasonsEn: claim.clause.reasons.map((r) => r.en).join("; "),
    reasonsZh: claim.clause.reasons.map((r) => r.zh).join("；"),
  }));
}

function fromSheets(api: SheetsApi, name: string): SheetRow[] {
  const fn = (key: string) => api[key] as (...args: unknown[]) => unknown;
  const application = samples.applications[name] as { claims: { id: string; clauseId: string; input: Record<string, unknown> }[] };
  return application.claims.map((claim) => {
    const [fields] = fn("PINGGU_FIELDS")(claim.clauseId) as string[][];
    // The clause's inputs in the order of its columns; an absent fact is a blank cell.
    const cells = (fields as string[]).map((field) => claim.input[field] ?? null);
    const text = fn("PINGGU_SUBSIDY_TEXT")(claim.clauseId, ...cells) as string;
    const [en] = fn("PINGGU_SUBSIDY_RANGE")(claim.clauseId, [cells], "en") as unknown[][];
    const [zh] = fn("PINGGU_SUBSIDY_RANGE")(claim.clauseId, [cells]) as unknown[][];
    const [amount, status, reasonsEn] = en as [number | string, string, string];
    const undetermined = typeof amount === "string" && amount.startsWith("#UNDETERMINED");
    return {
      claimId: claim.id,
      clauseId: claim.clauseId,
      amountText: text.startsWith("#UNDETERMINED") ? null : text,
      amountNumber: undetermined ? "#UNDETERMINED" : (amount as number),
      status,
      reasonsEn,
      reasonsZh: (zh as unknown[])[2] as string,
    };
  });
}

describe("(c) the spreadsheet bundle dist/sheets/pinggu-sheets.js in a node:vm sandbox", () => {
  it("runs with no host objects to lean on, and defines the global PingguLiveCommerce", () => {
    const { api, globals } = loadSheetsBundle();
    // zod registers two globals of its own (__zod_globalConfig, __zod_globalRegistry); nothing else may appear.
    expect(globals.filter((name) => !name.startsWith("__zod_"))).toEqual(["PingguLiveCommerce"]);
    expect(typeof api["PINGGU_SUBSIDY_TEXT"]).toBe("function");
  });

  it("gives every sample claim's clause decision (amount to the fen, status, reasons in both languages) exactly as the golden decisions", () => {
    const { api } = loadSheetsBundle();
    for (const name of Object.keys(samples.golden)) {
      // Compared as JSON text, byte for byte.
      expect(JSON.stringify(fromSheets(api, name), null, 2), name).toBe(JSON.stringify(fromGolden(name), null, 2));
    }
  });

  it("gives whole-application decisions byte for byte, if the bundle exposes evaluate()", (ctx) => {
    const { api } = loadSheetsBundle();
    if (typeof api["evaluate"] !== "function" || typeof api["deriveEdition"] !== "function") {
      const why = `PingguLiveCommerce has no evaluate()/deriveEdition() (it has the ${Object.keys(api).length} spreadsheet functions): only the clause decisions are compared`;
      console.warn(`cross-runtime: SKIPPED: ${why}`);
      ctx.skip(why);
      return;
    }
    const evaluate = api["evaluate"] as (application: unknown, edition: unknown) => unknown;
    const edition = (api["deriveEdition"] as (raw: unknown) => unknown)(samples.edition);
    const decisions = Object.fromEntries(
      Object.entries(samples.applications).map(([name, application]) => [name, `${JSON.stringify(evaluate(application, edition), null, 2)}\n`]),
    );
    expectGolden({ decisions, runtime: "spreadsheet bundle in node:vm" });
  });
});
