/**
 * `npm run bench:sheets`: the spreadsheet bundle's size and load time, printed (never asserted: tests
 * do not time things). Loads dist/sheets/pinggu-sheets.js the way a spreadsheet engine does, into a
 * fresh context with only the ES built-ins, because Apps Script loads the whole project again for
 * custom-function calls: the load is paid often.
 *
 * Run `npm run build` first.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { SHEETS_BUDGET_BYTES } from "../src/adapters/sheets/wrappers.js";

const path = fileURLToPath(new URL("../dist/sheets/pinggu-sheets.js", import.meta.url));
const code = readFileSync(path, "utf8");
const script = new vm.Script(code, { filename: "pinggu-sheets.js" });
const ROUNDS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const load: number[] = [];
const first: number[] = [];
const range: number[] = [];
const rows = JSON.stringify(
  Array.from({ length: 500 }, (_, i) => (i % 10 === 9 ? ["", "", "", ""] : [true, 20_000_000 + i * 100_000, 0.12, 0.08])),
);
for (let round = 0; round < ROUNDS; round++) {
  const context = vm.createContext({});
  let start = performance.now();
  script.runInContext(context);
  load.push(performance.now() - start);
  start = performance.now();
  vm.runInContext('PingguLiveCommerce.PINGGU_ART3_3(true, 45000000, 0.12, 0.08)', context);
  first.push(performance.now() - start);
  start = performance.now();
  vm.runInContext(`PingguLiveCommerce.PINGGU_SUBSIDY_RANGE("art3.3", ${rows})`, context);
  range.push(performance.now() - start);
}

const bytes = Buffer.byteLength(code, "utf8");
console.log(`spreadsheet bundle  dist/sheets/pinggu-sheets.js`);
console.log(`  size              ${bytes.toLocaleString("en-US")} bytes minified (${(bytes / 1024).toFixed(1)} KiB; budget ${SHEETS_BUDGET_BYTES.toLocaleString("en-US")} bytes, ${((bytes / SHEETS_BUDGET_BYTES) * 100).toFixed(1)}% used)`);
console.log(`  gzipped           ${gzipSync(code).length.toLocaleString("en-US")} bytes`);
console.log(`  load (median)     ${median(load).toFixed(1)} ms   run the bundle in a fresh context (${ROUNDS} rounds)`);
console.log(`  first call        ${median(first).toFixed(1)} ms   PINGGU_ART3_3 once after loading`);
console.log(`  500-row range     ${median(range).toFixed(1)} ms   PINGGU_SUBSIDY_RANGE over 500 applicants (50 blank rows)`);
