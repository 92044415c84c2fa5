/**
 * Writes schema/{application,edition,decision}.schema.json from the zod schemas (`npm run schemas`).
 * test/schemas.test.ts fails when the committed files differ from what this writes.
 */
import { writeFileSync } from "node:fs";
import { jsonSchemaText, SCHEMA_NAMES } from "../src/schemas.js";

for (const name of SCHEMA_NAMES) {
  const path = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(path, jsonSchemaText(name));
  console.log(`wrote schema/${name}.schema.json`);
}
