/**
 * Typed errors at the whole public surface (issue 12, item 8; docs/conventions.md §4): every function the
 * package exports, given malformed input — wrong types, null, cyclic objects, proxies, frozen objects,
 * the wrong kind of document, a `__proto__` key from JSON.parse — either answers or throws the library's
 * validation error (`PolicyValidationError`, of which `UnknownClauseError` is one), each issue naming
 * its path, what was expected and what was received. Never a TypeError, a RangeError or a stack
 * overflow. An error thrown by the caller's own getter may pass through as it is.
 *
 * The walk enumerates `Object.keys` of the entry module, so an export added later is walked too: a test
 * fails until it is given valid arguments below (or listed among the values that are not functions).
 */
import { describe, expect, it } from "vitest";
import { thrownIssues } from "./helpers.js";
import * as library from "../src/index.js";
import { PolicyValidationError, UnknownClauseError } from "../src/index.js";

const first17 = "91110117MA01ABCD1";
const CREDIT_CODE = first17 + (library.usccCheckCharacter(first17) as string);
const EDITION = library.deriveEdition({ publishedOn: "2025-03-01" });
const SESSION = { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" };
const APPLICATION = {
  applicant: { name: "北京平谷示例直播电商有限公司", creditCode: CREDIT_CODE, registeredInPinggu: true, liveCommerceBusiness: true },
  claims: [{ id: "s1", clauseId: "art4.1-session", factDate: "2025-06-01", input: SESSION }],
};
const DECISION = library.evaluate(APPLICATION, EDITION);
const CLAIM = DECISION.claims[0] as library.ClaimDecision;
const CLAUSE = library.evaluateClause("art4.1-session", SESSION);

/** Valid arguments of every exported function: the walk replaces them one at a time. */
const VALID: Record<string, readonly unknown[]> = {
  applicationJsonSchema: [],
  canonicalJson: [{ a: [1, "x", null] }],
  canonicalJsonSha256: [{ a: [1, "x", null] }],
  completeEditionJsonSchema: [],
  decisionJsonSchema: [],
  decisionSummaryJsonSchema: [],
  clauseVerdictJsonSchema: [],
  deriveEdition: [{ publishedOn: "2025-03-01" }, library.DRAFT_EDITION],
  editionHash: [EDITION],
  editionJsonSchema: [],
  evaluate: [APPLICATION, EDITION, { explain: true }],
  evaluateBatch: [[APPLICATION], EDITION, { merge: false, explain: false }],
  evaluateClause: ["art4.1-session", SESSION, { edition: EDITION, explain: false }],
  explainSummary: [library.evaluate(APPLICATION, EDITION, { explain: false }), APPLICATION, EDITION],
  explainVerdict: [library.evaluateClause("art4.1-session", SESSION, { explain: false }), SESSION, {}],
  explainClaim: [CLAIM, "en"],
  explainClause: [CLAUSE, "en"],
  explainDecision: [DECISION, "zh"],
  generatePopulation: [{ seed: 1, applicants: 2 }],
  getRule: ["art3.1"],
  groupApplications: [[APPLICATION], { merge: false }],
  isClauseId: ["art3.1"],
  jsonSchemaText: ["edition"],
  listClauseIds: [],
  listRules: [],
  mergeApplications: [[APPLICATION, APPLICATION]],
  recoveries: [[], []],
  scaleLargestRemainder: [[{ fen: 3 }, { fen: 1 }], 4n, 2n],
  seededRandom: [1],
  sha256Hex: ["abc"],
  simulate: [[APPLICATION], [EDITION], { largest: 3 }],
  simulateAsync: [[APPLICATION], [EDITION], { largest: 3 }],
  Simulation: [[EDITION], { largest: 3 }],
  usccCheckCharacter: [first17],
  usccProblem: [CREDIT_CODE],
  validateEdition: [EDITION],
  validateSwitchOverrides: [{ rounding: "fen-half-even" }],
  validityWindow: [EDITION, "2025-03-01"],
};

/** Exported functions that are not called here, and why. */
const NOT_CALLED: Record<string, string> = {
  PolicyValidationError: "the error class itself (its constructor takes issues the library made)",
  UnknownClauseError: "the error class itself",
};

const PROXY_ERROR = new Error("the caller's own getter");

function malformed(): [string, unknown][] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const cyclicArray: unknown[] = [1];
  cyclicArray.push(cyclicArray);
  return [
    ["undefined", undefined],
    ["null", null],
    ["0", 0],
    ["-1", -1],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["1.5", 1.5],
    ["an empty string", ""],
    ["a string", "fr"],
    ["true", true],
    ["a bigint", 10n],
    ["a symbol", Symbol("s")],
    ["a function", () => 1],
    ["[]", []],
    ["[null]", [null]],
    ["{}", {}],
    ["a cyclic object", cyclic],
    ["a cyclic array", cyclicArray],
    ["a frozen object", Object.freeze({ applicant: Object.freeze({}) })],
    ["a Proxy whose getter throws", new Proxy({}, { get: () => { throw PROXY_ERROR; } })],
    ["a Proxy with odd traps", new Proxy({ a: 1 }, { ownKeys: () => ["a", "b"], getOwnPropertyDescriptor: () => ({ value: 2, enumerable: true, configurable: true }), get: () => "odd" })],
    ["an edition (the wrong document)", EDITION],
    ["an application (the wrong document)", APPLICATION],
    ["a decision (the wrong document)", DECISION],
    ["an object with a __proto__ key from JSON.parse", JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown],
    ["a Date", new Date(0)],
    ["a Map", new Map([["a", 1]])],
  ];
}

const FUNCTIONS = Object.keys(library).filter((name) => typeof (library as Record<string, unknown>)[name] === "function");

/**
 * Cases that still fail, in files the lead is rewriting this session (src/evaluate.ts,
 * src/application*.ts): `${function} ${argument index} ${value}`. Each runs as `it.fails`, so the day it
 * is fixed, the test says so and the entry must go.
 */
const LEAD_KNOWN_FAILURES = new Set<string>([
  // (none left: recoveries was fixed by the lead on main)
]);

/** Call `name` with `args`, draining a generator's first value and awaiting a promise. */
async function call(name: string, args: readonly unknown[]): Promise<void> {
  const fn = (library as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
  const isClass = /^[A-Z]/.test(name);
  const result = isClass ? new (fn as unknown as new (...a: unknown[]) => unknown)(...args) : fn(...args);
  if (result && typeof result === "object" && typeof (result as { next?: unknown }).next === "function" && Symbol.iterator in result) {
    (result as unknown as Iterator<unknown>).next();
  }
  if (result instanceof Promise) await result;
}

/** Whatever was thrown is the library's validation error with well-formed issues (or the proxy's own). */
function expectTyped(error: unknown, where: string): void {
  if (error === PROXY_ERROR) return;
  expect(error, `${where}: threw ${String((error as Error)?.name)}: ${String((error as Error)?.message).slice(0, 300)}`).toBeInstanceOf(PolicyValidationError);
  const issues = (error as PolicyValidationError).issues;
  expect(issues.length, where).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path, where).toBe("string");
    expect(issue.expected.length, where).toBeGreaterThan(0);
    expect(issue.expectedZh.length, where).toBeGreaterThan(0);
    expect(typeof issue.received, where).toBe("string");
  }
}

async function probe(name: string, args: readonly unknown[], where: string): Promise<void> {
  try {
    await call(name, args);
  } catch (error) {
    expectTyped(error, where);
  }
}

describe("the public surface", () => {
  it("every exported function has valid arguments here, or a reason not to be called", () => {
    const unknown = FUNCTIONS.filter((name) => !(name in VALID) && !(name in NOT_CALLED));
    expect(unknown).toEqual([]);
  });

  it("UnknownClauseError is a PolicyValidationError naming the clause id's path", () => {
    let caught: unknown;
    try {
      library.getRule("art99");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownClauseError);
    expect(caught).toBeInstanceOf(PolicyValidationError);
    expect((caught as PolicyValidationError).issues[0]).toMatchObject({ path: "clauseId", code: "invalid_value" });
    expect((caught as UnknownClauseError).knownIds).toContain("art3.1");
  });

  for (const name of FUNCTIONS.filter((n) => n in VALID)) {
    const valid = VALID[name] as readonly unknown[];
    describe(name, () => {
      it("answers its valid arguments", async () => {
        await expect(call(name, valid)).resolves.toBeUndefined();
      });
      const positions = Math.max(valid.length, 1);
      for (let position = 0; position < positions; position++) {
        for (const [label, value] of malformed()) {
          const key = `${name} ${position} ${label}`;
          const test = LEAD_KNOWN_FAILURES.has(key) ? it.fails : it;
          test(`argument ${position}: ${label}`, async () => {
            const args = [...valid];
            args[position] = value;
            await probe(name, args, key);
          });
        }
      }
    });
  }
});

describe("the fixes named in issue 12, each at its boundary", () => {
  const issuesOf = thrownIssues;

  it("canonicalJson on a cyclic object names the path of the cycle and where it loops back to", () => {
    const document: Record<string, unknown> = { claims: [{ id: "a", input: {} }] };
    ((document.claims as Record<string, unknown>[])[0] as Record<string, unknown>).input = document;
    for (const encode of [library.canonicalJson, library.canonicalJsonSha256]) {
      const [issue] = issuesOf(() => encode(document));
      expect(issue?.path).toBe("value.claims[0].input");
      expect(issue?.hint).toBe("this is the value at value again");
    }
  });

  it("canonicalJson lists each value JSON cannot hold, by path; a deep but finite value still encodes", () => {
    const issues = issuesOf(() => library.canonicalJson({ a: Number.NaN, b: [1n], c: { d: Symbol("x") } }));
    expect(issues.map((issue) => issue.path)).toEqual(["value.a", "value.b[0]", "value.c.d"]);
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(library.canonicalJson(deep)).toBe(`${"[".repeat(1000)}1${"]".repeat(1000)}`);
  });

  it("explainDecision, explainClaim and explainClause refuse an unknown language, listing zh and en", () => {
    for (const run of [() => library.explainDecision(DECISION, "fr" as never), () => library.explainClaim(CLAIM, "fr" as never), () => library.explainClause(CLAUSE, "fr" as never)]) {
      const issues = issuesOf(run);
      expect(issues).toEqual([expect.objectContaining({ path: "lang", code: "invalid_value", received: '"fr"', expected: 'one of "zh", "en"' })]);
    }
    expect(library.explainDecision(DECISION, "zh")).toContain("合计");
  });

  it("explainDecision refuses an application given instead of a decision, naming the decision's fields", () => {
    const paths = issuesOf(() => library.explainDecision(APPLICATION as never)).map((issue) => issue.path);
    expect(paths).toContain("decision.claims[0].claimId");
    expect(paths).toContain("decision.window");
  });

  it("explainDecision explains a decision read back from its JSON exactly as the decision itself", () => {
    const copy = JSON.parse(JSON.stringify(DECISION)) as library.Decision;
    expect(library.explainDecision(copy, "en")).toBe(library.explainDecision(DECISION, "en"));
  });

  it("sha256Hex of a non-string names `text`", () => {
    expect(issuesOf(() => library.sha256Hex(42 as never))).toEqual([expect.objectContaining({ path: "text", code: "invalid_type" })]);
  });

  it("validityWindow: a bad edition and a bad date are both named; a publication after an explicit last day is inconsistent", () => {
    expect(issuesOf(() => library.validityWindow(null as never, "2025-02-30" as library.CivilDate)).map((issue) => issue.path)).toEqual(["edition", "publishedOn"]);
    const explicit = library.deriveEdition({ publishedOn: "2025-03-01", validUntil: "2025-12-31" });
    expect(issuesOf(() => library.validityWindow(explicit, "2026-01-01" as library.CivilDate))[0]).toMatchObject({ path: "publishedOn", code: "inconsistent" });
    expect(library.validityWindow(explicit, "2025-03-01" as library.CivilDate)).toEqual({ from: "2025-03-01", to: "2025-12-31", basis: "explicit-valid-until" });
  });

  it("scaleLargestRemainder: fen that do not sum to the total, a target above it, a fraction of a fen", () => {
    expect(issuesOf(() => library.scaleLargestRemainder([{ fen: 3 }], 4n, 2n))[0]).toMatchObject({ path: "total", code: "inconsistent" });
    expect(issuesOf(() => library.scaleLargestRemainder([{ fen: 3 }], 3n, 4n))[0]).toMatchObject({ path: "target" });
    expect(issuesOf(() => library.scaleLargestRemainder([{ fen: 1.5 }], 3n, 1n))[0]).toMatchObject({ path: "awards[0].fen" });
    const awards = [{ fen: 3 }, { fen: 1 }];
    library.scaleLargestRemainder(awards, 4n, 2n);
    expect(awards.map((award) => award.fen).reduce((a, b) => a + b)).toBe(2);
  });

  it("generatePopulation refuses bad options when called, not at the first value, listing every problem", () => {
    const issues = issuesOf(() => library.generatePopulation({ seed: 1.5, applicants: -1, claimsPerApplicant: [3, 1], publishedOn: "2025-03-01T00:00:00Z", colour: "red" } as never));
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ["options.applicants", "options.claimsPerApplicant", "options.colour", "options.publishedOn", "options.seed"].sort(),
    );
  });

  it("simulate: a bad edition is named by its index; bad options by their names; a string is not a population", () => {
    const negative = JSON.parse(JSON.stringify(EDITION)) as { parameters: Record<string, Record<string, unknown>> };
    (negative.parameters["art4.2"] as Record<string, unknown>).rate = "-1";
    const paths = issuesOf(() => library.simulate([APPLICATION], [EDITION, negative as never], { largest: -1, budgetEnvelope: "-100", colour: 1 } as never)).map((issue) => issue.path);
    expect(paths.sort()).toEqual(['editions[1].parameters["art4.2"].rate', "options.budgetEnvelope", "options.colour", "options.largest"].sort());
    expect(issuesOf(() => library.simulate("applications" as never, [EDITION]))[0]).toMatchObject({ path: "population" });
  });

  it("getRule with a non-string: UnknownClauseError, a validation error at clauseId", () => {
    const [issue] = issuesOf(() => library.getRule(42));
    expect(issue).toMatchObject({ path: "clauseId", received: "42" });
    expect(issue?.expected).toMatch(/^a known clause id: art3\.1, /);
  });

  it("evaluateClause: a null edition is refused (only an absent one means the draft); an unknown option is named", () => {
    expect(issuesOf(() => library.evaluateClause("art4.1-session", SESSION, { edition: null as never }))[0]?.path).toBe("edition");
    expect(issuesOf(() => library.evaluateClause("art4.1-session", SESSION, { editon: EDITION } as never))[0]).toMatchObject({ path: "options.editon", code: "unknown_field" });
  });
});
