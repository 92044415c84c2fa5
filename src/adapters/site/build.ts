/**
 * `npm run site`: the clause site, built into a folder (site/ by default) that works offline from
 * file:// — static HTML, one stylesheet, one classic script holding the library (bundled here with
 * esbuild, big.js, zod and date-fns inlined), and no request to any other origin.
 *
 * Everything shown is computed by the library at build time (parameters, conditions, caps, boundary
 * examples, the cases of cases/) or in the page (the forms). docs/site.md explains the site.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DRAFT_EDITION, deriveEdition, evaluateClause, listRules, type MeasuresRule } from "../../index.js";
import { boundaryExamples, eligibleSample } from "./boundaries.js";
import { isClauseCase } from "./cases.js";
import { clauseFields } from "./fields.js";
import { CSS } from "./html.js";
import { applicationPage, type CaseListing, clausePage, type EditionEntry, indexPage, type RegisterEntry } from "./pages.js";
import { type FileRun, runCasePaths } from "./run-cases.js";

export interface SiteOptions {
  /** The project's root (fixtures/, docs/, cases/ are read from it). */
  readonly root: string;
  /** Where to write the site; emptied first. */
  readonly outDir: string;
  /** Case files or folders to list on the clause pages (cases/ by default). */
  readonly cases?: readonly string[];
}

export interface SiteSummary {
  readonly pages: number;
  readonly bundleBytes: number;
  readonly cases: number;
  readonly passed: number;
}

/** The rows of the ambiguity register's table (cells split on unescaped pipes). */
export function parseRegister(markdown: string): RegisterEntry[] {
  const entries: RegisterEntry[] = [];
  for (const line of markdown.split("\n")) {
    if (!/^\| A\d+ \|/.test(line)) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|").replace(/`/g, ""));
    const [id = "", where = "", question = "", switchName = "", values = "", reading = "", alternatives = ""] = cells;
    entries.push({ id, where, question, switchName, values, reading, alternatives });
  }
  return entries;
}

/** The register entries that touch a rule: named in "where", its own switches, rounding, annual caps, threshold words. */
export function registerFor(rule: MeasuresRule, entries: readonly RegisterEntry[], hasAnnualCap: boolean, hasThreshold: boolean): RegisterEntry[] {
  return entries.filter((entry) => {
    if (new RegExp(`(^|[\\s,(])${rule.id.replace(/[.]/g, "\\.")}([\\s,)]|$)`).test(entry.where)) return true;
    if (rule.switches.includes(entry.switchName) || entry.switchName === "rounding") return true;
    if (entry.switchName === "annualCapYear") return hasAnnualCap;
    if (entry.switchName === "thresholdWords") return hasThreshold;
    return false;
  });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function editionsOf(root: string): EditionEntry[] {
  const dir = join(root, "fixtures/editions");
  const shipped = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file): EditionEntry => {
      const document = readJson(join(dir, file));
      const edition = deriveEdition(document);
      return { id: edition.id, name: edition.name, document, edition };
    });
  return [{ id: DRAFT_EDITION.id, name: DRAFT_EDITION.name, document: null, edition: DRAFT_EDITION }, ...shipped];
}

async function bundle(root: string, outFile: string): Promise<number> {
  const esbuild = await import("esbuild");
  const here = dirname(fileURLToPath(import.meta.url));
  const result = await esbuild.build({
    entryPoints: [join(here, "browser.ts")],
    absWorkingDir: root,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild wrote no bundle");
  writeFileSync(outFile, file.contents);
  return file.contents.byteLength;
}

function caseListings(runs: readonly FileRun[], clauseId: string, root: string): CaseListing[] {
  const out: CaseListing[] = [];
  for (const run of runs) {
    run.cases.forEach((testCase, index) => {
      if (!isClauseCase(testCase) || testCase.clause !== clauseId) return;
      const outcome = run.outcomes[index];
      if (!outcome) return;
      out.push({ file: relative(root, run.path), name: testCase.name, passed: outcome.passed, status: outcome.actual?.status ?? null, amount: outcome.actual?.amount ?? null });
    });
  }
  return out;
}

export async function buildSite(options: SiteOptions): Promise<SiteSummary> {
  const { root, outDir } = options;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "assets"), { recursive: true });
  mkdirSync(join(outDir, "clauses"), { recursive: true });

  const bundleBytes = await bundle(root, join(outDir, "assets", "pinggu-site.js"));
  writeFileSync(join(outDir, "assets", "site.css"), CSS.trimStart());

  const editions = editionsOf(root);
  const register = parseRegister(readFileSync(join(root, "docs/ambiguity-register.md"), "utf8"));
  const runs = await runCasePaths(options.cases ?? [join(root, "cases")]);
  const rules = listRules();
  let pages = 0;
  for (const rule of rules) {
    const samplesFile = join(root, "fixtures/clauses", `${rule.id}.json`);
    const examples = (readJson(samplesFile) as { examples: { name: string; input: Record<string, unknown>; switches?: unknown }[] }).examples;
    const plain = examples.filter((example) => example.switches === undefined);
    const base = eligibleSample(rule.id, plain.map((example) => example.input));
    const sample = base ? evaluateClause(rule.id, base) : null;
    const hasAnnualCap = (sample?.caps ?? []).some((cap) => cap.scope === "per-enterprise-per-year");
    const hasThreshold = (sample?.conditions ?? []).some((condition) => condition.comparison !== undefined);
    const html = clausePage({
      rule,
      fields: clauseFields(rule.id),
      editions,
      sample,
      samples: plain.map((example) => ({ name: example.name, input: example.input })),
      boundaries: base ? boundaryExamples(rule.id, base) : [],
      register: registerFor(rule, register, hasAnnualCap, hasThreshold),
      cases: caseListings(runs, rule.id, root),
    });
    writeFileSync(join(outDir, "clauses", `${rule.id}.html`), html);
    pages += 1;
  }
  const allOutcomes = runs.flatMap((run) => run.outcomes);
  const totals = { cases: allOutcomes.length, passed: allOutcomes.filter((outcome) => outcome.passed).length };
  writeFileSync(join(outDir, "index.html"), indexPage(rules, totals));
  const applicationsDir = join(root, "fixtures/applications");
  const samples = readdirSync(applicationsDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file, document: readJson(join(applicationsDir, file)) }));
  writeFileSync(join(outDir, "application.html"), applicationPage(editions, samples));
  pages += 2;
  return { pages, bundleBytes, ...totals };
}
