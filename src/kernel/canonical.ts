import { formatPath, makeIssue, PolicyValidationError, type ValidationIssue } from "./errors.js";
import { Sha256Writer } from "./sha256.js";

/**
 * Canonical JSON for content hashes: object keys sorted by UTF-16 code units, no whitespace, numbers in
 * ECMAScript's shortest form (as RFC 8785, JCS). `undefined` members are dropped, as JSON.stringify does.
 * Two documents that mean the same JSON give the same text, whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  try {
    return encode(value);
  } catch (error) {
    throw refusal(value, error);
  }
}

function encode(value: unknown): string {
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
      items.push(item === undefined ? "null" : encode(item));
    }
    return `[${items.join(",")}]`;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${encode(record[key])}`).join(",")}}`;
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
  try {
    writeCanonical(writer, value);
  } catch (error) {
    throw refusal(value, error);
  }
  return writer.hex();
}

/** At most this many problems are listed: a document of a million bad values needs no million issues. */
const MAX_ISSUES = 20;

/**
 * Why `value` cannot be written as canonical JSON, found by walking it again, now with the path and
 * the ancestors at hand (the writers above keep neither: the audit hash of every decision runs them).
 * A value that contains itself, a non-finite number, undefined, a bigint, a symbol or a function is
 * a PolicyValidationError naming each place. An error thrown by the caller's own getter is thrown
 * again as it is; anything else found nothing to report is returned as it was.
 */
function refusal(value: unknown, cause: unknown): unknown {
  const issues: ValidationIssue[] = [];
  try {
    diagnose(value, ["value"], new Set(), issues);
  } catch (error) {
    // The walk itself failed: a getter throwing, or nesting deeper than the stack (a cycle is caught
    // before that). The first is the caller's error; the second is reported below.
    if (!(error instanceof RangeError)) throw error;
  }
  if (issues.length > 0) return new PolicyValidationError(issues, "canonicalJson");
  if (cause instanceof RangeError) {
    return new PolicyValidationError(
      [makeIssue({ code: "invalid_value", pathSegments: ["value"], received: value, expected: "a JSON value nested at most a few thousand levels deep", expectedZh: "嵌套层数不超过数千层的 JSON 值" })],
      "canonicalJson",
    );
  }
  return cause;
}

function diagnose(value: unknown, path: (string | number)[], ancestors: Set<object>, issues: ValidationIssue[]): void {
  if (issues.length >= MAX_ISSUES) return;
  if (value === null || typeof value === "boolean" || typeof value === "string") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) issues.push(unencodable(path, value, "a finite number (JSON has no NaN or Infinity)", "有限数值（JSON 没有 NaN 或 Infinity）"));
    return;
  }
  if (typeof value !== "object") {
    issues.push(unencodable(path, value, "a JSON value: an object, an array, a string, a finite number, true, false or null", "JSON 值：对象、数组、字符串、有限数值、true、false 或 null"));
    return;
  }
  if (ancestors.has(value)) {
    issues.push(
      makeIssue({
        code: "invalid_value",
        pathSegments: [...path],
        received: value,
        expected: "a value that does not contain itself (JSON has no cycles)",
        expectedZh: "不包含自身的值（JSON 不能有循环引用）",
        hint: `this is the value at ${formatPath(path.slice(0, ancestorDepth(value, ancestors) + 1))} again`,
        hintZh: `这是 ${formatPath(path.slice(0, ancestorDepth(value, ancestors) + 1))} 处的同一个值`,
      }),
    );
    return;
  }
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== undefined) diagnose(item, [...path, i], ancestors, issues);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (member !== undefined) diagnose(member, [...path, key], ancestors, issues);
    }
  }
  ancestors.delete(value);
}

/** How deep `value` sits among the ancestors (a Set keeps the order they were entered in). */
function ancestorDepth(value: object, ancestors: Set<object>): number {
  let depth = 0;
  for (const ancestor of ancestors) {
    if (ancestor === value) return depth;
    depth += 1;
  }
  return depth;
}

function unencodable(path: readonly (string | number)[], value: unknown, expected: string, expectedZh: string): ValidationIssue {
  return makeIssue({ code: "invalid_type", pathSegments: [...path], received: value, expected, expectedZh });
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
