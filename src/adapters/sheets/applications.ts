/**
 * The spreadsheet bundle with whole applications: everything of the clause bundle (the same global
 * `PingguLiveCommerce`), plus `evaluate`, `deriveEdition` and `explainDecision` for scripts that decide
 * whole applications inside Apps Script, Excel or WPS (an automation, not a cell function).
 *
 * It is a separate file (dist/sheets/pinggu-sheets-applications.js, about 180 KB) so that the clause
 * functions clerks paste into a sheet stay within their 150 KB budget. Same source, same rules: the
 * cross-runtime test checks its decisions against the golden files byte for byte.
 */
export * from "./index.js";
export { evaluate } from "../../evaluate.js";
export { deriveEdition } from "../../measures/derive-edition.js";
export { explainDecision } from "../../explain-decision.js";
