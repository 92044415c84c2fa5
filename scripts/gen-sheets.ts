/**
 * `npm run build` (after tsup): generate the spreadsheet wrappers from the rule registry next to the
 * bundle tsup built (dist/sheets/pinggu-sheets.js), and print the bundle's size against its budget.
 *
 *   dist/sheets/google/  pinggu-sheets.js, functions.gs, appsscript.json    (paste both .js/.gs, or clasp push)
 *   dist/sheets/excel/   functions.js (bundle + associate calls), functions.json, functions.html,
 *                        manifest.xml, icon-*.png                            (serve over HTTPS, sideload the manifest)
 *   dist/sheets/wps/     pinggu-wps.js (bundle + top-level functions)       (paste into one JSA module)
 *
 * PINGGU_EXCEL_BASE_URL sets the HTTPS address the Excel manifest points at (https://localhost:3000/
 * by default). docs/spreadsheets.md says how to install each.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  DEFAULT_EXCEL_BASE_URL,
  renderExcelManifest,
  renderExcelPage,
  renderIcon,
} from "../src/adapters/sheets/excel-addin.js";
import {
  renderAppsScript,
  renderExcelAssociations,
  renderExcelMetadata,
  renderWpsFunctions,
  SHEETS_BUDGET_BYTES,
  wrapperFunctions,
} from "../src/adapters/sheets/wrappers.js";
import { LIBRARY_VERSION } from "../src/version.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "dist", "sheets");
const BUNDLE = join(OUT, "pinggu-sheets.js");

if (!existsSync(BUNDLE)) {
  console.error("dist/sheets/pinggu-sheets.js is missing: run tsup (npm run build) first.");
  process.exit(1);
}

const bundle = readFileSync(BUNDLE, "utf8");
const functions = wrapperFunctions();
const written: string[] = [];

function write(relative: string, contents: string | Buffer): void {
  const path = join(OUT, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, contents);
  written.push(relative);
}

// Google Sheets (Apps Script): the bundle and the wrapper as two script files; a manifest for clasp.
write("google/pinggu-sheets.js", bundle);
write("google/functions.gs", renderAppsScript(functions));
write(
  "google/appsscript.json",
  `${JSON.stringify({ timeZone: "Asia/Shanghai", dependencies: {}, exceptionLogging: "STACKDRIVER", runtimeVersion: "V8" }, null, 2)}\n`,
);

// Excel: one script (bundle, then the associate calls), its metadata, page, manifest and icons.
write("excel/functions.js", `${bundle.trimEnd()}\n${renderExcelAssociations(functions)}`);
write("excel/functions.json", renderExcelMetadata(functions));
write("excel/functions.html", renderExcelPage());
write("excel/manifest.xml", renderExcelManifest(process.env.PINGGU_EXCEL_BASE_URL || DEFAULT_EXCEL_BASE_URL, LIBRARY_VERSION));
for (const size of [16, 32, 64, 80]) write(`excel/icon-${size}.png`, renderIcon(size));

// WPS (JSA macros): one module file, bundle then the top-level functions.
write("wps/pinggu-wps.js", `${bundle.trimEnd()}\n${renderWpsFunctions(functions)}`);

const bytes = Buffer.byteLength(bundle, "utf8");
const gzip = gzipSync(bundle).length;
const share = ((bytes / SHEETS_BUDGET_BYTES) * 100).toFixed(1);
console.log(`sheets: ${functions.length} functions; wrote ${written.length} files under dist/sheets/`);
console.log(
  `sheets: dist/sheets/pinggu-sheets.js is ${bytes.toLocaleString("en-US")} bytes minified (${(bytes / 1024).toFixed(1)} KiB, ` +
    `${share}% of the ${SHEETS_BUDGET_BYTES.toLocaleString("en-US")}-byte budget), ${gzip.toLocaleString("en-US")} bytes gzipped`,
);
if (bytes > SHEETS_BUDGET_BYTES) {
  // The build still succeeds (the other outputs are fine); test/adapters/sheets.test.ts fails on it.
  console.warn(`sheets: OVER BUDGET by ${(bytes - SHEETS_BUDGET_BYTES).toLocaleString("en-US")} bytes (see docs/spreadsheets.md, "Size")`);
}
