/**
 * The site's pages as HTML text, from what the builder gathered with the library (build.ts): the index of
 * clauses by article, a page per clause, the whole-application page. Pure: no file access, no clock.
 */
import {
  CIVIL_CODE_WORDS,
  type ClauseResult,
  type Edition,
  type MeasuresRule,
  SWITCH_VALUES,
  type SwitchName,
  THRESHOLD_WORDS,
  type ThresholdWord,
} from "../../index.js";
import type { BoundaryExample } from "./boundaries.js";
import type { FormField } from "./fields.js";
import { type Bi, bi, biHtml, esc, page } from "./html.js";

/** One row of docs/ambiguity-register.md. */
export interface RegisterEntry {
  readonly id: string;
  readonly where: string;
  readonly question: string;
  readonly switchName: string;
  readonly values: string;
  readonly reading: string;
  readonly alternatives: string;
}

/** A case of cases/ about this clause, with its result. */
export interface CaseListing {
  readonly file: string;
  readonly name: string;
  readonly passed: boolean;
  readonly status: string | null;
  readonly amount: string | null;
}

export interface EditionEntry {
  readonly id: string;
  readonly name: Bi;
  /** The edition document as shipped (fixtures/editions/), null for the draft itself. */
  readonly document: unknown;
  readonly edition: Edition;
}

export interface ClausePageModel {
  readonly rule: MeasuresRule;
  readonly fields: readonly FormField[];
  readonly editions: readonly EditionEntry[];
  /** The sample claim, decided under the draft: its conditions, caps and one-time scope. */
  readonly sample: ClauseResult | null;
  readonly samples: readonly { readonly name: string; readonly input: Readonly<Record<string, unknown>> }[];
  readonly boundaries: readonly BoundaryExample[];
  readonly register: readonly RegisterEntry[];
  readonly cases: readonly CaseListing[];
}

export const ARTICLES: Readonly<Record<number, Bi>> = {
  3: { zh: "第三条 做强直播电商产业集群", en: "Article 3: strengthen the live-commerce industry cluster" },
  4: { zh: "第四条 创新直播电商应用场景", en: "Article 4: new application scenarios for live commerce" },
  5: { zh: "第五条 培育直播电商产业生态", en: "Article 5: grow the live-commerce ecosystem" },
  6: { zh: "第六条 激活直播电商发展动能", en: "Article 6: activate the drivers of live-commerce development" },
  7: { zh: "第七条 集成直播电商支撑体系", en: "Article 7: integrate the live-commerce support system" },
};

const SCOPES: Readonly<Record<string, Bi>> = {
  "per-claim": { zh: "每项申报（每场、每个园区、每个产品或每笔贷款）", en: "per claim (one session, park, product or loan)" },
  "per-project": { zh: "每个项目（同一 projectId 的全部申报及既往拨付）", en: "per project (all claims with the same projectId, and earlier grants)" },
  "per-enterprise-per-year": { zh: "每家企业每个自然年度", en: "per enterprise per calendar year" },
  "per-enterprise-per-term": { zh: "每家企业在政策期内", en: "per enterprise over the policy term" },
  "per-enterprise": { zh: "每家企业一次", en: "once per enterprise" },
  "per-product": { zh: "每个产品一次", en: "once per product" },
};

export const STATUS_LABELS: Readonly<Record<string, Bi>> = {
  eligible: { zh: "符合条件", en: "eligible" },
  ineligible: { zh: "不符合条件", en: "ineligible" },
  undetermined: { zh: "待定（事实不全）", en: "undetermined (facts missing)" },
};

export function clauseHref(id: string, root: string): string {
  return `${root}clauses/${id}.html`;
}

/** The verbatim text with every threshold word marked (longest first: 最高不超过 before 不超过 before 超过 before 超). */
export function highlightWords(text: string): { html: string; found: ThresholdWord[] } {
  const words = [...THRESHOLD_WORDS].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(words.join("|"), "g");
  const found = new Set<ThresholdWord>();
  let html = "";
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const word = match[0] as ThresholdWord;
    found.add(word);
    const meaning = CIVIL_CODE_WORDS[word];
    html += esc(text.slice(last, match.index));
    html += `<mark class="tw" title="${esc(`${meaning.zh} (${meaning.op}) · ${meaning.en}`)}"><a href="#word-${esc(word)}">${esc(word)}</a></mark>`;
    last = (match.index ?? 0) + word.length;
  }
  html += esc(text.slice(last));
  return { html, found: [...found] };
}

function money(text: string | null): string {
  if (text === null) return "—";
  const [whole = "", fraction] = text.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction === undefined ? "" : `.${fraction}`}`;
}

function statusCell(status: string | null): string {
  if (status === null) return "—";
  const label = STATUS_LABELS[status];
  return `<span class="status-${esc(status)}">${label ? bi(label) : esc(status)}</span>`;
}

function parameterText(value: unknown): string {
  if (typeof value === "object" && value !== null && "value" in value && "word" in value) {
    const threshold = value as { value: string; word: ThresholdWord };
    return `${threshold.word} ${money(threshold.value)} (${CIVIL_CODE_WORDS[threshold.word]?.op ?? "?"})`;
  }
  return typeof value === "string" ? money(value) : JSON.stringify(value);
}

/** A figure as a value, not as written: "0.30" and "0.3" are the same rate (editions normalise decimals). */
function sameness(value: unknown): string {
  const number = (text: string) => (/^-?\d+\.\d*$/.test(text) ? text.replace(/0+$/, "").replace(/\.$/, "") : text);
  if (typeof value === "object" && value !== null && "value" in value && "word" in value) {
    const threshold = value as { value: string; word: string };
    return `${threshold.word} ${number(threshold.value)}`;
  }
  return typeof value === "string" ? number(value) : JSON.stringify(value);
}

function parametersTable(model: ClausePageModel): string {
  const id = model.rule.id;
  const rows = new Map<string, string[]>();
  const keys = new Map<string, string[]>();
  const put = (name: string, column: number, text: string, key: string) => {
    const row = rows.get(name) ?? [];
    const keyRow = keys.get(name) ?? [];
    row[column] = text;
    keyRow[column] = key;
    rows.set(name, row);
    keys.set(name, keyRow);
  };
  model.editions.forEach((entry, column) => {
    const params = (entry.edition.parameters as unknown as Record<string, Record<string, unknown>>)[id] ?? {};
    for (const [name, value] of Object.entries(params)) put(name, column, parameterText(value), sameness(value));
    for (const name of [...model.rule.switches, "rounding"]) {
      const value = String(entry.edition.switches[name as SwitchName]);
      put(`switch: ${name}`, column, value, value);
    }
  });
  const head = `<tr><th scope="col">${biHtml("参数", "parameter")}</th>${model.editions
    .map((entry) => `<th scope="col">${bi(entry.name)}<br><code>${esc(entry.id)}</code></th>`)
    .join("")}</tr>`;
  const body = [...rows.entries()]
    .map(([name, values]) => {
      const sameAs = keys.get(name) ?? [];
      const cells = model.editions.map((_, column) => {
        const value = values[column] ?? "—";
        const differs = column > 0 && sameAs[column] !== sameAs[0];
        return differs
          ? `<td class="num diff">${esc(value)} <span aria-hidden="true">≠</span><span class="visually-hidden">${biHtml("（与征求意见稿不同）", "(differs from the draft)")}</span></td>`
          : `<td class="num">${esc(value)}</td>`;
      });
      return `<tr><th scope="row"><code>${esc(name)}</code></th>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<div class="table-wrap"><table id="parameters"><caption class="visually-hidden">${biHtml("各版本参数", "Parameters per edition")}</caption>${head}\n${body}</table></div>
<p>${biHtml("黄色并标有 ≠ 的格子与征求意见稿不同。", "Cells in yellow marked ≠ differ from the draft.")}</p>`;
}

function conditionsList(result: ClauseResult | null): string {
  if (!result || result.conditions.length === 0) return `<p>${biHtml("（无）", "(none)")}</p>`;
  return `<ul>${result.conditions
    .map((condition) => {
      const c = condition.comparison;
      const test = c
        ? `<code>${esc(condition.fields[0] ?? "")}</code> ${esc(c.op)} ${c.rightField ? `<code>${esc(c.rightField)}</code>` : esc(money(c.right))} — <mark class="tw">${esc(c.word)}</mark>: ${bi(c.meaning)}`
        : `${(condition.facts ?? []).map((f) => `<code>${esc(f.field)}</code>`).join(condition.combine === "any" ? " / " : " + ")} ${biHtml(
            condition.combine === "any" && (condition.facts?.length ?? 0) > 1 ? "至少一项为“是”" : "为“是”",
            condition.combine === "any" && (condition.facts?.length ?? 0) > 1 ? "at least one yes" : "yes",
          )}`;
      return `<li><strong>${bi(condition.label)}</strong>: ${test}</li>`;
    })
    .join("")}</ul>`;
}

function capsList(result: ClauseResult | null): string {
  const caps = result?.caps ?? [];
  const once = result?.once ?? null;
  const items = caps.map((cap) => `<li><code>${esc(cap.id)}</code> — ${bi(cap.label)}: ${biHtml("最高", "at most")} ${esc(money(cap.limit))} ${biHtml("元", "yuan")}, ${SCOPES[cap.scope] ? bi(SCOPES[cap.scope] as Bi) : esc(cap.scope)}</li>`);
  if (once) items.push(`<li>${biHtml("一次性：", "One-time: ")}${SCOPES[once] ? bi(SCOPES[once] as Bi) : esc(once)}</li>`);
  return items.length === 0 ? `<p>${biHtml("（无上限）", "(no cap)")}</p>` : `<ul>${items.join("")}</ul>`;
}

function switchesList(model: ClausePageModel): string {
  const names = [...model.rule.switches, "rounding"] as SwitchName[];
  return `<ul>${names
    .map((name) => {
      const entry = SWITCH_VALUES[name];
      return `<li><code>${esc(name)}</code> (${esc(entry.register)}): ${entry.values.map((value, i) => `<code>${esc(value)}</code>${i === 0 ? biHtml("（默认）", " (default)") : ""}`).join(" | ")}</li>`;
    })
    .join("")}</ul>`;
}

function registerTable(entries: readonly RegisterEntry[]): string {
  if (entries.length === 0) return `<p>${biHtml("（无）", "(none)")}</p>`;
  return `<p>${biHtml("歧义登记表（英文，docs/ambiguity-register.md）中涉及本条款的条目：", "The entries of the ambiguity register (docs/ambiguity-register.md) that touch this clause:")}</p>
<div class="table-wrap"><table lang="en"><tr><th>#</th><th>where</th><th>question</th><th>switch</th><th>default reading</th><th>alternatives</th></tr>
${entries
  .map((e) => `<tr><th scope="row">${esc(e.id)}</th><td>${esc(e.where)}</td><td>${esc(e.question)}</td><td><code>${esc(e.switchName)}</code><br>${esc(e.values)}</td><td>${esc(e.reading)}</td><td>${esc(e.alternatives)}</td></tr>`)
  .join("\n")}</table></div>`;
}

function factsText(facts: Readonly<Record<string, unknown>>): string {
  return Object.entries(facts)
    .map(([name, value]) => `<code>${esc(name)}</code>=${esc(value === true ? "是" : value === false ? "否" : String(value))}`)
    .join(", ");
}

function boundaryTable(examples: readonly BoundaryExample[]): string {
  if (examples.length === 0) return `<p>${biHtml("（本条款没有门槛）", "(this clause has no threshold)")}</p>`;
  return `<div class="table-wrap"><table id="boundaries"><tr><th>${biHtml("示例", "example")}</th><th>${biHtml("事实", "facts")}</th><th>${biHtml("结果", "status")}</th><th>${biHtml("金额（元）", "amount (yuan)")}</th></tr>
${examples
  .map((e) => `<tr><td>${bi(e.name)}</td><td>${factsText(e.facts)}</td><td>${statusCell(e.result.status)}</td><td class="num">${esc(money(e.result.amount))}</td></tr>`)
  .join("\n")}</table></div>`;
}

function casesTable(cases: readonly CaseListing[]): string {
  if (cases.length === 0) return `<p>${biHtml("（cases/ 中没有本条款的用例）", "(no case of this clause in cases/)")}</p>`;
  const passed = cases.filter((c) => c.passed).length;
  return `<p id="cases-summary">${biHtml(`${cases.length} 个用例，${passed} 个通过。`, `${cases.length} cases, ${passed} passed.`)}</p>
<div class="table-wrap"><table id="cases"><tr><th>${biHtml("用例", "case")}</th><th>${biHtml("文件", "file")}</th><th>${biHtml("结果", "result")}</th><th>${biHtml("状态", "status")}</th><th>${biHtml("金额（元）", "amount (yuan)")}</th></tr>
${cases
  .map(
    (c) =>
      `<tr><td>${esc(c.name)}</td><td><code>${esc(c.file)}</code></td><td class="${c.passed ? "pass" : "fail"}">${c.passed ? biHtml("✓ 通过", "✓ passed") : biHtml("✗ 未通过", "✗ failed")}</td><td>${statusCell(c.status)}</td><td class="num">${esc(money(c.amount))}</td></tr>`,
  )
  .join("\n")}</table></div>`;
}

function formHtml(model: ClausePageModel): string {
  const fields = model.fields
    .map((field) => {
      const id = `f-${field.name}`;
      const hintId = `${id}-hint`;
      const label = `<label for="${id}">${bi(field.label)} <code>${esc(field.name)}</code></label>`;
      const control =
        field.kind === "boolean"
          ? `<select id="${id}" name="${esc(field.name)}" aria-describedby="${hintId}"><option value="">未知 / unknown</option><option value="true">是 / yes</option><option value="false">否 / no</option></select>`
          : field.kind === "date"
            ? // Text, not type="date": the same YYYY-MM-DD in every browser and locale, as the hint says.
              `<input id="${id}" name="${esc(field.name)}" type="text" inputmode="numeric" placeholder="2025-06-30" autocomplete="off" aria-describedby="${hintId}">`
            : `<input id="${id}" name="${esc(field.name)}" type="text" inputmode="decimal" autocomplete="off" aria-describedby="${hintId}">`;
      return `<div class="field">${label}${control}<span class="hint" id="${hintId}">${bi(field.hint)}</span><span class="field-error" id="${id}-error" role="alert"></span></div>`;
    })
    .join("\n");
  const editions = model.editions.map((entry, i) => `<option value="${i}">${esc(entry.name.zh)} / ${esc(entry.name.en)}</option>`).join("");
  const switches = ([...model.rule.switches, "rounding"] as SwitchName[])
    .map(
      (name) =>
        `<div class="field"><label for="s-${esc(name)}">${biHtml("解释开关", "switch")} <code>${esc(name)}</code></label><select id="s-${esc(name)}" data-switch="${esc(name)}"><option value="">按版本 / as the edition</option>${SWITCH_VALUES[name].values
          .map((value) => `<option value="${esc(value)}">${esc(value)}</option>`)
          .join("")}</select></div>`,
    )
    .join("\n");
  const samples = model.samples.map((sample, i) => `<option value="${i}">${esc(sample.name)}</option>`).join("");
  return `<form id="clause-form" novalidate>
<div class="field"><label for="sample-select">${biHtml("填入示例", "Fill in a sample")}</label><select id="sample-select"><option value="">—</option>${samples}</select></div>
<div class="form-grid">${fields}</div>
<details><summary>${biHtml("版本与解释开关", "Edition and switches")}</summary>
<div class="field"><label for="edition-select">${biHtml("版本", "Edition")}</label><select id="edition-select">${editions}</select></div>
${switches}</details>
<div class="buttons"><button type="submit" id="evaluate">${biHtml("计算", "Evaluate")}</button><button type="button" class="secondary" id="copy-json">${biHtml("复制为 JSON", "Copy as JSON")}</button><button type="button" class="secondary" id="copy-case">${biHtml("复制为测试用例", "Copy as test case")}</button><button type="reset" class="secondary">${biHtml("清空", "Clear")}</button></div>
</form>
<section class="result" id="result" aria-live="polite" aria-labelledby="result-heading"><h3 id="result-heading">${biHtml("结果", "Result")}</h3><div id="result-body"><p>${biHtml("填写事实后点击“计算”。留空的事实视为缺失（不视为 0 或“否”）。", "Fill in the facts and press Evaluate. An empty fact is missing (never 0 or “no”).")}</p></div></section>
<div class="field"><label for="copy-output">${biHtml("复制的内容", "Copied text")}</label><textarea id="copy-output" readonly></textarea></div>`;
}

export function clausePage(model: ClausePageModel): string {
  const rule = model.rule;
  const c = rule.citation;
  const item = highlightWords(c.itemTextZh);
  const provision = highlightWords(c.provisionZh);
  const words = [...new Set([...item.found, ...provision.found])];
  const wordList = words
    .map((word) => {
      const m = CIVIL_CODE_WORDS[word];
      return `<li id="word-${esc(word)}"><mark class="tw">${esc(word)}</mark> <code>${esc(m.op)}</code> — ${bi({ zh: m.zh, en: m.en })} <small>(${bi(m.source)})</small></li>`;
    })
    .join("");
  const body = `<p><a href="../index.html">${biHtml("全部条款", "All clauses")}</a> › ${bi(ARTICLES[c.article] ?? { zh: c.labelZh, en: c.labelEn })}</p>
<h1><code>${esc(rule.id)}</code> ${bi(rule.title)}</h1>
<p>${bi({ zh: c.labelZh, en: `${c.labelEn} (${c.labelZh})` })}</p>
<h2 id="text">${biHtml("条文（原文）", "The text (verbatim)")}</h2>
<blockquote lang="zh-CN" id="item-text">${item.html}</blockquote>
<p>${biHtml("本规则实现的句子：", "The sentence this rule implements:")}</p>
<blockquote lang="zh-CN" id="provision-text">${provision.html}</blockquote>
<h3>${biHtml("门槛用语及其含义", "Threshold words and what they mean")}</h3>
${words.length === 0 ? `<p>${biHtml("（无）", "(none)")}</p>` : `<ul id="words">${wordList}</ul>`}
<h2 id="reading">${biHtml("理解与计算", "Reading and formula")}</h2>
<p>${bi(rule.reading)}</p>
<p><strong>${biHtml("上限前金额：", "Amount before caps: ")}</strong>${bi(rule.formula)}</p>
<h3>${biHtml("条件", "Conditions")}</h3>
${conditionsList(model.sample)}
<h3>${biHtml("上限与范围", "Caps and scopes")}</h3>
${capsList(model.sample)}
<h3>${biHtml("解释开关", "Interpretation switches")}</h3>
${switchesList(model)}
<h3>${biHtml("歧义登记", "Ambiguity register")}</h3>
${registerTable(model.register)}
<h2 id="parameters-heading">${biHtml("各版本参数", "Parameters per edition")}</h2>
${parametersTable(model)}
<h2 id="boundaries-heading">${biHtml("边界示例（构建时由规则库计算）", "Boundary examples (computed by the library when the site was built)")}</h2>
${boundaryTable(model.boundaries)}
<h2 id="form-heading">${biHtml("试算", "Try it")}</h2>
${formHtml(model)}
<h2 id="cases-heading">${biHtml("测试用例（cases/）", "Test cases (cases/)")}</h2>
${casesTable(model.cases)}`;
  return page({
    title: { zh: `${rule.id} ${rule.title.zh}`, en: `${rule.id} ${rule.title.en}` },
    root: "../",
    body,
    data: {
      page: "clause",
      clauseId: rule.id,
      fields: model.fields,
      editions: model.editions.map((entry) => ({ id: entry.id, name: entry.name, document: entry.document })),
      samples: model.samples,
      switches: [...rule.switches, "rounding"],
    },
  });
}

export function indexPage(rules: readonly MeasuresRule[], caseTotals: { readonly cases: number; readonly passed: number }): string {
  const articles = [...new Set(rules.map((rule) => rule.citation.article))].sort((a, b) => a - b);
  const sections = articles
    .map((article) => {
      const items = rules
        .filter((rule) => rule.citation.article === article)
        .map((rule) => `<li><a href="${clauseHref(rule.id, "")}"><code>${esc(rule.id)}</code> ${bi(rule.title)}</a> — ${bi({ zh: rule.citation.labelZh, en: rule.citation.labelEn })}</li>`)
        .join("\n");
      return `<section><h2>${bi(ARTICLES[article] ?? { zh: `第${article}条`, en: `Article ${article}` })}</h2><ul class="clauses">${items}</ul></section>`;
    })
    .join("\n");
  const body = `<h1>${biHtml("平谷区促进直播电商产业高质量发展若干措施：条款与试算", "Pinggu District live-commerce measures: the clauses, and a calculator for each")}</h1>
<p>${biHtml(
    `共 ${rules.length} 个条款。每个条款页列出原文（门槛用语已标出）、各版本参数、边界示例、可在浏览器中直接计算的表单及其测试用例。整份申请可在<a href="application.html">整份申请</a>页计算。`,
    `${rules.length} clauses. Each clause page shows the text (threshold words marked), the parameters per edition, boundary examples, a form that computes in the browser, and its test cases. Whole applications are decided on the <a href="application.html">whole-application page</a>.`,
  )}</p>
<p id="cases-total">${biHtml(`cases/ 中的测试用例：${caseTotals.cases} 个，通过 ${caseTotals.passed} 个。`, `Test cases in cases/: ${caseTotals.cases}, ${caseTotals.passed} passed.`)}</p>
${sections}`;
  return page({ title: { zh: "条款与试算", en: "Clauses and calculator" }, root: "", body, data: { page: "index" } });
}

export function applicationPage(editions: readonly EditionEntry[], samples: readonly { readonly name: string; readonly document: unknown }[]): string {
  const editionOptions = editions.map((entry, i) => `<option value="${i}">${esc(entry.name.zh)} / ${esc(entry.name.en)}</option>`).join("");
  const firstPublished = Math.max(0, editions.findIndex((entry) => entry.edition.publishedOn !== null));
  const body = `<h1>${biHtml("整份申请", "A whole application")}</h1>
<p>${biHtml(
    "粘贴或上传申请 JSON（格式见 docs/applications.md 与 schema/application.schema.json），选择版本，点击“计算”。全部计算在本机浏览器中完成，不上传任何数据。",
    "Paste or upload an application JSON (format: docs/applications.md and schema/application.schema.json), choose the edition and press Evaluate. Everything is computed in this browser; nothing is sent anywhere.",
  )}</p>
<form id="application-form" novalidate>
<div class="field"><label for="app-sample">${biHtml("示例申请", "Sample application")}</label><select id="app-sample"><option value="">—</option>${samples.map((s, i) => `<option value="${i}">${esc(s.name)}</option>`).join("")}</select></div>
<div class="field"><label for="app-file">${biHtml("上传 JSON 文件", "Upload a JSON file")}</label><input type="file" id="app-file" accept=".json,application/json"></div>
<div class="field"><label for="app-input">${biHtml("申请 JSON", "Application JSON")}</label><textarea id="app-input" spellcheck="false" rows="14"></textarea></div>
<div class="field"><label for="app-edition">${biHtml("版本（须有发布日期，第十四条）", "Edition (needs a publication date, 第十四条)")}</label><select id="app-edition">${editionOptions}</select></div>
<div class="buttons"><button type="submit" id="app-run">${biHtml("计算", "Evaluate")}</button></div>
</form>
<section class="result" id="app-result" aria-live="polite" aria-labelledby="app-result-heading"><h2 id="app-result-heading">${biHtml("决定", "Decision")}</h2><div id="app-result-body"></div></section>`;
  return page({
    title: { zh: "整份申请", en: "Whole application" },
    root: "",
    body,
    data: { page: "application", editions: editions.map((entry) => ({ id: entry.id, name: entry.name, document: entry.document })), samples, defaultEdition: firstPublished },
  });
}
