import { Sha256Writer } from "./sha256.js";

/**
 * Canonical JSON for content hashes: object keys sorted by UTF-16 code units, no whitespace, numbers in
 * ECMAScript's shortest form (as RFC 8785, JCS). `undefined` members are dropped, as JSON.stringify does.
 * Two documents that mean the same JSON give the same text, whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) {
    // An index loop, not map(): map skips the holes of a sparse array ([1, , 3] would give "[1,,3]").
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      items.push(item === undefined ? "null" : canonicalJson(item));
    }
    return `[${items.join(",")}]`;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
}

/**
 * `sha256Hex(canonicalJson(value))`, without building the text: the canonical JSON is written straight
 * into the hash, piece by piece (test/kernel/canonical.test.ts holds the two equal on random documents).
 * The audit hash of a large application costs neither its string nor its UTF-8 bytes in memory.
 */
export function canonicalJsonSha256(value: unknown): string {
  const writer = new Sha256Writer();
  writeCanonical(writer, value);
  return writer.hex();
}

/** Characters a JSON string must escape (JSON.stringify also escapes lone surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function writeString(writer: Sha256Writer, text: string): void {
  if (NEEDS_ESCAPE.test(text)) {
    writer.write(JSON.stringify(text));
    return;
  }
  writer.write('"');
  writer.write(text);
  writer.write('"');
}

function writeCanonical(writer: Sha256Writer, value: unknown): void {
  if (value === null || typeof value === "boolean") {
    writer.write(value === null ? "null" : value ? "true" : "false");
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
    writer.write(JSON.stringify(value));
    return;
  }
  if (typeof value === "string") {
    writeString(writer, value);
    return;
  }
  if (Array.isArray(value)) {
    writer.write("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) writer.write(",");
      const item: unknown = value[i];
      if (item === undefined) writer.write("null");
      else writeCanonical(writer, item);
    }
    writer.write("]");
    return;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    writer.write("{");
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (i > 0) writer.write(",");
      writeString(writer, key);
      writer.write(":");
      writeCanonical(writer, record[key]);
    }
    writer.write("}");
    return;
  }
  throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
}
