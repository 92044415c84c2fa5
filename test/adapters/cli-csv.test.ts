/**
 * The CLI's readers, tested directly: the RFC 4180 CSV parser (quotes, embedded commas and line breaks,
 * CRLF, a UTF-8 byte order mark), CSV rows read as applications (blank is absent, booleans, counts,
 * grants, findings, rows and columns of the library's issues), and the JSON syntax locator.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applicationsFromCsv, knownColumns } from "../../src/adapters/cli/csv-applications.js";
import { CsvSyntaxError, csvCell, csvRecord, parseCsv } from "../../src/adapters/cli/csv.js";
import { findJsonSyntaxProblem } from "../../src/adapters/cli/json-syntax.js";
import { readUnits } from "../../src/adapters/cli/readers.js";
import { describeProblem } from "../../src/adapters/cli/problems.js";
import { evaluate, listRules, PolicyValidationError } from "../../src/index.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";

describe("parseCsv (RFC 4180)", () => {
  it("splits fields on commas and records on CRLF, LF or CR", () => {
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,b\r1,2\r")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks inside", () => {
    const text = 'name,note\r\n"北京, 平谷","he said ""是"""\r\n"two\r\nlines","x"\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "note"],
      ["北京, 平谷", 'he said "是"'],
      ["two\r\nlines", "x"],
    ]);
  });

  it("drops a UTF-8 byte order mark (Excel and WPS write one)", () => {
    expect(parseCsv("\ufeffa,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("keeps empty fields, a trailing empty field and blank lines (so row numbers stay a spreadsheet's)", () => {
    expect(parseCsv("a,b,c\n1,,\n\n2,3,4\n")).toEqual([["a", "b", "c"], ["1", "", ""], [""], ["2", "3", "4"]]);
    expect(parseCsv('""')).toEqual([[""]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("counts a record with a multi-line field as one row", () => {
    const records = parseCsv('h\n"a\nb\nc"\nlast\n');
    expect(records).toEqual([["h"], ["a\nb\nc"], ["last"]]);
  });

  it("rejects an unclosed quote, naming the row where the field opened", () => {
    const error = (() => {
      try {
        parseCsv('h1,h2\nok,ok\n"never closed,x\nmore\n');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).row).toBe(3);
    expect((error as CsvSyntaxError).line).toBe(3);
  });

  it("rejects text after a closing quote and a quote inside an unquoted field", () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/row 2.*after a closing quote/);
    expect(() => parseCsv('a\nx"y\n')).toThrow(/row 2.*quote inside an unquoted field/);
    expect(() => parseCsv('a\n"multi\nline"\nx"y\n')).toThrow(/row 3 \(line 4\)/);
  });

  it("writes cells that read back the same", () => {
    const values = ["plain", "北京, 平谷", 'say "hi"', "two\nlines", " padded ", ""];
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(parseCsv(csvRecord(values))).toEqual([values]);
  });
});

const HEADER = "applicantName,creditCode,registeredInPinggu,liveCommerceBusiness,claimId,clauseId,factDate,projectId,input.pingguGoodsSpecialSession,input.sessionTurnover";
const MCN = "91110117MA03MCN009";

function read(text: string) {
  return applicationsFromCsv(parseCsv(text));
}

describe("CSV rows as applications", () => {
  it("groups rows by creditCode in order of first appearance; the applicant may be filled on one row", () => {
    const result = read(
      [
        HEADER,
        `甲,${MCN},是,TRUE,S1,art4.1-session,2025-04-01,,是,1200000`,
        `乙,91110117MA06BRND0Y,true,false,T1,art4.1-session,2025-04-02,,false,`,
        `,${MCN},,,S2,art4.1-session,2025-04-03,,true,1500000.50`,
      ].join("\r\n"),
    );
    expect(result.fileProblems).toEqual([]);
    expect(result.applications.map((a) => a.rows)).toEqual([[2, 4], [3]]);
    expect(result.applications[0]?.document).toEqual({
      applicant: { name: "甲", creditCode: MCN, registeredInPinggu: true, liveCommerceBusiness: true },
      claims: [
        { id: "S1", clauseId: "art4.1-session", factDate: "2025-04-01", input: { pingguGoodsSpecialSession: true, sessionTurnover: "1200000" } },
        { id: "S2", clauseId: "art4.1-session", factDate: "2025-04-03", input: { pingguGoodsSpecialSession: true, sessionTurnover: "1500000.50" } },
      ],
    });
    // A blank cell is an absent field (a missing fact), never 0 or false.
    const second = result.applications[1]?.document as { applicant: unknown; claims: { input: object }[] };
    expect(second.applicant).toEqual({ name: "乙", creditCode: "91110117MA06BRND0Y", registeredInPinggu: true, liveCommerceBusiness: false });
    expect(second.claims[0]?.input).toEqual({ pingguGoodsSpecialSession: false });
  });

  it("turns whole counts into numbers and keeps every other figure as exact text", () => {
    const result = read("creditCode,claimId,clauseId,factDate,input.personTimesTrained,input.placementRate\n52110117MA04EDU00A,T1,art6.1,2025-12-20,620,0.235\n");
    const claim = (result.applications[0]?.document as { claims: { input: object }[] }).claims[0];
    expect(claim?.input).toEqual({ personTimesTrained: 620, placementRate: "0.235" });
  });

  it("reads grant rows into the history, and misconduct columns into findings", () => {
    const result = read(
      [
        "creditCode,claimId,grantId,clauseId,factDate,paidOn,grantAmount,misconductKind,misconductFoundOn,misconductDescription,misconductGrants",
        `${MCN},,G1,art4.1-session,2025-03-08,2025-04-15,40000,false-data,2025-06-01,虚报成交额,G1；G2`,
        `${MCN},,G2,art4.1-session,2025-03-09,2025-04-15,30000,false-data,2025-06-01,虚报成交额,G1；G2`,
      ].join("\n"),
    );
    expect(result.applications[0]?.document).toEqual({
      applicant: {
        creditCode: MCN,
        misconductFindings: [{ kind: "false-data", foundOn: "2025-06-01", description: "虚报成交额", grants: ["G1", "G2"] }],
      },
      claims: [],
      history: [
        { id: "G1", clauseId: "art4.1-session", factDate: "2025-03-08", paidOn: "2025-04-15", amount: "40000" },
        { id: "G2", clauseId: "art4.1-session", factDate: "2025-03-09", paidOn: "2025-04-15", amount: "30000" },
      ],
    });
  });

  it("reports a bad boolean, a conflicting applicant value and a claim cell on a grant row, by row and column", () => {
    const result = read(
      [
        HEADER + ",grantId",
        `甲,${MCN},是,maybe,S1,art4.1-session,2025-04-01,,是,1200000,`,
        `乙,${MCN},是,,S2,art4.1-session,2025-04-02,,是,1200000,`,
        `,${MCN},,,,art4.1-session,2025-03-01,,是,,G1`,
      ].join("\n"),
    );
    const problems = result.applications[0]?.problems ?? [];
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "applicantName", "inconsistent"],
      [4, "input.pingguGoodsSpecialSession", "unknown_field"],
    ]);
    // "maybe" is no yes or no: the cell reader hands it on, the library refuses it, placed on its cell.
    const application = result.applications[0]!;
    let located: ReturnType<typeof application.locate>[] = [];
    try {
      evaluate(application.document, deriveEdition({ publishedOn: "2025-03-01" }));
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      located = error.issues.map((issue) => application.locate(issue));
    }
    expect(located).toContainEqual(expect.objectContaining({ row: 2, column: "liveCommerceBusiness" }));
  });

  it("rejects a header with an unknown column (a typo would lose the column), a duplicate, or no creditCode", () => {
    const typo = read("creditCode,claimId,input.sessionTurnovr\n");
    expect(typo.fileProblems.map((p) => [p.row, p.column, p.code])).toEqual([[1, "input.sessionTurnovr", "unknown_field"]]);
    const noCode = read("claimId,claimId\nS1,S1\n");
    expect(noCode.fileProblems.map((p) => p.column)).toEqual(["claimId", "creditCode"]);
    expect(read("").fileProblems[0]?.received).toBe("an empty file");
  });

  it("places the library's issues and the cell reader's problems on the row and column they come from", () => {
    const units = readUnits(
      "x.csv",
      new TextEncoder().encode(
        [
          HEADER,
          `甲,${MCN},是,是,S1,art4.1-session,2025-04-01,,是,"1,200,000"`,
          `甲,${MCN},是,是,S2,art9.9,2025-13-01,,,`,
        ].join("\r\n"),
      ),
      { encoding: "utf8" },
    );
    const unit = units[0];
    if (unit?.kind !== "application") throw new Error("expected an application");
    const edition = deriveEdition({ publishedOn: "2025-03-01" });
    let issues: readonly { row?: number; column?: string }[] = [];
    try {
      evaluate(unit.document, edition);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      issues = error.issues.map((issue) => unit.locate(issue));
    }
    // "1,200,000" is a number as a clerk types it (thousands separators in groups of three): read, not refused.
    // A 13th month is no date: the cell reader hands it on and the library refuses it, placed on its cell.
    expect(issues.map((p) => `${p.row} ${p.column}`).sort()).toEqual(["3 clauseId", "3 factDate"]);
    expect(unit.problems).toEqual([]);
  });

  it("knows every input field of every clause as an input.<field> column", () => {
    const columns = new Set(knownColumns());
    for (const rule of listRules()) {
      for (const field of Object.keys((rule.schema as unknown as { shape: object }).shape)) expect(columns.has(`input.${field}`)).toBe(true);
    }
  });

  it("docs/cli.md documents every column, and each clause's input columns on its row", () => {
    const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
    for (const column of knownColumns()) expect(doc, `docs/cli.md names the column ${column}`).toContain(`\`${column}\``);
    for (const rule of listRules()) {
      const row = doc.split("\n").find((line) => line.startsWith(`| \`${rule.id}\` |`));
      expect(row, `docs/cli.md has a row for ${rule.id}`).toBeDefined();
      const documented = [...(row ?? "").matchAll(/`input\.(\w+)`/g)].map((match) => match[1]);
      expect(documented).toEqual(Object.keys((rule.schema as unknown as { shape: object }).shape));
    }
  });
});

describe("reading bytes", () => {
  it("says how to fix a file that is not UTF-8, and reads GB18030 when told", () => {
    const gbk = Uint8Array.from([0x63, 0x72, 0x65, 0x64, 0x69, 0x74, 0x43, 0x6f, 0x64, 0x65, 0x0a, 0xc6, 0xbd, 0xb9, 0xc8, 0x0a]); // creditCode\n平谷\n
    const [bad] = readUnits("gbk.csv", gbk, { encoding: "utf8" });
    expect(bad?.kind).toBe("invalid");
    expect(bad?.kind === "invalid" && bad.problems[0]?.hint).toMatch(/--encoding gb18030/);
    const [good] = readUnits("gbk.csv", gbk, { encoding: "gb18030" });
    expect(good?.kind === "application" && (good.document as { applicant: { creditCode: string } }).applicant.creditCode).toBe("平谷");
  });
});

describe("findJsonSyntaxProblem", () => {
  it("finds where the text goes wrong, and what was expected there", () => {
    expect(findJsonSyntaxProblem('{"a": 1,}')).toMatchObject({ offset: 8, expected: expect.stringMatching(/property name/) });
    expect(findJsonSyntaxProblem('{"a": 1 "b": 2}')).toMatchObject({ offset: 8, expected: expect.stringMatching(/',' or '}'/) });
    expect(findJsonSyntaxProblem("[1, 2")).toMatchObject({ offset: 5, expected: expect.stringMatching(/text ends here/) });
    expect(findJsonSyntaxProblem('{"a": 01}')).toMatchObject({ offset: 7 });
    expect(findJsonSyntaxProblem('{"a": "x\ny"}')).toMatchObject({ offset: 8 });
    expect(findJsonSyntaxProblem("{} {}")).toMatchObject({ offset: 3 });
    expect(findJsonSyntaxProblem('{"a": [true, false, null, -1.5e3, "\\u00e9"]}')).toBeNull();
  });

  it("gives the line and column in the problem of a bad JSON file", () => {
    const [unit] = readUnits("bad.json", new TextEncoder().encode('{\n  "applicant": {},\n  "claims": [,]\n}\n'), { encoding: "utf8" });
    expect(unit?.kind === "invalid" && unit.problems[0]).toMatchObject({ code: "syntax", line: 3, character: 14 });
  });
});
