#!/usr/bin/env node
/**
 * `npm run demo`: the main job until the CLI exists. Evaluates every clause of the registry on the sample
 * claims in fixtures/clauses/*.json and prints, per example, the explanation (citation, conditions with
 * their statutory words, the arithmetic, caps and outcome), then a summary table.
 *
 * It loads the *built* package by its own name (Node resolves a package's name inside itself through its
 * "exports" map), exactly as a consumer would: `npm run demo` builds first.
 *
 * A fixture file: { "clauseId": "art3.1", "examples": [{ "name": "...", "input": { ... }, "switches"?: { ... } }] }
 * ("switches" is optional: interpretation switches to change for that example).
 *
 * Usage: node scripts/demo.mjs [--zh] [clauseId ...]
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateClause, explainClause, listClauseIds, PolicyValidationError } from "pinggu-live-commerce";

const FIXTURES = fileURLToPath(new URL("../fixtures/clauses/", import.meta.url));
const args = process.argv.slice(2);
const lang = args.includes("--zh") ? "zh" : "en";
const only = args.filter((arg) => !arg.startsWith("--"));

/** Every fixture file, by clause id, in file-name order. */
function loadFixtures() {
  const byId = new Map();
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith(".json")).sort()) {
    const fixture = JSON.parse(readFileSync(FIXTURES + file, "utf8"));
    if (typeof fixture.clauseId !== "string" || !Array.isArray(fixture.examples)) {
      throw new Error(`fixtures/clauses/${file}: expected { "clauseId": string, "examples": [...] }`);
    }
    byId.set(fixture.clauseId, { file, examples: fixture.examples });
  }
  return byId;
}

/** Terminal columns of a text: East Asian wide characters take two. */
function columns(text) {
  return [...text].reduce((sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => columns(row[i]))));
  const line = (row) => row.map((value, i) => value + " ".repeat(widths[i] - columns(value))).join("  ").trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
}

const fixtures = loadFixtures();
const registry = listClauseIds();
const summary = [["clause", "example", "status", "amount (yuan)"]];
const notes = [];
let invalid = 0;

for (const clauseId of registry) {
  if (only.length > 0 && !only.includes(clauseId)) continue;
  const fixture = fixtures.get(clauseId);
  if (!fixture) {
    notes.push(`note: ${clauseId} is in the registry but has no sample in fixtures/clauses/ — skipped`);
    continue;
  }
  for (const example of fixture.examples) {
    const heading = `=== ${clauseId}: ${example.name}`;
    console.log(heading);
    if (example.switches) console.log(`(switches: ${JSON.stringify(example.switches)})`);
    console.log(`Input: ${JSON.stringify(example.input)}`);
    try {
      const result = evaluateClause(clauseId, example.input, example.switches ? { switches: example.switches } : {});
      console.log(explainClause(result, lang));
      summary.push([clauseId, example.name, result.status, result.amount ?? "—"]);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      invalid += 1;
      console.log(`INVALID SAMPLE (fixtures/clauses/${fixture.file}): ${error.message}`);
      summary.push([clauseId, example.name, "invalid input", "—"]);
    }
    console.log("");
  }
}

for (const [clauseId, fixture] of fixtures) {
  if (!registry.includes(clauseId) && (only.length === 0 || only.includes(clauseId))) {
    notes.push(`note: fixtures/clauses/${fixture.file} is for ${clauseId}, which is not in the registry yet — skipped`);
  }
}

console.log("Summary");
for (const line of table(summary)) console.log(line);
for (const note of notes) console.log(note);
if (invalid > 0) {
  console.error(`${invalid} sample(s) no longer fit their clause's input fields: update fixtures/clauses/ (see docs/clauses.md).`);
  process.exitCode = 1;
}
