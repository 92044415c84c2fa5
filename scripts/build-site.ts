/**
 * `npm run site [-- OUT_DIR]`: build the clause site into site/ (or OUT_DIR). Open site/index.html in a
 * browser: it works offline, from the file. See docs/site.md.
 */
import { resolve } from "node:path";
import { buildSite } from "../src/adapters/site/build.js";

const root = resolve(new URL("../", import.meta.url).pathname);
const outDir = resolve(process.argv[2] ?? resolve(root, "site"));
const summary = await buildSite({ root, outDir });
process.stdout.write(
  `site: ${summary.pages} pages in ${outDir} (library bundle ${(summary.bundleBytes / 1024).toFixed(0)} KB); test cases ${summary.passed}/${summary.cases} passed\nopen ${resolve(outDir, "index.html")}\n`,
);
