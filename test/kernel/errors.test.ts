import { describe, expect, it } from "vitest";
import * as z from "zod";
import { evaluateClause, type ClauseOptions, validateSwitchOverrides } from "../../src/evaluate-clause.js";
import { Calculation } from "../../src/kernel/calc.js";
import { requireFact } from "../../src/kernel/conditions.js";
import { Dec, ZERO } from "../../src/kernel/decimal.js";
import {
  describeReceived,
  formatPath,
  issueAt,
  makeIssue,
  PolicyValidationError,
  shortName,
  UnknownClauseError,
  type ValidationIssue,
} from "../../src/kernel/errors.js";
import { annualRate, area, count, date, fact, facts, fraction, growthRate, money, parseOrThrow } from "../../src/kernel/fields.js";
import { evaluateRule, type RuleDefinition } from "../../src/kernel/rule.js";
import { SWITCH_VALUES } from "../../src/measures/edition.js";
import { listClauseIds } from "../../src/measures/registry.js";
import { issuesOf } from "../helpers.js";

const park = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "2000000" };
const ART3_1_FIELDS = "usedArea, annualOnlineRetail, investment";

/** The error thrown by a call; fails the test when nothing is thrown. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error to be thrown");
}

function validationError(fn: () => unknown): PolicyValidationError {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(PolicyValidationError);
  expect(error).not.toBeInstanceOf(z.ZodError);
  return error as PolicyValidationError;
}

function byPath(issues: readonly ValidationIssue[], path: string): ValidationIssue {
  const issue = issues.find((i) => i.path === path);
  if (!issue) throw new Error(`no issue at ${path}; issues at: ${issues.map((i) => i.path).join(", ")}`);
  return issue;
}

describe("an unknown clause id", () => {
  it.each(["art9.9", "art3_1", "ART3.1", " art3.1", "art3.1 ", "3.1", "", "art4"])("%j throws UnknownClauseError listing the known ids", (id) => {
    const error = thrown(() => evaluateClause(id, park));
    expect(error).toBeInstanceOf(UnknownClauseError);
    const unknown = error as UnknownClauseError;
    expect(unknown.name).toBe("UnknownClauseError");
    expect(unknown.clauseId).toBe(id);
    expect(unknown.knownIds).toEqual(listClauseIds());
    expect(unknown.message).toContain(`known clause ids: ${listClauseIds().join(", ")}`);
    for (const known of ["art3.1", "art3.2", "art3.2-mofcom", "art3.3"]) expect(unknown.message).toContain(known);
  });

  it.each([
    ["a number", 31, "31"],
    ["undefined", undefined, "nothing"],
    ["null", null, "null"],
    ["an object", { id: "art3.1" }, "an object"],
  ])("%s as the id throws UnknownClauseError, not a TypeError", (_name, id, shown) => {
    const error = thrown(() => evaluateClause(id as never, park));
    expect(error).toBeInstanceOf(UnknownClauseError);
    expect((error as Error).message).toContain(shown);
  });

  it("a 10 MB id does not end up in the message", () => {
    const error = thrown(() => evaluateClause("x".repeat(10_000_000), park)) as UnknownClauseError;
    expect(error).toBeInstanceOf(UnknownClauseError);
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain("10000000 characters");
  });

  it("the id is checked before the input: an unknown id with bad input is still UnknownClauseError", () => {
    expect(thrown(() => evaluateClause("nope", null))).toBeInstanceOf(UnknownClauseError);
  });
});

describe("bad input: one PolicyValidationError with every issue", () => {
  it("several bad fields at once are all reported, in one error", () => {
    const error = validationError(() =>
      evaluateClause("art3.1", { usedArea: "3,000", annualOnlineRetail: "5亿", investment: -1 }),
    );
    expect(error.name).toBe("PolicyValidationError");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["annualOnlineRetail", "investment", "usedArea"]);
    expect(error.message).toContain("clause art3.1: invalid input, 3 problems:");
    for (const issue of error.issues) {
      expect(issue.code).toBe("invalid_value");
      expect(issue.expected.length).toBeGreaterThan(0);
      expect(issue.expectedZh).toMatch(/[\u4e00-\u9fff]/);
      // The issue's sentences leave the path to `path`; the error's message, text for a person, names it.
      expect(issue.message).not.toContain(issue.path);
      expect(issue.messageZh).not.toContain(issue.path);
      expect(error.message).toContain(`\n  - ${issue.path}: ${issue.message}`);
    }
  });

  it("each issue names the path, what was received and what was expected, in English and Chinese", () => {
    const issues = issuesOf("art3.1", { ...park, usedArea: "3,000" });
    expect(issues).toHaveLength(1);
    const issue = byPath(issues, "usedArea");
    expect(issue.pathSegments).toEqual(["usedArea"]);
    expect(issue.received).toBe('"3,000"');
    expect(issue.expected).toBe('an area in square metres: a plain decimal from 0 to 100000000, as a string like "1000.50" or a finite number');
    expect(issue.expectedZh).toBe('以平方米为单位的面积：0 至 100000000 之间的普通小数，写作字符串（如 "1000.50"）或有限数值');
    expect(issue.hint).toBe('thousands separators are not accepted; write "1000" instead of "1,000"');
    expect(issue.hintZh).toBe("不接受千位分隔符，请写 1000 而不是 1,000");
    expect(issue.message).toBe(`expected ${issue.expected}; received "3,000" (${issue.hint})`);
    expect(issue.messageZh).toBe(`应为${issue.expectedZh}；实际收到 "3,000"（${issue.hintZh}）`);
  });

  it("the received value is rendered for each kind of value", () => {
    const issues = issuesOf("art3.2", {
      municipalRecognition: "yes",
      mofcomRecognition: 1,
      rentCost: true,
      renovationCost: { amount: 5 },
      equipmentCost: [1, 2, 3],
    });
    expect(byPath(issues, "municipalRecognition").received).toBe('"yes"');
    expect(byPath(issues, "mofcomRecognition").received).toBe("1");
    expect(byPath(issues, "rentCost").received).toBe("true (boolean)");
    expect(byPath(issues, "renovationCost").received).toBe("an object");
    expect(byPath(issues, "equipmentCost").received).toBe("an array of 3");
  });

  it("a yes/no fact given as text gets a hint to use a JSON boolean", () => {
    for (const text of ["true", "false", "yes", "no", "是", "否", " TRUE "]) {
      const issue = byPath(issuesOf("art3.2-mofcom", { mofcomRecognition: text }), "mofcomRecognition");
      expect(issue.expected).toBe("true or false");
      expect(issue.expectedZh).toBe("true 或 false");
      expect(issue.hint).toBe("give the JSON boolean true or false, not text");
      expect(issue.hintZh).toBeTruthy();
    }
    const plain = byPath(issuesOf("art3.2-mofcom", { mofcomRecognition: 1 }), "mofcomRecognition");
    expect(plain.hint).toBeUndefined();
  });

  it("a 10 MB string is truncated in the issue and the message stays short", () => {
    const huge = "1".repeat(10_000_000);
    const error = validationError(() => evaluateClause("art3.1", { ...park, investment: huge }));
    expect(error.issues).toHaveLength(1);
    const issue = byPath(error.issues, "investment");
    expect(issue.received.length).toBeLessThan(100);
    expect(issue.received).toContain("…");
    expect(issue.received).toContain("(10000000 characters)");
    expect(issue.hint).toContain("10000000 characters long");
    expect(error.message.length).toBeLessThan(1000);
    expect(issue.message.length).toBeLessThan(1000);
    expect(issue.messageZh.length).toBeLessThan(1000);
  });

  it("a 10 MB string in a yes/no fact and in an unknown field stays short too", () => {
    const huge = "y".repeat(10_000_000);
    const error = validationError(() => evaluateClause("art3.2-mofcom", { mofcomRecognition: huge, note: huge }));
    expect(error.issues).toHaveLength(2);
    expect(error.message.length).toBeLessThan(2000);
  });

  it("a string of exactly 60 characters is shown whole; 61 are cut", () => {
    const sixty = "a".repeat(60);
    expect(describeReceived(sixty)).toBe(JSON.stringify(sixty));
    expect(describeReceived(`${sixty}b`)).toBe(`${JSON.stringify(`${sixty}…`)} (61 characters)`);
  });

  it("NaN and Infinity given as numbers are refused with a hint", () => {
    const issues = issuesOf("art3.1", { usedArea: Number.NaN, annualOnlineRetail: Number.POSITIVE_INFINITY, investment: Number.NEGATIVE_INFINITY });
    expect(issues).toHaveLength(3);
    expect(byPath(issues, "usedArea").received).toBe("NaN");
    expect(byPath(issues, "annualOnlineRetail").received).toBe("Infinity");
    for (const issue of issues) expect(issue.hint).toBe("NaN and Infinity are not numbers an amount can have");
  });

  it("absent and null fields are not errors: they are missing facts", () => {
    expect(evaluateClause("art3.1", {}).status).toBe("undetermined");
    expect(evaluateClause("art3.1", { usedArea: null, annualOnlineRetail: null, investment: null }).missingFacts).toEqual([
      "usedArea",
      "annualOnlineRetail",
      "investment",
    ]);
    expect(evaluateClause("art3.1", { usedArea: undefined, annualOnlineRetail: undefined, investment: undefined }).status).toBe(
      "undetermined",
    );
  });

  it("a growth rate below −100% is refused; −100% itself is accepted", () => {
    const base = { selfOperatedOnlineSales: true, annualOnlineRetail: "30000000", cityAverageGrowthRate: "-1" };
    expect(evaluateClause("art3.3", { ...base, growthRate: "-1" }).status).toBe("eligible");
    const issue = byPath(issuesOf("art3.3", { ...base, growthRate: "-1.01" }), "growthRate");
    expect(issue.hint).toContain("outside the accepted range -1 … 10000");
    expect(issue.expected).toContain("a growth rate as a decimal fraction");
  });

  it("a rate written as a percentage gets the decimal-fraction hint", () => {
    const issue = byPath(
      issuesOf("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "30000000", growthRate: "12%", cityAverageGrowthRate: "0.08" }),
      "growthRate",
    );
    expect(issue.hint).toBe('give a rate as a decimal fraction: "0.1" for 10%');
    expect(issue.hintZh).toBe("比例请写成小数：10% 写作 0.1");
  });
});

describe("unknown fields", () => {
  it("an unknown field is an error with code unknown_field, listing the known fields", () => {
    const issues = issuesOf("art3.1", { ...park, invesment: "2000000" });
    expect(issues).toHaveLength(1);
    const issue = byPath(issues, "invesment");
    expect(issue.code).toBe("unknown_field");
    expect(issue.expected).toBe(`no field named "invesment" here; known fields: ${ART3_1_FIELDS}`);
    expect(issue.expectedZh).toContain(ART3_1_FIELDS);
    expect(issue.received).toBe('"2000000"');
    expect(issue.hint).toBe("check the spelling of the field name");
  });

  it("unknown fields and bad values are reported together", () => {
    const issues = issuesOf("art3.1", { usedArea: "x", annualOnlineRetail: "1", investment: "1", foo: 1, bar: null });
    expect(issues.map((i) => `${i.code}@${i.path}`).sort()).toEqual([
      "invalid_value@usedArea",
      "unknown_field@bar",
      "unknown_field@foo",
    ]);
  });

  it("a field of another clause is unknown here", () => {
    const issue = byPath(issuesOf("art3.2-mofcom", { mofcomRecognition: true, rentCost: "1" }), "rentCost");
    expect(issue.code).toBe("unknown_field");
    expect(issue.expected).toContain("known fields: mofcomRecognition");
  });

  it("a field name that is not an identifier is quoted in the path", () => {
    const issue = issuesOf("art3.1", { ...park, "used area": "1" })[0];
    expect(issue?.path).toBe('["used area"]');
    expect(issue?.code).toBe("unknown_field");
  });

  it("__proto__ as a JSON key is an unknown field, not a prototype change", () => {
    const input: unknown = JSON.parse('{"__proto__": {"investment": "9999999"}, "usedArea": "3000"}');
    const issue = issuesOf("art3.1", input)[0];
    expect(issue?.code).toBe("unknown_field");
    expect(issue?.path).toBe("__proto__");
  });

  // The *name* of an unknown field is shortened (shortName, src/kernel/errors.ts) wherever it is shown: in
  // the path and in `expected` / `expectedZh`. Once it appeared in full, twice in `message`, so a 10 MB
  // field name made a ~20 MB error message, although no 10 MB string may end up in an error message.
  it("an unknown field with a 10 MB name keeps the message short", () => {
    const error = validationError(() => evaluateClause("art3.1", { ...park, ["k".repeat(10_000_000)]: 1 }));
    expect(error.issues).toHaveLength(1);
    expect(error.message.length).toBeLessThan(2000);
    const issue = error.issues[0];
    expect(issue?.code).toBe("unknown_field");
    expect(issue?.path).toBe(`[${JSON.stringify(`${"k".repeat(60)}…(10000000 characters)`)}]`);
    expect(issue?.expected).toBe(`no field named "${"k".repeat(60)}…(10000000 characters)" here; known fields: ${ART3_1_FIELDS}`);
    expect(issue?.expectedZh.length).toBeLessThan(1000);
    expect(issue?.message.length).toBeLessThan(1000);
    expect(issue?.messageZh.length).toBeLessThan(1000);
  });

  it("a field name of exactly 60 characters is shown whole; 61 are cut", () => {
    const sixty = "k".repeat(60);
    expect(shortName(sixty)).toBe(sixty);
    expect(shortName(`${sixty}x`)).toBe(`${sixty}…(61 characters)`);
    expect(byPath(issuesOf("art3.1", { ...park, [sixty]: 1 }), sixty).expected).toContain(`"${sixty}"`);
    expect(formatPath(["claims", 0, `${sixty}x`])).toBe(`claims[0][${JSON.stringify(`${sixty}…(61 characters)`)}]`);
  });
});

describe("an input that is not an object", () => {
  it.each([
    ["null", null, "null"],
    ["an array", [park], "an array of 1"],
    ["an empty array", [], "an array of 0"],
    ["a string", JSON.stringify(park), `"{\\"usedArea`],
    ["a number", 42, "42"],
    ["a boolean", true, "true (boolean)"],
  ])("%s gives one clear issue at the root, not a crash", (_name, input, received) => {
    const error = validationError(() => evaluateClause("art3.1", input));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain("clause art3.1: invalid input, 1 problem:");
    const issue = error.issues[0];
    expect(issue?.code).toBe("invalid_type");
    expect(issue?.path).toBe("(root)");
    expect(issue?.pathSegments).toEqual([]);
    // The expectation names the clause's facts and gives its first field as an example.
    expect(issue?.expected).toBe(`an object of the clause's facts (JSON {…}), e.g. {"usedArea": …}`);
    expect(issue?.expectedZh).toBe("由条款事实组成的对象（JSON {…}）");
    expect(issue?.received).toContain(received);
  });

  it("no input at all is reported at the root", () => {
    const error = validationError(() => evaluateClause("art3.1", undefined));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.code).toBe("invalid_type");
    expect(error.issues[0]?.path).toBe("(root)");
    expect(error.issues[0]?.received).toBe("nothing (the field is absent)");
  });

  // A Map (or any object that is not a plain object) is refused at the root. Once it was read as an object
  // with no fields, so every fact was silently "missing" and the result was `undetermined`.
  it.each([
    ["a Map of facts", new Map(Object.entries(park))],
    ["a Set", new Set([park])],
    ["a Date", new Date(0)],
    ["an instance of a class", new (class Facts {
      usedArea = park.usedArea;
      annualOnlineRetail = park.annualOnlineRetail;
      investment = park.investment;
    })()],
  ])("%s is refused, not read as an object of facts", (_name, input) => {
    const error = validationError(() => evaluateClause("art3.1", input));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "invalid_type", path: "(root)", pathSegments: [] });
  });

  it("an object without a prototype is still a plain object of facts", () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, park);
    expect(evaluateClause("art3.1", input).amount).toBe("600000.00");
  });
});

describe("never a raw ZodError, TypeError or NaN", () => {
  const BAD_INPUTS: readonly unknown[] = [
    null,
    undefined,
    "",
    0,
    [],
    { usedArea: {} },
    { usedArea: [] },
    { usedArea: () => 1 },
    { usedArea: Symbol("x") },
    { usedArea: 10n },
    { usedArea: new Date() },
    { usedArea: Number.NaN },
    { usedArea: "NaN" },
    { investment: "1e400" },
    { investment: 1e400 },
    { annualOnlineRetail: "-0.01" },
    Object.create(null) as unknown,
  ];

  it.each(BAD_INPUTS.map((input, index) => [index, input] as const))("bad input #%i gives a result or a PolicyValidationError", (_i, input) => {
    let outcome: unknown;
    try {
      outcome = evaluateClause("art3.1", input);
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyValidationError);
      expect(error).not.toBeInstanceOf(z.ZodError);
      return;
    }
    expect(outcome).toHaveProperty("status");
  });
});

describe("interpretation switches given per call", () => {
  const withSwitches = (switches: unknown): ClauseOptions => ({ switches: switches as ClauseOptions["switches"] });

  it("an unknown switch is rejected, naming it and listing the known switches", () => {
    const error = validationError(() => evaluateClause("art3.1", park, withSwitches({ roundingMode: "fen-half-up" })));
    expect(error.issues).toHaveLength(1);
    const issue = byPath(error.issues, "switches.roundingMode");
    expect(issue.code).toBe("unknown_field");
    for (const name of Object.keys(SWITCH_VALUES)) expect(issue.expected).toContain(name);
    expect(error.message).toContain("switches");
  });

  it("a wrong value is rejected, naming the switch and its allowed values", () => {
    const error = validationError(() => evaluateClause("art3.1", park, withSwitches({ rounding: "bankers" })));
    expect(error.issues).toHaveLength(1);
    const issue = byPath(error.issues, "switches.rounding");
    expect(issue.code).toBe("invalid_value");
    expect(issue.expected).toBe('one of "fen-half-up", "fen-half-even", "yuan-half-up"');
    expect(issue.expectedZh).toContain('"fen-half-even"');
    expect(issue.received).toBe('"bankers"');
  });

  it("a value of the wrong type is rejected, naming the switch", () => {
    const issue = byPath(validationError(() => evaluateClause("art3.1", park, withSwitches({ incrementCounting: true }))).issues, "switches.incrementCounting");
    expect(issue.received).toBe("true (boolean)");
  });

  it("several bad switches are all reported at once", () => {
    const error = validationError(() =>
      evaluateClause("art3.3", park, withSwitches({ rounding: "x", incrementCounting: "y", nope: "z" })),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(["switches.incrementCounting", "switches.nope", "switches.rounding"]);
  });

  it("a bad switch is rejected even for a clause that does not read it", () => {
    const error = validationError(() => evaluateClause("art3.2-mofcom", { mofcomRecognition: true }, withSwitches({ art5_1CapScope: "weekly" })));
    expect(error.issues[0]?.path).toBe("switches.art5_1CapScope");
  });

  it("every allowed value of every switch is accepted", () => {
    for (const [name, spec] of Object.entries(SWITCH_VALUES)) {
      for (const value of spec.values) {
        expect(() => evaluateClause("art3.1", park, withSwitches({ [name]: value }))).not.toThrow();
      }
    }
  });

  it("validateSwitchOverrides accepts an empty object and returns the overrides", () => {
    expect(validateSwitchOverrides({})).toEqual({});
    expect(validateSwitchOverrides({ rounding: "yuan-half-up" })).toEqual({ rounding: "yuan-half-up" });
  });

  it("a non-object switches value such as a string is rejected", () => {
    const error = validationError(() => evaluateClause("art3.1", park, withSwitches("rounding")));
    expect(error.issues[0]?.path).toBe("switches");
  });

  // An override whose value is `undefined` — which the type Partial<Switches> allows, e.g.
  // `{ rounding: options.rounding }` — means "not overridden" (withSwitches, src/evaluate-clause.ts): the
  // edition's value stays in force. Once it was spread over the edition's switches, replacing the default
  // with `undefined`, and rounding then crashed with a raw TypeError.
  it("an override left undefined means 'not overridden', not a crash", () => {
    const result = evaluateClause("art3.1", park, { switches: { rounding: undefined } });
    expect(result.amount).toBe("600000.00");
    expect(result.switches).toMatchObject({ rounding: "fen-half-up" });
  });

  it("an undefined override does not erase the default it overrides (art3_2MofcomAlone)", () => {
    const input = { municipalRecognition: false, mofcomRecognition: true, rentCost: "1", renovationCost: "0", equipmentCost: "0" };
    const result = evaluateClause("art3.2", input, { switches: { art3_2MofcomAlone: undefined } });
    expect(result.switches).toMatchObject({ art3_2MofcomAlone: "qualifies" });
  });

  // A `switches` option that is not an object but has no own keys (a number, an empty array) is rejected
  // like the string "rounding"; once it was silently ignored.
  it("a number as the switches option is rejected", () => {
    const error = validationError(() => evaluateClause("art3.1", park, withSwitches(5)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "invalid_type", path: "switches", received: "5" });
  });

  it.each([
    ["an empty array", [], "an array of 0"],
    ["null", null, "null"],
    ["a boolean", true, "true (boolean)"],
  ])("%s as the switches option is rejected", (_name, switches, received) => {
    const error = validationError(() => evaluateClause("art3.1", park, withSwitches(switches)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "invalid_type", path: "switches", received });
  });
});

describe("the field builders of fields.ts, directly", () => {
  const schema = facts({
    amount: money({ en: "an amount", zh: "金额" }),
    share: fraction({ en: "a share", zh: "比例" }),
    rate: annualRate({ en: "a rate", zh: "利率" }),
    growth: growthRate({ en: "growth", zh: "增速" }),
    orders: count({ en: "orders", zh: "订单数" }),
    floor: area({ en: "area", zh: "面积" }),
    recognised: fact({ en: "recognised", zh: "已认定" }),
    on: date({ en: "a date", zh: "日期" }),
  });
  const known = () => Object.keys(schema.shape);
  const parse = (raw: unknown) => parseOrThrow(schema, raw, "test", ["claims", 2, "input"], known);
  const issuesFor = (raw: unknown): readonly ValidationIssue[] => validationError(() => parse(raw)).issues;

  it("valid values parse to exact decimals, booleans and civil dates", () => {
    const out = parse({ amount: "1000.50", share: 0.2, rate: "0.0345", growth: "-0.5", orders: 500, floor: "3000", recognised: true, on: "2024-02-29" });
    expect(out.amount?.toString()).toBe("1000.5");
    expect(out.share?.toString()).toBe("0.2");
    expect(out.rate?.toString()).toBe("0.0345");
    expect(out.growth?.toString()).toBe("-0.5");
    expect(out.orders?.toString()).toBe("500");
    expect(out.floor?.toString()).toBe("3000");
    expect(out.recognised).toBe(true);
    expect(out.on).toBe("2024-02-29");
  });

  it("null and absent read as undefined, never 0 or false", () => {
    const out = parse({ amount: null, recognised: null, on: null });
    expect(out.amount).toBeUndefined();
    expect(out.recognised).toBeUndefined();
    expect(out.on).toBeUndefined();
    expect(out.orders).toBeUndefined();
  });

  it("every bad field is reported under the base path, with its own expectation", () => {
    const issues = issuesFor({
      amount: "-1",
      share: "1.01",
      rate: "3.45%",
      growth: "-2",
      orders: "1.5",
      floor: "100000001",
      recognised: "是",
      on: "2026-02-30",
      extra: 1,
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        "claims[2].input.amount",
        "claims[2].input.extra",
        "claims[2].input.floor",
        "claims[2].input.growth",
        "claims[2].input.on",
        "claims[2].input.orders",
        "claims[2].input.rate",
        "claims[2].input.recognised",
        "claims[2].input.share",
      ].sort(),
    );
    expect(byPath(issues, "claims[2].input.share").expected).toContain("a fraction between 0 and 1");
    expect(byPath(issues, "claims[2].input.rate").hint).toContain("decimal fraction");
    expect(byPath(issues, "claims[2].input.orders").hint).toBe("this is a count: it must be a whole number");
    expect(byPath(issues, "claims[2].input.on").hint).toBe("2026-02 has 28 days");
    expect(byPath(issues, "claims[2].input.on").expectedZh).toContain("YYYY-MM-DD");
    expect(byPath(issues, "claims[2].input.recognised").hint).toContain("JSON boolean");
    expect(byPath(issues, "claims[2].input.extra").expected).toContain(`known fields: ${known().join(", ")}`);
    expect(byPath(issues, "claims[2].input.amount").pathSegments).toEqual(["claims", 2, "input", "amount"]);
  });

  it("a Date object for a date field is refused with the 'dates are strings' hint", () => {
    const issue = byPath(issuesFor({ on: new Date(Date.UTC(2025, 2, 1)) }), "claims[2].input.on");
    expect(issue.received).toBe("a Date object");
    expect(issue.hint).toContain("dates are strings");
  });

  it("the error message counts the problems and carries the context", () => {
    expect(validationError(() => parse({ amount: "x" })).message).toMatch(/^test: invalid input, 1 problem:\n {2}- claims\[2\]\.input\.amount: /);
    expect(validationError(() => parse({ amount: "x", share: "y" })).message).toMatch(/^test: invalid input, 2 problems:/);
  });
});

describe("formatPath and describeReceived", () => {
  it.each([
    [[], "(root)"],
    [["investment"], "investment"],
    [["claims", 2, "input", "investment"], "claims[2].input.investment"],
    [[0, "x"], "[0].x"],
    [["a-b"], '["a-b"]'],
    [["claims", 0, "投资额"], 'claims[0]["投资额"]'],
    [["$ok", "_also"], "$ok._also"],
  ] as const)("%j → %s", (segments, expected) => {
    expect(formatPath(segments)).toBe(expected);
  });

  it.each([
    [undefined, "nothing (the field is absent)"],
    [null, "null"],
    ["", '""'],
    [-0, "-0"],
    [0, "0"],
    [1.5, "1.5"],
    [Number.NaN, "NaN"],
    [true, "true (boolean)"],
    [5n, "5 (bigint)"],
    [[1, 2], "an array of 2"],
    [new Date(0), "a Date object"],
    [{}, "an object"],
    [() => 1, "a function"],
    [Symbol("s"), "a symbol"],
  ])("%s is shown as %s", (value, expected) => {
    expect(describeReceived(value)).toBe(expected);
  });

  it("makeIssue builds both sentences and leaves out an absent hint", () => {
    const issue = makeIssue({ code: "required", pathSegments: ["x"], received: undefined, expected: "a thing", expectedZh: "某物" });
    expect(issue.message).toBe("expected a thing; received nothing (the field is absent)");
    expect(issue.messageZh).toBe("应为某物；实际收到 nothing (the field is absent)");
    expect("hint" in issue).toBe(false);
    expect("hintZh" in issue).toBe(false);
  });

  it("PolicyValidationError keeps every issue and is an Error", () => {
    const issue = makeIssue({ code: "invalid_value", pathSegments: ["a"], received: 1, expected: "e", expectedZh: "e" });
    const error = new PolicyValidationError([issue, issue]);
    expect(error).toBeInstanceOf(Error);
    expect(error.issues).toHaveLength(2);
    expect(error.message.startsWith("invalid input, 2 problems:")).toBe(true);
  });
});

describe("an issue's sentences do not repeat its path; the error's message names it", () => {
  const issue = makeIssue({ code: "invalid_value", pathSegments: ["claims", 0, "input", "on"], received: "2026/3/1", expected: "a date YYYY-MM-DD", expectedZh: "日期 YYYY-MM-DD" });

  it("message and messageZh begin with what was expected, not with the path", () => {
    expect(issue.path).toBe("claims[0].input.on");
    expect(issue.message).toBe('expected a date YYYY-MM-DD; received "2026/3/1"');
    expect(issue.messageZh).toBe('应为日期 YYYY-MM-DD；实际收到 "2026/3/1"');
  });

  it("the error's message gives each issue as path, then sentence, in English", () => {
    const error = new PolicyValidationError([issue], "application");
    expect(error.message).toBe('application: invalid input, 1 problem:\n  - claims[0].input.on: expected a date YYYY-MM-DD; received "2026/3/1"');
  });

  it("the document itself is named (root)", () => {
    const root = makeIssue({ code: "invalid_type", pathSegments: [], received: null, expected: "an object", expectedZh: "对象" });
    expect(root.message).toBe("expected an object; received null");
    expect(new PolicyValidationError([root]).message).toBe("invalid input, 1 problem:\n  - (root): expected an object; received null");
  });

  it("issueAt moves the path and keeps the sentences and everything else", () => {
    const moved = issueAt(issue, [3, "claims", 0, "input", "on"]);
    expect(moved.path).toBe("[3].claims[0].input.on");
    expect(moved.pathSegments).toEqual([3, "claims", 0, "input", "on"]);
    expect({ ...moved, path: issue.path, pathSegments: issue.pathSegments }).toEqual(issue);
    expect(new PolicyValidationError([moved]).message).toContain("\n  - [3].claims[0].input.on: expected a date");
  });

  it("an issue moved twice does not gather paths", () => {
    const twice = issueAt(issueAt(issue, ["a"]), ["b"]);
    expect(twice.message).toBe(issue.message);
    expect(twice.messageZh).toBe(issue.messageZh);
  });
});

describe("inconsistent input reported by a rule's own validation (kernel, with a test rule)", () => {
  const schema = facts({ rate: fraction({ en: "rate", zh: "比例" }), ok: fact({ en: "ok", zh: "可以" }) });
  const rule: RuleDefinition<typeof schema, { maxRate: string }> = {
    id: "test.1",
    title: { en: "test", zh: "测试" },
    citation: { article: 1, paragraph: 1, item: 1, labelZh: "第一条", labelEn: "Article 1", itemTextZh: "测试", provisionZh: "测试" },
    reading: { en: "test", zh: "测试" },
    formula: { en: "rate × 100", zh: "比例 × 100" },
    schema,
    switches: [],
    amountFields: ["rate"],
    validate(input, ctx) {
      return input.rate !== undefined && input.rate.gt(new Dec(ctx.maxRate))
        ? [{ field: "rate", received: input.rate.toString(), expected: `at most ${ctx.maxRate}`, expectedZh: `不超过 ${ctx.maxRate}` }]
        : [];
    },
    conditions: (input) => [requireFact("test.1/ok", "ok", input.ok, { en: "ok", zh: "可以" })],
    amount: (input, _ctx, calc: Calculation) => calc.multiply({ en: "rate × 100", zh: "比例 × 100" }, input.rate ?? ZERO, new Dec(100)),
    caps: () => [],
    once: () => undefined,
  };
  const env = { rounding: "fen-half-up" as const, editionName: "test", switches: {}, path: ["claims", 0, "input"] };

  it("is thrown as code 'inconsistent' at the field's path", () => {
    const error = validationError(() => evaluateRule(rule, { rate: "0.5", ok: true }, { maxRate: "0.01" }, env));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "inconsistent", path: "claims[0].input.rate", received: '"0.5"', expected: "at most 0.01" });
    expect(error.message).toContain("clause test.1");
  });

  it("a consistent input evaluates", () => {
    expect(evaluateRule(rule, { rate: "0.01", ok: true }, { maxRate: "0.01" }, env).amount).toBe("1.00");
  });

  it("malformed input is reported before the rule's own validation runs", () => {
    const error = validationError(() => evaluateRule(rule, { rate: "x", ok: true, zzz: 1 }, { maxRate: "0.01" }, env));
    expect(error.issues.map((i) => i.code).sort()).toEqual(["invalid_value", "unknown_field"]);
    expect(byPath(error.issues, "claims[0].input.zzz").expected).toContain("known fields: rate, ok");
  });
});
