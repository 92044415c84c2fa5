import { defineConfig } from "tsup";

export default defineConfig([
  // The library: ESM + CJS + declarations, for Node and bundlers.
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2019",
    treeshake: true,
  },
  // The `pinggu` command (package bin): one ESM file for Node 20+.
  {
    entry: { cli: "src/adapters/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
    clean: false,
    treeshake: true,
  },
  // The spreadsheet bundle: one classic script (no module syntax), a single global namespace, ES2019,
  // for Google Apps Script, Excel custom functions and WPS.
  {
    entry: { "pinggu-sheets": "src/adapters/sheets/index.ts" },
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
    },
  },
]);
