/**
 * src/kernel/canonical.ts and src/kernel/sha256.ts: what the audit hash is computed over, and the UTF-8
 * encoding of characters outside the Basic Multilingual Plane (surrogate pairs), which only the
 * randomised suite exercised. node:crypto is the reference for SHA-256 (FIPS 180-4).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/kernel/canonical.js";
import { sha256Hex, utf8Bytes } from "../../src/kernel/sha256.js";

describe("canonicalJson refuses what JSON cannot carry, saying what it was", () => {
  // Since issue 12 (typed errors everywhere): the validation error, naming the path and the value.
  it("a non-finite number", () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(/value\.amount: expected a finite number \(JSON has no NaN or Infinity\); received NaN/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/value\[0\]: expected a finite number/);
  });

  it("a function, a bigint, a symbol: named by type", () => {
    expect(() => canonicalJson(() => 1)).toThrow(/value: expected a JSON value: .*; received a function/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/value\.a: expected a JSON value: .*; received 1 \(bigint\)/);
    expect(() => canonicalJson([Symbol("s")])).toThrow(/value\[0\]: expected a JSON value: .*; received a symbol/);
  });
});

describe("UTF-8 of a surrogate pair: one four-byte sequence", () => {
  it("U+1F600 (😀, \\uD83D\\uDE00) is F0 9F 98 80", () => {
    expect([...utf8Bytes("😀")]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8Bytes("a😀b")]).toEqual([0x61, 0xf0, 0x9f, 0x98, 0x80, 0x62]);
  });

  it("U+20BB7 (𠮷, a CJK Extension B character) is F0 A0 AE B7", () => {
    expect([...utf8Bytes("𠮷")]).toEqual([0xf0, 0xa0, 0xae, 0xb7]);
  });

  it("a lone high surrogate at the end, or followed by a non-surrogate, is U+FFFD (EF BF BD)", () => {
    expect([...utf8Bytes("a\uD83D")]).toEqual([0x61, 0xef, 0xbf, 0xbd]);
    expect([...utf8Bytes("\uD83Da")]).toEqual([0xef, 0xbf, 0xbd, 0x61]);
  });

  it("the hash of text with such characters equals node:crypto's", () => {
    for (const text of ["😀", "平谷𠮷直播😀", '{"name":"𠮷野家"}']) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("SHA-256 of a message of 2 MiB and more: the bit length's low word has a non-zero top byte", () => {
  it("2^21 bytes (bit length 2^24) and one byte more equal node:crypto's", () => {
    // Mutant: the length loop run for i <= 4 (sha256.ts), which overwrites the top byte of the low word of
    // the bit length with the high word's (0); invisible below 2^21 bytes, where that byte is 0 anyway.
    for (const length of [2 ** 21, 2 ** 21 + 1]) {
      const text = "a".repeat(length);
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});
