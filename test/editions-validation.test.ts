/**
 * One validation for editions, wherever they enter (docs/conventions.md §4): an edition the library sealed
 * passes by its brand; anything else — built by hand, read from JSON — is validated field by field, and
 * refused with one PolicyValidationError listing every problem by path. Never a TypeError, never a
 * negative amount.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { thrownIssues } from "./helpers.js";
import { editionHash, evaluate } from "../src/evaluate.js";
import { evaluateClause } from "../src/evaluate-clause.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { type Edition, validateEdition } from "../src/measures/edition.js";
import { PARAMETER_KINDS } from "../src/measures/edition-schema.js";
import { DRAFT_EDITION } from "../src/measures/edition-draft.js";
import { simulate } from "../src/simulate.js";
import * as library from "../src/index.js";

const DERIVED = deriveEdition({ publishedOn: "2025-03-01" });
const SESSION = { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A plain JSON copy of an edition, as a caller who read it from a file holds it. */
function copy(edition: Edition = DERIVED): Json {
  return JSON.parse(JSON.stringify(edition)) as Json;
}

const issuesOf = thrownIssues;

const paths = (run: () => unknown) => issuesOf(run).map((issue) => issue.path);

describe("validateEdition: sealed editions pass by their brand", () => {
  it("returns the draft, a derived edition and a validated one themselves", () => {
    expect(validateEdition(DRAFT_EDITION)).toBe(DRAFT_EDITION);
    expect(validateEdition(DERIVED)).toBe(DERIVED);
    const validated = validateEdition(copy());
    expect(validateEdition(validated)).toBe(validated);
  });

  it("reads a JSON copy of the draft into a sealed edition equal to it, and leaves the caller's object alone", () => {
    const raw = copy(DRAFT_EDITION);
    const edition = validateEdition(raw);
    expect(edition).not.toBe(raw);
    expect(edition).toEqual(DRAFT_EDITION);
    expect(Object.isFrozen(edition.parameters["art3.1"].minUsedArea)).toBe(true);
    expect(Object.isFrozen(raw)).toBe(false);
    expect(editionHash(raw as unknown as Edition)).toBe(editionHash(DRAFT_EDITION));
  });

  it("is exported from the package entry", () => {
    expect(library.validateEdition).toBe(validateEdition);
  });
});

describe("validateEdition: what is not an edition", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "draft"],
    ["an array", []],
  ])("%s is refused at the root, as the wrong type", (_name, raw) => {
    const issues = issuesOf(() => validateEdition(raw));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "edition", code: raw === undefined ? "required" : "invalid_type" });
  });

  it("{} is refused naming each of the eight fields that are missing", () => {
    expect(paths(() => validateEdition({})).sort()).toEqual(
      ["id", "name", "parameters", "publishedOn", "switches", "validUntil", "validityYears", "wordDefinitions"].map((f) => `edition.${f}`).sort(),
    );
  });

  it.each(["published-2025-03-01.json", "what-if-art3.3-cap-300000.json"])(
    "the override document fixtures/editions/%s is refused with a hint to derive an edition from it",
    (file) => {
      const raw = JSON.parse(readFileSync(new URL(`../fixtures/editions/${file}`, import.meta.url), "utf8")) as unknown;
      const issues = issuesOf(() => validateEdition(raw));
      expect(issues[0]?.path).toBe("edition");
      expect(issues[0]?.hint).toMatch(/edition override document.*deriveEdition\(document\)/);
      expect(issues[0]?.hintZh).toMatch(/deriveEdition/);
      // …and the same document, derived, is an edition.
      expect(validateEdition(deriveEdition(raw))).toBeTruthy();
    },
  );

  it("an override with its `base` field is recognised too", () => {
    expect(issuesOf(() => validateEdition({ ...copy(), base: "draft" }))[0]?.hint).toMatch(/deriveEdition/);
  });
});

describe("validateEdition: every figure, date and switch", () => {
  const refused = (change: (edition: Json) => void) => {
    const raw = copy();
    change(raw);
    return issuesOf(() => validateEdition(raw));
  };

  it("a negative rate", () => {
    const issues = refused((e) => (e.parameters["art3.1"].rate = "-0.3"));
    expect(issues.map((i) => i.path)).toEqual(['edition.parameters["art3.1"].rate']);
    expect(issues[0]?.expected).toMatch(/between 0 and 1/);
  });

  it("a rate above 1; a rate of exactly 0 and exactly 1 and one of many places are figures", () => {
    expect(refused((e) => (e.parameters["art4.2"].rate = "1.0001")).map((i) => i.path)).toEqual(['edition.parameters["art4.2"].rate']);
    for (const rate of ["0", "1", "0.123456789"]) {
      const raw = copy();
      raw.parameters["art4.2"].rate = rate;
      expect(validateEdition(raw).parameters["art4.2"].rate).toBe(rate);
    }
  });

  it("a rate given as a JSON number is refused: figures are written as strings", () => {
    expect(refused((e) => (e.parameters["art3.1"].rate = 0.3))[0]).toMatchObject({ path: 'edition.parameters["art3.1"].rate', code: "invalid_type" });
  });

  it("caps and fixed awards are whole yuan > 0: 50000.125, 50000.5 and 0 are refused, 50000 and 1 are figures", () => {
    for (const cap of ["50000.125", "50000.5", "0"]) {
      const issues = refused((e) => (e.parameters["art4.1-session"].capPerSession = cap));
      expect(issues.map((i) => i.path), cap).toEqual(['edition.parameters["art4.1-session"].capPerSession']);
    }
    expect(refused((e) => (e.parameters["art4.1-session"].capPerSession = "50000.5"))[0]?.hint).toMatch(/whole yuan/);
    for (const award of ["0", "200000.01"]) {
      expect(refused((e) => (e.parameters["art3.2-mofcom"].award = award)).map((i) => i.path)).toEqual(['edition.parameters["art3.2-mofcom"].award']);
    }
    const raw = copy();
    raw.parameters["art4.1-session"].capPerSession = "1";
    expect(validateEdition(raw).parameters["art4.1-session"].capPerSession).toBe("1");
  });

  it("increment steps > 0: 0 is refused (it would divide by zero); art3.3's is yuan to the fen, art7.1-express's a whole count", () => {
    expect(refused((e) => (e.parameters["art3.3"].incrementStep = "0")).map((i) => i.path)).toEqual(['edition.parameters["art3.3"].incrementStep']);
    expect(refused((e) => (e.parameters["art3.3"].incrementStep = "0.001")).map((i) => i.path)).toEqual(['edition.parameters["art3.3"].incrementStep']);
    expect(refused((e) => (e.parameters["art7.1-express"].incrementStep = "0")).map((i) => i.path)).toEqual(['edition.parameters["art7.1-express"].incrementStep']);
    expect(refused((e) => (e.parameters["art7.1-express"].incrementStep = "0.5")).map((i) => i.path)).toEqual(['edition.parameters["art7.1-express"].incrementStep']);
    const raw = copy();
    raw.parameters["art3.3"].incrementStep = "0.01";
    expect(validateEdition(raw).parameters["art3.3"].incrementStep).toBe("0.01");
  });

  it("thresholds ≥ 0; yuan thresholds to the fen; count thresholds whole; a threshold word from the list", () => {
    expect(refused((e) => (e.parameters["art3.3"].minAnnualOnlineRetail.value = "-1")).map((i) => i.path)).toEqual(['edition.parameters["art3.3"].minAnnualOnlineRetail.value']);
    expect(refused((e) => (e.parameters["art3.3"].minAnnualOnlineRetail.value = "20000000.001"))[0]?.hint).toMatch(/yuan to the fen/);
    expect(refused((e) => (e.parameters["art5.1"].minLocalEnterprises.value = "4.5")).map((i) => i.path)).toEqual(['edition.parameters["art5.1"].minLocalEnterprises.value']);
    expect(refused((e) => (e.parameters["art3.3"].minAnnualOnlineRetail.word = "高于")).map((i) => i.path)).toEqual(['edition.parameters["art3.3"].minAnnualOnlineRetail.word']);
    expect(refused((e) => (e.parameters["art3.3"].growthWord = "高于")).map((i) => i.path)).toEqual(['edition.parameters["art3.3"].growthWord']);
    expect(refused((e) => delete e.parameters["art3.3"].minAnnualOnlineRetail.word)[0]).toMatchObject({ code: "required" });
    // A rate threshold may have any precision; area thresholds too.
    const raw = copy();
    raw.parameters["art7.2"].minGrowthRate.value = "0.0999";
    raw.parameters["art3.1"].minUsedArea.value = "2999.5";
    expect(validateEdition(raw).parameters["art7.2"].minGrowthRate.value).toBe("0.0999");
  });

  it("every parameter of every clause is required, and no other", () => {
    const missing = refused((e) => delete e.parameters["art7.2"].shareOfBenchmark);
    expect(missing[0]).toMatchObject({ path: 'edition.parameters["art7.2"].shareOfBenchmark', code: "required" });
    const clause = refused((e) => delete e.parameters["art5.2"]);
    expect(clause[0]).toMatchObject({ path: 'edition.parameters["art5.2"]', code: "required" });
    const extra = refused((e) => (e.parameters["art5.2"].bonus = "1"));
    expect(extra[0]).toMatchObject({ path: 'edition.parameters["art5.2"].bonus', code: "unknown_field" });
    expect(extra[0]?.expected).toMatch(/known fields: minAnnualTurnover, award/);
  });

  it("the table of kinds covers exactly the draft's parameters", () => {
    const shape = (parameters: object) => Object.fromEntries(Object.entries(parameters).map(([id, values]) => [id, Object.keys(values as object).sort()]));
    expect(shape(PARAMETER_KINDS)).toEqual(shape(DRAFT_EDITION.parameters));
  });

  it("publishedOn with a time (an instant, not a civil date) is refused; so is a date that does not exist", () => {
    expect(refused((e) => (e.publishedOn = "2025-03-01T00:00:00Z")).map((i) => i.path)).toEqual(["edition.publishedOn"]);
    expect(refused((e) => (e.validUntil = "2027-02-30")).map((i) => i.path)).toEqual(["edition.validUntil"]);
  });

  it("validUntil before publishedOn is refused; on the same day it is a window of one day", () => {
    const issues = refused((e) => {
      e.publishedOn = "2025-03-01";
      e.validUntil = "2025-02-28";
    });
    expect(issues).toEqual([expect.objectContaining({ path: "edition.validUntil", code: "inconsistent" })]);
    const raw = copy();
    raw.validUntil = "2025-03-01";
    expect(validateEdition(raw).validUntil).toBe("2025-03-01");
  });

  it("validityYears: a whole number ≥ 1", () => {
    for (const years of [0, 1.5, "2"]) expect(refused((e) => (e.validityYears = years)).map((i) => i.path)).toEqual(["edition.validityYears"]);
  });

  it("switches: a bad value names the allowed ones; every switch must be present", () => {
    const bad = refused((e) => (e.switches.rounding = "banker"));
    expect(bad[0]).toMatchObject({ path: "edition.switches.rounding", code: "invalid_value" });
    expect(bad[0]?.expected).toMatch(/"fen-half-up"/);
    expect(refused((e) => delete e.switches.validityEnd)[0]).toMatchObject({ path: "edition.switches.validityEnd", code: "required" });
  });

  it("wordDefinitions: keys are threshold words, values operators", () => {
    expect(refused((e) => (e.wordDefinitions = { 以上: "≥" })).map((i) => i.path)).toEqual(['edition.wordDefinitions["以上"]']);
    expect(refused((e) => (e.wordDefinitions = { 高于: ">" })).map((i) => i.path)).toEqual(['edition.wordDefinitions["高于"]']);
  });

  it("lists every problem at once", () => {
    const issues = refused((e) => {
      e.parameters["art3.1"].rate = "-1";
      e.parameters["art4.2"].capPerEnterprisePerYear = "0.5";
      e.switches.rounding = "banker";
      e.publishedOn = "2025-03-01T00:00:00Z";
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['edition.parameters["art3.1"].rate', 'edition.parameters["art4.2"].capPerEnterprisePerYear', "edition.publishedOn", "edition.switches.rounding"].sort(),
    );
  });
});

describe("validateEdition: hostile objects", () => {
  it("a cyclic object: the loop is an unknown field or a wrong type, never a stack overflow", () => {
    const raw = copy();
    raw.parameters["art3.1"].self = raw;
    raw.name.zh = raw;
    expect(paths(() => validateEdition(raw)).sort()).toEqual(['edition.name.zh', 'edition.parameters["art3.1"].self'].sort());
  });

  it("a Proxy of a valid edition is read through its traps into a sealed copy", () => {
    const edition = validateEdition(new Proxy(copy(), {}));
    expect(edition).toEqual(DERIVED);
    expect(Object.isFrozen(edition)).toBe(true);
  });

  it("a Proxy whose getter throws: the caller's own error passes through as it is", () => {
    const boom = new Error("the caller's getter");
    const raw = new Proxy(copy(), { get: () => { throw boom; } });
    expect(() => validateEdition(raw)).toThrow(boom);
  });

  it("a Proxy that hides its keys and answers every get with undefined is refused field by field", () => {
    const raw = new Proxy(copy(), { get: () => undefined, ownKeys: () => [], getOwnPropertyDescriptor: () => undefined });
    expect(paths(() => validateEdition(raw))).toContain("edition.parameters");
  });

  it("an object with a __proto__ key from JSON.parse is refused naming it", () => {
    const raw = JSON.parse(JSON.stringify(copy()).replace(/^\{/, '{"__proto__":{"polluted":true},')) as unknown;
    expect(paths(() => validateEdition(raw))).toEqual(["edition.__proto__"]);
    expect(({} as Json).polluted).toBeUndefined();
  });
});

describe("every public function validates the edition it is given", () => {
  const first17 = "91110117MA01ABCD1";
  const application = {
    applicant: { name: "北京平谷示例直播电商有限公司", creditCode: first17 + (usccCheckCharacter(first17) as string), registeredInPinggu: true, liveCommerceBusiness: true },
    claims: [{ id: "s1", clauseId: "art4.1-session", factDate: "2025-06-01", input: SESSION }],
  };
  const negative = () => {
    const raw = copy();
    raw.parameters["art4.1-session"].rate = "-0.01";
    return raw as unknown as Edition;
  };
  const override = JSON.parse(readFileSync(new URL("../fixtures/editions/published-2025-03-01.json", import.meta.url), "utf8")) as Edition;
  const calls: [string, (edition: Edition) => unknown][] = [
    ["evaluate", (edition) => evaluate(application, edition)],
    ["evaluateClause", (edition) => evaluateClause("art4.1-session", SESSION, { edition })],
    ["simulate", (edition) => simulate([application], [edition])],
    ["editionHash", (edition) => editionHash(edition)],
    ["deriveEdition (base)", (edition) => deriveEdition({}, edition)],
  ];
  for (const [name, call] of calls) {
    it(`${name}: a negative rate is refused, never paid as a negative amount`, () => {
      expect(paths(() => call(negative()))).toEqual([expect.stringMatching(/parameters\["art4\.1-session"\]\.rate$/)]);
    });
    it(`${name}: null and a fixture override document are refused with the validation error`, () => {
      expect(issuesOf(() => call(null as unknown as Edition)).length).toBeGreaterThan(0);
      expect(issuesOf(() => call(override))[0]?.hint).toMatch(/deriveEdition/);
    });
  }

  it("deriveEdition names the base's problems under `base`", () => {
    expect(paths(() => deriveEdition({}, negative()))).toEqual(['base.parameters["art4.1-session"].rate']);
  });
});

describe("deriveEdition: the result passes the same validation", () => {
  it("an increment step of 0 is refused (evaluation would divide by it)", () => {
    expect(paths(() => deriveEdition({ parameters: { "art3.3": { incrementStep: "0" } } }))).toEqual(['edition.parameters["art3.3"].incrementStep']);
    expect(paths(() => deriveEdition({ parameters: { "art7.1-express": { incrementStep: "0" } } }))).toEqual(['edition.parameters["art7.1-express"].incrementStep']);
  });

  it("a cap with a fraction of a fen (50000.125, which would pay 50000.13) is refused; a cap of 0 too", () => {
    expect(paths(() => deriveEdition({ parameters: { "art4.1-session": { capPerSession: "50000.125" } } }))).toEqual(['edition.parameters["art4.1-session"].capPerSession']);
    expect(paths(() => deriveEdition({ parameters: { "art4.1-session": { capPerSession: "0" } } }))).toEqual(['edition.parameters["art4.1-session"].capPerSession']);
  });

  it("a rate above 1 and a negative threshold are refused", () => {
    expect(paths(() => deriveEdition({ parameters: { "art3.2": { rate: "1.3" } } }))).toEqual(['edition.parameters["art3.2"].rate']);
    expect(paths(() => deriveEdition({ parameters: { "art7.2": { minGrowthRate: { value: "-0.1" } } } }))).toEqual(['edition.parameters["art7.2"].minGrowthRate.value']);
  });

  it("validUntil before the publication day is refused, naming edition.validUntil", () => {
    expect(paths(() => deriveEdition({ publishedOn: "2025-03-01", validUntil: "2025-01-01" }))).toEqual(["edition.validUntil"]);
  });

  it("a derived edition passes by its brand and equals its own validated JSON copy", () => {
    const derived = deriveEdition({ publishedOn: "2025-03-01", parameters: { "art3.3": { cap: "300000" } }, switches: { rounding: "fen-half-even" } });
    expect(validateEdition(derived)).toBe(derived);
    expect(validateEdition(copy(derived))).toEqual(derived);
  });
});
