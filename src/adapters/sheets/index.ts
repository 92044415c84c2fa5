/** The spreadsheet bundle's namespace. (Being written: see issue 4.) */
export { evaluateClause } from "../../index.js";
