/**
 * The JSON output written in pieces (src/adapters/cli/writers/pretty-json.ts) must be, joined, exactly
 * what JSON.stringify(value, null, 2) makes — whatever is expanded — and no piece may be the whole.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunked, prettyJsonPieces } from "../../src/adapters/cli/writers/pretty-json.js";

const all = () => true;
const none = () => false;
const join = (pieces: Iterable<string>) => [...pieces].join("");

describe("prettyJsonPieces", () => {
  it("joins to JSON.stringify(value, null, 2) for scalars, empty and nested containers", () => {
    const values: unknown[] = [null, true, 0, -1.5e-7, "平谷\n\"q\"", [], {}, [[]], [{}], { a: [] }, { a: {} }, [1, [2, [3]]], { b: { c: { d: "x" } }, a: [1, "2", null] }];
    for (const value of values) {
      expect(join(prettyJsonPieces(value, all)), JSON.stringify(value)).toBe(JSON.stringify(value, null, 2));
      expect(join(prettyJsonPieces(value, none)), JSON.stringify(value)).toBe(JSON.stringify(value, null, 2));
    }
  });

  it("leaves out what JSON.stringify leaves out: undefined, functions and symbols as members; null in arrays", () => {
    const value = { a: undefined, b: () => 1, c: Symbol("s"), d: [undefined, () => 1, Symbol("t"), 1], e: { only: undefined } };
    expect(join(prettyJsonPieces(value, all))).toBe(JSON.stringify(value, null, 2));
  });

  it("a value with toJSON is written by JSON.stringify, whatever the path says", () => {
    const value = { when: new Date(Date.UTC(2025, 2, 1)), custom: { toJSON: () => ({ z: 1, a: [2] }) } };
    expect(join(prettyJsonPieces(value, all))).toBe(JSON.stringify(value, null, 2));
  });

  it("nests at an indentation: every line after the first prefixed, as JSON.stringify's text inside a parent", () => {
    const value = { file: "a.json", decision: { claims: [{ id: "s1", reasons: [] }, { id: "s2", reasons: [{ code: "X" }] }], totals: {} } };
    const expected = JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
    for (const expand of [all, none, (path: readonly (string | number)[]) => path.length < 2]) expect(join(prettyJsonPieces(value, expand, "  "))).toBe(expected);
  });

  it("property: equal to JSON.stringify for any JSON value, at any depth of expansion and indentation", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 4 }), fc.constantFrom("", "  ", "    "), (value, depth, indent) => {
        const expected = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
        expect(join(prettyJsonPieces(value, (path) => path.length <= depth, indent))).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("writes an expanded list member by member: no piece holds two members", () => {
    const claims = Array.from({ length: 50 }, (_, i) => ({ claimId: `c${i}`, text: "x".repeat(100) }));
    const value = { decision: { claims } };
    const pieces = [...prettyJsonPieces(value, (path) => path.length === 0 || path.join(".") === "decision" || path.join(".") === "decision.claims")];
    expect(pieces.join("")).toBe(JSON.stringify(value, null, 2));
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(JSON.stringify(claims[0], null, 2).length + 20);
  });
});

describe("chunked", () => {
  it("joins pieces into chunks of about the size, losing nothing", () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `piece ${i};`);
    const chunks = [...chunked(pieces, 100)];
    expect(chunks.join("")).toBe(pieces.join(""));
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 100 && chunk.length < 112)).toBe(true);
    expect([...chunked([], 10)]).toEqual([]);
  });
});
