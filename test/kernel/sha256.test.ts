/**
 * The library's own SHA-256 (the audit stamp) against node:crypto: the FIPS 180-4 vectors, strings
 * with CJK, emoji and lone surrogates, every length around the padding boundaries, and random strings.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Sha256Writer, sha256Bytes, sha256Hex, utf8Bytes } from "../../src/kernel/sha256.js";

/** node:crypto over exactly the bytes TextEncoder gives (a lone surrogate becomes U+FFFD). */
function reference(text: string): string {
  return createHash("sha256").update(Buffer.from(new TextEncoder().encode(text))).digest("hex");
}

describe("sha256Hex: the FIPS 180-4 / NIST example vectors", () => {
  it.each([
    ["the empty string", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ['"abc"', "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "the 448-bit message",
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    [
      "the 896-bit message",
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
  ])("%s", (_name, message, digest) => {
    expect(sha256Hex(message)).toBe(digest);
    expect(reference(message)).toBe(digest);
  });

  it("one million repetitions of “a”", () => {
    const message = "a".repeat(1_000_000);
    const digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    expect(sha256Hex(message)).toBe(digest);
    expect(reference(message)).toBe(digest);
  });
});

describe("sha256Hex: non-ASCII text is hashed over its UTF-8 bytes", () => {
  it.each([
    ["CJK", "平谷区促进直播电商产业高质量发展若干措施（征求意见稿）"],
    ["full-width punctuation and 元", "单场最高不超过5万元，单个企业年度累计不超过30万元。"],
    ["emoji (a surrogate pair)", "🍑 平谷大桃 🎥"],
    ["a four-byte CJK extension B ideograph", "𠀀𪚥"],
    ["two-byte Latin and Greek", "café Ωμέγα"],
    ["a zero-width joiner sequence", "👩‍👩‍👧‍👦"],
    ["U+FFFF and U+10FFFF", "\uffff\u{10ffff}"],
    ["NUL and control characters", "\u0000\u0001\n\t\u007f"],
  ])("%s", (_name, text) => {
    expect(sha256Hex(text)).toBe(reference(text));
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it.each([
    ["a lone high surrogate", "\ud800"],
    ["a lone low surrogate", "\udc00"],
    ["a high surrogate at the end", "abc\udbff"],
    ["a low surrogate at the start", "\udfffabc"],
    ["two high surrogates in a row", "\ud83d\ud83d\ude00"],
    ["a reversed pair", "\ude00\ud83d"],
  ])("%s is hashed as U+FFFD, as TextEncoder encodes it", (_name, text) => {
    expect(sha256Hex(text)).toBe(reference(text));
  });
});

describe("sha256Hex: every length around the padding boundaries", () => {
  // 55 bytes is the longest message whose padding fits one block; 56–63 need a second block; 64 is one full block.
  it("lengths 0..200 of ASCII text", () => {
    for (let length = 0; length <= 200; length++) {
      const text = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(6).slice(0, length).padEnd(length, "x");
      expect(text.length).toBe(length);
      expect(sha256Hex(text), `length ${length}`).toBe(reference(text));
    }
  });

  it("byte lengths 0..200 built from a three-byte character and ASCII", () => {
    for (let length = 0; length <= 200; length++) {
      const text = "谷".repeat(Math.floor(length / 3)) + "a".repeat(length % 3);
      expect(utf8Bytes(text).length).toBe(length);
      expect(sha256Hex(text), `byte length ${length}`).toBe(reference(text));
    }
  });

  it("sha256Bytes over raw bytes 0..255 of each length 0..200", () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(sha256Bytes(bytes), `length ${length}`).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });
});

describe("utf8Bytes equals TextEncoder", () => {
  it.each(["", "abc", "平谷", "🍑", "\ud800", "\udc00x", "a\ud83d", "\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}"])(
    "%j",
    (text) => {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    },
  );

  it("property: for any sequence of UTF-16 code units, lone surrogates included", () => {
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(codeUnits, (text) => {
        expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("sha256Hex: properties against node:crypto", () => {
  it("any string of code points (unit: binary)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 150 }), (text) => {
        expect(sha256Hex(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it("any full-Unicode string (unit: grapheme)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        expect(sha256Hex(text)).toBe(reference(text));
      }),
      { numRuns: 200 },
    );
  });

  it("any sequence of UTF-16 code units, lone surrogates included", () => {
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 150 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(codeUnits, (text) => {
        expect(sha256Hex(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it("digests are 64 lowercase hex digits", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(sha256Hex(text)).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: 100 },
    );
  });
});

describe("Sha256Writer: the hash of text written piece by piece", () => {
  function written(pieces: readonly string[]): string {
    const writer = new Sha256Writer();
    for (const piece of pieces) writer.write(piece);
    return writer.hex();
  }

  it("nothing written is the hash of the empty string", () => {
    expect(written([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("every length around the block and padding boundaries, in one piece and in pieces of 1, 7 and 64", () => {
    for (let length = 0; length <= 200; length++) {
      const text = "a".repeat(length);
      const expected = reference(text);
      expect(written([text]), `${length}`).toBe(expected);
      for (const size of [1, 7, 64]) {
        const pieces: string[] = [];
        for (let at = 0; at < length; at += size) pieces.push(text.slice(at, at + size));
        expect(written(pieces), `${length} in pieces of ${size}`).toBe(expected);
      }
    }
  });

  it("multi-byte characters across block boundaries: CJK (3 bytes), é (2), emoji (4), a lone surrogate (U+FFFD)", () => {
    for (let pad = 0; pad < 70; pad++) {
      const text = `${"x".repeat(pad)}平谷é😀\ud800z`;
      expect(written([text]), `${pad}`).toBe(reference(text));
      expect(written([text.slice(0, pad), "平谷", "é", "😀", "\ud800", "z"]), `${pad} in pieces`).toBe(reference(text));
    }
  });

  it("property: any split of any string at places that do not split a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.nat({ max: 300 }), { maxLength: 8 }), (text, cuts) => {
        const places = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))]
          .filter((at) => !(at > 0 && /[\ud800-\udbff]/.test(text[at - 1] ?? "") && /[\udc00-\udfff]/.test(text[at] ?? "")))
          .sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const at of places) {
          pieces.push(text.slice(from, at));
          from = at;
        }
        pieces.push(text.slice(from));
        expect(written(pieces)).toBe(reference(text));
        expect(written(pieces)).toBe(sha256Hex(text));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses to be written to or read after its digest", () => {
    const writer = new Sha256Writer();
    writer.write("abc");
    expect(writer.hex()).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(() => writer.write("d")).toThrow(/after digest/);
    expect(() => writer.hex()).toThrow(/twice/);
  });
});
