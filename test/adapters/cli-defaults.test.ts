/**
 * The command's defaults (issue 13, item 7): a human format on a terminal and JSON when piped, a BOM on
 * CSV, gbk as an alias of gb18030, a file not in the stated encoding refused, a missing or empty file a
 * problem of the file and not an applicant.
 */
import { iconv } from "./gb18030-fixture.js";
import { describe, expect, it } from "vitest";
import { evaluateCommand } from "../../src/adapters/cli/commands/evaluate.js";
import type { Io } from "../../src/adapters/cli/io.js";
import { decode, readUnits } from "../../src/adapters/cli/readers.js";

const EDITION = "fixtures/editions/published-2025-03-01.json";

function fakeIo(tty: boolean, stdin = ""): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: { write: async (text: string) => void (io.out += text) },
    stderr: { write: async (text: string) => void (io.err += text) },
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    env: {},
    readStdin: async () => new TextEncoder().encode(stdin),
  };
  return io;
}

describe("output format by default", () => {
  it("terminal on a terminal, JSON when piped", async () => {
    const tty = fakeIo(true);
    expect(await evaluateCommand(["fixtures/applications/park-operator.json", "--edition", EDITION, "--lang", "en"], tty)).toBe(0);
    expect(tty.out.trimStart().startsWith("[")).toBe(false);
    expect(tty.out).toContain("Total awarded");
    const piped = fakeIo(false);
    expect(await evaluateCommand(["fixtures/applications/park-operator.json", "--edition", EDITION], piped)).toBe(0);
    expect(Array.isArray(JSON.parse(piped.out))).toBe(true);
  });

  it("CSV starts with a byte order mark unless --no-bom", async () => {
    const bom = fakeIo(false);
    await evaluateCommand(["fixtures/applications/park-operator.json", "--edition", EDITION, "--format", "csv"], bom);
    expect(bom.out.startsWith("\ufefffile,")).toBe(true);
    const none = fakeIo(false);
    await evaluateCommand(["fixtures/applications/park-operator.json", "--edition", EDITION, "--format", "csv", "--no-bom"], none);
    expect(none.out.startsWith("file,")).toBe(true);
  });
});

describe("encodings", () => {
  const csv = "applicantName,creditCode\n平谷桃园,91110117MA03MCN009\n";
  const gbk = iconv(csv);

  it("gbk is an alias of gb18030", () => {
    expect(decode(gbk, "gbk")).toBe(csv);
    expect(decode(gbk, "gb18030")).toBe(csv);
  });

  it("a UTF-8 file stated as gb18030 or gbk is refused, not read into garbled names", () => {
    const utf8 = new TextEncoder().encode(csv);
    for (const stated of ["gb18030", "gbk"] as const) {
      const problem = decode(utf8, stated);
      expect(typeof problem).toBe("object");
      expect(problem).toMatchObject({ code: "encoding", received: "UTF-8 text" });
    }
  });

  it("a file with a UTF-8 byte order mark stated as gbk is refused (no column 锘縜pplicantName)", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("applicantName,creditCode\n")]);
    expect(decode(withBom, "gbk")).toMatchObject({ code: "encoding", receivedZh: "UTF-8 文本（以 UTF-8 字节顺序标记开头）" });
  });

  it("a GBK file read as UTF-8 says how to read it, in Chinese too", () => {
    expect(decode(gbk, "utf8")).toMatchObject({ code: "encoding", receivedZh: "不是 UTF-8 编码的字节" });
  });
});

describe("missing and empty files are problems of the file, not applicants", () => {
  it("an empty or blank file", () => {
    for (const text of ["", "  \n\n"]) {
      const units = readUnits("empty.json", new TextEncoder().encode(text), { encoding: "utf8" });
      expect(units).toEqual([expect.objectContaining({ kind: "invalid", fileProblem: true })]);
    }
  });

  it("a missing file: exit 1, and no applicant counted", async () => {
    const io = fakeIo(true);
    expect(await evaluateCommand(["no-such-file.json", "fixtures/applications/park-operator.json", "--edition", EDITION, "--lang", "en"], io)).toBe(1);
    expect(io.err).toContain("no-such-file.json: expected a readable file (no such file)");
    expect(io.out).toMatch(/Applications: 1\b/);
  });
});

describe("--edition FILE goes through the library's validation; every problem names the file and the path", () => {
  it("a negative rate, a cap with a fraction of a fen and an unknown clause: all named by path", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { InputError } = await import("../../src/adapters/cli/edition.js");
    const dir = mkdtempSync(join(tmpdir(), "pinggu-edition-"));
    try {
      const file = join(dir, "bad-edition.json");
      writeFileSync(file, JSON.stringify({ id: "x", publishedOn: "2025-03-01", parameters: { "art3.3": { cap: "-5" }, "art9.9": {} } }));
      let caught: unknown;
      try {
        await evaluateCommand(["fixtures/applications/park-operator.json", "--edition", file, "--lang", "en"], fakeIo(false));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      const problem = caught as InstanceType<typeof InputError>;
      expect(problem.file).toBe(file);
      const paths = problem.problems.map((p) => p.path ?? "");
      expect(paths.some((path) => path.includes("art3.3"))).toBe(true);
      expect(paths.every((path) => path !== "" && !path.startsWith("edition"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
