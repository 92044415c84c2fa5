/**
 * Safe outputs: an applicant's name (or claim id, or a value in a problem) is data in every writer —
 * never a live spreadsheet formula in CSV, never markup or a broken table in Markdown, never a tag in
 * HTML, text in a workbook.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { deriveEdition, evaluate } from "../../src/index.js";
import { csvCell, neutraliseFormula, parseCsv } from "../../src/adapters/cli/csv.js";
import { markdownText } from "../../src/adapters/cli/markdown-text.js";
import { type Outcome, type Sink, Summary } from "../../src/adapters/cli/outcome.js";
import { escapeHtml } from "../../src/adapters/cli/report-html.js";
import { csvWriter } from "../../src/adapters/cli/writers/csv.js";
import { markdownWriter } from "../../src/adapters/cli/writers/markdown.js";
import { workbookWriter } from "../../src/adapters/cli/xlsx.js";
import { jsonWriter } from "../../src/adapters/cli/writers/json.js";
import { printable, terminalWriter } from "../../src/adapters/cli/writers/terminal.js";
import { NO_COLOURS } from "../../src/adapters/cli/labels.js";

const HOSTILE: string[] = ["=HYPERLINK(\"http://x\",\"点击\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "<script>alert(1)</script>", "A | B", "*粗体* _x_ [链接](http://x)", "`code`"];
const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const FIXTURE = JSON.parse(readFileSync(join(__dirname, "../../fixtures/applications/mcn-agency.json"), "utf8")) as { applicant: { name: string } };

function outcomeFor(name: string): Outcome {
  const document = structuredClone(FIXTURE);
  document.applicant.name = name;
  return { kind: "decision", origin: { file: "a.json", index: 0 }, decision: evaluate(document, EDITION) };
}

function memory(): Sink & { text: string } {
  const sink = { text: "", async write(text: string) { sink.text += text; } };
  return sink;
}

describe("CSV: formulas stay text", () => {
  it("a cell that would start a formula gets a leading single quote; a plain decimal number stays a number", () => {
    for (const text of ["=1+1", "+1", "-x", "@A1", "\tx", "\rx", "+1.50"]) expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    for (const text of ["-1.50", "1000000.01", "0", "-3", "平谷", "a=b"]) expect(neutraliseFormula(text), text).toBe(text);
    expect(csvCell("=A1,B1")).toBe('"\'=A1,B1"');
  });

  it("every hostile name, written by the CSV writer, reads back as the name behind its quote", async () => {
    const sink = memory();
    const writer = csvWriter(sink, { lang: "zh", bom: true });
    await writer.start();
    for (const name of HOSTILE) await writer.add(outcomeFor(name));
    await writer.finish(new Summary());
    const [header, ...rows] = parseCsv(sink.text);
    const column = header!.indexOf("applicantName");
    const names = [...new Set(rows.map((row) => row[column]))];
    expect(names).toEqual(HOSTILE.map((name) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name)));
    // Amounts are still plain numbers.
    const amount = header!.indexOf("amount");
    for (const row of rows) expect(row[amount]).toMatch(/^(-?\d+\.\d{2})?$/);
  });
});

describe("Markdown: quoted text stays text", () => {
  it("escapes markup and table breaks", () => {
    expect(markdownText("<script>")).toBe("\\<script\\>");
    expect(markdownText("A | B")).toBe("A \\| B");
    expect(markdownText("*x*\n[y]")).toBe("\\*x\\*<br>\\[y\\]");
  });

  it("the Markdown report has no raw tag, emphasis or extra table column from a name", async () => {
    const sink = memory();
    const writer = markdownWriter(sink, { lang: "zh", edition: EDITION });
    const summary = new Summary();
    await writer.start();
    for (const name of HOSTILE) {
      const outcome = outcomeFor(name);
      summary.add(outcome);
      await writer.add(outcome);
    }
    await writer.finish(summary);
    expect(sink.text).not.toContain("<script>");
    expect(sink.text).toContain("\\<script\\>");
    expect(sink.text).not.toMatch(/(^|[^\\])\*粗体/);
    // Every table row has the header's number of cells (unescaped pipes only).
    const rows = sink.text.split("\n").filter((line) => line.startsWith("| "));
    const cells = (line: string) => line.replace(/\\\|/g, "").split("|").length;
    for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
  });
});

describe("terminal and JSON", () => {
  it("the terminal shows control characters instead of obeying them", async () => {
    expect(printable("a\u001b[2Jb\u0007")).toBe("a\\u{1b}[2Jb\\u{7}");
    const sink = memory();
    const writer = terminalWriter(sink, { lang: "en", edition: EDITION, colours: NO_COLOURS });
    const summary = new Summary();
    await writer.start();
    for (const name of [...HOSTILE, "\u001b]0;owned\u0007名"]) {
      const outcome = outcomeFor(name);
      summary.add(outcome);
      await writer.add(outcome);
    }
    await writer.finish(summary);
    expect(sink.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(sink.text).toContain("\\u{1b}]0;owned\\u{7}名");
  });

  it("JSON carries every hostile name as the same string", async () => {
    const sink = memory();
    const writer = jsonWriter(sink, { lang: "en" });
    await writer.start();
    for (const name of HOSTILE) await writer.add(outcomeFor(name));
    await writer.finish(new Summary());
    const entries = JSON.parse(sink.text) as { decision: { applicant: { name: string } } }[];
    expect(entries.map((entry) => entry.decision.applicant.name)).toEqual(HOSTILE);
  });
});

describe("HTML and workbooks", () => {
  it("the HTML report escapes what it quotes", () => {
    expect(escapeHtml('<script>"x"&\'')).toBe("&lt;script&gt;&quot;x&quot;&amp;&#39;");
  });

  it("a workbook keeps every hostile name as text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pinggu-safe-"));
    try {
      const out = join(dir, "d.xlsx");
      const writer = workbookWriter(out, "en");
      const summary = new Summary();
      for (const name of HOSTILE) {
        const outcome = outcomeFor(name);
        summary.add(outcome);
        await writer.add(outcome);
      }
      await writer.finish(summary);
      const [decisions] = await readXlsxFile(out);
      const [header, ...rows] = decisions!.data as unknown[][];
      const names = [...new Set(rows.map((row) => row[header!.indexOf("Applicant")]))];
      expect(names).toEqual(HOSTILE.map((name) => name.trim()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
