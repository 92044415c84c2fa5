/**
 * Writes schema/{application,edition,decision}.schema.json from the zod schemas (`npm run schemas`).
 * test/schemas.test.ts fails when the committed files differ from what this writes.
 */
import { writeFileSync } from "node:fs";
import { jsonSchemaText, type SchemaName } from "../src/schemas.js";

for (const name of ["application", "edition", "decision"] as SchemaName[]) {
  const path = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(path, jsonSchemaText(name));
  console.log(`wrote schema/${name}.schema.json`);
}
