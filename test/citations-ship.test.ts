/**
 * Citations point to what ships: every source a result cites is the law itself (a 法 or 第…条 citation)
 * or a document inside the package — a path that `npm pack` lists — never a file the user does not
 * have. Walks every explanation of every clause sample (fixtures/clauses) and of every fixture
 * application (fixtures/applications under each fixture edition), in both languages, including an
 * edition with its own word definitions (A11).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type Decision, evaluate } from "../src/evaluate.js";
import { evaluateClause } from "../src/evaluate-clause.js";
import { explainClaim, explainDecision } from "../src/explain-decision.js";
import type { Bilingual } from "../src/kernel/conditions.js";
import { explainClause } from "../src/kernel/explain.js";
import type { ClauseResult } from "../src/kernel/rule.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import type { Edition } from "../src/measures/edition.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The law: the measures themselves (第三条…, "Article 3, item (1)") or another law (民法典). */
const LAW = /第[一二三四五六七八九十百千零]+条|民法典|Civil Code|^Article \d+/;
/** A reference to a file: a path with a directory or a document's extension. */
const FILE_REFERENCE = /[\w.-]+(?:\/[\w.-]+)*\.(?:md|txt|json|ts|js)\b/g;

let shipped: Set<string>;

beforeAll(() => {
  // What the tarball holds now (--ignore-scripts: no build or hook is run; dist/ need not exist).
  const result = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
  shipped = new Set((pack?.files ?? []).map((file) => file.path));
}, 180_000);

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as unknown;
}

interface Sample {
  readonly name: string;
  readonly result: ClauseResult;
}

const WORDS_EDITION = deriveEdition({ publishedOn: "2025-03-01", switches: { thresholdWords: "edition" }, wordDefinitions: { 以上: ">", 不少于: ">=" } });

function clauseSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const file of readdirSync(new URL("../fixtures/clauses/", import.meta.url))) {
    const doc = readJson(`../fixtures/clauses/${file}`) as { clauseId: string; examples: { name: string; input: unknown; switches?: Record<string, string> }[] };
    for (const example of doc.examples) {
      for (const edition of [undefined, WORDS_EDITION]) {
        const options = { ...(edition ? { edition } : {}), ...(example.switches ? { switches: example.switches } : {}) };
        samples.push({ name: `${doc.clauseId}: ${example.name}${edition ? " (A11 words)" : ""}`, result: evaluateClause(doc.clauseId, example.input, options) });
      }
    }
  }
  return samples;
}

function fixtureDecisions(): { name: string; decision: Decision }[] {
  const editions: Edition[] = readdirSync(new URL("../fixtures/editions/", import.meta.url)).map((file) => deriveEdition(readJson(`../fixtures/editions/${file}`)));
  editions.push(WORDS_EDITION);
  const decisions: { name: string; decision: Decision }[] = [];
  for (const file of readdirSync(new URL("../fixtures/applications/", import.meta.url))) {
    for (const edition of editions) decisions.push({ name: `${file} under ${edition.id}`, decision: evaluate(readJson(`../fixtures/applications/${file}`), edition) });
  }
  return decisions;
}

/** Every source a clause result cites: its article, and the source of each threshold word's meaning. */
function sourcesOf(result: ClauseResult): string[] {
  const sources = [result.citation.labelZh, result.citation.labelEn];
  for (const condition of result.conditions) {
    const source: Bilingual | undefined = condition.comparison?.source;
    if (source) sources.push(source.en, source.zh);
  }
  return sources;
}

function decisionSources(decision: Decision): string[] {
  const sources: string[] = [];
  for (const claim of decision.claims) {
    sources.push(...sourcesOf(claim.clause));
    for (const citation of claim.citations) sources.push(citation.labelZh, citation.labelEn);
  }
  for (const citation of decision.recoveries.citations) sources.push(citation.labelZh, citation.labelEn);
  return sources;
}

/** A source is the law, or names a file of the package; it never names a file the package lacks. */
function checkSource(source: string, where: string): void {
  const files = source.match(FILE_REFERENCE) ?? [];
  expect(LAW.test(source) || files.length > 0, `${where}: "${source}" cites neither the law nor a shipped document`).toBe(true);
  for (const file of files) expect(shipped.has(file), `${where}: "${source}" cites ${file}, which the package does not ship`).toBe(true);
}

/** Any file named in a text shown to people ships. */
function checkText(text: string, where: string): void {
  expect(text, where).not.toMatch(/INTERPRETATION/);
  for (const file of text.match(FILE_REFERENCE) ?? []) expect(shipped.has(file), `${where} names ${file}, which the package does not ship`).toBe(true);
}

describe("every cited source ships", () => {
  it("the package ships the documents results cite", () => {
    expect(shipped.has("docs/conventions.md")).toBe(true);
    expect(shipped.has("docs/ambiguity-register.md")).toBe(true);
  });

  it("clause samples: every source is the law or a shipped document, and so is every file their explanations name", () => {
    const samples = clauseSamples();
    expect(samples.length).toBeGreaterThan(20);
    let practice = 0;
    for (const { name, result } of samples) {
      for (const source of sourcesOf(result)) {
        checkSource(source, name);
        if (source.includes("docs/conventions.md §1")) practice += 1;
      }
      for (const lang of ["en", "zh"] as const) checkText(explainClause(result, lang), `${name} (${lang})`);
      checkText(JSON.stringify(result), `${name} (JSON)`);
    }
    // 不少于 / 不低于 / 达到 are decided in these samples: the practice citation is among those checked.
    expect(practice).toBeGreaterThan(0);
  });

  it("fixture applications under every fixture edition: every claim's sources and every explanation", () => {
    for (const { name, decision } of fixtureDecisions()) {
      for (const source of decisionSources(decision)) checkSource(source, name);
      for (const lang of ["en", "zh"] as const) {
        checkText(explainDecision(decision, lang), `${name} (${lang})`);
        for (const claim of decision.claims) checkText(explainClaim(claim, lang), `${name} ${claim.claimId} (${lang})`);
      }
      checkText(JSON.stringify(decision), `${name} (JSON)`);
    }
  });

  it("an edition's own word definitions cite the ambiguity register, which ships", () => {
    const result = evaluateClause("art3.1", { annualOnlineRetail: "500000000", usedArea: "3000", investment: "2000000" }, { edition: WORDS_EDITION });
    const sources = result.conditions.flatMap((condition) => (condition.comparison ? [condition.comparison.source.en] : []));
    expect(sources).toContain("the edition's own definition (A11, docs/ambiguity-register.md)");
  });

  it("a source naming a file that does not ship is caught (the check can fail)", () => {
    expect(() => checkSource("administrative practice (INTERPRETATION.md §1)", "probe")).toThrow();
    expect(() => checkSource("see docs/quality.md", "probe")).toThrow();
    expect(() => checkSource("a convention", "probe")).toThrow();
  });
});
