/**
 * Writes fixtures/decisions/<name>.json, <name>.zh.txt and <name>.en.txt: the expected decision on each sample
 * application under the example edition (`npm run golden`). Regenerate only after checking by hand
 * that a changed figure is right; test/fixtures.test.ts compares against these files.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { evaluate } from "../src/evaluate.js";
import { explainDecision } from "../src/explain-decision.js";
import { deriveEdition } from "../src/measures/derive-edition.js";

const root = new URL("../fixtures/", import.meta.url);
const edition = deriveEdition(JSON.parse(readFileSync(new URL("editions/published-2025-03-01.json", root), "utf8")));
for (const file of readdirSync(new URL("applications/", root)).filter((f) => f.endsWith(".json")).sort()) {
  const name = file.replace(/\.json$/, "");
  const decision = evaluate(JSON.parse(readFileSync(new URL(`applications/${file}`, root), "utf8")), edition);
  writeFileSync(new URL(`decisions/${name}.json`, root), `${JSON.stringify(decision, null, 2)}\n`);
  writeFileSync(new URL(`decisions/${name}.zh.txt`, root), `${explainDecision(decision, "zh")}\n`);
  writeFileSync(new URL(`decisions/${name}.en.txt`, root), `${explainDecision(decision, "en")}\n`);
  console.log(`wrote fixtures/decisions/${name}.json (total ${decision.totals.overall})`);
}
