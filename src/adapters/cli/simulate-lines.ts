/**
 * JSON Lines read as a stream, for `pinggu simulate`: the bytes are pulled chunk by chunk (so a file
 * larger than memory is fine, and reading waits while the applications are evaluated), cut at line
 * feeds, and handed on a chunk's worth of lines at a time with their line numbers. UTF-8, a byte order
 * mark on the first line is dropped, CRLF line ends are fine, blank lines are skipped. (Bytes that are not
 * UTF-8 become U+FFFD rather than stopping the run: a name may come out garbled, no figure can.)
 */
import { StringDecoder } from "node:string_decoder";
import { findJsonSyntaxProblem } from "./json-syntax.js";
import type { Problem } from "./problems.js";

export interface Line {
  /** 1-based, counting every line of the input (blank ones too). */
  readonly line: number;
  readonly text: string;
}

/** The non-blank lines of a byte stream, a batch per chunk read. */
export async function* jsonLines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Line[]> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let line = 0;
  let first = true;
  const cut = (text: string, final: boolean): Line[] => {
    const batch: Line[] = [];
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end === -1 && !final) break;
      let piece = text.slice(start, end === -1 ? text.length : end);
      start = end === -1 ? text.length : end + 1;
      line += 1;
      if (first) {
        first = false;
        if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      }
      if (piece.endsWith("\r")) piece = piece.slice(0, -1);
      if (piece.trim() !== "") batch.push({ line, text: piece });
      if (end === -1) break;
    }
    carry = text.slice(start);
    return batch;
  };
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    const batch = cut(text, false);
    if (batch.length > 0) yield batch;
  }
  const rest = carry + decoder.end();
  if (rest !== "") {
    const batch = cut(rest, true);
    if (batch.length > 0) yield batch;
  }
}

/** A line that is not JSON, placed by line and column, as `pinggu evaluate` reports it. */
export function lineSyntaxProblem(line: Line, error: unknown): Problem {
  const found = findJsonSyntaxProblem(line.text);
  if (found) {
    return {
      code: "syntax",
      line: line.line,
      character: found.offset + 1,
      expected: `valid JSON: ${found.expected}`,
      expectedZh: `合法的 JSON：${found.expectedZh}`,
      ...(found.offset < line.text.length ? { received: JSON.stringify(line.text.slice(found.offset, found.offset + 20)) } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "syntax", line: line.line, expected: `valid JSON (${message})`, expectedZh: `合法的 JSON（${message}）` };
}

