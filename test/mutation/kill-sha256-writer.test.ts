/**
 * src/kernel/sha256.ts, `Sha256Writer` (the streaming hash behind `canonicalJsonSha256`): the UTF-8
 * encoding at the exact borders of its byte lengths, U+0080, U+0800 and U+10000, and a lone low
 * surrogate (U+FFFD, as TextEncoder writes it). The one-shot `sha256Hex` had tests at these borders; the
 * writer encodes on its own. node:crypto is the reference. Written for the survivors of the session-4
 * Stryker run (docs/quality.md, "This evening's changed files (session 4)").
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256Writer, sha256Hex } from "../../src/kernel/sha256.js";

function written(...pieces: string[]): string {
  const writer = new Sha256Writer();
  for (const piece of pieces) writer.write(piece);
  return writer.hex();
}

/** SHA-256 of the bytes given, by node:crypto. */
function reference(bytes: readonly number[]): string {
  return createHash("sha256").update(Uint8Array.from(bytes)).digest("hex");
}

describe("Sha256Writer at the borders of UTF-8's byte lengths", () => {
  it("U+007F is one byte, U+0080 two (C2 80)", () => {
    // Mutant: `code < 0x80` → `<= 0x80`: U+0080 written as the single byte 80.
    expect(written("\u007f")).toBe(reference([0x7f]));
    expect(written("\u0080")).toBe(reference([0xc2, 0x80]));
    expect(written("a\u0080b")).toBe(sha256Hex("a\u0080b"));
  });

  it("U+07FF is two bytes, U+0800 three (E0 A0 80)", () => {
    // Mutant: `code < 0x800` → `<= 0x800`: U+0800 written as two bytes.
    expect(written("\u07ff")).toBe(reference([0xdf, 0xbf]));
    expect(written("\u0800")).toBe(reference([0xe0, 0xa0, 0x80]));
  });

  it("U+FFFF is three bytes, U+10000 (the pair D800 DC00) four (F0 90 80 80)", () => {
    // Mutant: `code < 0x10000` → `<= 0x10000`: U+10000 written as three bytes.
    expect(written("\uffff")).toBe(reference([0xef, 0xbf, 0xbf]));
    expect(written("\ud800\udc00")).toBe(reference([0xf0, 0x90, 0x80, 0x80]));
  });

  it("a lone low surrogate is U+FFFD (EF BF BD), alone, first, last or between pieces", () => {
    // Mutant: `isLowSurrogate(code)` → false: DC00 written as ED B0 80, as if it were a character.
    const replacement = [0xef, 0xbf, 0xbd];
    expect(written("\udc00")).toBe(reference(replacement));
    expect(written("a\udfff", "b")).toBe(reference([0x61, ...replacement, 0x62]));
    expect(written("x", "\udc00y")).toBe(createHash("sha256").update("x\udc00y", "utf8").digest("hex"));
  });
});
