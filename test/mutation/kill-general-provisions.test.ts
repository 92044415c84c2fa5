/**
 * src/measures/general-provisions.ts: the articles that bind all clauses (第二条, 第九条, 第十条 and its
 * three circumstances, 第十一条, 第十三条, 第十四条) are cited verbatim, with their article numbers, in
 * every decision that applies them. Checked against the copy of the legal text in docs/source/, as
 * test/citations.test.ts does for the clauses. Written for the mutants that emptied a label or a text of
 * Articles 2, 9, 10 and 13, which no test read.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import {
  ARTICLE_10,
  ARTICLE_10_ITEMS,
  ARTICLE_11,
  ARTICLE_13,
  ARTICLE_14,
  ARTICLE_2,
  ARTICLE_9,
  type ArticleCitation,
} from "../../src/measures/general-provisions.js";
import { applicant, eligibleInput } from "./samples.js";

const SOURCE = readFileSync(fileURLToPath(new URL("../../docs/source/measures-draft.zh.txt", import.meta.url)), "utf8");

/** The line of the legal text that starts with the heading 第N条 (its body, after the heading). */
function articleLine(heading: string): string {
  const line = SOURCE.split("\n").find((text) => text.trim().startsWith(`${heading} `));
  expect(line, heading).toBeDefined();
  return (line as string).trim().slice(heading.length).trim();
}

describe("the general provisions, cited verbatim", () => {
  const whole: [ArticleCitation, number, string][] = [
    [ARTICLE_2, 2, "第二条"],
    [ARTICLE_9, 9, "第九条"],
    [ARTICLE_10, 10, "第十条"],
    [ARTICLE_11, 11, "第十一条"],
    [ARTICLE_13, 13, "第十三条"],
    [ARTICLE_14, 14, "第十四条"],
  ];
  for (const [citation, article, heading] of whole) {
    it(`${heading}: number, labels, and a text found in that article of the source`, () => {
      expect(citation.article).toBe(article);
      expect(citation.item).toBeUndefined();
      expect(citation.labelZh).toBe(heading);
      expect(citation.labelEn).toBe(`Article ${article}`);
      expect(citation.textZh.length).toBeGreaterThan(10);
      expect(articleLine(heading)).toContain(citation.textZh);
    });
  }

  it("第二条, 第十条, 第十一条, 第十三条, 第十四条 are quoted whole", () => {
    for (const [citation, , heading] of whole) {
      if (citation === ARTICLE_9) continue; // Article 9 is quoted in part: its sentence on false materials.
      expect(citation.textZh).toBe(articleLine(heading));
    }
    expect(ARTICLE_9.textZh).toMatch(/虚假材料/);
  });

  it("第十条's three circumstances: item 1–3, labelled as circumstances, each a part of the article's text", () => {
    const text = articleLine("第十条");
    const numerals = ["一", "二", "三"];
    ARTICLE_10_ITEMS.forEach((citation, index) => {
      expect(citation.article).toBe(10);
      expect(citation.item).toBe(index + 1);
      expect(citation.labelZh).toBe(`第十条第（${numerals[index]}）种情形`);
      expect(citation.labelEn).toBe(`Article 10, circumstance (${index + 1})`);
      expect(citation.textZh.length).toBeGreaterThan(5);
      expect(text).toContain(citation.textZh);
    });
    // The three, in order, are the three circumstances the article lists after "有下列情形的不予支持：".
    expect(text).toBe(`有下列情形的不予支持：${ARTICLE_10_ITEMS.map((c) => `${c.textZh}；`).join("").replace(/；$/, "。")}`);
  });
});

describe("decisions carry the citations of the articles they apply", () => {
  const edition = deriveEdition({ publishedOn: "2025-03-01" });
  const claim = { id: "c1", clauseId: "art6.2", factDate: "2025-06-01", input: eligibleInput("art6.2") };

  it("not registered in Pinggu: every claim ineligible under 第二条 (INTERPRETATION.md §4), citing it", () => {
    const decision = evaluate({ applicant: applicant({ registeredInPinggu: false }), claims: [claim] }, edition);
    expect(decision.claims[0]?.status).toBe("ineligible");
    expect(decision.claims[0]?.amount).toBe("0.00");
    expect(decision.claims[0]?.citations).toContainEqual(ARTICLE_2);
  });

  it("a major accident: refused under 第十条 circumstance (2), citing it", () => {
    const decision = evaluate({ applicant: applicant({ majorAccident: true }), claims: [claim] }, edition);
    expect(decision.claims[0]?.status).toBe("excluded");
    expect(decision.claims[0]?.citations).toContainEqual(ARTICLE_10_ITEMS[1]);
  });

  it("a review finding: refused under 第十条 circumstance (3), citing it", () => {
    const decision = evaluate({ applicant: applicant({ otherReviewFinding: { reason: "审议认定" } }), claims: [claim] }, edition);
    expect(decision.claims[0]?.status).toBe("excluded");
    expect(decision.claims[0]?.citations).toContainEqual(ARTICLE_10_ITEMS[2]);
  });

  it("a misconduct finding: refused under 第九条 and 第十三条, citing both", () => {
    const decision = evaluate(
      {
        applicant: applicant({
          misconductFindings: [{ kind: "false-data", foundOn: "2025-05-01", description: "虚报数据", grants: "all" }],
        }),
        claims: [claim],
      },
      edition,
    );
    expect(decision.claims[0]?.status).toBe("excluded");
    expect(decision.claims[0]?.citations).toEqual(expect.arrayContaining([ARTICLE_9, ARTICLE_13]));
  });
});
