/**
 * A small structural check of documents the library made and a caller hands back (a clause result to
 * explain): each field it reads has the type it reads it as, or one validation issue names it. Plain
 * code rather than zod: the spreadsheet bundle explains results within a 150,000-byte budget.
 */
import { makeIssue, type ValidationIssue } from "./errors.js";

export type Shape =
  | "string"
  /** A string or null. */
  | "string|null"
  | "boolean|null"
  | "number"
  | { readonly oneOf: readonly string[] }
  | { readonly object: Readonly<Record<string, Shape>>; readonly optional?: boolean }
  | { readonly array: Shape };

const MAX_ISSUES = 20;

function describe(shape: Shape): { en: string; zh: string } {
  if (shape === "string") return { en: "a string", zh: "字符串" };
  if (shape === "string|null") return { en: "a string or null", zh: "字符串或 null" };
  if (shape === "boolean|null") return { en: "true, false or null", zh: "true、false 或 null" };
  if (shape === "number") return { en: "a number", zh: "数值" };
  if ("oneOf" in shape) {
    const options = shape.oneOf.map((option) => JSON.stringify(option)).join(", ");
    return { en: `one of ${options}`, zh: `以下之一：${options}` };
  }
  if ("array" in shape) return { en: "an array (JSON […])", zh: "数组（JSON […]）" };
  return { en: "an object (JSON {…})", zh: "对象（JSON {…}）" };
}

function fits(value: unknown, shape: Shape): boolean {
  if (shape === "string") return typeof value === "string";
  if (shape === "string|null") return value === null || typeof value === "string";
  if (shape === "boolean|null") return value === null || typeof value === "boolean";
  if (shape === "number") return typeof value === "number";
  if ("oneOf" in shape) return shape.oneOf.includes(value as string);
  if ("array" in shape) return Array.isArray(value);
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every place where `value` does not have `shape` (at most 20), under `path`. */
export function shapeIssues(value: unknown, shape: Shape, path: (string | number)[], issues: ValidationIssue[] = []): ValidationIssue[] {
  if (issues.length >= MAX_ISSUES) return issues;
  if (value === undefined && typeof shape === "object" && "object" in shape && shape.optional) return issues;
  if (!fits(value, shape)) {
    const expected = describe(shape);
    const code = value === undefined ? "required" : typeof shape === "object" && "oneOf" in shape ? "invalid_value" : "invalid_type";
    issues.push(makeIssue({ code, pathSegments: path, received: value, expected: expected.en, expectedZh: expected.zh }));
    return issues;
  }
  if (typeof shape !== "object" || "oneOf" in shape) return issues;
  if ("array" in shape) {
    (value as unknown[]).forEach((item, i) => shapeIssues(item, shape.array, [...path, i], issues));
    return issues;
  }
  const record = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape.object)) shapeIssues(record[key], field, [...path, key], issues);
  return issues;
}
