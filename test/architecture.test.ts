/**
 * The layout is the architecture (README, "Architecture"): no import cycles anywhere in src/ (type
 * imports included: a cycle of types is still two files that cannot be read apart), the kernel knows
 * nothing of the policy, and an adapter reaches the library only through its public entry.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The files of src/ each file imports (relative imports, `import type` and re-exports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles("src")) {
    const text = readFileSync(file, "utf8");
    const targets: string[] = [];
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/g)) {
      targets.push(normalize(join(dirname(file), (match[1] as string).replace(/\.js$/, ".ts"))));
    }
    graph.set(normalize(file), targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("the architecture", () => {
  const graph = importGraph();

  it("reads the imports of every file of src/ (the walk sees the evaluator's files)", () => {
    expect(graph.get(normalize("src/evaluate.ts"))).toContain(normalize("src/decision-document.ts"));
    expect(graph.get(normalize("src/application.ts"))).toContain(normalize("src/application-reader.ts"));
    expect(graph.size).toBeGreaterThan(60);
  });

  it("finds a cycle when there is one (the check can fail)", () => {
    const looped = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(cyclesOf(looped)).toEqual([["a", "b", "c", "a"]]);
  });

  it("has no import cycle in src/, type imports included", () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("keeps the kernel free of the policy: src/kernel/ imports only src/kernel/", () => {
    for (const [file, targets] of graph) {
      if (!file.startsWith(normalize("src/kernel/"))) continue;
      for (const target of targets) expect(target.startsWith(normalize("src/kernel/")), `${file} → ${target}`).toBe(true);
    }
  });

  it("an adapter reaches the library only through its public entry (src/index.ts), but the spreadsheet bundle", () => {
    // The spreadsheet functions are built into one file of at most 150,000 bytes for hosts without
    // modules (docs/spreadsheets.md, "Size"): they import the clause modules themselves, so that the
    // bundle carries neither the schema of editions nor the evaluator of applications.
    const sheets = normalize("src/adapters/sheets/");
    for (const [file, targets] of graph) {
      if (!file.startsWith(normalize("src/adapters/")) || file.startsWith(sheets)) continue;
      for (const target of targets) {
        const inside = target.startsWith(normalize("src/adapters/"));
        expect(inside || relative("src", target) === "index.ts" || relative("src", target) === "version.ts", `${file} → ${target}`).toBe(true);
      }
    }
  });
});
