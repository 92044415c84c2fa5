/**
 * Errors as RFC 9457 problem details (`application/problem+json`): a type URI, a title and a detail in
 * English with their Chinese beside them (titleZh, detailZh), the status, and the library's validation
 * issues (path, expected, received, zh and en) when the input was refused. Never a stack trace.
 *
 * Which status (docs/service.md, "Errors"):
 * - 400: the request cannot be read as what the endpoint takes — not JSON, a JSON Lines line that is not
 *   JSON, a forbidden key (`__proto__`, `constructor.prototype`), an unknown or malformed query parameter,
 *   a body of the wrong JSON kind (a string where an application or an array is expected);
 * - 404: no such route, clause or edition; 413: over a limit (bytes, applications, claims, editions);
 *   415: a content type the endpoint does not read;
 * - 422: well-formed JSON of the right kind that the library refuses (a PolicyValidationError: the
 *   application's schema, a clause's facts, two applications of one applicant without merge, …).
 */
import type { ValidationIssue } from "../../index.js";

export const PROBLEM_BASE = "https://pinggu-live-commerce.invalid/problems/";
export const PROBLEM_MEDIA_TYPE = "application/problem+json";

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly titleZh: string;
  readonly status: number;
  readonly detail: string;
  readonly detailZh: string;
  readonly instance?: string;
  readonly issues?: readonly ValidationIssue[];
  /** Which limit was exceeded, and its value (413 only). */
  readonly limit?: { readonly name: string; readonly value: number };
}

/** A refusal the service decides itself: thrown by a handler, rendered by the error handler. */
export class ServiceProblem extends Error {
  override readonly name = "ServiceProblem";
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: { readonly en: string; readonly zh: string },
    readonly detail: { readonly en: string; readonly zh: string },
    readonly issues?: readonly ValidationIssue[],
    readonly limit?: { readonly name: string; readonly value: number },
  ) {
    super(detail.en);
  }
}

export function problemBody(problem: ServiceProblem, instance: string | undefined): ProblemBody {
  return {
    type: `${PROBLEM_BASE}${problem.slug}`,
    title: problem.title.en,
    titleZh: problem.title.zh,
    status: problem.status,
    detail: problem.detail.en,
    detailZh: problem.detail.zh,
    ...(instance !== undefined ? { instance } : {}),
    ...(problem.issues !== undefined ? { issues: problem.issues } : {}),
    ...(problem.limit !== undefined ? { limit: problem.limit } : {}),
  };
}

/** Over a limit of the service (413). */
export function overLimit(name: string, value: number, en: string, zh: string): ServiceProblem {
  return new ServiceProblem(413, "over-limit", { en: "Over a limit of the service", zh: "超出服务的限制" }, { en, zh }, undefined, { name, value });
}

/** A JSON path as the library prints it: `[2].claims[0]`, `query.lang`. */
function formatPath(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return "(root)";
  return segments
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `${i === 0 ? "" : "."}${segment}` : `[${JSON.stringify(segment)}]`))
    .join("");
}

const MAX_SHOWN = 60;

/** What was received, rendered as the library renders it: short, never the whole of a hostile value. */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing (the field is absent)";
  if (typeof value === "string") return value.length > MAX_SHOWN ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}… (${value.length} characters)` : JSON.stringify(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** An issue in the library's shape, for what the service itself checks (query parameters, the body's kind). */
export function serviceIssue(
  code: ValidationIssue["code"],
  pathSegments: readonly (string | number)[],
  received: unknown,
  expected: string,
  expectedZh: string,
): ValidationIssue {
  const path = formatPath(pathSegments);
  const receivedText = shown(received);
  return {
    code,
    path,
    pathSegments,
    received: receivedText,
    expected,
    expectedZh,
    // Without the path, as the library's own issues: `path` is beside it.
    message: `expected ${expected}; received ${receivedText}`,
    messageZh: `应为${expectedZh}；实际收到 ${receivedText}`,
  };
}

/** One error of Fastify's schema validation (Ajv) of the query string or the path parameters. */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** The request's own value at an Ajv instancePath ("/lang"), to say what was received. */
function valueAt(source: unknown, pointer: string): unknown {
  let value = source;
  for (const part of pointer.split("/").slice(1)) {
    if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Ajv's errors of one request part as the library's issues (path `query.lang`, expected in en and zh). */
export function schemaIssues(errors: readonly SchemaError[], part: "query" | "params", source: unknown): ValidationIssue[] {
  return errors.map((error) => {
    const names = error.instancePath.split("/").slice(1);
    if (error.keyword === "additionalProperties") {
      const name = String(error.params.additionalProperty);
      return serviceIssue("unknown_field", [part, ...names, name], valueAt(source, `${error.instancePath}/${name}`), "no such parameter (see /openapi.json)", "不存在此参数（见 /openapi.json）");
    }
    const received = valueAt(source, error.instancePath);
    if (error.keyword === "enum") {
      const allowed = (error.params.allowedValues as unknown[]).map(String).join(", ");
      return serviceIssue("invalid_value", [part, ...names], received, `one of ${allowed}`, `以下之一：${allowed}`);
    }
    if (error.keyword === "type") {
      const type = String(error.params.type);
      return serviceIssue("invalid_type", [part, ...names], received, type === "boolean" ? "true or false" : `a ${type}`, type === "boolean" ? "true 或 false" : `类型 ${type}`);
    }
    if (error.keyword === "required") {
      const name = String(error.params.missingProperty);
      return serviceIssue("required", [part, ...names, name], undefined, "a value", "一个值");
    }
    return serviceIssue("invalid_value", [part, ...names], received, error.message ?? "a valid value", "有效的值");
  });
}
