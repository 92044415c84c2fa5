/**
 * The site's script: the library itself (bundled into one classic script with big.js, zod and date-fns,
 * so it runs from file://) and the few lines that read the forms and show what the library decides.
 * Every number shown comes from `evaluateClause` / `evaluate` / `explainDecision`; this file only reads
 * and displays. Text in both languages is written into the page; the language switch shows one.
 */
import { stringify } from "yaml";
import {
  CLAIM_STATUS_ZH,
  type ClauseResult,
  type Decision,
  DRAFT_EDITION,
  deriveEdition,
  type Edition,
  evaluate,
  evaluateClause,
  explainDecision,
  PolicyValidationError,
  type ValidationIssue,
} from "../../index.js";

interface Bi {
  readonly zh: string;
  readonly en: string;
}
interface FieldData {
  readonly name: string;
  readonly kind: string;
  readonly label: Bi;
}
interface EditionData {
  readonly id: string;
  readonly name: Bi;
  readonly document: unknown;
}
interface PageData {
  readonly page: "clause" | "application" | "index";
  readonly clauseId?: string;
  readonly fields?: readonly FieldData[];
  readonly editions?: readonly EditionData[];
  readonly samples?: readonly { readonly name: string; readonly input?: Record<string, unknown>; readonly document?: unknown }[];
  readonly switches?: readonly string[];
  readonly defaultEdition?: number;
}

type Child = Node | string | null | undefined | false;

function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Text in both languages; the stylesheet shows the one of the page. */
function bi(zh: string, en: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(el("span", { class: "l-zh", lang: "zh-CN" }, zh), el("span", { class: "l-en", lang: "en" }, en));
  return fragment;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

// ---------------------------------------------------------------------------------------------------
// Language.

function setLanguage(lang: "zh" | "en"): void {
  document.documentElement.setAttribute("data-lang", lang);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  try {
    localStorage.setItem("pinggu-lang", lang);
  } catch {
    // Storage may be refused (a private window): the switch still works for this page.
  }
}

function currentLanguage(): "zh" | "en" {
  return document.documentElement.getAttribute("data-lang") === "en" ? "en" : "zh";
}

// ---------------------------------------------------------------------------------------------------
// Editions.

const editionCache = new Map<number, Edition>();

function editionAt(data: PageData, index: number): Edition {
  let edition = editionCache.get(index);
  if (!edition) {
    const entry = data.editions?.[index];
    edition = entry === undefined || entry.document === null ? DRAFT_EDITION : deriveEdition(entry.document);
    editionCache.set(index, edition);
  }
  return edition;
}

// ---------------------------------------------------------------------------------------------------
// A clause page.

const STATUS: Readonly<Record<string, Bi>> = {
  eligible: { zh: "符合条件", en: "eligible" },
  ineligible: { zh: "不符合条件", en: "ineligible" },
  undetermined: { zh: "待定（事实不全）", en: "undetermined (facts missing)" },
};

const OUTCOME: Readonly<Record<string, Bi>> = {
  met: { zh: "✓ 满足", en: "✓ met" },
  failed: { zh: "✗ 不满足", en: "✗ failed" },
  missing: { zh: "? 缺少事实", en: "? fact missing" },
};

function readFacts(data: PageData): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const field of data.fields ?? []) {
    const control = byId<HTMLInputElement | HTMLSelectElement>(`f-${field.name}`);
    const value = control.value.trim();
    if (value === "") continue;
    facts[field.name] = field.kind === "boolean" ? value === "true" : value;
  }
  return facts;
}

function readSwitches(data: PageData): Record<string, string> {
  const switches: Record<string, string> = {};
  for (const name of data.switches ?? []) {
    const value = byId<HTMLSelectElement>(`s-${name}`).value;
    if (value !== "") switches[name] = value;
  }
  return switches;
}

function fillFacts(data: PageData, facts: Readonly<Record<string, unknown>>): void {
  for (const field of data.fields ?? []) {
    const control = byId<HTMLInputElement | HTMLSelectElement>(`f-${field.name}`);
    const value = facts[field.name];
    control.value = value === undefined || value === null ? "" : String(value);
  }
}

/**
 * An issue for the reader: its path, then its sentence (which does not name the path). The field's own
 * slot names it too: the slot is an alert, read out without the label above it.
 */
function issueView(issue: ValidationIssue): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(el("code", {}, issue.path), bi(`：${issue.messageZh}`, `: ${issue.message}`));
  return fragment;
}

function issuesList(error: PolicyValidationError): HTMLElement {
  return el("ul", { class: "error", id: "result-errors" }, ...error.issues.map((issue) => el("li", {}, issueView(issue))));
}

function clauseResultView(result: ClauseResult): HTMLElement {
  const status = STATUS[result.status] ?? { zh: result.status, en: result.status };
  const out = el("div", {});
  out.append(
    el(
      "p",
      { class: "big" },
      el("span", { id: "result-status", class: `status-${result.status}`, "data-status": result.status }, bi(status.zh, status.en)),
      " · ",
      el("span", { id: "result-amount", "data-amount": result.amount ?? "" }, result.amount === null ? bi("金额待定", "amount undetermined") : bi(`${result.amount} 元`, `${result.amount} yuan`)),
    ),
  );
  if (result.missingFacts.length > 0) {
    out.append(el("p", { id: "result-missing" }, bi("缺失的事实：", "Missing facts: "), result.missingFacts.join(", ")));
  }
  out.append(
    el("h4", {}, bi("条件", "Conditions")),
    el(
      "ul",
      { id: "result-conditions" },
      ...result.conditions.map((condition) => {
        const outcome = OUTCOME[condition.outcome] ?? { zh: condition.outcome, en: condition.outcome };
        const c = condition.comparison;
        const detail = c
          ? bi(`：${c.left ?? "（缺）"} ${c.op} ${c.right}，${c.meaning.zh}`, `: ${c.left ?? "(missing)"} ${c.op} ${c.right}; ${c.meaning.en}`)
          : bi(
              `：${(condition.facts ?? []).map((f) => `${f.field} = ${f.value === null ? "（缺）" : f.value ? "是" : "否"}`).join("，")}`,
              `: ${(condition.facts ?? []).map((f) => `${f.field} = ${f.value === null ? "(missing)" : f.value ? "yes" : "no"}`).join(", ")}`,
            );
        return el("li", { "data-outcome": condition.outcome }, el("strong", {}, bi(outcome.zh, outcome.en)), " ", bi(condition.label.zh, condition.label.en), detail);
      }),
    ),
  );
  if (result.steps.length > 0) {
    out.append(
      el("h4", {}, bi("计算步骤", "Steps")),
      el("ol", { id: "result-steps" }, ...result.steps.map((step) => el("li", {}, bi(step.label.zh, step.label.en), `: ${step.result}`))),
    );
  }
  if (result.caps.length > 0) {
    out.append(
      el("h4", {}, bi("上限", "Caps")),
      el(
        "ul",
        { id: "result-caps" },
        ...result.caps.map((cap) =>
          el("li", {}, bi(cap.label.zh, cap.label.en), `: ${cap.before} → ${cap.after} (≤ ${cap.limit})`, cap.bit ? el("strong", {}, bi("（起作用）", " (applied)")) : null),
        ),
      ),
    );
  }
  out.append(el("h4", {}, bi("理由", "Reasons")), el("ul", { id: "result-reasons" }, ...result.reasons.map((reason) => el("li", {}, el("code", {}, reason.code), " ", bi(reason.zh, reason.en)))));
  out.append(el("p", { class: "hint" }, bi(`版本 ${result.edition}；舍入 ${result.rounding}`, `Edition ${result.edition}; rounding ${result.rounding}`)));
  return out;
}

function evaluateForm(data: PageData): ClauseResult | null {
  const body = byId("result-body");
  for (const field of data.fields ?? []) byId(`f-${field.name}-error`).textContent = "";
  body.replaceChildren();
  try {
    const edition = editionAt(data, Number(byId<HTMLSelectElement>("edition-select").value));
    const result = evaluateClause(data.clauseId as string, readFacts(data), { edition, switches: readSwitches(data) });
    body.append(clauseResultView(result));
    return result;
  } catch (error) {
    if (error instanceof PolicyValidationError) {
      body.append(el("p", { class: "error" }, bi("输入有误：", "The input has problems:")), issuesList(error));
      for (const issue of error.issues) {
        const field = issue.pathSegments[issue.pathSegments.length - 1];
        const slot = typeof field === "string" ? document.getElementById(`f-${field}-error`) : null;
        if (slot) slot.replaceChildren(issueView(issue));
      }
      return null;
    }
    body.append(el("p", { class: "error" }, String(error instanceof Error ? error.message : error)));
    return null;
  }
}

function showCopy(text: string): void {
  const output = byId<HTMLTextAreaElement>("copy-output");
  output.value = text;
  output.select();
  // The clipboard needs a user gesture and may be refused: the text stays in the box either way.
  navigator.clipboard?.writeText(text).catch(() => undefined);
}

function initClausePage(data: PageData): void {
  const form = byId<HTMLFormElement>("clause-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    evaluateForm(data);
  });
  form.addEventListener("change", (event) => {
    if ((event.target as HTMLElement).id === "sample-select") return;
    evaluateForm(data);
  });
  byId<HTMLSelectElement>("sample-select").addEventListener("change", (event) => {
    const index = (event.target as HTMLSelectElement).value;
    const sample = index === "" ? undefined : data.samples?.[Number(index)];
    if (sample?.input) {
      fillFacts(data, sample.input);
      evaluateForm(data);
    }
  });
  byId("copy-json").addEventListener("click", () => {
    const switches = readSwitches(data);
    showCopy(`${JSON.stringify({ clauseId: data.clauseId, input: readFacts(data), ...(Object.keys(switches).length > 0 ? { switches } : {}) }, null, 2)}\n`);
  });
  byId("copy-case").addEventListener("click", () => {
    const result = evaluateForm(data);
    const editionIndex = Number(byId<HTMLSelectElement>("edition-select").value);
    const entry = data.editions?.[editionIndex];
    const switches = readSwitches(data);
    const testCase: Record<string, unknown> = { name: currentLanguage() === "zh" ? "（请填写用例名称）" : "(name this case)", clause: data.clauseId, facts: readFacts(data) };
    if (entry && entry.document !== null) testCase.overrides = entry.document;
    if (Object.keys(switches).length > 0) testCase.switches = switches;
    testCase.expect = result ? { status: result.status, amount: result.amount } : {};
    showCopy(stringify({ cases: [testCase] }, { lineWidth: 0 }));
  });
}

// ---------------------------------------------------------------------------------------------------
// The whole-application page.

function decisionView(decision: Decision): HTMLElement {
  const out = el("div", {});
  out.append(
    el("p", {}, el("strong", {}, decision.applicant.name), ` (${decision.applicant.creditCode})`),
    el("p", { class: "big" }, bi("合计：", "Total: "), el("span", { id: "app-total", "data-amount": decision.totals.overall }, `${decision.totals.overall}`), bi(" 元", " yuan")),
  );
  const rows = decision.claims.map((claim) =>
    el(
      "tr",
      { "data-claim": claim.claimId },
      el("td", {}, claim.claimId),
      el("td", {}, el("a", { href: `clauses/${claim.clauseId}.html` }, claim.clauseId)),
      el("td", { class: `status-${claim.status}` }, bi(CLAIM_STATUS_ZH[claim.status], claim.status)),
      el("td", { class: "num" }, claim.amount ?? "—"),
      el("td", {}, ...claim.reasons.map((reason) => el("div", {}, el("code", {}, reason.code), " ", bi(reason.zh, reason.en)))),
    ),
  );
  out.append(
    el(
      "div",
      { class: "table-wrap" },
      el(
        "table",
        { id: "app-claims" },
        el("tr", {}, el("th", {}, bi("事项", "claim")), el("th", {}, bi("条款", "clause")), el("th", {}, bi("状态", "status")), el("th", {}, bi("金额（元）", "amount (yuan)")), el("th", {}, bi("理由", "reasons"))),
        ...rows,
      ),
    ),
    el("h3", {}, bi("说明", "Explanation")),
    el("pre", { class: "l-zh", lang: "zh-CN", id: "app-explain-zh" }, explainDecision(decision, "zh")),
    el("pre", { class: "l-en", lang: "en", id: "app-explain-en" }, explainDecision(decision, "en")),
  );
  return out;
}

function runApplication(data: PageData): void {
  const body = byId("app-result-body");
  body.replaceChildren();
  const text = byId<HTMLTextAreaElement>("app-input").value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    body.append(el("p", { class: "error", id: "app-error" }, bi("不是有效的 JSON：", "Not valid JSON: "), error instanceof Error ? error.message : String(error)));
    return;
  }
  try {
    const edition = editionAt(data, Number(byId<HTMLSelectElement>("app-edition").value));
    body.append(decisionView(evaluate(parsed, edition)));
  } catch (error) {
    if (error instanceof PolicyValidationError) {
      body.append(el("p", { class: "error", id: "app-error" }, bi("申请有误：", "The application has problems:")), issuesList(error));
      return;
    }
    body.append(el("p", { class: "error", id: "app-error" }, error instanceof Error ? error.message : String(error)));
  }
}

function initApplicationPage(data: PageData): void {
  byId<HTMLSelectElement>("app-edition").value = String(data.defaultEdition ?? 0);
  byId("application-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runApplication(data);
  });
  byId<HTMLSelectElement>("app-sample").addEventListener("change", (event) => {
    const index = (event.target as HTMLSelectElement).value;
    const sample = index === "" ? undefined : data.samples?.[Number(index)];
    if (sample) {
      byId<HTMLTextAreaElement>("app-input").value = `${JSON.stringify(sample.document, null, 2)}\n`;
      runApplication(data);
    }
  });
  byId<HTMLInputElement>("app-file").addEventListener("change", (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    file.text().then(
      (text) => {
        byId<HTMLTextAreaElement>("app-input").value = text;
        runApplication(data);
      },
      (error: unknown) => {
        byId("app-result-body").replaceChildren(el("p", { class: "error" }, String(error)));
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------

function start(): void {
  const toggle = document.getElementById("lang-switch");
  toggle?.addEventListener("click", () => setLanguage(currentLanguage() === "zh" ? "en" : "zh"));
  const block = document.getElementById("pinggu-data");
  if (!block) return;
  const data = JSON.parse(block.textContent ?? "{}") as PageData;
  if (data.page === "clause") initClausePage(data);
  if (data.page === "application") initApplicationPage(data);
  document.documentElement.setAttribute("data-ready", "true");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
