/** `pinggu simulate --merge-same-applicant`: the flag reaches the library's one-ledger option. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulateCommand } from "../../src/adapters/cli/commands/simulate.js";
import type { Io } from "../../src/adapters/cli/io.js";

const work = mkdtempSync(join(tmpdir(), "pinggu-sim-ledger-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fakeIo(): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: { write: async (text: string) => void (io.out += text) },
    stderr: { write: async (text: string) => void (io.err += text) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    readStdin: async () => new Uint8Array(),
  };
  return io;
}

describe("pinggu simulate: one applicant, one ledger", () => {
  // One applicant's claims on two lines.
  const whole = JSON.parse(readFileSync("fixtures/applications/mcn-agency.json", "utf8")) as { claims: unknown[] };
  const half = Math.ceil(whole.claims.length / 2);
  const file = join(work, "split.jsonl");
  writeFileSync(file, `${JSON.stringify({ ...whole, claims: whole.claims.slice(0, half) })}\n${JSON.stringify({ ...whole, claims: whole.claims.slice(half) })}\n`);

  it("refuses the second line by default (exit 1), and merges them with --merge-same-applicant", async () => {
    const refused = fakeIo();
    expect(await simulateCommand([file, "--published-on", "2025-03-01", "--format", "json", "--lang", "en"], refused)).toBe(1);
    expect(refused.err).toContain("line 2");
    const merged = fakeIo();
    expect(await simulateCommand([file, "--published-on", "2025-03-01", "--format", "json", "--merge-same-applicant"], merged)).toBe(0);
    const result = JSON.parse(merged.out) as { editions: { invalidApplications: number; beneficiaries: number }[] };
    expect(result.editions[0]?.invalidApplications).toBe(0);
    expect(result.editions[0]?.beneficiaries).toBe(1);
  });
});
