import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import type { Step } from "../../src/kernel/calc.js";
import type { ConditionResult } from "../../src/kernel/conditions.js";
import { describeCondition, describeStep, explainClause } from "../../src/kernel/explain.js";
import { listRules } from "../../src/measures/registry.js";

const park = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "2000000" };
const enterprise = { selfOperatedOnlineSales: true, growthRate: "0.12", cityAverageGrowthRate: "0.08" };

/** Where a word's meaning comes from, as each language's explanation cites it. */
const CIVIL_CODE = { en: "Civil Code art. 1259 (民法典 第一千二百五十九条)", zh: "民法典 第一千二百五十九条" };
const PRACTICE = { en: "administrative practice (docs/conventions.md §1)", zh: "行政管理惯例（docs/conventions.md §1）" };

function lines(text: string): string[] {
  return text.split("\n");
}

describe("art3.1: an eligible result whose cap bites", () => {
  const result = evaluateClause("art3.1", { ...park, investment: "6666666.70" });
  const en = explainClause(result, "en");
  const zh = explainClause(result, "zh");

  it("defaults to English", () => {
    expect(explainClause(result)).toBe(en);
  });

  it("starts with the clause id, title and citation", () => {
    expect(lines(en)[0]).toBe("art3.1 — Building live-commerce parks (Article 3, item (1))");
    expect(lines(zh)[0]).toBe("art3.1 — 建设直播电商园区 (第三条第（一）项)");
  });

  it("quotes the provision verbatim, in both languages", () => {
    expect(en).toContain(`Text: ${result.citation.provisionZh}`);
    expect(zh).toContain(`条文: ${result.citation.provisionZh}`);
    expect(result.citation.provisionZh).toContain("最高不超过200万元");
  });

  it("shows each condition as value op threshold, with its statutory meaning", () => {
    expect(en).toContain("✓ actual used area (m²): 3000 >= 3000 is true because 以上 (“or more”) includes the number itself");
    expect(en).toContain("500000000.00 >= 500000000 is true because 以上");
    expect(en).toContain("6666666.70 >= 2000000 is true because 不少于 (“not less than”) includes the number itself");
    expect(en).toContain(`3000 >= 3000 is true because 以上 (“or more”) includes the number itself (${CIVIL_CODE.en})`);
    expect(en).toContain(`not less than”) includes the number itself (${PRACTICE.en})`);
    expect(zh).toContain(`✓ 实际使用面积（平方米）: 3000 >= 3000 成立，因为“以上”包括本数（${CIVIL_CODE.zh}）`);
    expect(zh).toContain(`6666666.70 >= 2000000 成立，因为“不少于”包括本数（${PRACTICE.zh}）`);
  });

  it("shows every arithmetic step, including the rounding step and the cap", () => {
    expect(en).toContain("Arithmetic:");
    expect(en).toContain("park investment × rate: 6666666.7 × 0.3 = 2000000.01");
    expect(en).toContain("round once to the fen, half up (四舍五入): round(2000000.01) = 2000000.01");
    expect(en).toContain("the cap per park (最高不超过200万元): min(2000000.01, 2000000.00) = 2000000.00");
    expect(zh).toContain("计算：");
    expect(zh).toContain("园区投资额 × 扶持比例: 6666666.7 × 0.3 = 2000000.01");
    expect(zh).toContain("四舍五入至分: 舍入(2000000.01) = 2000000.01");
    expect(zh).toContain("每个园区最高限额: 取小(2000000.01, 2000000.00) = 2000000.00");
    for (const step of result.steps) expect(en).toContain(describeStep(step, "en"));
  });

  it("states the outcome, the cap that bit and the reasons", () => {
    expect(en).toContain("Outcome: eligible, 2000000.00 yuan");
    expect(en).toContain("Cap that bit: art3.1/per-park");
    expect(en).toContain("[CAP_APPLIED] Capped by the cap per park (最高不超过200万元): 2000000.01 reduced to 2000000.00.");
    expect(en).toContain("[ELIGIBLE] Every condition of the clause is met.");
    expect(zh).toContain("结论: 符合, 2000000.00 元");
    expect(zh).toContain("触及上限: art3.1/per-park");
    expect(zh).toContain("[CAP_APPLIED] 受每个园区最高限额限制：2000000.01 核减为 2000000.00。");
  });

  it("the sections come in order: citation, text, conditions, arithmetic, outcome, cap, reasons", () => {
    const order = ["art3.1 —", "Text:", "Conditions:", "Arithmetic:", "Outcome:", "Cap that bit:", "[ELIGIBLE]"].map((marker) => en.indexOf(marker));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("art3.1: the half-fen rounding step is shown with the exact amount", () => {
  it("30% of 3,333,333.35 = 1,000,000.005 → 1,000,000.01", () => {
    const en = explainClause(evaluateClause("art3.1", { ...park, investment: "3333333.35" }), "en");
    expect(en).toContain("park investment × rate: 3333333.35 × 0.3 = 1000000.005");
    expect(en).toContain("round(1000000.005) = 1000000.01");
    expect(en).toContain("min(1000000.01, 2000000.00) = 1000000.01");
    expect(en).not.toContain("Cap that bit");
  });

  it("names the rounding mode of the A9 alternatives", () => {
    const input = { ...park, investment: "3333333.35" };
    expect(explainClause(evaluateClause("art3.1", input, { switches: { rounding: "fen-half-even" } }), "en")).toContain(
      "round once to the fen, half to even (A9 alternative): round(1000000.005) = 1000000.00",
    );
    expect(explainClause(evaluateClause("art3.1", input, { switches: { rounding: "yuan-half-up" } }), "zh")).toContain(
      "四舍五入至元（A9 备选）: 舍入(1000000.005) = 1000000.00",
    );
  });

  it("a cap that the amount only reaches is shown but does not bite", () => {
    const result = evaluateClause("art3.1", { ...park, investment: "6666666.67" });
    const en = explainClause(result, "en");
    expect(en).toContain("round(2000000.001) = 2000000.00");
    expect(en).toContain("min(2000000.00, 2000000.00) = 2000000.00");
    expect(en).not.toContain("Cap that bit");
    expect(en).not.toContain("CAP_APPLIED");
  });
});

describe("art3.1: ineligible", () => {
  const result = evaluateClause("art3.1", { ...park, usedArea: "2999.99" });
  const en = explainClause(result, "en");
  const zh = explainClause(result, "zh");

  it("marks the failed condition and says why, in both languages", () => {
    expect(en).toContain("✗ actual used area (m²): 2999.99 >= 3000 is false because 以上 (“or more”) includes the number itself");
    expect(zh).toContain("✗ 实际使用面积（平方米）: 2999.99 >= 3000 不成立，因为“以上”包括本数");
  });

  it("has no arithmetic and no cap, and the amount is 0.00", () => {
    expect(en).not.toContain("Arithmetic:");
    expect(en).not.toContain("Cap that bit");
    expect(en).toContain("Outcome: ineligible, 0.00 yuan");
    expect(zh).toContain("结论: 不符合, 0.00 元");
    expect(en).toContain("[THRESHOLD_NOT_MET] actual used area (m²): 2999.99 >= 3000 is false");
  });
});

describe("art3.1: undetermined", () => {
  const result = evaluateClause("art3.1", { usedArea: "5000", annualOnlineRetail: "600000000" });
  const en = explainClause(result, "en");
  const zh = explainClause(result, "zh");

  it("marks the missing fact and does not decide it", () => {
    expect(en).toContain("? investment in the park: (missing) >= 2000000 cannot be decided (fact missing)");
    expect(zh).toContain("? 园区投资额: （缺失） >= 2000000 无法判断（缺少事实）");
  });

  it("gives no amount and names the missing field", () => {
    expect(en).toContain("Outcome: undetermined");
    expect(en).not.toMatch(/Outcome: undetermined, /);
    expect(zh).toContain("结论: 待定");
    expect(en).toContain("[FACTS_MISSING] Missing facts: investment.");
    expect(zh).toContain("缺少事实：investment。");
  });
});

describe("art3.3", () => {
  it("ineligible at exactly 20,000,000: 20000000.00 > 20000000 is false because 超过", () => {
    const result = evaluateClause("art3.3", { ...enterprise, annualOnlineRetail: "20000000" });
    const en = explainClause(result, "en");
    const zh = explainClause(result, "zh");
    expect(en).toContain("20000000.00 > 20000000 is false because 超过");
    expect(en).toContain(
      "✗ online retail sales: 20000000.00 > 20000000 is false because 超过 (“exceeding”) excludes the number itself (Civil Code art. 1259 (民法典 第一千二百五十九条))",
    );
    expect(zh).toContain("✗ 网络零售额: 20000000.00 > 20000000 不成立，因为“超过”不包括本数（民法典 第一千二百五十九条）");
    expect(en).toContain("✓ self-operated sales through online platforms: selfOperatedOnlineSales = true (must be true)");
    expect(en).toContain("✓ year-on-year growth against the city's average: 0.12 >= 0.08 is true because 不低于");
    expect(en).toContain("Outcome: ineligible, 0.00 yuan");
    expect(lines(en)[0]).toBe("art3.3 — Attracting quality enterprises (Article 3, item (3))");
    expect(lines(zh)[0]).toBe("art3.3 — 招引挖潜优质企业 (第三条第（三）项)");
  });

  it("one fen above: 20000000.01 > 20000000 is true", () => {
    const en = explainClause(evaluateClause("art3.3", { ...enterprise, annualOnlineRetail: "20000000.01" }), "en");
    expect(en).toContain("20000000.01 > 20000000 is true because 超过");
    expect(en).toContain("full increments of the step: ⌊0.01 ÷ 10000000⌋ = 0");
    expect(en).toContain("Outcome: eligible, 300000.00 yuan");
  });

  it("eligible with the cap biting: every step of 300,000 + 50,000 × ⌊…⌋", () => {
    const result = evaluateClause("art3.3", { ...enterprise, annualOnlineRetail: "70000000" });
    const en = explainClause(result, "en");
    const zh = explainClause(result, "zh");
    for (const expected of [
      "base award: 300000 = 300000",
      "retail above the threshold: 70000000 − 20000000 = 50000000",
      "full increments of the step: ⌊50000000 ÷ 10000000⌋ = 5",
      "increments × award per increment: 5 × 50000 = 250000",
      "base award + increments: 300000 + 250000 = 550000",
      "round once to the fen, half up (四舍五入): round(550000) = 550000.00",
      "the cap of the award (最高不超过50万元): min(550000.00, 500000.00) = 500000.00",
      "Outcome: eligible, 500000.00 yuan",
      "Cap that bit: art3.3/per-enterprise",
    ]) {
      expect(en).toContain(expected);
    }
    expect(zh).toContain("完整增量档数: ⌊50000000 ÷ 10000000⌋ = 5");
    expect(zh).toContain("四舍五入至分: 舍入(550000) = 550000.00");
    expect(zh).toContain("奖励最高限额: 取小(550000.00, 500000.00) = 500000.00");
    expect(zh).toContain("触及上限: art3.3/per-enterprise");
  });

  it("the A2 alternative shows a division, not a floor", () => {
    const en = explainClause(
      evaluateClause("art3.3", { ...enterprise, annualOnlineRetail: "25000000" }, { switches: { incrementCounting: "pro-rata" } }),
      "en",
    );
    expect(en).toContain("increments, pro rata (A2 alternative): 5000000 ÷ 10000000 = 0.5");
    expect(en).toContain("Outcome: eligible, 325000.00 yuan");
  });

  it("undetermined when the city's growth is missing: the right-hand side names the field", () => {
    const result = evaluateClause("art3.3", { selfOperatedOnlineSales: true, annualOnlineRetail: "70000000", growthRate: "0.12" });
    const en = explainClause(result, "en");
    const zh = explainClause(result, "zh");
    expect(en).toContain("? year-on-year growth against the city's average: 0.12 >= (cityAverageGrowthRate) cannot be decided (fact missing)");
    expect(zh).toContain("0.12 >= (cityAverageGrowthRate) 无法判断（缺少事实）");
    expect(en).toContain("Outcome: undetermined");
    expect(en).toContain("Missing facts: cityAverageGrowthRate.");
  });

  it("a yes/no fact given as false is shown as failed, with the reason code for facts", () => {
    const result = evaluateClause("art3.3", { ...enterprise, selfOperatedOnlineSales: false, annualOnlineRetail: "30000000" });
    const en = explainClause(result, "en");
    expect(en).toContain("✗ self-operated sales through online platforms: selfOperatedOnlineSales = false (must be true)");
    expect(en).toContain("[FACT_NOT_ESTABLISHED]");
  });

  it("negative growth rates are printed plainly", () => {
    const en = explainClause(
      evaluateClause("art3.3", { ...enterprise, annualOnlineRetail: "30000000", growthRate: "-0.02", cityAverageGrowthRate: "-0.03" }),
      "en",
    );
    expect(en).toContain("-0.02 >= -0.03 is true because 不低于");
  });
});

describe("art3.2 and art3.2-mofcom", () => {
  it("an 'any of' recognition condition lists both facts", () => {
    const result = evaluateClause("art3.2", {
      municipalRecognition: false,
      mofcomRecognition: null,
      rentCost: "1",
      renovationCost: "1",
      equipmentCost: "1",
    });
    const en = explainClause(result, "en");
    const zh = explainClause(result, "zh");
    expect(en).toContain("? recognised as a municipal demonstration base or by the Ministry of Commerce: municipalRecognition = false, mofcomRecognition = (missing) (at least one must be true)");
    expect(zh).toContain("municipalRecognition = 否，mofcomRecognition = （缺失） (至少一项须为“是”)");
  });

  it("the fixed award is shown as a value step", () => {
    const en = explainClause(evaluateClause("art3.2-mofcom", { mofcomRecognition: true }), "en");
    expect(en).toContain("fixed one-time award: 200000 = 200000");
    expect(en).toContain("Outcome: eligible, 200000.00 yuan");
    expect(en).not.toContain("Cap that bit");
  });
});

describe("describeStep and describeCondition", () => {
  const step = (kind: Step["kind"], operands: string[], result: string): Step => ({ kind, label: { en: "L", zh: "标" }, operands, result });

  it.each([
    [step("value", ["5"], "5"), "L: 5 = 5"],
    [step("multiply", ["2", "3"], "6"), "L: 2 × 3 = 6"],
    [step("add", ["2", "3"], "5"), "L: 2 + 3 = 5"],
    [step("subtract", ["2", "3"], "-1"), "L: 2 − 3 = -1"],
    [step("divide", ["1", "4"], "0.25"), "L: 1 ÷ 4 = 0.25"],
    [step("floor-divide", ["7", "2"], "3"), "L: ⌊7 ÷ 2⌋ = 3"],
    [step("minimum", ["7", "2"], "2"), "L: min(7, 2) = 2"],
    [step("cap", ["7.00", "2.00"], "2.00"), "L: min(7.00, 2.00) = 2.00"],
    [step("round", ["1.005"], "1.01"), "L: round(1.005) = 1.01"],
  ])("%j → %s", (s, expected) => {
    expect(describeStep(s, "en")).toBe(expected);
    // In Chinese the two functions are named in Chinese (取小: the smaller; 舍入: rounded).
    expect(describeStep(s, "zh")).toBe(expected.replace(/^L/, "标").replace("min(", "取小(").replace("round(", "舍入("));
  });

  it("a condition's text in the explanation is its describeCondition line", () => {
    const result = evaluateClause("art3.3", { ...enterprise, annualOnlineRetail: "20000000" });
    const en = explainClause(result, "en");
    for (const condition of result.conditions as readonly ConditionResult[]) {
      expect(en).toContain(`  ${describeCondition(condition, "en")}`);
    }
  });
});

describe("every rule in the registry explains itself without throwing", () => {
  it.each(listRules().map((rule) => [rule.id] as const))("%s with no facts at all", (id) => {
    const result = evaluateClause(id, {});
    for (const lang of ["en", "zh"] as const) {
      const text = explainClause(result, lang);
      expect(text.startsWith(`${id} — `)).toBe(true);
      expect(text).toContain(result.citation.provisionZh);
      expect(text).not.toContain("undefined");
      expect(text).not.toContain("NaN");
    }
  });
});

describe("the Chinese explanation is in Chinese", () => {
  // A word's source is bilingual ({ en, zh }, src/kernel/words.ts): the Chinese explanation of a 不少于 /
  // 不低于 / 达到 / 不超过 / 最高不超过 condition cites administrative practice in Chinese, not in English
  // (once it read "…因为“不少于”包括本数（administrative practice (INTERPRETATION.md §1)）").
  it("a 不少于 condition cites its source in Chinese", () => {
    const zh = explainClause(evaluateClause("art3.1", park), "zh");
    expect(zh).not.toContain("administrative practice");
    expect(zh).toContain(`✓ 园区投资额: 2000000.00 >= 2000000 成立，因为“不少于”包括本数（${PRACTICE.zh}）`);
  });

  it("a failed 不低于 condition's reason cites its source in the reason's own language", () => {
    const result = evaluateClause("art3.3", { ...enterprise, growthRate: "0.07", annualOnlineRetail: "30000000" });
    const reason = result.reasons.find((r) => r.code === "THRESHOLD_NOT_MET");
    expect(reason?.zh).toBe(`当年同比增速与全市平均增速相比：0.07 >= 0.08 不成立，因为“不低于”包括本数（${PRACTICE.zh}）`);
    expect(reason?.en).toContain(`0.07 >= 0.08 is false because 不低于 (“not lower than”) includes the number itself (${PRACTICE.en})`);
    expect(explainClause(result, "zh")).toContain(`[THRESHOLD_NOT_MET] ${reason?.zh}`);
  });

  it("the English explanation cites both sources in English, keeping the Civil Code's Chinese citation", () => {
    const en = explainClause(evaluateClause("art3.1", park), "en");
    expect(en).not.toContain(PRACTICE.zh);
    expect(en).toContain(`(${CIVIL_CODE.en})`);
    expect(en).toContain(`(${PRACTICE.en})`);
  });
});
