/**
 * `npm run docs`: write docs/clauses.md from the rule registry (src/docs/reference.ts renders it).
 * test/docs.test.ts renders the same text in memory and fails when the committed page is stale.
 * `--check` only compares, and exits 1 when the page is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderClauseReference } from "../src/docs/reference.js";

const target = fileURLToPath(new URL("../docs/clauses.md", import.meta.url));
const text = renderClauseReference();

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // A missing page is stale.
  }
  if (current !== text) {
    console.error("docs/clauses.md is stale: run `npm run docs`.");
    process.exit(1);
  }
  console.log("docs/clauses.md is up to date.");
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/clauses.md (${text.length} characters)`);
}
