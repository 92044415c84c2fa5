/**
 * `JSON.stringify(value, null, 2)`, written in pieces. The evaluate command's JSON output of one
 * application of 100,000 claims is longer than the longest string V8 can make (about 2^29 characters),
 * so building it whole failed with "RangeError: Invalid string length". Here the containers on a given
 * path (an entry → its decision → its claims) are written member by member, everything else by
 * JSON.stringify itself; the pieces joined are exactly the text JSON.stringify would have made
 * (test/adapters/pretty-json.test.ts).
 */

/** Whether the container at this path (keys from the root) is written member by member. */
export type Expand = (path: readonly (string | number)[]) => boolean;

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` with every line after the first prefixed by `indent`
 * (as the text would be if it were nested at that depth), for a value that JSON.stringify would write
 * (not undefined, a function or a symbol at the top).
 */
export function* prettyJsonPieces(value: unknown, expand: Expand, indent = "", path: readonly (string | number)[] = []): Generator<string> {
  const container = typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== "function";
  if (!container || !expand(path)) {
    const text = JSON.stringify(value, null, 2);
    yield indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "" : ","}\n${inner}`;
      const item: unknown = value[i];
      if (omitted(item)) yield "null";
      else yield* prettyJsonPieces(item, expand, inner, [...path, i]);
    }
    yield `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (omitted(member)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* prettyJsonPieces(member, expand, inner, [...path, key]);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** The pieces joined into chunks of about `size` characters (fewer, larger writes). */
export function* chunked(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer !== "") yield buffer;
}
