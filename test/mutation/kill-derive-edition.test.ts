/**
 * src/measures/derive-edition.ts: the messages a caller gets for a bad edition document. A typo in an
 * edition must never pass silently (INTERPRETATION.md: editions are data), and the error must say what
 * is accepted where the typo is. Each test names the mutants it was written for.
 */
import { describe, expect, it } from "vitest";
import { SPEC_CLAUSE_IDS } from "../spec-clause-ids.js";
import { PolicyValidationError, type ValidationIssue } from "../../src/kernel/errors.js";
import { THRESHOLD_WORDS } from "../../src/kernel/words.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";

function editionIssues(overrides: unknown): { error: PolicyValidationError; issues: readonly ValidationIssue[] } {
  try {
    deriveEdition(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    // Mutant: the context "edition" of the parse emptied (derive-edition.ts, deriveEdition).
    expect((error as Error).message.startsWith("edition: invalid input, ")).toBe(true);
    return { error: error as PolicyValidationError, issues: (error as PolicyValidationError).issues };
  }
  throw new Error("expected a PolicyValidationError");
}

/** The one issue of an override with one typo, and the field names its message offers. */
function unknownField(overrides: unknown): { issue: ValidationIssue; known: string[] } {
  const { issues } = editionIssues(overrides);
  expect(issues).toHaveLength(1);
  const issue = issues[0] as ValidationIssue;
  expect(issue.code).toBe("unknown_field");
  const list = /known fields: (.*)$/.exec(issue.expected)?.[1] ?? "";
  expect(issue.expectedZh).toContain(`已知字段：${list}`);
  return { issue, known: list === "(none)" ? [] : list.split(", ") };
}

describe("deriveEdition: an unknown field is answered with the fields accepted there", () => {
  it("at the top of the document: the fields of an edition override", () => {
    const { issue, known } = unknownField({ publishedDate: "2025-03-01" });
    expect(issue.path).toBe("edition.publishedDate");
    expect([...known].sort()).toEqual(
      ["id", "name", "base", "publishedOn", "validUntil", "validityYears", "parameters", "switches", "wordDefinitions"].sort(),
    );
  });

  it("in switches: the switch names of the ambiguity register (A1–A12, A16, A17)", () => {
    const { issue, known } = unknownField({ switches: { roundingMode: "fen-half-up" } });
    expect(issue.path).toBe("edition.switches.roundingMode");
    expect([...known].sort()).toEqual(
      [
        "validityEnd",
        "incrementCounting",
        "art3_2MofcomAlone",
        "art4_1ProductFlows",
        "art5_1CapScope",
        "art3_2CapScope",
        "intraMeasuresDuplicates",
        "interestDayCount",
        "rounding",
        "annualCapYear",
        "thresholdWords",
        "art4_1InvestmentCapScope",
        "art7_2InterestPeriod",
        "art6_2ProjectScope",
      ].sort(),
    );
  });

  it("in name: zh and en", () => {
    const { issue, known } = unknownField({ name: { zh: "试行", en: "trial", fr: "essai" } });
    expect(issue.path).toBe("edition.name.fr");
    expect(known).toEqual(["zh", "en"]);
  });

  it("in parameters: the fourteen clause ids", () => {
    const { issue, known } = unknownField({ parameters: { "art3.4": { rate: "0.3" } } });
    expect(issue.path).toBe('edition.parameters["art3.4"]');
    expect(known).toEqual([...SPEC_CLAUSE_IDS]);
  });

  it("in one clause's parameters: that clause's figures (art3.1: three thresholds, the rate, the cap)", () => {
    const { issue, known } = unknownField({ parameters: { "art3.1": { capPerProject: "2000000" } } });
    expect(issue.path).toBe('edition.parameters["art3.1"].capPerProject');
    expect(known).toEqual(["minUsedArea", "minAnnualOnlineRetail", "minInvestment", "rate", "capPerPark"]);
  });

  it("in a threshold: value and word", () => {
    const { issue, known } = unknownField({ parameters: { "art3.1": { minUsedArea: { value: "3000", operator: ">=" } } } });
    expect(issue.path).toBe('edition.parameters["art3.1"].minUsedArea.operator');
    expect(known).toEqual(["value", "word"]);
  });

  it("in wordDefinitions: never names something that is not a threshold word", () => {
    // The keys of wordDefinitions are the threshold words of INTERPRETATION.md §1. Whatever the message
    // lists must be among them (today it lists none; see docs/quality.md, "Mutation testing").
    const { issue, known } = unknownField({ wordDefinitions: { 高于: ">" } });
    expect(issue.path).toBe('edition.wordDefinitions["高于"]');
    for (const name of known) expect(THRESHOLD_WORDS as readonly string[]).toContain(name);
  });
});

describe("deriveEdition: a malformed figure or date keeps the reader's own message, in both languages", () => {
  it('a rate written "30%" is refused with the hint to write 0.3 as a fraction, and a Chinese message', () => {
    const { issues } = editionIssues({ parameters: { "art3.1": { rate: "30%" } } });
    expect(issues).toHaveLength(1);
    const issue = issues[0] as ValidationIssue;
    expect(issue.path).toBe('edition.parameters["art3.1"].rate');
    expect(issue.code).toBe("invalid_value");
    expect(issue.expected).toMatch(/non-negative decimal/);
    // Mutants: the issue raised without its code or without the reader's params (derive-edition.ts, decimalText).
    expect(issue.expectedZh).toMatch(/非负小数/);
    expect(issue.hint).toMatch(/0\.1/);
    expect(issue.hintZh).toMatch(/10%/);
  });

  it("publishedOn 2025-02-30 is refused: February 2025 has 28 days (2025 is not a leap year)", () => {
    const { issues } = editionIssues({ publishedOn: "2025-02-30" });
    expect(issues).toHaveLength(1);
    const issue = issues[0] as ValidationIssue;
    expect(issue.path).toBe("edition.publishedOn");
    expect(issue.code).toBe("invalid_value");
    expect(issue.expected).toMatch(/YYYY-MM-DD/);
    // Mutants: the issue raised without its code or without the reader's params (derive-edition.ts, dateText).
    expect(issue.expectedZh).toMatch(/日历日期/);
    expect(issue.hint).toMatch(/28 days/);
    expect(issue.hintZh).toMatch(/28/);
  });
});

describe("deriveEdition: validUntil before publishedOn", () => {
  it("is refused on validUntil, naming the publication day in both languages", () => {
    const { error, issues } = editionIssues({ publishedOn: "2025-03-01", validUntil: "2025-02-28" });
    expect(issues).toHaveLength(1);
    const issue = issues[0] as ValidationIssue;
    expect(issue.code).toBe("inconsistent");
    expect(issue.path).toBe("edition.validUntil");
    // Mutants: expected / expectedZh emptied, and the error's context emptied (derive-edition.ts, deriveEdition).
    expect(issue.expected).toContain("2025-03-01");
    expect(issue.expectedZh).toContain("2025-03-01");
    expect(issue.expectedZh).toMatch(/发布日期/);
    expect(error.message.startsWith("edition: ")).toBe(true);
  });

  it("a last day equal to the publication day is accepted (a one-day window)", () => {
    const edition = deriveEdition({ publishedOn: "2025-03-01", validUntil: "2025-03-01" });
    expect(edition.validUntil).toBe("2025-03-01");
  });
});

describe("deriveEdition: the id of a derived edition says what changed", () => {
  it("only the publication date: draft@published-<date>", () => {
    expect(deriveEdition({ publishedOn: "2025-03-01" }).id).toBe("draft@published-2025-03-01");
  });

  it("word definitions (A11) make it a what-if", () => {
    // Mutant: wordDefinitions left out of the what-if test (derive-edition.ts, derivedId).
    expect(deriveEdition({ wordDefinitions: { 超过: ">=" } }).id).toBe("draft+what-if");
    expect(deriveEdition({ publishedOn: "2025-03-01", wordDefinitions: { 超过: ">=" } }).id).toBe("draft@published-2025-03-01+what-if");
  });

  it("a different validity term makes it a what-if", () => {
    // Mutant: validityYears left out of the what-if test (derive-edition.ts, derivedId).
    expect(deriveEdition({ validityYears: 3 }).id).toBe("draft+what-if");
  });

  it("parameters or switches make it a what-if; an explicit id wins", () => {
    expect(deriveEdition({ parameters: { "art3.1": { rate: "0.25" } } }).id).toBe("draft+what-if");
    expect(deriveEdition({ switches: { rounding: "fen-half-even" } }).id).toBe("draft+what-if");
    expect(deriveEdition({ id: "trial-2024", switches: { rounding: "fen-half-even" } }).id).toBe("trial-2024");
  });
});

describe("deriveEdition: figures are stored in canonical decimal text", () => {
  it('"0.300", "02000000", "3000.0" and "1500000.00" are the figures 0.3, 2000000, 3000 and 1500000', () => {
    // Mutants: the normalising pattern made to require a fraction, or to allow a one-digit integer part only.
    const edition = deriveEdition({
      parameters: {
        "art3.1": { rate: "0.300", capPerPark: "02000000", minUsedArea: { value: "3000.0" } },
        "art4.2": { capPerEnterprisePerYear: "1500000.00" },
      },
    });
    const art31 = edition.parameters["art3.1"];
    expect(art31.rate).toBe("0.3");
    expect(art31.capPerPark).toBe("2000000");
    expect(art31.minUsedArea).toEqual({ value: "3000", word: "以上" });
    expect(edition.parameters["art4.2"].capPerEnterprisePerYear).toBe("1500000");
    // Figures not overridden are canonical too, and words are kept as they are.
    expect(edition.parameters["art3.3"].growthWord).toBe("不低于");
    expect(edition.parameters["art4.2"].rate).toBe("0.2");
  });

  it("a parameter given as undefined is no override: the draft's figure stays", () => {
    // Mutant: the `value === undefined` skip removed (derive-edition.ts, mergeParameters).
    const edition = deriveEdition({ parameters: { "art3.1": { rate: undefined, capPerPark: "1000000" } } });
    expect(edition.parameters["art3.1"].rate).toBe("0.3");
    expect(edition.parameters["art3.1"].capPerPark).toBe("1000000");
  });
});
