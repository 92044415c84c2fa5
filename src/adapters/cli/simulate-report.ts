/**
 * What `pinggu simulate` prints: the comparison of the editions as a terminal table, Markdown or JSON.
 * Every figure comes from the library's SimulationResult (exact, to the fen); this file only lays them
 * out, with thousands separators for people (the JSON keeps the library's plain decimals).
 */
import { type ClaimStatus, type EditionSummary, type Language, listRules, type SimulationResult, type ValidationIssue } from "../../index.js";
import { type Colours, displayWidth, NO_COLOURS, padEnd, padStart, statusLabel, STATUSES } from "./labels.js";
import { markdownText } from "./markdown-text.js";
import { describeProblem, type Problem } from "./problems.js";

/** An application the library could not evaluate: where it is, and why (the library's message and issues). */
export interface InvalidApplication {
  readonly index: number;
  readonly line: number;
  readonly message: string;
  /** The library's issues, each worded in both languages (absent: only the message is known). */
  readonly issues?: readonly ValidationIssue[];
}

/** Everything a report needs: the input, what was wrong with it, and the library's result. */
export interface SimulationRun {
  /** The file as named on the command line (`-` for standard input). */
  readonly file: string;
  readonly result: SimulationResult;
  /** Non-blank lines read. */
  readonly lines: number;
  /** Claims in the applications read (valid or not). */
  readonly claims: number;
  /** Lines that were not JSON (not simulated), and the first of them in full. */
  readonly invalidLines: number;
  readonly lineProblems: readonly Problem[];
  /** Applications the library rejected (counted in `applications`, not in any total). */
  readonly invalidApplications: number;
  readonly applicationProblems: readonly InvalidApplication[];
  /** The line an application came from, by its index in the simulation (0-based). */
  readonly lineOf: (index: number) => number;
  /** The budget envelope asked for, if any (yuan, as given). */
  readonly envelope?: string;
}

// -------------------------------------------------------------------------------------------------
// Words

const WORDS = {
  title: { en: "Pinggu live-commerce measures: budget impact", zh: "平谷区直播电商措施：财政支出测算" },
  population: { en: "Population", zh: "测算对象" },
  applications: { en: "applications", zh: "个申请" },
  claims: { en: "claims", zh: "项申请事项" },
  invalidApplications: { en: "invalid applications", zh: "个无效申请" },
  invalidLines: { en: "lines that are not JSON", zh: "行不是合法 JSON" },
  editions: { en: "Editions", zh: "版本" },
  baseline: { en: "baseline", zh: "基准" },
  byClause: { en: "Cost by clause (yuan)", zh: "按条款的支出（元）" },
  byYear: { en: "Cost by year (yuan)", zh: "按年度的支出（元）" },
  clause: { en: "Clause", zh: "条款" },
  citation: { en: "Citation", zh: "出处" },
  year: { en: "Year", zh: "年度" },
  total: { en: "Total", zh: "合计" },
  overview: { en: "Overview", zh: "概况" },
  beneficiaries: { en: "Beneficiaries (applicants paid)", zh: "获得支持的申请主体" },
  evaluated: { en: "Applications evaluated", zh: "已核定的申请" },
  claimsEvaluated: { en: "Claims evaluated", zh: "已核定的申请事项" },
  envelope: { en: "Budget envelope (总额控制)", zh: "总额控制" },
  largest: { en: "Largest awards", zh: "单项金额最大的支持" },
  distribution: { en: "Applicants by total award (yuan)", zh: "按申请主体核定总额分布（元）" },
  band: { en: "Total award", zh: "核定总额" },
  applicants: { en: "Applicants", zh: "申请主体数" },
  amount: { en: "Amount", zh: "金额" },
  applicant: { en: "Applicant", zh: "申请主体" },
  claim: { en: "Claim", zh: "事项" },
  difference: { en: "difference from [1]", zh: "与[1]之差" },
  invalidInput: { en: "Invalid input (left out of every total)", zh: "无效输入（不计入任何合计）" },
  more: { en: "more not shown", zh: "条未列出" },
  none: { en: "none", zh: "无" },
} as const;

export type SimulationWord = keyof typeof WORDS;

export function sw(key: SimulationWord, lang: Language): string {
  return WORDS[key][lang];
}

// -------------------------------------------------------------------------------------------------
// Figures

/** "12345678.90" → "12,345,678.90", "+1234.00" → "+1,234.00"; exact (text, not floats). */
export function groupMoney(amount: string): string {
  const match = /^([+-]?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  return `${match[1]}${(match[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${match[3] ?? ""}`;
}

export function groupCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** Every clause: id, citation and title in the language asked. */
export function clauseRows(lang: Language): { id: string; citation: string; title: string }[] {
  return listRules().map((rule) => ({
    id: rule.id,
    citation: lang === "zh" ? rule.citation.labelZh : rule.citation.labelEn,
    title: rule.title[lang],
  }));
}

/** The years any edition paid in, in order. */
export function yearsOf(result: SimulationResult): string[] {
  return [...new Set(result.editions.flatMap((edition) => Object.keys(edition.totals.byYear)))].sort();
}

/** " (baseline)" / "（基准）" after the first edition's name. */
export function baselineNote(lang: Language): string {
  return lang === "zh" ? `（${sw("baseline", lang)}）` : ` (${sw("baseline", lang)})`;
}

/** "[2]" for the second edition. */
export function tag(index: number): string {
  return `[${index + 1}]`;
}

function statusLine(edition: EditionSummary, lang: Language): string {
  return STATUSES.filter((status: ClaimStatus) => edition.byStatus[status] > 0)
    .map((status) => `${statusLabel(status, lang)} ${groupCount(edition.byStatus[status])}`)
    .join(lang === "zh" ? "，" : ", ");
}

/** The headline of the input: applications, claims, what was invalid. */
function populationLine(run: SimulationRun, lang: Language): string {
  const first = run.result.editions[0] as EditionSummary;
  const parts = [`${groupCount(first.applications)} ${sw("applications", lang)}`, `${groupCount(run.claims)} ${sw("claims", lang)}`];
  if (run.invalidApplications > 0) parts.push(`${groupCount(run.invalidApplications)} ${sw("invalidApplications", lang)}`);
  if (run.invalidLines > 0) parts.push(`${groupCount(run.invalidLines)} ${sw("invalidLines", lang)}`);
  return `${run.file} — ${parts.join(lang === "zh" ? "，" : ", ")}`;
}

/** Rows of the cost-by-clause table: every clause, then the total; each edition, then each difference. */
function clauseTable(result: SimulationResult, lang: Language): { head: string[]; rows: string[][] } {
  const editions = result.editions;
  const head = [sw("clause", lang), sw("citation", lang), ...editionColumns(editions.length)];
  const rows = clauseRows(lang).map((clause) => [
    clause.id,
    clause.citation,
    ...editionCells(editions, (e) => e.totals.byClause[clause.id] ?? "0.00", (e) => e.differenceFromFirst?.byClause[clause.id] ?? "0.00"),
  ]);
  rows.push([sw("total", lang), "", ...editionCells(editions, (e) => e.totals.overall, (e) => e.differenceFromFirst?.overall ?? "0.00")]);
  return { head, rows };
}

function yearTable(result: SimulationResult, lang: Language): { head: string[]; rows: string[][] } {
  const editions = result.editions;
  const head = [sw("year", lang), ...editionColumns(editions.length)];
  const rows = yearsOf(result).map((year) => [
    year,
    ...editionCells(editions, (e) => e.totals.byYear[year] ?? "0.00", (e) => e.differenceFromFirst?.byYear[year] ?? "0.00"),
  ]);
  rows.push([sw("total", lang), ...editionCells(editions, (e) => e.totals.overall, (e) => e.differenceFromFirst?.overall ?? "0.00")]);
  return { head, rows };
}

/** [1], [2], [2]−[1], [3], [3]−[1] … */
function editionColumns(count: number): string[] {
  const columns = [tag(0)];
  for (let i = 1; i < count; i++) columns.push(tag(i), `${tag(i)}−${tag(0)}`);
  return columns;
}

function editionCells(editions: readonly EditionSummary[], value: (e: EditionSummary) => string, diff: (e: EditionSummary) => string): string[] {
  const cells = [groupMoney(value(editions[0] as EditionSummary))];
  for (const edition of editions.slice(1)) {
    const d = diff(edition);
    cells.push(groupMoney(value(edition)), d === "0.00" ? "0.00" : groupMoney(d));
  }
  return cells;
}

function overviewTable(run: SimulationRun, lang: Language): { head: string[]; rows: string[][] } {
  const editions = run.result.editions;
  const head = ["", ...editions.map((_, i) => tag(i))];
  const rows = [
    [sw("evaluated", lang), ...editions.map((e) => groupCount(e.applications - e.invalidApplications))],
    [sw("claimsEvaluated", lang), ...editions.map((e) => groupCount(e.claims))],
    [sw("beneficiaries", lang), ...editions.map((e) => groupCount(e.beneficiaries))],
    ...STATUSES.map((status) => [statusLabel(status, lang), ...editions.map((e) => groupCount(e.byStatus[status]))]),
    [sw("total", lang), ...editions.map((e) => groupMoney(e.totals.overall))],
  ];
  return { head, rows };
}

function distributionTable(result: SimulationResult, lang: Language): { head: string[]; rows: string[][] } {
  const editions = result.editions;
  const bands = (editions[0] as EditionSummary).distribution;
  const head = [sw("band", lang), ...editions.flatMap((_, i) => [`${tag(i)} ${sw("applicants", lang)}`, `${tag(i)} ${sw("total", lang)}`])];
  const rows = bands.map((band, b) => [
    band.label,
    ...editions.flatMap((e) => {
      const own = e.distribution[b];
      return [groupCount(own?.applicants ?? 0), groupMoney(own?.total ?? "0.00")];
    }),
  ]);
  return { head, rows };
}

// -------------------------------------------------------------------------------------------------
// Terminal

/** A table with aligned columns: text columns left, figures right (East Asian characters are two wide). */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], numeric: (column: number) => boolean, colours: Colours = NO_COLOURS): string[] {
  const widths = head.map((title, i) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((text, i) => (numeric(i) ? padStart(text, widths[i] as number) : padEnd(text, widths[i] as number))).join("  ")}`.trimEnd();
  return [colours.dim(line(head)), ...rows.map((row) => line(row))];
}

export function terminalReport(run: SimulationRun, lang: Language, colours: Colours = NO_COLOURS, largest = 5): string {
  const { result } = run;
  const sep = lang === "zh" ? "：" : ": ";
  const lines: string[] = [colours.bold(sw("title", lang)), `${sw("population", lang)}${sep}${populationLine(run, lang)}`, "", colours.bold(sw("editions", lang))];
  result.editions.forEach((e, i) => {
    lines.push(`  ${tag(i)} ${e.edition.id} — ${e.edition.name[lang]}${i === 0 ? baselineNote(lang) : ""}`);
  });

  const clauses = clauseTable(result, lang);
  lines.push("", colours.bold(sw("byClause", lang)), ...textTable(clauses.head, clauses.rows, (i) => i >= 2, colours));
  const years = yearTable(result, lang);
  lines.push("", colours.bold(sw("byYear", lang)), ...textTable(years.head, years.rows, (i) => i >= 1, colours));
  const overview = overviewTable(run, lang);
  lines.push("", colours.bold(sw("overview", lang)), ...textTable(overview.head, overview.rows, (i) => i >= 1, colours));

  const envelopes = result.editions.map((e, i) => (e.envelope ? `  ${tag(i)} ${e.envelope.note[lang]}` : null)).filter((x): x is string => x !== null);
  if (envelopes.length > 0) lines.push("", colours.bold(sw("envelope", lang)), ...envelopes);

  const distribution = distributionTable(result, lang);
  lines.push("", colours.bold(sw("distribution", lang)), ...textTable(distribution.head, distribution.rows, (i) => i >= 1, colours));

  result.editions.forEach((e, i) => {
    const top = e.largestAwards.slice(0, largest);
    if (top.length === 0) return;
    lines.push("", colours.bold(`${sw("largest", lang)} ${tag(i)}`));
    lines.push(
      ...textTable(
        [sw("amount", lang), sw("clause", lang), sw("year", lang), sw("claim", lang), sw("applicant", lang)],
        top.map((award) => [groupMoney(award.amount), award.clauseId, String(award.year), award.claimId, `${award.applicant} (${award.creditCode})`]),
        (column) => column === 0,
        colours,
      ),
    );
  });

  lines.push(...invalidLines(run, lang, (text) => `  ${text}`));
  return `${lines.join("\n")}\n`;
}

/** The invalid input, as lines (for the reports; standard error has had them as they came). */
function invalidLines(run: SimulationRun, lang: Language, bullet: (text: string) => string): string[] {
  if (run.invalidLines === 0 && run.invalidApplications === 0) return [];
  const out = ["", sw("invalidInput", lang)];
  for (const problem of run.lineProblems) out.push(bullet(describeProblem(problem, lang)));
  if (run.invalidLines > run.lineProblems.length) out.push(bullet(`… ${groupCount(run.invalidLines - run.lineProblems.length)} ${sw("more", lang)}`));
  for (const invalid of run.applicationProblems) for (const text of applicationProblemLines(invalid, lang)) out.push(bullet(text));
  if (run.invalidApplications > run.applicationProblems.length) {
    out.push(bullet(`… ${groupCount(run.invalidApplications - run.applicationProblems.length)} ${sw("more", lang)}`));
  }
  return out;
}

/**
 * An invalid application as lines of text, one per problem: "line 17: applicant.creditCode: expected …".
 * The library's message lists its problems under a heading ("application: invalid input, 2 problems:"
 * then "  - …" each); the heading goes, the problems stay. Where the library's issues are known, each is
 * given in the language asked instead (the message is English).
 */
export function applicationProblemLines(invalid: InvalidApplication, lang: Language): string[] {
  if (invalid.issues && invalid.issues.length > 0) {
    // Each issue in the language asked (the library words every issue in both).
    return invalid.issues.map((issue) => {
      // The issue's message does not name its path (it is beside it, in `path`): the line does.
      const text = lang === "zh" ? `${issue.path}：${issue.messageZh}` : `${issue.path}: ${issue.message}`;
      return lang === "zh" ? `第${invalid.line}行：${text}` : `line ${invalid.line}: ${text}`;
    });
  }
  const items = invalid.message
    .split("\n")
    .filter((line) => line.startsWith("  - "))
    .map((line) => line.slice(4));
  const problems = items.length > 0 ? items : [invalid.message.replace(/\s*\n\s*/g, " ")];
  return problems.map((text) => (lang === "zh" ? `第${invalid.line}行：${text}` : `line ${invalid.line}: ${text}`));
}

// -------------------------------------------------------------------------------------------------
// Markdown

/** Quoted text, escaped (src/adapters/cli/markdown-text.ts). */
const cell = markdownText;

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], numeric: (column: number) => boolean): string[] {
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map((_, i) => (numeric(i) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

export function markdownReport(run: SimulationRun, lang: Language): string {
  const { result } = run;
  const sep = lang === "zh" ? "：" : ": ";
  const lines: string[] = [`# ${sw("title", lang)}`, "", `${sw("population", lang)}${sep}${cell(populationLine(run, lang))}`, "", `## ${sw("editions", lang)}`, ""];
  result.editions.forEach((e, i) => lines.push(`- **${tag(i)}** \`${e.edition.id}\` — ${cell(e.edition.name[lang])}${i === 0 ? baselineNote(lang) : ""}`));
  const clauses = clauseTable(result, lang);
  lines.push("", `## ${sw("byClause", lang)}`, "", ...markdownTable(clauses.head, clauses.rows, (i) => i >= 2));
  const years = yearTable(result, lang);
  lines.push("", `## ${sw("byYear", lang)}`, "", ...markdownTable(years.head, years.rows, (i) => i >= 1));
  const overview = overviewTable(run, lang);
  lines.push("", `## ${sw("overview", lang)}`, "", ...markdownTable(overview.head, overview.rows, (i) => i >= 1));
  const envelopes = result.editions.filter((e) => e.envelope);
  if (envelopes.length > 0) {
    lines.push("", `## ${sw("envelope", lang)}`, "");
    result.editions.forEach((e, i) => {
      if (e.envelope) lines.push(`- **${tag(i)}** ${cell(e.envelope.note[lang])}`);
    });
  }
  const distribution = distributionTable(result, lang);
  lines.push("", `## ${sw("distribution", lang)}`, "", ...markdownTable(distribution.head, distribution.rows, (i) => i >= 1));
  result.editions.forEach((e, i) => {
    if (e.largestAwards.length === 0) return;
    lines.push("", `## ${sw("largest", lang)} ${tag(i)}`, "");
    lines.push(
      ...markdownTable(
        [sw("amount", lang), sw("clause", lang), sw("year", lang), sw("claim", lang), sw("applicant", lang)],
        e.largestAwards.map((award) => [groupMoney(award.amount), award.clauseId, String(award.year), award.claimId, `${award.applicant} (${award.creditCode})`]),
        (column) => column === 0,
      ),
    );
  });
  const invalid = invalidLines(run, lang, (text) => `- ${cell(text)}`);
  if (invalid.length > 0) lines.push("", `## ${invalid[1]}`, "", ...invalid.slice(2));
  return `${lines.join("\n")}\n`;
}

// -------------------------------------------------------------------------------------------------
// JSON

/** The library's result, with the input's account: lines, invalid lines and applications by line. */
export function jsonReport(run: SimulationRun, lang: Language): string {
  const document = {
    file: run.file,
    lines: run.lines,
    claims: run.claims,
    ...(run.envelope !== undefined ? { budgetEnvelope: run.envelope } : {}),
    invalidLines: run.invalidLines,
    problems: run.lineProblems.map((problem) => ({ ...problem, message: describeProblem(problem, lang) })),
    invalidApplications: run.invalidApplications,
    editions: run.result.editions.map((e) => ({
      ...e,
      invalid: e.invalid.map((entry) => ({ ...entry, line: run.lineOf(entry.index) })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
