/**
 * Honest runtime targets for the spreadsheet bundles (docs/spreadsheets.md, "Runtime"): the syntax is
 * ES2019, the run time needs ES2020 (BigInt, globalThis) and nothing newer. Each bundle is loaded in a
 * fresh realm (node:vm) from which every global and built-in method newer than ES2020 has been deleted,
 * and must then load and answer; a realm without BigInt must make it fail (so the check can fail).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUNDLES = ["pinggu-sheets.js", "pinggu-sheets-applications.js"];
const read = (file: string) => readFileSync(join(ROOT, "dist", "sheets", file), "utf8");

/** What ES2021 and later added (ECMA-262 12th–16th editions), plus the host globals Node adds. */
const NEWER_THAN_ES2020 = `
  (function () {
    var g = globalThis;
    function drop(owner, names) { if (!owner) return; names.forEach(function (name) { delete owner[name]; }); }
    // Globals: ES2021 WeakRef, FinalizationRegistry, AggregateError; ES2025 Iterator; later additions.
    drop(g, ["WeakRef", "FinalizationRegistry", "AggregateError", "Iterator", "Float16Array", "DisposableStack", "AsyncDisposableStack", "SuppressedError",
      "structuredClone", "queueMicrotask", "setTimeout", "setInterval", "console", "TextEncoder", "TextDecoder", "URL", "Intl"]);
    // ES2021: Promise.any, String.prototype.replaceAll.
    drop(Promise, ["any", "withResolvers", "try"]);
    drop(String.prototype, ["replaceAll", "at", "isWellFormed", "toWellFormed"]);
    // ES2022: .at(), Object.hasOwn; ES2023: findLast, change-array-by-copy; ES2024: groupBy, resizable buffers.
    drop(Array.prototype, ["at", "findLast", "findLastIndex", "toReversed", "toSorted", "toSpliced", "with"]);
    drop(Array, ["fromAsync"]);
    var typed = Object.getPrototypeOf(Int8Array.prototype);
    drop(typed, ["at", "findLast", "findLastIndex", "toReversed", "toSorted", "with"]);
    drop(Object, ["hasOwn", "groupBy"]);
    drop(Map, ["groupBy"]);
    drop(ArrayBuffer.prototype, ["resize", "transfer", "transferToFixedLength"]);
    drop(Atomics, ["waitAsync"]);
    drop(Set.prototype, ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"]);
    drop(RegExp, ["escape"]);
    drop(Math, ["sumPrecise", "f16round"]);
  })();
`;

function es2020Realm(extra = ""): vm.Context {
  const context = vm.createContext({});
  vm.runInContext(NEWER_THAN_ES2020 + extra, context);
  return context;
}

beforeAll(() => {
  if (!BUNDLES.every((file) => existsSync(join(ROOT, "dist", "sheets", file)))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
}, 180_000);

describe("the spreadsheet bundles need ES2020 and nothing newer", () => {
  it("the realm really lacks what ES2021+ added", () => {
    const context = es2020Realm();
    expect(vm.runInContext('typeof WeakRef + typeof "".replaceAll + typeof [].at + typeof Object.hasOwn + typeof [].findLast', context)).toBe(
      "undefinedundefinedundefinedundefinedundefined",
    );
    expect(vm.runInContext("typeof BigInt + typeof globalThis", context)).toBe("functionobject");
  });

  for (const file of BUNDLES) {
    it(`${file} loads and answers in an ES2020 realm`, () => {
      const context = es2020Realm();
      vm.runInContext(read(file), context, { filename: file });
      const answer = vm.runInContext('JSON.stringify(PingguLiveCommerce.PINGGU_SUBSIDY("art3.2-mofcom", true))', context) as string;
      expect(JSON.parse(answer)).toBe(200000);
      const explained = vm.runInContext('PingguLiveCommerce.PINGGU_SUBSIDY_TEXT("art3.3", true, "45,000,000", "0.12", "0.08")', context) as string;
      expect(explained).toMatch(/^\d+\.\d{2}$/);
    });
  }

  it("…and fails to load without BigInt, the ES2020 feature it needs (so this check can fail)", () => {
    const context = es2020Realm("delete globalThis.BigInt;");
    expect(() => {
      vm.runInContext(read("pinggu-sheets.js"), context, { filename: "pinggu-sheets.js" });
      vm.runInContext('PingguLiveCommerce.PINGGU_SUBSIDY("art3.2-mofcom", true)', context);
    }).toThrow();
  });
});
