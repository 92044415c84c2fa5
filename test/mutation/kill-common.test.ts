/**
 * src/measures/common.ts: the tiered award (每增加…再奖励…) of art3.3 and art7.1-express under A2's
 * alternative, pro rata. Figures worked out from INTERPRETATION.md §6 (art3.3, art7.1-express) and §7 (A2).
 * And cite(): the Chinese numerals of its labels, over every article (1–15) and item (1–5) its tables hold.
 */
import { describe, expect, it } from "vitest";
import { cite } from "../../src/measures/common.js";
import { run } from "../helpers.js";
import { eligibleInput } from "./samples.js";

describe("tieredAward, pro rata (A2 alternative)", () => {
  it("art3.3 with retail 35,000,000: 1.5 increments, 300,000 + 50,000 × 1.5 = 375,000", () => {
    const result = run("art3.3", eligibleInput("art3.3"), { switches: { incrementCounting: "pro-rata" } });
    expect(result.amount).toBe("375000.00");
    const divide = result.steps.find((step) => step.kind === "divide");
    expect(divide?.operands).toEqual(["15000000", "10000000"]);
    expect(divide?.result).toBe("1.5");
    expect(divide?.label.en).toMatch(/pro rata/);
    expect(divide?.label.en).toMatch(/A2/);
    // Mutant: the Chinese label of the pro-rata step emptied (common.ts, tieredAward).
    expect(divide?.label.zh).toMatch(/按比例/);
    expect(divide?.label.zh).toMatch(/A2/);
  });

  it("by default the same retail counts one full increment: 350,000, with a floor-divide step", () => {
    const result = run("art3.3", eligibleInput("art3.3"));
    expect(result.amount).toBe("350000.00");
    const floor = result.steps.find((step) => step.kind === "floor-divide");
    expect(floor?.result).toBe("1");
    expect(floor?.label.zh).toMatch(/完整/);
  });

  it("art7.1-express with 125,000 parcels pro rata: 2.5 increments, 100,000 + 3,000 × 2.5 = 107,500", () => {
    expect(run("art7.1-express", eligibleInput("art7.1-express"), { switches: { incrementCounting: "pro-rata" } }).amount).toBe("107500.00");
  });
});

describe("cite(): the label of a citation, in Chinese numerals", () => {
  // The measures have fifteen articles (第一条 … 第十五条); the clauses sit in items (一)–(三), the table
  // holds up to (五). Mutants: any numeral of either table replaced by "" (common.ts, ARTICLE_NUMERALS and
  // ITEM_NUMERALS); the clauses only reach articles 3–7 and items 1–3.
  const articles = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
  const items = ["一", "二", "三", "四", "五"];

  it("articles 1–15: 第一条 … 第十五条", () => {
    articles.forEach((numeral, index) => {
      const citation = cite(index + 1, 1, "（一）……", "……");
      expect(citation.labelZh).toBe(`第${numeral}条第（一）项`);
      expect(citation.labelEn).toBe(`Article ${index + 1}, item (1)`);
    });
  });

  it("items 1–5: 第（一）项 … 第（五）项, in the first (only) paragraph", () => {
    items.forEach((numeral, index) => {
      const citation = cite(7, index + 1, "（一）……", "……");
      expect(citation.labelZh).toBe(`第七条第（${numeral}）项`);
      expect(citation.labelEn).toBe(`Article 7, item (${index + 1})`);
      expect(citation.paragraph).toBe(1);
    });
  });
});
