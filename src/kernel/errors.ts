/**
 * The library's typed errors. Callers catch these, never a raw ZodError, a TypeError or a NaN.
 */

/** One thing wrong with an input: where, what was received, what was expected, in English and Chinese. */
export interface ValidationIssue {
  /** Stable code: `invalid_value`, `invalid_type`, `unknown_field`, `required`, `inconsistent`. */
  readonly code: ValidationIssueCode;
  /** JSON path of the field, e.g. `claims[2].input.investment`; `(root)` for the document itself. */
  readonly path: string;
  readonly pathSegments: readonly (string | number)[];
  /** A short, printable rendering of what was received (long strings are truncated). */
  readonly received: string;
  readonly expected: string;
  readonly expectedZh: string;
  readonly hint?: string;
  readonly hintZh?: string;
  /**
   * What is wrong, as a sentence without the path (`expected …; received …`): the path is in `path`, so
   * a caller printing both does not show it twice. Text for a person names the field too: it is
   * `${path}: ${message}` (zh `${path}：${messageZh}`), as the error's own message lists it.
   */
  readonly message: string;
  readonly messageZh: string;
}

export type ValidationIssueCode = "invalid_value" | "invalid_type" | "unknown_field" | "required" | "inconsistent";

const MAX_NAME_LENGTH = 60;

/** A field name as shown in messages: a hostile 10 MB key must not make a 10 MB message. */
export function shortName(name: string): string {
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…(${name.length} characters)` : name;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return "(root)";
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else {
      const name = shortName(String(segment));
      text += /^[A-Za-z_$][\w$]*$/.test(name) ? (text === "" ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return text;
}

const MAX_RECEIVED_LENGTH = 60;

/** Render any received value safely: a 10 MB string must not end up in an error message. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return "nothing (the field is absent)";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > MAX_RECEIVED_LENGTH ? `${value.slice(0, MAX_RECEIVED_LENGTH)}…` : value;
    const suffix = value.length > MAX_RECEIVED_LENGTH ? ` (${value.length} characters)` : "";
    return JSON.stringify(shown) + suffix;
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : `${value}`;
  if (typeof value === "boolean" || typeof value === "bigint") return `${value} (${typeof value})`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Date) return "a Date object";
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  if (typeof value === "object") {
    const proto: unknown = Object.getPrototypeOf(value);
    const name = proto && proto !== Object.prototype ? (proto as { constructor?: { name?: unknown } }).constructor?.name : undefined;
    return typeof name === "string" && name !== "" ? `an instance of ${shortName(name)}` : "an object";
  }
  return `a ${typeof value}`;
}

export interface IssueInput {
  readonly code: ValidationIssueCode;
  readonly pathSegments: readonly (string | number)[];
  readonly received: unknown;
  readonly expected: string;
  readonly expectedZh: string;
  readonly hint?: string | undefined;
  readonly hintZh?: string | undefined;
}

export function makeIssue(input: IssueInput): ValidationIssue {
  const received = describeReceived(input.received);
  return {
    code: input.code,
    path: formatPath(input.pathSegments),
    // Segments are shortened like the printed path: a hostile key must not travel on in the JSON either.
    pathSegments: input.pathSegments.map((segment) => (typeof segment === "string" ? shortName(segment) : segment)),
    received,
    expected: input.expected,
    expectedZh: input.expectedZh,
    ...(input.hint ? { hint: input.hint } : {}),
    ...(input.hintZh ? { hintZh: input.hintZh } : {}),
    message: `expected ${input.expected}; received ${received}${input.hint ? ` (${input.hint})` : ""}`,
    messageZh: `应为${input.expectedZh}；实际收到 ${received}${input.hintZh ? `（${input.hintZh}）` : ""}`,
  };
}

/** Bad input: carries every issue found, not just the first; its message names each issue's path. */
export class PolicyValidationError extends Error {
  override readonly name: string = "PolicyValidationError";
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], context?: string) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`${context ? `${context}: ` : ""}invalid input, ${count}:\n${issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join("\n")}`);
    this.issues = issues;
  }
}

/**
 * A clause id that the registry does not know; lists the ids it does know. A validation error like any
 * other (one issue at `clauseId`), so a caller catching PolicyValidationError catches it too.
 */
export class UnknownClauseError extends PolicyValidationError {
  override readonly name: string = "UnknownClauseError";
  readonly clauseId: string;
  readonly knownIds: readonly string[];

  constructor(clauseId: unknown, knownIds: readonly string[]) {
    const known = knownIds.join(", ");
    super(
      [
        makeIssue({
          code: "invalid_value",
          pathSegments: ["clauseId"],
          received: clauseId,
          expected: `a known clause id: ${known}`,
          expectedZh: `已知的条款编号：${known}`,
        }),
      ],
      "clauseId",
    );
    this.message = `unknown clause id ${describeReceived(clauseId)}; known clause ids: ${known}`;
    // Never String() an unknown value: an object without a prototype has no toString and would throw.
    this.clauseId = typeof clauseId === "string" ? clauseId : describeReceived(clauseId);
    this.knownIds = knownIds;
  }
}

/**
 * The same issue at another path (found inside a larger document, or in a merged one): only the path
 * changes; the sentences do not name it.
 */
export function issueAt(issue: ValidationIssue, pathSegments: readonly (string | number)[]): ValidationIssue {
  return { ...issue, path: formatPath(pathSegments), pathSegments };
}
