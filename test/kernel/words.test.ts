import { describe, expect, it } from "vitest";
import { thresholdCondition } from "../../src/kernel/conditions.js";
import { Dec } from "../../src/kernel/decimal.js";
import { CIVIL_CODE_WORDS, compare, type Operator, THRESHOLD_WORDS, type ThresholdWord, wordTableWith } from "../../src/kernel/words.js";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import type { Edition } from "../../src/measures/edition.js";

const d = (text: string) => new Dec(text);
/** A word's source is bilingual: the English names the Civil Code and keeps the Chinese citation. */
const CIVIL_CODE = { en: "Civil Code art. 1259 (民法典 第一千二百五十九条)", zh: "民法典 第一千二百五十九条" };
const PRACTICE = { en: "administrative practice (docs/conventions.md §1)", zh: "行政管理惯例（docs/conventions.md §1）" };
const EDITION_OWN = { en: "the edition's own definition (A11, docs/ambiguity-register.md)", zh: "本版本自身的定义（A11，docs/ambiguity-register.md）" };

/** 民法典 第一千二百五十九条 and administrative practice (INTERPRETATION.md §1). */
const STATUTORY: Readonly<Record<ThresholdWord, { op: Operator; includes: boolean }>> = {
  以上: { op: ">=", includes: true },
  不少于: { op: ">=", includes: true },
  不低于: { op: ">=", includes: true },
  达到: { op: ">=", includes: true },
  超过: { op: ">", includes: false },
  超: { op: ">", includes: false },
  不超过: { op: "<=", includes: true },
  最高不超过: { op: "<=", includes: true },
  不满: { op: "<", includes: false },
  以下: { op: "<=", includes: true },
};

describe("the statutory meaning of each threshold word", () => {
  it("the table covers exactly the listed words", () => {
    expect(Object.keys(CIVIL_CODE_WORDS).sort()).toEqual([...THRESHOLD_WORDS].sort());
    expect(Object.keys(STATUTORY).sort()).toEqual([...THRESHOLD_WORDS].sort());
  });

  it.each(THRESHOLD_WORDS.map((word) => [word, STATUTORY[word].op] as const))("%s means %s", (word, op) => {
    expect(CIVIL_CODE_WORDS[word].op).toBe(op);
    expect(CIVIL_CODE_WORDS[word].includesNumber).toBe(STATUTORY[word].includes);
  });

  it.each(["以上", "超过", "超", "不满", "以下"] as const)("%s cites the Civil Code", (word) => {
    expect(CIVIL_CODE_WORDS[word].source).toEqual(CIVIL_CODE);
  });

  it.each(["不少于", "不低于", "达到", "不超过", "最高不超过"] as const)("%s cites administrative practice", (word) => {
    expect(CIVIL_CODE_WORDS[word].source).toEqual(PRACTICE);
  });

  it.each(THRESHOLD_WORDS.map((word) => [word] as const))("%s cites its source in both languages, the Chinese one in Chinese", (word) => {
    const { source } = CIVIL_CODE_WORDS[word];
    expect(source.en).toMatch(/^(Civil Code|administrative practice)/);
    expect(source.zh).toMatch(/^[\u4e00-\u9fff]/);
    expect(source.zh).not.toContain("administrative practice");
  });

  it.each(THRESHOLD_WORDS.map((word) => [word] as const))("%s explains itself in both languages, naming the word", (word) => {
    const meaning = CIVIL_CODE_WORDS[word];
    expect(meaning.en).toContain(word);
    expect(meaning.zh).toContain(word);
    expect(meaning.en).toContain(meaning.includesNumber ? "includes the number itself" : "excludes the number itself");
    expect(meaning.zh).toContain(meaning.includesNumber ? "包括本数" : "不包括本数");
    if (!meaning.includesNumber) expect(meaning.zh).toContain("不包括");
  });

  it("the default table is frozen", () => {
    expect(Object.isFrozen(CIVIL_CODE_WORDS)).toBe(true);
  });
});

describe("each word compared at the number, one unit below and one unit above", () => {
  // [word, at, below, above]: what `value WORD 100` gives for value = 100, 99.99, 100.01.
  const CASES: readonly (readonly [ThresholdWord, boolean, boolean, boolean])[] = [
    ["以上", true, false, true],
    ["不少于", true, false, true],
    ["不低于", true, false, true],
    ["达到", true, false, true],
    ["超过", false, false, true],
    ["超", false, false, true],
    ["不超过", true, true, false],
    ["最高不超过", true, true, false],
    ["不满", false, true, false],
    ["以下", true, true, false],
  ];

  it.each(CASES)("%s 100: at → %s, 99.99 → %s, 100.01 → %s", (word, at, below, above) => {
    const op = CIVIL_CODE_WORDS[word].op;
    expect(compare(d("100"), op, d("100"))).toBe(at);
    expect(compare(d("99.99"), op, d("100"))).toBe(below);
    expect(compare(d("100.01"), op, d("100"))).toBe(above);
  });

  it.each(CASES)("%s at equality written with different scales (100.00 vs 100) → %s", (word, at) => {
    expect(compare(d("100.00"), CIVIL_CODE_WORDS[word].op, d("100"))).toBe(at);
  });

  it("comparisons are exact: 0.1 + 0.2 reaches 0.3 exactly", () => {
    expect(compare(d("0.1").plus(d("0.2")), CIVIL_CODE_WORDS.达到.op, d("0.3"))).toBe(true);
    expect(compare(d("0.1").plus(d("0.2")), CIVIL_CODE_WORDS.超过.op, d("0.3"))).toBe(false);
  });

  it("negative values compare as numbers: −2% is not below −3%", () => {
    expect(compare(d("-0.02"), ">=", d("-0.03"))).toBe(true);
    expect(compare(d("-0.03"), ">=", d("-0.02"))).toBe(false);
    expect(compare(d("-0"), ">=", d("0"))).toBe(true);
    expect(compare(d("-0"), ">", d("0"))).toBe(false);
  });

  it.each([
    [">=", [true, false, true]],
    [">", [false, false, true]],
    ["<=", [true, true, false]],
    ["<", [false, true, false]],
  ] as const)("the operator %s at, below, above", (op, expected) => {
    expect([compare(d("5"), op, d("5")), compare(d("4.9999"), op, d("5")), compare(d("5.0001"), op, d("5"))]).toEqual(expected);
  });
});

describe("a threshold condition takes its operator from the word", () => {
  const spec = (word: ThresholdWord, value: string | undefined) => ({
    id: "t/x",
    field: "x",
    value: value === undefined ? undefined : d(value),
    threshold: { value: "20000000", word },
    unit: "yuan" as const,
    label: { en: "x", zh: "x" },
  });

  it("超过 at the number fails, and says why", () => {
    const result = thresholdCondition(spec("超过", "20000000"), CIVIL_CODE_WORDS, d);
    expect(result.outcome).toBe("failed");
    expect(result.comparison).toMatchObject({ left: "20000000.00", op: ">", right: "20000000", holds: false, word: "超过" });
    expect(result.comparison?.meaning.en).toContain("excludes");
    expect(result.comparison?.source).toEqual(CIVIL_CODE);
  });

  it("以上 at the number is met", () => {
    expect(thresholdCondition(spec("以上", "20000000"), CIVIL_CODE_WORDS, d).outcome).toBe("met");
  });

  it("a missing value is missing, never failed", () => {
    const result = thresholdCondition(spec("以上", undefined), CIVIL_CODE_WORDS, d);
    expect(result.outcome).toBe("missing");
    expect(result.missing).toEqual(["x"]);
    expect(result.comparison?.left).toBeNull();
    expect(result.comparison?.holds).toBeNull();
  });
});

describe("wordTableWith: an edition's own definitions (A11)", () => {
  it("with no overrides, every meaning is the Civil Code's", () => {
    const table = wordTableWith({});
    for (const word of THRESHOLD_WORDS) expect(table[word]).toEqual(CIVIL_CODE_WORDS[word]);
  });

  it("overrides only the words given, and marks them as the edition's", () => {
    const table = wordTableWith({ 超过: ">=", 以上: ">" });
    expect(table.超过.op).toBe(">=");
    expect(table.超过.includesNumber).toBe(true);
    expect(table.超过.source).toEqual(EDITION_OWN);
    expect(table.超过.en).toContain("includes");
    expect(table.超过.zh).toContain("包括本数");
    expect(table.以上.op).toBe(">");
    expect(table.以上.includesNumber).toBe(false);
    expect(table.以上.zh).toContain("不包括本数");
    for (const word of THRESHOLD_WORDS.filter((w) => w !== "超过" && w !== "以上")) {
      expect(table[word]).toEqual(CIVIL_CODE_WORDS[word]);
    }
  });

  it.each([
    [">=", true],
    [">", false],
    ["<=", true],
    ["<", false],
  ] as const)("an override to %s includes the number: %s", (op, includes) => {
    expect(wordTableWith({ 达到: op }).达到.includesNumber).toBe(includes);
  });

  it("returns a frozen table and leaves the Civil Code table alone", () => {
    const table = wordTableWith({ 超过: ">=" });
    expect(Object.isFrozen(table)).toBe(true);
    expect(CIVIL_CODE_WORDS.超过.op).toBe(">");
  });

  it("changes the outcome at the number: 超过 read as ≥ makes exactly 20,000,000 qualify for art3.3", () => {
    const input = { selfOperatedOnlineSales: true, annualOnlineRetail: "20000000", growthRate: "0.1", cityAverageGrowthRate: "0.1" };
    expect(evaluateClause("art3.3", input).status).toBe("ineligible");
    const edition: Edition = {
      ...DRAFT_EDITION,
      id: "what-if",
      switches: { ...DRAFT_EDITION.switches, thresholdWords: "edition" },
      wordDefinitions: { 超过: ">=" },
    };
    const result = evaluateClause("art3.3", input, { edition });
    expect(result.status).toBe("eligible");
    expect(result.amount).toBe("300000.00");
    expect(result.conditions[1]?.comparison).toMatchObject({ op: ">=", holds: true });
    expect(result.conditions[1]?.comparison?.source).toEqual(EDITION_OWN);
  });

  it("the edition's definitions are ignored unless the switch says so", () => {
    const input = { selfOperatedOnlineSales: true, annualOnlineRetail: "20000000", growthRate: "0.1", cityAverageGrowthRate: "0.1" };
    const edition: Edition = { ...DRAFT_EDITION, id: "what-if-2", wordDefinitions: { 超过: ">=" } };
    expect(evaluateClause("art3.3", input, { edition }).status).toBe("ineligible");
  });

  it("can be selected per call through the thresholdWords switch", () => {
    const input = { selfOperatedOnlineSales: true, annualOnlineRetail: "20000000", growthRate: "0.1", cityAverageGrowthRate: "0.1" };
    const edition: Edition = { ...DRAFT_EDITION, id: "what-if-3", wordDefinitions: { 超过: ">=" } };
    expect(evaluateClause("art3.3", input, { edition, switches: { thresholdWords: "edition" } }).status).toBe("eligible");
  });
});
