/**
 * Inputs far larger than the samples, where an argument list or a single string has a size limit: a
 * spread of some 120,000 elements into one call overflows V8's stack, and a string cannot exceed about
 * 2^29 characters. Each case failed with "Maximum call stack size exceeded" before it was written in
 * pieces. (The whole CLI on a 100,000-claim application, about 750 MB of JSON, is run by hand: see
 * docs/cli.md.)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readAllUnits } from "../../src/adapters/cli/commands/common.js";
import type { Io } from "../../src/adapters/cli/io.js";
import type { Sink, WriterOptions } from "../../src/adapters/cli/outcome.js";
import { Summary } from "../../src/adapters/cli/outcome.js";
import { markdownWriter, writeLines } from "../../src/adapters/cli/writers/markdown.js";
import { PINGGU_SUBSIDY_RANGE } from "../../src/adapters/sheets/functions.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";

const work = mkdtempSync(join(tmpdir(), "pinggu-large-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MANY = 150_000;

function collecting(): Sink & { text: () => string; writes: number } {
  const parts: string[] = [];
  return {
    async write(text: string) {
      parts.push(text);
    },
    text: () => parts.join(""),
    get writes() {
      return parts.length;
    },
  };
}

describe("large inputs", () => {
  it(`reads a JSON Lines file of ${MANY.toLocaleString("en-US")} applications`, async () => {
    const file = join(work, "many.jsonl");
    writeFileSync(file, "{}\n".repeat(MANY));
    const args = { strings: {}, flags: new Set<string>(), positionals: [file] } as unknown as Parameters<typeof readAllUnits>[1];
    const units = await readAllUnits([file], args, {} as Io, "evaluate");
    expect(units).toHaveLength(MANY);
    expect(units.every((unit) => unit.kind === "application")).toBe(true);
  });

  it(`writes a Markdown report of ${MANY.toLocaleString("en-US")} rows`, async () => {
    const sink = collecting();
    const options = { lang: "en", edition: deriveEdition({ publishedOn: "2025-03-01" }) } as WriterOptions & { edition: ReturnType<typeof deriveEdition> };
    const writer = markdownWriter(sink, options);
    const summary = new Summary();
    await writer.start();
    for (let i = 0; i < MANY; i++) {
      const outcome = { kind: "invalid", origin: { file: "many.jsonl", line: i + 1 }, problems: [{ code: "required", path: "applicant", expected: "an object" }] } as const;
      summary.add(outcome as never);
      await writer.add(outcome as never);
    }
    await writer.finish(summary);
    const text = sink.text();
    // The header, the separator and a row per application.
    expect(text.split("\n").filter((line) => line.startsWith("| ")).length).toBe(MANY + 2);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
    expect(sink.writes).toBeGreaterThan(10);
  });

  it(`answers PINGGU_SUBSIDY_RANGE over ${MANY.toLocaleString("en-US")} rows`, () => {
    const rows = Array.from({ length: MANY }, () => [true, "1500000"]);
    const answer = PINGGU_SUBSIDY_RANGE("art4.1-session", rows, "en");
    expect(answer).toHaveLength(MANY);
    expect(answer[0]?.[0]).toBe(15000);
  });
});

describe("writeLines: the lines joined, trailing newlines trimmed to one, in chunks", () => {
  const cases: string[][] = [[], [""], ["a"], ["a", ""], ["a", "", ""], ["", "a"], ["a\n", "b\n\n", ""], ["x".repeat(50), "", "", "y".repeat(50), "", ""]];
  for (const lines of cases) {
    it(JSON.stringify(lines).slice(0, 60), async () => {
      for (const size of [1, 3, 64, 1 << 16]) {
        const sink = collecting();
        await writeLines(sink, lines, size);
        expect(sink.text(), `chunks of ${size}`).toBe(`${lines.join("\n").replace(/\n+$/, "")}\n`);
      }
    });
  }
});
