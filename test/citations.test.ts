/**
 * Every rule cites the text it implements, verbatim: the citation is checked against the copy of the
 * legal text committed in docs/source/, so a paraphrase, a typo or a wrong article number fails here.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DRAFT_EDITION } from "../src/measures/edition-draft.js";
import { listRules } from "../src/measures/registry.js";
import { SPEC_CLAUSE_IDS } from "./spec-clause-ids.js";

const SOURCE = readFileSync(fileURLToPath(new URL("../docs/source/measures-draft.zh.txt", import.meta.url)), "utf8");


const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/** The text of one article: from its heading 第N条 to the next article's heading. */
function articleText(article: number): string {
  const start = SOURCE.search(new RegExp(`(^|\\n)\\s*第${NUMERALS[article]}条\\s`));
  expect(start, `article ${article} in the source`).toBeGreaterThanOrEqual(0);
  const rest = SOURCE.slice(start + 1);
  const next = rest.search(new RegExp(`\\n\\s*第${NUMERALS[article + 1]}条\\s`));
  return next < 0 ? rest : rest.slice(0, next);
}

const rules = listRules();

describe("the clause ids", () => {
  it("are unique", () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("are those of INTERPRETATION.md §6, in the order of the text", () => {
    const ids = rules.map((rule) => rule.id);
    for (const id of ids) expect(SPEC_CLAUSE_IDS).toContain(id);
    expect(ids).toEqual(SPEC_CLAUSE_IDS.filter((id) => ids.includes(id)));
  });

  it("are the clause ids of the edition's parameters", () => {
    expect(Object.keys(DRAFT_EDITION.parameters)).toEqual([...SPEC_CLAUSE_IDS]);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))("the citation of %s", (_id, rule) => {
  const c = rule.citation;

  it("quotes the whole item verbatim, from the article it names", () => {
    expect(SOURCE.includes(c.itemTextZh), `itemTextZh is not in docs/source/measures-draft.zh.txt: ${c.itemTextZh}`).toBe(true);
    expect(articleText(c.article).includes(c.itemTextZh), `itemTextZh is not in article ${c.article}`).toBe(true);
    expect(c.itemTextZh.startsWith(`（${NUMERALS[c.item]}）`), `item (${c.item}) starts with （${NUMERALS[c.item]}）`).toBe(true);
  });

  it("quotes the provision verbatim, inside the item", () => {
    expect(c.provisionZh.length).toBeGreaterThan(0);
    expect(SOURCE.includes(c.provisionZh), `provisionZh is not in docs/source/measures-draft.zh.txt: ${c.provisionZh}`).toBe(true);
    expect(c.itemTextZh.includes(c.provisionZh), "provisionZh is a part of itemTextZh").toBe(true);
  });

  it("labels the article and item by their numbers", () => {
    expect(c.paragraph).toBe(1);
    expect(c.labelZh).toBe(`第${NUMERALS[c.article]}条第（${NUMERALS[c.item]}）项`);
    expect(c.labelEn).toBe(`Article ${c.article}, item (${c.item})`);
    expect(rule.id.startsWith(`art${c.article}.${c.item}`), `id ${rule.id} names article ${c.article}, item ${c.item}`).toBe(true);
  });
});
