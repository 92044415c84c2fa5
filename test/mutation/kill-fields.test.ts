/**
 * src/kernel/fields.ts: the field builders and the translation of zod's issues. Each field builder runs
 * while the clauses load, so its texts and bounds are "static" mutants, killed only by a test that reads
 * them back from an error: here every builder's "what" text and range, in both languages, through a
 * clause that uses it. `toValidationIssues` is exported; its branches (each type zod can expect, the
 * custom issue's fallbacks, the unknown-field list, the default) are checked on small zod schemas.
 */
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { PolicyValidationError, type ValidationIssue } from "../../src/kernel/errors.js";
import { fastFieldReader, FAST_INVALID, fastParserOf, facts, money, parseOrThrow, toValidationIssues } from "../../src/kernel/fields.js";
import { eligibleInput } from "./samples.js";

/** The single issue a clause reports for one field set to `value`. */
function issueOf(clauseId: Parameters<typeof eligibleInput>[0], field: string, value: unknown): ValidationIssue {
  try {
    evaluateClause(clauseId, { ...eligibleInput(clauseId), [field]: value });
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    const issues = (error as PolicyValidationError).issues;
    expect(issues).toHaveLength(1);
    return issues[0] as ValidationIssue;
  }
  throw new Error(`${clauseId}.${field} = ${String(value)} was accepted`);
}

describe("each field builder's description and range, in both languages", () => {
  it.each([
    ["art3.1", "investment", "-1", "an amount in yuan: a plain decimal from 0 to 1000000000000", "以元为单位的金额：0 至 1000000000000 之间的普通小数"],
    ["art3.1", "usedArea", "100000000.5", "an area in square metres: a plain decimal from 0 to 100000000", "以平方米为单位的面积：0 至 100000000 之间的普通小数"],
    ["art3.3", "growthRate", "-1.5", "a growth rate as a decimal fraction (10% = 0.10): a plain decimal from -1 to 10000", "以小数表示的增速（10% 写作 0.10）：-1 至 10000 之间的普通小数"],
    ["art6.1", "placementRate", "1.01", "a fraction between 0 and 1 (20% = 0.20): a plain decimal from 0 to 1", "0 至 1 之间的小数（20% 写作 0.20）：0 至 1 之间的普通小数"],
    ["art7.2", "benchmarkAnnualRate", "-0.01", "an annual rate as a decimal fraction (3.45% = 0.0345): a plain decimal from 0 to 1", "以小数表示的年利率（3.45% 写作 0.0345）：0 至 1 之间的普通小数"],
    ["art5.1", "localEnterprisesDriven", "1000000000001", "a count: a whole number from 0 to 1000000000000", "计数：0 至 1000000000000 之间的整数"],
  ] as const)("%s.%s = %s is refused, and the issue says what the field is", (clauseId, field, value, expected, expectedZh) => {
    const issue = issueOf(clauseId, field, value);
    expect(issue.code).toBe("invalid_value");
    expect(issue.path).toBe(field);
    expect(issue.expected.startsWith(expected)).toBe(true);
    expect(issue.expectedZh.startsWith(expectedZh)).toBe(true);
    expect(issue.hint).toContain("outside the accepted range");
  });

  it("the limits themselves are accepted: a growth rate of -1 and 10000, a fraction and an annual rate of 0 and 1", () => {
    for (const rate of ["-1", "10000"]) expect(() => evaluateClause("art3.3", { ...eligibleInput("art3.3"), growthRate: rate })).not.toThrow();
    for (const rate of ["0", "1"]) {
      expect(() => evaluateClause("art6.1", { ...eligibleInput("art6.1"), placementRate: rate })).not.toThrow();
      expect(() => evaluateClause("art7.2", { ...eligibleInput("art7.2"), benchmarkAnnualRate: rate })).not.toThrow();
    }
  });

  it("a fact: text that reads as a boolean gets a hint (any case, around spaces, 是/否); other values do not", () => {
    for (const text of ["true", "FALSE", " Yes ", "no", "是", "否"]) {
      const issue = issueOf("art6.2", "publicBasicServiceEvent", text);
      expect([issue.expected, issue.expectedZh, issue.hint, issue.hintZh]).toEqual([
        "true or false",
        "true 或 false",
        "give the JSON boolean true or false, not text",
        "请填写 JSON 布尔值 true 或 false，而不是文字",
      ]);
    }
    for (const value of ["yess", "xtrue", "t", 1, {}]) {
      const issue = issueOf("art6.2", "publicBasicServiceEvent", value);
      expect([issue.expected, issue.expectedZh, issue.hint]).toEqual(["true or false", "true 或 false", undefined]);
    }
  });

  it("a date: the reader's texts", () => {
    const issue = issueOf("art7.2", "interestPeriodStart", "2025-02-30");
    expect(issue.code).toBe("invalid_value");
    expect(issue.path).toBe("interestPeriodStart");
  });

  it("null and absent read as unknown (undefined) on the fast path, never as 0 or false", () => {
    const parse = fastParserOf(facts({ amount: money({ en: "an amount", zh: "金额" }) }));
    expect(parse).toBeDefined();
    // No key at all for an unknown fact (as zod leaves it out), not a key holding undefined.
    expect(Object.keys(parse?.({ amount: null }) as object)).toEqual([]);
    expect(Object.keys(parse?.({}) as object)).toEqual([]);
    expect(parse?.({ amount: "-1" })).toBe(FAST_INVALID);
    expect(parse?.({ other: "1" })).toBe(FAST_INVALID);
    const out = parse?.({ amount: "12.50" }) as { amount: { toString(): string } };
    expect(out.amount.toString()).toBe("12.5");
  });
});

describe("toValidationIssues: every branch", () => {
  const issuesOf = (schema: z.ZodType, value: unknown, basePath: (string | number)[] = [], known?: (path: readonly PropertyKey[]) => readonly string[]) => {
    const parsed = schema.safeParse(value, { reportInput: true });
    expect(parsed.success).toBe(false);
    return toValidationIssues((parsed as { error: z.ZodError }).error.issues, basePath, known);
  };

  it.each([
    [z.object({}), 5, "an object (JSON {…})", "对象（JSON {…}）"],
    [z.array(z.string()), "x", "an array (JSON […])", "数组（JSON […]）"],
    [z.string(), 5, "a string", "字符串"],
    [z.boolean(), "x", "true or false", "true 或 false"],
    [z.number(), "5", "a number", "数值"],
    [z.bigint(), "5", "bigint", "bigint"],
  ] as const)("a wrong type: %#", (schema, value, expected, expectedZh) => {
    const [issue] = issuesOf(schema, value, ["at"]);
    expect(issue).toMatchObject({ code: "invalid_type", path: "at", expected, expectedZh });
  });

  it("a missing value is 'required', not 'invalid_type'", () => {
    const [issue] = issuesOf(z.strictObject({ name: z.string() }), {});
    expect(issue).toMatchObject({ code: "required", path: "name", expected: "a string", expectedZh: "字符串" });
  });

  it("an enum: the allowed values, as JSON, joined by commas", () => {
    const [issue] = issuesOf(z.enum(["a", "b"]), "c", ["mode"]);
    expect(issue).toMatchObject({ code: "invalid_value", path: "mode", expected: 'one of "a", "b"', expectedZh: '以下之一："a", "b"' });
  });

  it("an unknown field: the known fields of the object it is in (asked by its path), the value received", () => {
    const asked: (readonly PropertyKey[])[] = [];
    const schema = z.strictObject({ inner: z.strictObject({ a: z.string().optional() }) });
    const issues = issuesOf(schema, { inner: { b: 7, c: "x" } }, ["doc"], (path) => {
      asked.push(path);
      return ["a", "z"];
    });
    expect(asked).toEqual([["inner"]]);
    expect(issues.map((issue) => [issue.code, issue.path, issue.expected, issue.expectedZh, issue.hint, issue.hintZh])).toEqual([
      ["unknown_field", "doc.inner.b", 'no field named "b" here; known fields: a, z', "此处没有名为“b”的字段；已知字段：a, z", "check the spelling of the field name", "请检查字段名拼写"],
      ["unknown_field", "doc.inner.c", 'no field named "c" here; known fields: a, z', "此处没有名为“c”的字段；已知字段：a, z", "check the spelling of the field name", "请检查字段名拼写"],
    ]);
    expect(issues[0]?.message).toContain("received 7");
    // Without a list of known fields, it says so.
    const [bare] = issuesOf(z.strictObject({}), { b: 1 });
    expect(bare?.expected).toBe('no field named "b" here; known fields: (none)');
  });

  it("a custom issue: its own code and texts when it gives them, else its message in both languages", () => {
    const withParams = z.string().superRefine((_value, ctx) => {
      ctx.addIssue({ code: "custom", message: "m", params: { code: "unknown_field", expected: "E", expectedZh: "中", hintEn: "H", hintZh: "提示" } });
    });
    expect(issuesOf(withParams, "x")[0]).toMatchObject({ code: "unknown_field", expected: "E", expectedZh: "中", hint: "H", hintZh: "提示" });
    const bare = z.string().superRefine((_value, ctx) => {
      ctx.addIssue({ code: "custom", message: "only a message" });
    });
    const [issue] = issuesOf(bare, "x");
    expect(issue).toMatchObject({ code: "invalid_value", expected: "only a message", expectedZh: "only a message" });
    expect(issue?.hint).toBeUndefined();
  });

  it("a size limit in our words, in both languages; any other issue: zod's message; a symbol in the path is written out", () => {
    const [tooLong] = issuesOf(z.string().max(2), "abc", ["name"]);
    expect(tooLong).toMatchObject({ code: "invalid_value", path: "name", expected: "a text of at most 2 characters", expectedZh: "至多 2 个字符的文本" });
    const [tooShort] = issuesOf(z.string().min(1), "", ["name"]);
    expect(tooShort).toMatchObject({ expected: "a non-empty text", expectedZh: "非空文本" });
    const [tooMany] = issuesOf(z.array(z.string()).max(1), ["a", "b"], ["list"]);
    expect(tooMany).toMatchObject({ expected: "a list of at most 1 items", expectedZh: "至多 1 项的列表" });
    const [tooLarge] = issuesOf(z.number().max(1000), 2000, ["n"]);
    expect(tooLarge).toMatchObject({ expected: "a value of at most 1,000", expectedZh: "至多为 1000 的数值" });
    const [own] = issuesOf(z.string().min(3, "an id of three or more"), "ab", ["id"]);
    expect(own).toMatchObject({ expected: "an id of three or more", expectedZh: "an id of three or more" });
    const issues = toValidationIssues([{ code: "custom", path: [Symbol("s")], message: "m", input: 1 } as z.core.$ZodIssue]);
    expect(issues[0]?.path).toContain("Symbol(s)");
  });
});

describe("parseOrThrow and the fast readers", () => {
  it("throws one PolicyValidationError with every issue, under the context and base path given", () => {
    const schema = facts({ a: money({ en: "a", zh: "甲" }), b: money({ en: "b", zh: "乙" }) });
    try {
      parseOrThrow(schema, { a: "-1", b: "x", c: 1 }, "the facts", ["claims", 0, "input"], () => ["a", "b"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyValidationError);
      const { issues, message } = error as PolicyValidationError;
      expect(issues.map((issue) => issue.path)).toEqual(["claims[0].input.a", "claims[0].input.b", "claims[0].input.c"]);
      expect(issues[2]?.expected).toBe('no field named "c" here; known fields: a, b');
      expect(message.startsWith("the facts")).toBe(true);
    }
    expect(() => parseOrThrow(schema, [], "the facts")).toThrow(PolicyValidationError);
    expect(() => parseOrThrow(schema, null, "the facts")).toThrow(PolicyValidationError);
  });

  it("a schema that no field builder made has no fast reader, and asking for one is an internal error", () => {
    expect(() => fastFieldReader(z.string())).toThrow(
      new Error("internal: the schema has no fast reader (it was not made by a field builder of fields.ts)"),
    );
    expect(fastParserOf(z.strictObject({ a: z.string() }))).toBeUndefined();
    // facts() of fields that are not all the builders' has no fast path either, and zod reads it.
    const mixed = facts({ a: money({ en: "a", zh: "甲" }), b: z.string().optional() });
    expect(fastParserOf(mixed)).toBeUndefined();
    expect(parseOrThrow(mixed, { b: "x" }, "mixed")).toEqual({ b: "x" });
  });
});
