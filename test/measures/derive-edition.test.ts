/**
 * deriveEdition: overrides are validated field by field (errors name the JSON path), a valid override
 * changes only what it names, editions are deeply frozen, and what-if figures and A11 word definitions
 * reach the rules.
 */
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { PolicyValidationError, type ValidationIssue } from "../../src/kernel/errors.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import { deepFreeze, type Edition } from "../../src/measures/edition.js";

function issuesOf(overrides: unknown, base?: Edition): readonly ValidationIssue[] {
  try {
    deriveEdition(overrides, base);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).issues;
  }
  throw new Error(`expected deriveEdition(${JSON.stringify(overrides)}) to throw`);
}

/** Every leaf path where two plain data values differ, segments joined by "/" (clause ids hold dots). */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path === "" ? key : `${path}/${key}`),
    );
  }
  return Object.is(a, b) ? [] : [path];
}

/** Whether every object reachable from `value` is frozen. */
function deeplyFrozen(value: unknown, path = "(root)"): string[] {
  if (typeof value !== "object" || value === null) return [];
  const here = Object.isFrozen(value) ? [] : [path];
  return [...here, ...Object.keys(value).flatMap((key) => deeplyFrozen((value as Record<string, unknown>)[key], `${path}.${key}`))];
}

const QUALITY = { selfOperatedOnlineSales: true, growthRate: "0.2", cityAverageGrowthRate: "0.1" };

describe("deriveEdition: bad overrides are refused naming the path", () => {
  it.each([
    ["an unknown clause", { parameters: { art9: { rate: "0.1" } } }, "unknown_field", "edition.parameters.art9"],
    ["an unknown parameter name", { parameters: { "art3.1": { ratio: "0.1" } } }, "unknown_field", 'edition.parameters["art3.1"].ratio'],
    ['"30%" as a rate', { parameters: { "art3.1": { rate: "30%" } } }, "invalid_value", 'edition.parameters["art3.1"].rate'],
    ['"abc" as a rate', { parameters: { "art3.1": { rate: "abc" } } }, "invalid_value", 'edition.parameters["art3.1"].rate'],
    ["the number -1 as a rate", { parameters: { "art3.1": { rate: -1 } } }, "invalid_type", 'edition.parameters["art3.1"].rate'],
    ['"-1" as a cap', { parameters: { "art4.2": { capPerEnterprisePerYear: "-1" } } }, "invalid_value", 'edition.parameters["art4.2"].capPerEnterprisePerYear'],
    ["exponent notation", { parameters: { "art3.3": { cap: "5e5" } } }, "invalid_value", 'edition.parameters["art3.3"].cap'],
    ["a number instead of a decimal string", { parameters: { "art3.3": { cap: 300000 } } }, "invalid_type", 'edition.parameters["art3.3"].cap'],
    ["an unknown switch", { switches: { roundingMode: "fen-half-up" } }, "unknown_field", "edition.switches.roundingMode"],
    ["an unknown switch value", { switches: { validityEnd: "anniversary" } }, "invalid_value", "edition.switches.validityEnd"],
    ["validUntil before publishedOn", { publishedOn: "2025-03-01", validUntil: "2025-02-28" }, "inconsistent", "edition.validUntil"],
    ["a wrong threshold word", { parameters: { "art3.3": { minAnnualOnlineRetail: { word: "more than" } } } }, "invalid_value", 'edition.parameters["art3.3"].minAnnualOnlineRetail.word'],
    ["an unknown member of a threshold", { parameters: { "art3.3": { minAnnualOnlineRetail: { op: ">" } } } }, "unknown_field", 'edition.parameters["art3.3"].minAnnualOnlineRetail.op'],
    ["a wrong growth word", { parameters: { "art3.3": { growthWord: "高于" } } }, "invalid_value", 'edition.parameters["art3.3"].growthWord'],
    ["a threshold value that is not a decimal", { parameters: { "art5.1": { minLocalEnterprises: { value: "five" } } } }, "invalid_value", 'edition.parameters["art5.1"].minLocalEnterprises.value'],
    ["a non-existent publication date", { publishedOn: "2025-02-29" }, "invalid_value", "edition.publishedOn"],
    ["an operator that is not one", { wordDefinitions: { 超过: "=>" } }, "invalid_value", 'edition.wordDefinitions["超过"]'],
    ["a word definition for an unknown word", { wordDefinitions: { 高于: ">" } }, "unknown_field", 'edition.wordDefinitions["高于"]'],
    ["validityYears 0", { validityYears: 0 }, "invalid_value", "edition.validityYears"],
    ["a base other than the draft", { base: "trial" }, "invalid_value", "edition.base"],
  ] as const)("%s", (_name, overrides, code, path) => {
    const issues = issuesOf(overrides);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.code).toBe(code);
    expect(() => deriveEdition(overrides)).toThrow(path);
  });

  it("not an object at all", () => {
    expect(issuesOf("draft")[0]).toMatchObject({ path: "edition", code: "invalid_type" });
    expect(issuesOf(null)[0]).toMatchObject({ path: "edition" });
  });

  it("every issue at once, each with its path", () => {
    const issues = issuesOf({
      publishedOn: "2025-13-01",
      parameters: { "art3.1": { rate: "30%" }, "art4.1-session": { capPerSession: "abc" } },
      switches: { rounding: "bankers" },
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "edition.publishedOn",
        'edition.parameters["art3.1"].rate',
        'edition.parameters["art4.1-session"].capPerSession',
        "edition.switches.rounding",
      ]),
    );
  });

  it('"30%" is refused with a message, never read as 30 or 0', () => {
    const [issue] = issuesOf({ parameters: { "art3.1": { rate: "30%" } } });
    expect(issue?.received).toBe('"30%"');
    expect(issue?.path).toBe('edition.parameters["art3.1"].rate');
    expect(issue?.message).toContain('received "30%"');
    expect(issue?.message).not.toContain("edition.parameters");
  });

  it("an unknown switch value lists the allowed values", () => {
    const [issue] = issuesOf({ switches: { validityEnd: "anniversary" } });
    expect(issue?.expected).toContain("civil-code-anniversary");
  });

  // Fixed: an unknown clause id or parameter name is answered with the names that are known.
  it("an unknown clause id lists the known clause ids, not “(none)”", () => {
    const [issue] = issuesOf({ parameters: { "art3.l": { rate: "0.1" } } });
    expect(issue?.expected).not.toContain("(none)");
    expect(issue?.expected).toContain("art3.1");
  });

  it("an unknown parameter name lists the clause's parameter names, not “(none)”", () => {
    const [issue] = issuesOf({ parameters: { "art3.1": { ratio: "0.1" } } });
    expect(issue?.expected).toContain("rate");
  });
});

describe("deriveEdition: a valid override changes only what it names", () => {
  const baseline = deriveEdition({});

  it("no overrides: the draft's figures (decimals written canonically), dates and switches", () => {
    expect(baseline.id).toBe("draft"); // nothing changed: the same figures, dates and switches
    expect(baseline.publishedOn).toBeNull();
    expect(baseline.validUntil).toBeNull();
    expect(baseline.validityYears).toBe(2);
    expect(baseline.switches).toEqual(DRAFT_EDITION.switches);
    expect(baseline.wordDefinitions).toEqual({});
    // "0.30" and "0.3" are the same figure: every parameter equals the draft's as a number.
    for (const path of differences(baseline.parameters, DRAFT_EDITION.parameters)) {
      const read = (edition: Edition) =>
        path.split("/").reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], edition.parameters);
      expect(Number(read(baseline)), path).toBe(Number(read(DRAFT_EDITION)));
    }
  });

  it("a cap: only that cap changes", () => {
    const edition = deriveEdition({ parameters: { "art3.3": { cap: "300000" } } });
    expect(differences(edition.parameters, baseline.parameters)).toEqual(["art3.3/cap"]);
    expect(edition.parameters["art3.3"].cap).toBe("300000");
    // Besides the figure, only the id differs: it marks the edition as a what-if.
    expect(differences({ ...edition, parameters: null }, { ...baseline, parameters: null })).toEqual(["id"]);
    expect(edition.id).toBe("draft+what-if");
  });

  it("a threshold's value alone keeps its word; its word alone keeps its value", () => {
    const value = deriveEdition({ parameters: { "art3.3": { minAnnualOnlineRetail: { value: "30000000" } } } });
    expect(value.parameters["art3.3"].minAnnualOnlineRetail).toEqual({ value: "30000000", word: "超过" });
    expect(differences(value.parameters, baseline.parameters)).toEqual(["art3.3/minAnnualOnlineRetail/value"]);
    const word = deriveEdition({ parameters: { "art3.3": { minAnnualOnlineRetail: { word: "以上" } } } });
    expect(word.parameters["art3.3"].minAnnualOnlineRetail).toEqual({ value: "20000000", word: "以上" });
    expect(differences(word.parameters, baseline.parameters)).toEqual(["art3.3/minAnnualOnlineRetail/word"]);
  });

  it("a switch: only that switch changes", () => {
    const edition = deriveEdition({ switches: { art3_2CapScope: "per-year" } });
    expect(differences(edition.switches, DRAFT_EDITION.switches)).toEqual(["art3_2CapScope"]);
    expect(differences(edition.parameters, baseline.parameters)).toEqual([]);
  });

  it("dates, name and id", () => {
    const edition = deriveEdition({ id: "trial-2024", name: { zh: "试行", en: "trial" }, publishedOn: "2024-08-19", validUntil: "2026-08-18" });
    expect(differences(edition, baseline).sort()).toEqual(["id", "name/en", "name/zh", "publishedOn", "validUntil"]);
  });

  it("decimals are written canonically: 0.40 and 0.4 give the same edition", () => {
    expect(deriveEdition({ parameters: { "art4.2": { rate: "0.40" } } })).toEqual(deriveEdition({ parameters: { "art4.2": { rate: "0.4" } } }));
  });

  it("deriving from a derived edition keeps the earlier overrides", () => {
    const first = deriveEdition({ publishedOn: "2025-03-01", parameters: { "art3.3": { cap: "300000" } }, switches: { rounding: "yuan-half-up" } });
    const second = deriveEdition({ parameters: { "art4.2": { rate: "0.25" } } }, first);
    expect(second.publishedOn).toBe("2025-03-01");
    expect(second.parameters["art3.3"].cap).toBe("300000");
    expect(second.switches.rounding).toBe("yuan-half-up");
    expect(differences(second.parameters, first.parameters)).toEqual(["art4.2/rate"]);
    expect(second.id).toBe("draft@published-2025-03-01+what-if+what-if");
  });

  it("publishedOn: null and validUntil: null reset the dates of a base", () => {
    const base = deriveEdition({ publishedOn: "2025-03-01", validUntil: "2026-01-01" });
    const reset = deriveEdition({ publishedOn: null, validUntil: null }, base);
    expect(reset.publishedOn).toBeNull();
    expect(reset.validUntil).toBeNull();
  });
});

describe("editions are deeply frozen", () => {
  const edition = deriveEdition({
    publishedOn: "2025-03-01",
    name: { zh: "试行", en: "trial" },
    parameters: { "art3.3": { cap: "300000", minAnnualOnlineRetail: { value: "30000000" } } },
    switches: { thresholdWords: "edition" },
    wordDefinitions: { 超过: ">=" },
  });

  it("every object of a derived edition and of DRAFT_EDITION is frozen", () => {
    expect(deeplyFrozen(edition)).toEqual([]);
    expect(deeplyFrozen(DRAFT_EDITION)).toEqual([]);
    expect(deeplyFrozen(deriveEdition({}))).toEqual([]);
  });

  it("assigning throws in strict mode (test modules are ES modules) and changes nothing", () => {
    const attempts: [string, () => void][] = [
      ["id", () => ((edition as { id: string }).id = "x")],
      ["name.zh", () => ((edition.name as { zh: string }).zh = "x")],
      ["publishedOn", () => ((edition as { publishedOn: string | null }).publishedOn = null)],
      ["parameters art3.3 cap", () => ((edition.parameters["art3.3"] as { cap: string }).cap = "1")],
      ["a threshold value", () => ((edition.parameters["art3.3"].minAnnualOnlineRetail as { value: string }).value = "0")],
      ["a new clause", () => ((edition.parameters as unknown as Record<string, unknown>)["art9"] = {})],
      ["a switch", () => ((edition.switches as { rounding: string }).rounding = "yuan-half-up")],
      ["a word definition", () => ((edition.wordDefinitions as Record<string, string>)["超"] = ">=")],
      ["draft cap", () => ((DRAFT_EDITION.parameters["art4.2"] as { capPerEnterprisePerYear: string }).capPerEnterprisePerYear = "1")],
      ["draft switch", () => ((DRAFT_EDITION.switches as { validityEnd: string }).validityEnd = "civil-code-anniversary")],
      ["delete a draft parameter", () => delete (DRAFT_EDITION.parameters["art3.1"] as { rate?: string }).rate],
    ];
    for (const [what, attempt] of attempts) expect(attempt, what).toThrow(TypeError);
    expect(edition.id).toBe("draft@published-2025-03-01+what-if");
    expect(edition.parameters["art3.3"].cap).toBe("300000");
    expect(edition.parameters["art3.3"].minAnnualOnlineRetail.value).toBe("30000000");
    expect(edition.switches.rounding).toBe("fen-half-up");
    expect(edition.wordDefinitions).toEqual({ 超过: ">=" });
    expect(DRAFT_EDITION.parameters["art4.2"].capPerEnterprisePerYear).toBe("500000");
    expect(DRAFT_EDITION.parameters["art3.1"].rate).toBe("0.30");
  });

  it("the override object a caller passed is not frozen or shared with the edition", () => {
    const overrides = { name: { zh: "甲", en: "A" }, parameters: { "art3.3": { minAnnualOnlineRetail: { value: "1" } } } };
    const derived = deriveEdition(overrides);
    expect(Object.isFrozen(overrides.name)).toBe(false);
    overrides.name.zh = "乙";
    overrides.parameters["art3.3"].minAnnualOnlineRetail.value = "2";
    expect(derived.name.zh).toBe("甲");
    expect(derived.parameters["art3.3"].minAnnualOnlineRetail.value).toBe("1");
  });

  it("DRAFT_EDITION is unchanged after deriving editions from it", () => {
    const before = JSON.stringify(DRAFT_EDITION);
    deriveEdition({ publishedOn: "2024-08-19", parameters: { "art3.1": { rate: "0.5", minUsedArea: { value: "1", word: "超过" } } } });
    deriveEdition({ switches: { intraMeasuresDuplicates: "allow" }, wordDefinitions: { 以上: ">" } });
    try {
      deriveEdition({ parameters: { "art3.1": { rate: "30%" } } });
    } catch {
      // refused, as it should be
    }
    expect(JSON.stringify(DRAFT_EDITION)).toBe(before);
    expect(DRAFT_EDITION.id).toBe("draft");
    expect(DRAFT_EDITION.publishedOn).toBeNull();
  });
});

describe("what-if figures reach the rules through the `edition` option", () => {
  it("art3.3 with a cap of 300,000: 35,000,000 of retail gives 300,000 instead of 350,000", () => {
    const input = { ...QUALITY, annualOnlineRetail: "35000000" };
    expect(evaluateClause("art3.3", input).amount).toBe("350000.00");
    const whatIf = deriveEdition({ parameters: { "art3.3": { cap: "300000" } } });
    const result = evaluateClause("art3.3", input, { edition: whatIf });
    expect(result.amount).toBe("300000.00");
    expect(result.capBinding).toBe("art3.3/per-enterprise");
    expect(result.edition).toBe("draft+what-if");
    // The cap is only reached, not exceeded, at 20,000,000.01 under the what-if: 300,000 either way.
    expect(evaluateClause("art3.3", { ...QUALITY, annualOnlineRetail: "20000000.01" }, { edition: whatIf }).amount).toBe("300000.00");
  });

  it("a what-if rate changes art4.1-session, and the draft is untouched", () => {
    const input = { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" };
    const whatIf = deriveEdition({ parameters: { "art4.1-session": { rate: "0.02" } } });
    expect(evaluateClause("art4.1-session", input, { edition: whatIf }).amount).toBe("40000.00");
    expect(evaluateClause("art4.1-session", input).amount).toBe("20000.00");
  });

  it("a what-if threshold: art3.3 from 30,000,000 exclusive", () => {
    const whatIf = deriveEdition({ parameters: { "art3.3": { minAnnualOnlineRetail: { value: "30000000" } } } });
    expect(evaluateClause("art3.3", { ...QUALITY, annualOnlineRetail: "30000000" }, { edition: whatIf }).status).toBe("ineligible");
    expect(evaluateClause("art3.3", { ...QUALITY, annualOnlineRetail: "30000000.01" }, { edition: whatIf }).amount).toBe("300000.00");
  });
});

describe("A11: the edition's own threshold words", () => {
  const atThreshold = { ...QUALITY, annualOnlineRetail: "20000000" };

  it("default (民法典: 超过 excludes the number): exactly 20,000,000 is not eligible", () => {
    const result = evaluateClause("art3.3", atThreshold, { edition: deriveEdition({}) });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toContain("art3.3/online-retail");
  });

  it('thresholdWords "edition" with 超过 defined as >=: exactly 20,000,000 is eligible for 300,000', () => {
    const edition = deriveEdition({ switches: { thresholdWords: "edition" }, wordDefinitions: { 超过: ">=" } });
    const result = evaluateClause("art3.3", atThreshold, { edition });
    expect(result.status).toBe("eligible");
    expect(result.amount).toBe("300000.00");
    expect(evaluateClause("art3.3", { ...atThreshold, annualOnlineRetail: "19999999.99" }, { edition }).status).toBe("ineligible");
  });

  it("word definitions do nothing unless the switch says so", () => {
    const edition = deriveEdition({ wordDefinitions: { 超过: ">=" } });
    expect(evaluateClause("art3.3", atThreshold, { edition }).status).toBe("ineligible");
  });

  it('thresholdWords "edition" without a definition of the word keeps the Civil Code meaning', () => {
    const edition = deriveEdition({ switches: { thresholdWords: "edition" }, wordDefinitions: { 以上: ">" } });
    expect(evaluateClause("art3.3", atThreshold, { edition }).status).toBe("ineligible");
  });

  it("art7.1-express (超10万单) follows 超 the same way", () => {
    const input = { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: 100000 };
    expect(evaluateClause("art7.1-express", input).status).toBe("ineligible");
    const edition = deriveEdition({ switches: { thresholdWords: "edition" }, wordDefinitions: { 超: ">=" } });
    expect(evaluateClause("art7.1-express", input, { edition }).amount).toBe("100000.00");
  });
});

describe("deriveEdition: the id of a derived edition says what changed", () => {
  it("a date only: draft@published-<date>; figures or switches: +what-if; an explicit id wins", () => {
    expect(deriveEdition({ publishedOn: "2025-03-01" }).id).toBe("draft@published-2025-03-01");
    expect(deriveEdition({ switches: { rounding: "fen-half-even" } }).id).toBe("draft+what-if");
    expect(deriveEdition({ publishedOn: "2025-03-01", parameters: { "art3.3": { cap: "1" } } }).id).toBe("draft@published-2025-03-01+what-if");
    expect(deriveEdition({ id: "trial-2024", publishedOn: "2024-08-19" }).id).toBe("trial-2024");
  });
});

describe("deriveEdition: a word that is not a threshold word", () => {
  it("is an unknown field whose message lists the threshold words", () => {
    let error: unknown;
    try {
      deriveEdition({ wordDefinitions: { 高于: ">" } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PolicyValidationError);
    const issue = (error as PolicyValidationError).issues.find((i) => i.pathSegments.join("/") === "edition/wordDefinitions/高于");
    expect(issue?.code).toBe("unknown_field");
    expect(issue?.expected).toContain("known fields: 以上, 不少于, 不低于, 达到, 超过, 超, 不超过, 最高不超过, 不满, 以下");
  });
});

describe("deepFreeze", () => {
  it("freezes what an already frozen object holds", () => {
    const value = deepFreeze(Object.freeze({ a: { b: 1 }, list: [{ c: 2 }] }));
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.list)).toBe(true);
    expect(Object.isFrozen(value.list[0])).toBe(true);
  });

  it("terminates on a shared or circular object", () => {
    const shared: { self?: unknown; n: number } = { n: 1 };
    shared.self = shared;
    const value = deepFreeze({ x: shared, y: shared });
    expect(Object.isFrozen(value.x)).toBe(true);
    expect(value.y).toBe(value.x);
  });
});
