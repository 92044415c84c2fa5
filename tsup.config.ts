import { readFileSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import { defineConfig, type Options } from "tsup";

export default defineConfig([
  // The library: ESM + CJS + declarations, for Node and bundlers.
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    // Members marked @internal (the big.js form of a decimal) stay out of the public types: a consumer
    // compiles against them without big.js's types, which are not a dependency.
    dts: { compilerOptions: { stripInternal: true } },
    sourcemap: true,
    clean: false, // dist/ is emptied once by `npm run build` before tsup starts: a per-config clean races the other configs
    target: "es2019",
    treeshake: true,
  },
  // The `pinggu` command (package bin): one ESM file for Node 20+. Fastify and the other optional
  // dependencies of `pinggu serve` stay outside it, loaded with import() by the service only: no other
  // command, and never the library, loads them. So do the workbook libraries (read-excel-file,
  // write-excel-file: `external` matches their subpaths too), loaded by src/adapters/cli/xlsx.ts.
  {
    entry: { cli: "src/adapters/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    splitting: false,
    external: Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { optionalDependencies?: Record<string, string> }).optionalDependencies ?? {}),
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    // The library is not bundled a second time: the command imports dist/index.js beside it, the very
    // module `import "pinggu-live-commerce"` loads (one copy of the rules in the package, half the size).
    esbuildPlugins: [libraryBesideTheCommand()],
    sourcemap: true,
    clean: false,
    treeshake: true,
  },
  // The spreadsheet bundle: one classic script (no module syntax), a single global namespace, ES2019
  // syntax, for Google Apps Script, Excel custom functions and WPS. Its run time needs ES2020 (BigInt,
  // globalThis) and nothing newer: docs/spreadsheets.md, "Runtime"; test/adapters/sheets-runtime.test.ts.
  {
    entry: {
      "pinggu-sheets": "src/adapters/sheets/index.ts",
      // The same plus evaluate/deriveEdition, for whole applications (outside the 150 KB budget).
      "pinggu-sheets-applications": "src/adapters/sheets/applications.ts",
    },
    outDir: "dist/sheets",
    format: ["iife"],
    globalName: "PingguLiveCommerce",
    platform: "browser",
    target: "es2019",
    minify: true,
    sourcemap: false,
    clean: false,
    treeshake: true,
    outExtension: () => ({ js: ".js" }),
    // Keep the Chinese clause texts as UTF-8 rather than \uXXXX escapes: half the size, same meaning.
    esbuildOptions(options) {
      options.charset = "utf8";
      options.legalComments = "none";
    },
    esbuildPlugins: [zodForSheets(), clauseProseForSheets()],
  },
]);

/** The CLI bundle: every import of the library's entry (src/index.ts) becomes `./index.js`, external. */
function libraryBesideTheCommand(): NonNullable<Options["esbuildPlugins"]>[number] {
  const entry = resolvePath("src/index.js");
  return {
    name: "library-beside-the-command",
    setup(build) {
      build.onResolve({ filter: /index\.js$/ }, (args) =>
        args.importer && resolvePath(dirname(args.importer), args.path) === entry ? { path: "./index.js", external: true } : undefined,
      );
    },
  };
}

/**
 * For the spreadsheet bundle only (150 KB budget), leave out two parts of zod that a clause never uses:
 *
 * - the JSON Schema generator (about 15 KB minified, wired into every zod 4 schema class but never
 *   called when a schema only parses): replaced by stubs that throw if anything ever calls them;
 * - the English locale of zod's own issue messages (about 3 KB): the library words every issue a
 *   clause schema can raise itself (src/kernel/fields.ts), so zod's text never reaches a cell; a
 *   one-line default stands in for it.
 *
 * The clause rules, their parsing and every message of the library are untouched; the sheets tests
 * run the built bundle against the library on the same inputs. The library build (dist/index.*) keeps
 * all of zod: it publishes JSON Schemas.
 */
function zodForSheets(): NonNullable<Options["esbuildPlugins"]>[number] {
  return {
    name: "zod-for-sheets",
    setup(build) {
      build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const names = new Set<string>();
        for (const match of source.matchAll(/^export (?:async )?(?:function\*?|const|let|var|class) ([\w$]+)/gm)) names.add(match[1]!);
        for (const match of source.matchAll(/^export \{([^}]*)\}/gm)) {
          for (const part of match[1]!.split(",")) {
            const exported = part.trim().split(/\s+as\s+/).pop();
            if (exported) names.add(exported);
          }
        }
        const stub = [
          'function unavailable() { throw new Error("zod JSON Schema generation is not part of the spreadsheet bundle"); }',
          ...[...names].map((name) => `export { unavailable as ${name} };`),
        ].join("\n");
        return { contents: stub, loader: "js" };
      });
      build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]en\.js$/ }, () => ({
        contents: 'export default function () { return { localeError: function () { return "Invalid input"; } }; }',
        loader: "js",
      }));
    },
  };
}

/**
 * For the spreadsheet bundle only: leave out each rule's `reading` and `formula`, the plain-words prose
 * that the docs generator (src/docs/) and the functions' help text (written at build time by
 * scripts/gen-sheets.ts from the sources) use, and that no code of the bundle ever reads — about 10 KB
 * of the 150 KB budget. The build fails unless exactly one of each is left out per rule, so a change in
 * how rules are written cannot slip through half-stripped; the sheets tests then run the bundle against
 * the library on the same inputs.
 */
function clauseProseForSheets(): NonNullable<Options["esbuildPlugins"]>[number] {
  const prose = /^ {2}(reading|formula): \{(?:[^\n]*\}|\n(?: {4}[^\n]*\n)+ {2}\}),\n/gm;
  return {
    name: "clause-prose-for-sheets",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]measures[\\/]art0\d\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const rules = source.match(/^ {2}citation: /gm)?.length ?? 0;
        const removed = { reading: 0, formula: 0 };
        const contents = source.replace(prose, (_whole, name: "reading" | "formula") => {
          removed[name] += 1;
          return "";
        });
        if (rules === 0 || removed.reading !== rules || removed.formula !== rules) {
          throw new Error(`clause-prose-for-sheets: ${args.path}: ${rules} rules, ${removed.reading} readings and ${removed.formula} formulas left out; expected one each per rule`);
        }
        return { contents, loader: "ts" };
      });
    },
  };
}
