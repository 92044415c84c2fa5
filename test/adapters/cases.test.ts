/**
 * Policy officers' test cases (src/adapters/site/cases.ts, case-files.ts; `pinggu test`): the shipped
 * cases/ pass, through the command's function and through the built CLI; a failing case says what was
 * expected and what came out, in Chinese or English, with the clause text beside it, and exits 1; a file
 * not in the format is refused naming the field. Expected values are never written down here: the cases
 * are compared with what the library gives for the same facts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvCaseDocument, parseYamlText } from "../../src/adapters/site/case-files.js";
import { caseFileJsonSchema, readCaseFile, runCase, sameAmount } from "../../src/adapters/site/cases.js";
import { clauseFields, normaliseFacts } from "../../src/adapters/site/fields.js";
import { testCommand } from "../../src/adapters/cli/commands/test.js";
import type { Io } from "../../src/adapters/cli/io.js";
import { evaluateClause, listClauseIds } from "../../src/index.js";
import { ensureBuilt, ROOT } from "../cross-runtime/runtimes.js";
import { thrownIssues } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "pinggu-cases-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function memoryIo(): Io & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: async (text: string) => void (out += text) },
    stderr: { write: async (text: string) => void (err += text) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    readStdin: async () => new Uint8Array(),
    out: () => out,
    err: () => err,
  };
}

async function runTest(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await testCommand(args, io);
  return { code, out: io.out(), err: io.err() };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The sample claim of art3.1 at every threshold, and what the library gives for it. */
const ART3_1 = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" };
const art3_1 = evaluateClause("art3.1", ART3_1);

describe("the shipped cases", () => {
  it("pass, run by the command's function, with a summary per file", async () => {
    const { code, out } = await runTest([join(ROOT, "cases")]);
    expect(out).not.toContain("✗");
    expect(out).toMatch(/全部通过：\d+ 个文件，\d+ 个用例。/);
    expect(code).toBe(0);
  });

  it("cover every clause, and the sample applications", () => {
    for (const id of listClauseIds()) expect(readFileSync(join(ROOT, "cases/clauses", `${id}.yaml`), "utf8")).toContain(`clause: ${id}`);
    expect(readFileSync(join(ROOT, "cases/applications.yaml"), "utf8")).toContain("../fixtures/applications/mcn-agency.json");
  });

  it("pass through the built CLI (pinggu test cases/), exit code 0", () => {
    ensureBuilt();
    const result = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "test", "cases/", "--lang", "en"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/All passed: \d+ cases in \d+ files\./);
    expect(result.status).toBe(0);
  }, 240_000);

  it("schema/test-case.schema.json is the format's current JSON Schema (npm run cases writes it)", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "schema/test-case.schema.json"), "utf8"))).toEqual(caseFileJsonSchema());
  });
});

describe("a failing case", () => {
  const yaml = (amount: string, status: string) => `cases:
  - name: 面积恰为3000平方米
    clause: art3.1
    facts: { usedArea: 3000, annualOnlineRetail: 500000000, investment: 3333333.35 }
    expect: { status: ${status}, amount: ${amount} }
`;

  it("says in Chinese what was expected and what came out, with the clause text, and exits 1", async () => {
    const path = write("fail.yaml", yaml("0", "ineligible"));
    const { code, out } = await runTest([path]);
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${path} 第 1 个用例「面积恰为3000平方米」未通过`);
    expect(out).toContain(`  状态：期望 不符合条件（ineligible），实际 符合条件（eligible）`);
    expect(out).toContain(`  金额（元）：期望 0，实际 ${art3_1.amount}`);
    expect(out).toContain("  条款 art3.1 建设直播电商园区（第三条第（一）项）：");
    expect(out).toContain(`    ${art3_1.citation.provisionZh}`);
    expect(out).toContain("未通过：1 项（1 个文件，1 个用例）。");
  });

  it("says it in English with --lang en", async () => {
    const path = write("fail-en.yaml", yaml("1000000", "eligible"));
    const { code, out } = await runTest([path, "--lang", "en"]);
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${path} case 1 "面积恰为3000平方米" failed`);
    expect(out).toContain(`  amount (yuan): expected 1000000, got ${art3_1.amount}`);
    expect(out).not.toContain("  status:");
    expect(out).toContain("  Clause art3.1 Building live-commerce parks (Article 3, item (1), 第三条第（一）项):");
    expect(out).toContain("FAILED: 1 (1 cases in 1 files).");
  });

  it("passes when the amount is written to the fen or in whole yuan, and unquoted (read as text, not a float)", async () => {
    const exact = art3_1.amount as string;
    const path = write("pass.yaml", yaml(exact, "eligible"));
    const { code, out } = await runTest([path]);
    expect(out).toContain("1 个用例全部通过");
    expect(code).toBe(0);
    expect(sameAmount("900000", "900000.00")).toBe(true);
    expect(sameAmount("900000.1", "900000.10")).toBe(true);
    expect(sameAmount("900000.01", "900000.00")).toBe(false);
    expect(sameAmount(null, "0.00")).toBe(false);
  });

  it("with facts the library refuses: the library's message naming the field", async () => {
    const path = write("bad-facts.yaml", "cases:\n  - name: x\n    clause: art3.1\n    facts: { investment: 三百万 }\n    expect: { status: eligible }\n");
    const { code, out } = await runTest([path, "--lang", "en"]);
    expect(code).toBe(1);
    expect(out).toMatch(/could not be decided: investment: expected an amount in yuan/);
  });

  it("with facts the library refuses: the field named once, before the library's sentence, in both languages", () => {
    const read = readCaseFile({ cases: [{ name: "x", clause: "art3.1", facts: { investment: "三百万" }, expect: { status: "eligible" } }] });
    if (!("file" in read)) throw new Error(JSON.stringify(read.problems));
    const outcome = runCase(read.file.cases[0]!, 0, read.file, { readJson: () => null });
    const issue = thrownIssues(() => evaluateClause("art3.1", { investment: "三百万" }))[0];
    expect(issue?.message.startsWith("expected ")).toBe(true);
    expect(outcome.error).toEqual({ en: `investment: ${issue?.message}`, zh: `investment：${issue?.messageZh}` });
  });

  it("of a whole application: the claim, its clause and the total", async () => {
    const path = write(
      "app.yaml",
      `edition: ${join(ROOT, "fixtures/editions/published-2025-03-01.json")}
cases:
  - name: MCN
    applicationFile: ${join(ROOT, "fixtures/applications/mcn-agency.json")}
    expect:
      claims:
        MCN-2025-S5: { status: awarded }
      totals: { overall: "1.00" }
`,
    );
    const { code, out } = await runTest([path]);
    expect(code).toBe(1);
    expect(out).toContain("  事项 MCN-2025-S5（art4.1-session）：状态：期望 予以支持（awarded），实际 不符合条件（ineligible）");
    expect(out).toMatch(/ {2}合计（元）：期望 1\.00，实际 \d+\.\d\d/);
    expect(out).toContain("  条款 art4.1-session");
  });
});

describe("docs/test-cases.md", () => {
  it("its YAML examples are cases that pass (paths relative to docs/)", async () => {
    const text = readFileSync(join(ROOT, "docs/test-cases.md"), "utf8");
    const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    expect(blocks.length).toBe(2);
    blocks.forEach((block, i) => writeFileSync(join(ROOT, "docs", `.test-cases-example-${i}.yaml`), block));
    try {
      const { code, out } = await runTest(blocks.map((_, i) => join(ROOT, "docs", `.test-cases-example-${i}.yaml`)));
      expect(out).not.toContain("✗");
      expect(code).toBe(0);
    } finally {
      blocks.forEach((_, i) => rmSync(join(ROOT, "docs", `.test-cases-example-${i}.yaml`), { force: true }));
    }
  });
});

describe("files not in the format", () => {
  it("a misspelt field is named, with the fields there are", async () => {
    const path = write("typo.yaml", "cases:\n  - name: x\n    clause: art3.1\n    facts: {}\n    expect: { stauts: eligible }\n");
    const { code, out } = await runTest([path]);
    expect(code).toBe(1);
    expect(out).toContain("cases[0].expect：此处没有名为 stauts 的字段（请检查拼写）；已知字段：status, amount");
  });

  it("an unknown clause, a bad status, an amount as a JSON number are refused by path", () => {
    const read = readCaseFile({ cases: [{ name: "x", clause: "art9.9", facts: {}, expect: { status: "ok", amount: 5 } }] });
    expect("problems" in read).toBe(true);
    const paths = "problems" in read ? read.problems.map((problem) => problem.path) : [];
    expect(paths).toEqual(["cases[0].clause", "cases[0].expect.status", "cases[0].expect.amount"]);
  });

  it("a YAML syntax error gives the line and column", async () => {
    const parsed = await parseYamlText("cases:\n  - name: x\n   clause: [\n");
    expect("problems" in parsed && parsed.problems[0]?.en).toMatch(/^line \d+, column \d+: YAML syntax/);
  });

  it("a missing path is a usage error (exit 2 from the CLI)", async () => {
    await expect(runTest([join(dir, "nowhere.yaml")])).rejects.toThrow(/no such file or directory/);
    await expect(runTest([])).rejects.toThrow(/give the case files/);
  });
});

describe("CSV cases (one clause case per row)", () => {
  it("read 是/否 for yes/no facts and empty cells as missing", () => {
    const fields = clauseFields("art4.1-session").map((field) => field.name);
    const text = `name,clause,${fields.join(",")},expect.status,expect.amount\r\n专场,art4.1-session,是,1000000,eligible,10000\r\n未知,art4.1-session,,1000000,undetermined,null\r\n`;
    const parsed = csvCaseDocument(text);
    if (!("document" in parsed)) throw new Error("not read");
    const read = readCaseFile(parsed.document);
    if (!("file" in read)) throw new Error(JSON.stringify(read.problems));
    expect(read.file.cases).toHaveLength(2);
    expect(read.file.cases[1]).toMatchObject({ facts: { sessionTurnover: "1000000" }, expect: { status: "undetermined", amount: null } });
    expect(normaliseFacts("art4.1-session", { pingguGoodsSpecialSession: "是", sessionTurnover: "1" })).toEqual({ pingguGoodsSpecialSession: true, sessionTurnover: "1" });
  });

  it("a failing row is reported by its row number", async () => {
    const expected = evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "999999.99" });
    const path = write("rows.csv", `name,clause,pingguGoodsSpecialSession,sessionTurnover,expect.status\r\n一分之差,art4.1-session,是,999999.99,eligible\r\n`);
    const { code, out } = await runTest([path]);
    expect(code).toBe(1);
    expect(out).toContain("「一分之差 (row 2)」未通过");
    expect(out).toContain(`状态：期望 符合条件（eligible），实际 ${expected.status === "ineligible" ? "不符合条件（ineligible）" : expected.status}`);
  });
});
