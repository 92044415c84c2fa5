/**
 * The clause site (`npm run site`, src/adapters/site/) built into a temporary folder and driven in a real
 * headless Chromium (puppeteer-core, the system's browser) from file://, with the network off and every
 * request that is not file:// refused. Each clause's form, filled with its sample claims, must show the
 * status and amount the library gives for the same facts (computed here, never written down).
 *
 * Chromium: as test/cross-runtime (scripts/ensure-chromium.sh under CI; otherwise skipped, saying so,
 * when none is on PATH). One browser, one page reused. Screenshots go to test-artifacts/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSite, parseRegister } from "../../src/adapters/site/build.js";
import { readCaseFile, runCase } from "../../src/adapters/site/cases.js";
import { clauseFields } from "../../src/adapters/site/fields.js";
import { highlightWords } from "../../src/adapters/site/pages.js";
import { deriveEdition, evaluate, evaluateClause, explainDecision, listClauseIds } from "../../src/index.js";
import { findChromium, installChromium, ROOT } from "../cross-runtime/runtimes.js";
import { thrownIssues } from "../helpers.js";

const ARTIFACTS = join(ROOT, "test-artifacts");
const outDir = mkdtempSync(join(tmpdir(), "pinggu-site-"));
const url = (path: string) => pathToFileURL(join(outDir, path)).href;

interface Example {
  readonly name: string;
  readonly input: Record<string, unknown>;
  readonly switches?: unknown;
}
function examplesOf(clauseId: string): Example[] {
  const all = (JSON.parse(readFileSync(join(ROOT, "fixtures/clauses", `${clauseId}.json`), "utf8")) as { examples: Example[] }).examples;
  return all.filter((example) => example.switches === undefined);
}

let browser: Browser | undefined;
let page: Page;
let skipWhy = "";
const refused: string[] = [];

beforeAll(async () => {
  await buildSite({ root: ROOT, outDir });
  let chromium = findChromium();
  skipWhy = "no chromium on PATH (nor $CHROMIUM_BIN); install it with `bash scripts/ensure-chromium.sh`, or run with CI=1 to have the test install it";
  if (!chromium && process.env["CI"]) {
    const installed = installChromium();
    chromium = installed.path;
    skipWhy = `CI is set but scripts/ensure-chromium.sh could not install chromium: ${installed.why}`;
  }
  if (!chromium) {
    console.warn(`site: SKIPPED the browser tests: ${skipWhy}`);
    return;
  }
  const puppeteer = await import("puppeteer-core");
  const profile = mkdtempSync(join(tmpdir(), "pinggu-site-profile-"));
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
    ],
  });
  page = await browser.newPage();
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (/^(file|data):/.test(request.url())) void request.continue();
    else {
      refused.push(request.url());
      void request.abort();
    }
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function open(path: string): Promise<void> {
  await page.goto(url(path), { waitUntil: "load" });
  await page.waitForSelector("html[data-ready=true]");
}

/** Fill the form with facts the way a person does: each field typed or chosen, then 计算. */
async function fillAndEvaluate(clauseId: string, input: Record<string, unknown>): Promise<{ status: string; amount: string }> {
  await page.select("#sample-select", "");
  await page.$eval("#clause-form", (form) => (form as HTMLFormElement).reset());
  for (const field of clauseFields(clauseId)) {
    const value = input[field.name];
    if (value === undefined || value === null) continue;
    if (field.kind === "boolean") await page.select(`#f-${field.name}`, String(value));
    else await page.type(`#f-${field.name}`, String(value));
  }
  await page.click("#evaluate");
  await page.waitForSelector("#result-status");
  return page.$eval("#result-status", (node) => ({
    status: node.getAttribute("data-status") ?? "",
    amount: document.getElementById("result-amount")?.getAttribute("data-amount") ?? "",
  }));
}

describe("the site as built", () => {
  it("has an index of the 14 clauses grouped by article, and a page for each", () => {
    const index = readFileSync(join(outDir, "index.html"), "utf8");
    for (const id of listClauseIds()) {
      expect(index).toContain(`href="clauses/${id}.html"`);
      expect(readFileSync(join(outDir, "clauses", `${id}.html`), "utf8")).toContain(`<code>${id}</code>`);
    }
    expect(index.match(/<section><h2>/g)?.length).toBe(5);
    expect(listClauseIds()).toHaveLength(14);
  });

  it("lists each clause's cases of cases/ with their results", () => {
    for (const id of listClauseIds()) {
      const html = readFileSync(join(outDir, "clauses", `${id}.html`), "utf8");
      const yaml = readFileSync(join(ROOT, "cases/clauses", `${id}.yaml`), "utf8");
      const count = yaml.match(new RegExp(`^    clause: ${id.replace(/\./g, "\\.")}$`, "gm"))?.length ?? 0;
      expect(count).toBeGreaterThan(0);
      expect(html.match(/<td class="pass">/g)?.length ?? 0, id).toBeGreaterThanOrEqual(count);
      expect(html, id).not.toContain('<td class="fail">');
    }
  });

  it("marks the parameters an edition changes, and only those (0.30 and 0.3 are the same rate)", () => {
    const diffRows = (id: string) =>
      [...readFileSync(join(outDir, "clauses", `${id}.html`), "utf8").matchAll(/<tr><th scope="row"><code>([^<]+)<\/code><\/th>(.*?)<\/tr>/g)]
        .filter((row) => (row[2] as string).includes('class="num diff"'))
        .map((row) => row[1]);
    // fixtures/editions/what-if-art3.3-cap-300000.json changes one figure of one clause.
    expect(diffRows("art3.3")).toEqual(["cap"]);
    for (const id of listClauseIds().filter((id) => id !== "art3.3")) expect(diffRows(id), id).toEqual([]);
  });

  it("marks every threshold word of a text, the longest first", () => {
    const { html, found } = highlightWords("投资额不少于200万元的，最高不超过200万元");
    expect(found).toEqual(["不少于", "最高不超过"]);
    expect(html).toContain('<a href="#word-最高不超过">最高不超过</a>');
    expect(html).not.toContain('<a href="#word-不超过">');
  });

  it("reads the ambiguity register's rows, pipes inside a cell included", () => {
    const rows = parseRegister(readFileSync(join(ROOT, "docs/ambiguity-register.md"), "utf8"));
    expect(rows.map((row) => row.id)).toContain("A8");
    expect(rows.find((row) => row.id === "A9")?.values).toContain("fen-half-up");
  });

  it("asks for nothing but files: no script or style from elsewhere", () => {
    for (const id of listClauseIds()) {
      const html = readFileSync(join(outDir, "clauses", `${id}.html`), "utf8");
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/type="module"/);
    }
  });
});

describe("the site in headless Chromium, from file://, offline", () => {
  it("every clause's form gives the library's status and amount for each sample claim", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    for (const clauseId of listClauseIds()) {
      await open(`clauses/${clauseId}.html`);
      for (const example of examplesOf(clauseId)) {
        const expected = evaluateClause(clauseId, example.input);
        const shown = await fillAndEvaluate(clauseId, example.input);
        expect({ clauseId, example: example.name, ...shown }).toEqual({ clauseId, example: example.name, status: expected.status, amount: expected.amount ?? "" });
      }
    }
    expect(refused).toEqual([]);
  }, 240_000);

  it("shows conditions, steps, caps and missing facts; refuses bad input naming the field", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    await open("clauses/art3.1.html");
    const capped = examplesOf("art3.1")[1] as Example;
    await fillAndEvaluate("art3.1", capped.input);
    const conditions = await page.$$eval("#result-conditions li", (items) => items.map((item) => item.getAttribute("data-outcome")));
    expect(conditions).toEqual(evaluateClause("art3.1", capped.input).conditions.map((c) => c.outcome));
    expect(await page.$$eval("#result-steps li", (items) => items.length)).toBeGreaterThan(0);
    expect(await page.$eval("#result-caps", (node) => node.textContent ?? "")).toContain("2000000");

    await fillAndEvaluate("art3.1", { usedArea: "5000", investment: "3000000" });
    expect(await page.$eval("#result-missing", (node) => node.textContent ?? "")).toContain("annualOnlineRetail");

    await page.$eval("#clause-form", (form) => (form as HTMLFormElement).reset());
    await page.type("#f-investment", "三千");
    await page.click("#evaluate");
    await page.waitForSelector("#result-errors");
    expect(await page.$eval("#f-investment-error", (node) => node.textContent ?? "")).toContain("investment");
    // The library's sentence does not name the field; the page does, once, before it (zh, then en).
    const issue = thrownIssues(() => evaluateClause("art3.1", { investment: "三千" }))[0]!;
    expect(issue.message).not.toContain("investment");
    const shown = `investment：${issue.messageZh}: ${issue.message}`;
    expect(await page.$$eval("#result-errors li", (items) => items.map((item) => item.textContent ?? ""))).toEqual([shown]);
    expect(await page.$eval("#f-investment-error", (node) => node.textContent ?? "")).toBe(shown);
  });

  it("copies the form as JSON and as a test case that `pinggu test` passes", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    await open("clauses/art4.1-session.html");
    const example = examplesOf("art4.1-session")[0] as Example;
    await fillAndEvaluate("art4.1-session", example.input);
    await page.click("#copy-json");
    const json = JSON.parse(await page.$eval("#copy-output", (node) => (node as HTMLTextAreaElement).value)) as { clauseId: string; input: unknown };
    expect(json.clauseId).toBe("art4.1-session");
    expect(evaluateClause("art4.1-session", json.input).amount).toBe(evaluateClause("art4.1-session", example.input).amount);

    await page.click("#copy-case");
    const yamlText = await page.$eval("#copy-output", (node) => (node as HTMLTextAreaElement).value);
    const read = readCaseFile(parse(yamlText));
    if (!("file" in read)) throw new Error(JSON.stringify(read.problems));
    const outcome = runCase(read.file.cases[0]!, 0, read.file, { readJson: () => null });
    expect(outcome.differences).toEqual([]);
    expect(outcome.passed).toBe(true);
  });

  it("switches to English and back, and remembers the choice", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    await open("clauses/art3.3.html");
    const visible = (selector: string) => page.$eval(selector, (node) => getComputedStyle(node).display !== "none");
    expect(await page.$eval("html", (node) => node.getAttribute("data-lang"))).toBe("zh");
    expect(await visible("h1 .l-zh")).toBe(true);
    expect(await visible("h1 .l-en")).toBe(false);
    await page.click("#lang-switch");
    expect(await page.$eval("html", (node) => [node.getAttribute("data-lang"), node.lang])).toEqual(["en", "en"]);
    expect(await visible("h1 .l-en")).toBe(true);
    expect(await visible("h1 .l-zh")).toBe(false);
    await open("index.html");
    expect(await page.$eval("html", (node) => node.getAttribute("data-lang"))).toBe("en");
    await page.click("#lang-switch");
    expect(await page.$eval("html", (node) => node.getAttribute("data-lang"))).toBe("zh");
  });

  it("labels every control and fits a phone's width", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    await page.setViewport({ width: 375, height: 800, deviceScaleFactor: 1 });
    for (const path of ["clauses/art7.2.html", "application.html", "index.html"]) {
      await open(path);
      const unlabelled = await page.$$eval("input, select, textarea", (controls) =>
        controls.filter((control) => (control as HTMLInputElement).labels?.length === 0 && !control.getAttribute("aria-label")).map((control) => control.id),
      );
      expect({ path, unlabelled }).toEqual({ path, unlabelled: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await open("clauses/art3.1.html");
    await fillAndEvaluate("art3.1", (examplesOf("art3.1")[0] as Example).input);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.$eval("#result", (node) => node.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, "site-clause-art3.1-phone.png"), fullPage: false });
    await page.setViewport({ width: 1100, height: 900, deviceScaleFactor: 1 });
    await page.screenshot({ path: join(ARTIFACTS, "site-clause-art3.1.png"), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, "site-clause-art3.1-top.png"), fullPage: false });
  });

  it("decides a whole application chosen, pasted or uploaded, as the library does, with its explanation", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    const edition = deriveEdition(JSON.parse(readFileSync(join(ROOT, "fixtures/editions/published-2025-03-01.json"), "utf8")));
    const file = join(ROOT, "fixtures/applications/mcn-agency.json");
    const application = JSON.parse(readFileSync(file, "utf8")) as unknown;
    const decision = evaluate(application, edition);
    await open("application.html");
    const sampleIndex = await page.$$eval("#app-sample option", (options) => options.findIndex((option) => option.textContent === "mcn-agency.json") - 1);
    await page.select("#app-sample", String(sampleIndex));
    await page.waitForSelector("#app-total");
    expect(await page.$eval("#app-total", (node) => node.getAttribute("data-amount"))).toBe(decision.totals.overall);
    expect(await page.$eval("#app-explain-zh", (node) => node.textContent)).toBe(explainDecision(decision, "zh"));
    expect(await page.$eval("#app-explain-en", (node) => node.textContent)).toBe(explainDecision(decision, "en"));
    const statuses = await page.$$eval("#app-claims tr[data-claim]", (rows) => rows.map((row) => row.getAttribute("data-claim")));
    expect(statuses).toEqual(decision.claims.map((claim) => claim.claimId));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.$eval("#app-result", (node) => node.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, "site-application.png"), fullPage: false });

    // Uploaded: the file input reads the file in the page.
    await open("application.html");
    const brand = join(ROOT, "fixtures/applications/brand-company.json");
    const input = (await page.$("#app-file")) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error("no #app-file");
    await input.uploadFile(brand);
    await page.waitForSelector("#app-total");
    expect(await page.$eval("#app-total", (node) => node.getAttribute("data-amount"))).toBe(evaluate(JSON.parse(readFileSync(brand, "utf8")), edition).totals.overall);

    // Pasted, with a mistake: the library's error names the field.
    await open("application.html");
    const broken = structuredClone(application) as { claims: { input: Record<string, unknown> }[] };
    (broken.claims[0] as { input: Record<string, unknown> }).input["reviewedRate"] = "0.8%";
    await page.$eval("#app-input", (node, text) => ((node as HTMLTextAreaElement).value = text), JSON.stringify(broken));
    await page.click("#app-run");
    await page.waitForSelector("#app-error");
    expect(await page.$eval("#app-result-body", (node) => node.textContent ?? "")).toContain("reviewedRate");

    await page.$eval("#app-input", (node) => ((node as HTMLTextAreaElement).value = "{ not json"));
    await page.click("#app-run");
    expect(await page.$eval("#app-error", (node) => node.textContent ?? "")).toMatch(/JSON/);
    expect(refused).toEqual([]);
  });

  it("really refuses the network: a request to another origin is stopped", async (ctx) => {
    if (!browser) return ctx.skip(skipWhy);
    await open("index.html");
    const before = refused.length;
    const outcome = await page.evaluate(() =>
      fetch("https://registry.npmjs.org/").then(
        () => "fetched",
        () => "refused",
      ),
    );
    expect(outcome).toBe("refused");
    refused.length = before;
  });
});
