/**
 * Canonical JSON for content hashes: sorted keys (UTF-16 code units), no whitespace, `undefined`
 * dropped, strings and numbers as JSON.stringify writes them, non-finite numbers refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonSha256 } from "../../src/kernel/canonical.js";
import { PolicyValidationError } from "../../src/kernel/errors.js";
import { sha256Hex } from "../../src/kernel/sha256.js";

describe("canonicalJson: key order", () => {
  it("the same members in any order give the same text", () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it("nested objects are sorted at every level; arrays keep their order", () => {
    const a = { z: { y: [3, { q: 1, p: 2 }, 1], x: null }, a: [{ b: true, a: false }] };
    const b = { a: [{ a: false, b: true }], z: { x: null, y: [3, { p: 2, q: 1 }, 1] } };
    expect(canonicalJson(a)).toBe('{"a":[{"a":false,"b":true}],"z":{"x":null,"y":[3,{"p":2,"q":1},1]}}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("keys sort by UTF-16 code units (RFC 8785), not by code point or locale", () => {
    // U+1F600 is the pair D83D DE00, which sorts before U+FF61 in UTF-16 though after it by code point.
    const value = { "\uff61": 1, "😀": 2, é: 3, Z: 4, a: 5, "10": 6, "9": 7, "": 8 };
    expect(canonicalJson(value)).toBe('{"":8,"10":6,"9":7,"Z":4,"a":5,"é":3,"😀":2,"｡":1}');
  });

  it("property: shuffling the keys of any object does not change the text", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.infiniteStream(fc.nat()), (record, randoms) => {
        const keys = Object.keys(record);
        const shuffled = [...keys];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (randoms.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
        }
        // Object.fromEntries defines own members, so a "__proto__" key stays a key.
        const rebuilt: Record<string, unknown> = Object.fromEntries(shuffled.map((key) => [key, record[key]]));
        expect(canonicalJson(rebuilt)).toBe(canonicalJson(record));
      }),
      { numRuns: 150 },
    );
  });
});

describe("canonicalJson: values", () => {
  it('an own "__proto__" member (as JSON.parse makes it) is kept as a member', () => {
    expect(canonicalJson(JSON.parse('{"b":2,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":2}');
  });

  it("no whitespace; scalars as JSON", () => {
    expect(canonicalJson({ a: [1, "x", true, null] })).toBe('{"a":[1,"x",true,null]}');
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson(false)).toBe("false");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson([])).toBe("[]");
  });

  it("undefined members are dropped, as JSON.stringify does; undefined array items become null", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ a: { b: undefined } })).toBe('{"a":{}}');
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(JSON.stringify({ b: 1 }));
  });

  it("numbers in ECMAScript's shortest form; -0 is 0", () => {
    expect(canonicalJson([0, -0, 1.5, 0.1, 1e21, 1e-7, 123456789012345680000, -2.5e-10])).toBe(
      JSON.stringify([0, 0, 1.5, 0.1, 1e21, 1e-7, 123456789012345680000, -2.5e-10]),
    );
    expect(canonicalJson(-0)).toBe("0");
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
  ])("%s throws the validation error, even nested, naming where", (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(PolicyValidationError);
    expect(() => canonicalJson({ a: [1, { b: value }] })).toThrow(/value\.a\[1\]\.b: expected a finite number/);
  });

  it("values JSON cannot carry throw rather than vanish", () => {
    expect(() => canonicalJson(10n)).toThrow(PolicyValidationError);
    expect(() => canonicalJson(Symbol("s"))).toThrow(PolicyValidationError);
    expect(() => canonicalJson(() => 1)).toThrow(PolicyValidationError);
  });

  it.each([
    ["quotes and backslashes", 'a"b\\c'],
    ["control characters", "\u0000\u0001\b\f\n\r\t\u001f\u007f"],
    ["CJK and emoji", "平谷好物 🍑"],
    ["a lone surrogate (well-formed JSON.stringify escapes it)", "x\ud800y\udc00"],
    ["U+2028 and U+2029", "\u2028\u2029"],
    ["a slash", "a/b"],
  ])("strings are escaped like JSON.stringify: %s", (_name, text) => {
    expect(canonicalJson(text)).toBe(JSON.stringify(text));
    expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
  });

  it("property: any string is escaped like JSON.stringify", () => {
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), codeUnits), (text) => {
        expect(canonicalJson(text)).toBe(JSON.stringify(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe("canonicalJson: properties over JSON values", () => {
  it("canonicalJson(JSON.parse(canonicalJson(x))) === canonicalJson(x)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("the text is valid JSON that parses to a value deep-equal to the input (up to -0)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it("objects come out with their keys sorted", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (record) => {
        const parsed = JSON.parse(canonicalJson(record)) as Record<string, number>;
        const keys = Object.keys(parsed).filter((key) => !/^(0|[1-9]\d*)$/.test(key));
        expect(keys).toEqual([...keys].sort());
      }),
      { numRuns: 150 },
    );
  });
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("canonicalJsonSha256: the canonical text hashed as it is written", () => {
  const hashOfText = (value: unknown) => sha256Hex(canonicalJson(value));

  it("equals sha256Hex(canonicalJson(value)) on documents with escapes, CJK, emoji, lone surrogates, numbers and undefined members", () => {
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      -0,
      1e21,
      -1.5e-7,
      "",
      'quote " backslash \\ newline \n tab \t nul \u0000 unit \u001f',
      "平谷区 直播电商 😀 \ud800 \udc00 end",
      [],
      {},
      [undefined, 1, "a"],
      { b: undefined, a: [{ z: 1, y: { x: "平谷" } }], "": null, "\ud83d\ude00": "pair", "\uff61": 2 },
    ];
    for (const value of values) expect(canonicalJsonSha256(value), JSON.stringify(value) ?? "undefined").toBe(hashOfText(value));
  });

  it("property: equals the two-step hash on any JSON value, and on any string of UTF-16 units", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJsonSha256(value)).toBe(hashOfText(value));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary" }), fc.string({ unit: "binary" })), (record) => {
        expect(canonicalJsonSha256(record)).toBe(hashOfText(record));
      }),
      { numRuns: 300 },
    );
  });

  it("writes the holes of a sparse array as null, as JSON.stringify does, in both functions", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    expect(canonicalJson(sparse)).toBe("[1,null,3]");
    expect(canonicalJson(new Array(2))).toBe("[null,null]");
    expect(canonicalJsonSha256(sparse)).toBe(hashOfText(sparse));
    expect(canonicalJsonSha256(sparse)).toBe(sha256Hex("[1,null,3]"));
  });

  it("refuses what canonicalJson refuses, with the same error", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, { a: 1n }, [() => 1], Symbol("s")]) {
      expect(() => canonicalJson(value)).toThrow(PolicyValidationError);
      expect(() => canonicalJsonSha256(value)).toThrow(messageOf(() => canonicalJson(value)));
    }
  });
});
