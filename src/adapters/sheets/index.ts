/**
 * The spreadsheet bundle's namespace (the global `PingguLiveCommerce` of dist/sheets/pinggu-sheets.js).
 *
 * Imports reach only the modules the functions need (never src/index.ts, which would bring the JSON
 * Schema code along): the bundle must stay within 150 KB for Apps Script, Excel and WPS.
 *
 * The per-clause functions are listed here by name because a bundle's exports are static; the test
 * suite checks that this list and the registry agree exactly, and the wrappers in dist/sheets/ are
 * generated from the registry (scripts/gen-sheets.ts).
 */
import type { ClauseId } from "../../measures/edition.js";
import { clauseFunction } from "./functions.js";

export {
  PINGGU_CLAUSES,
  PINGGU_EXPLAIN,
  PINGGU_EXPLAIN_EN,
  PINGGU_FIELDS,
  PINGGU_SUBSIDY,
  PINGGU_SUBSIDY_RANGE,
  PINGGU_SUBSIDY_TEXT,
  PINGGU_VERSION,
} from "./functions.js";

const clause = (id: ClauseId) => clauseFunction(id);

export const PINGGU_ART3_1 = clause("art3.1");
export const PINGGU_ART3_2 = clause("art3.2");
export const PINGGU_ART3_2_MOFCOM = clause("art3.2-mofcom");
export const PINGGU_ART3_3 = clause("art3.3");
export const PINGGU_ART4_1_INVESTMENT = clause("art4.1-investment");
export const PINGGU_ART4_1_SESSION = clause("art4.1-session");
export const PINGGU_ART4_2 = clause("art4.2");
export const PINGGU_ART5_1 = clause("art5.1");
export const PINGGU_ART5_2 = clause("art5.2");
export const PINGGU_ART6_1 = clause("art6.1");
export const PINGGU_ART6_2 = clause("art6.2");
export const PINGGU_ART7_1_LOGISTICS = clause("art7.1-logistics");
export const PINGGU_ART7_1_EXPRESS = clause("art7.1-express");
export const PINGGU_ART7_2 = clause("art7.2");
