/**
 * `pinggu simulate --html FILE`: the comparison as one self-contained web page — inline CSS, inline SVG
 * charts, no script, no font, no image, no link to anything: it opens from a USB stick, an e-mail
 * attachment or an air-gapped machine and prints on A4.
 *
 * Charts: the cost per clause per edition (grouped horizontal bars, a value at the end of every bar),
 * the applicants by total award (grouped columns, a count on every column), and the cost per year. The
 * charts round to the unit of their axis; the tables beside them are exact to the fen.
 */
import { type EditionSummary, type Language, LIBRARY_VERSION } from "../../index.js";
import { statusLabel, STATUSES } from "./labels.js";
import { describeProblem } from "./problems.js";
import { applicationProblemLines, baselineNote, clauseRows, groupCount, groupMoney, type SimulationRun, sw, tag, yearsOf } from "./simulate-report.js";

/** Okabe–Ito colours: told apart by people with the common colour-vision deficiencies, and in grey. */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];

const SVG_NS = "http://www.w3.org/2000/svg";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const e = escapeHtml;

// -------------------------------------------------------------------------------------------------
// Axes

interface Unit {
  readonly divisor: number;
  /** For the axis title: "million yuan", "万元". */
  readonly name: string;
}

/** The unit a money axis is drawn in, from its largest value. */
export function moneyUnit(max: number, lang: Language): Unit {
  if (lang === "zh") {
    if (max >= 1e8) return { divisor: 1e8, name: "亿元" };
    if (max >= 1e4) return { divisor: 1e4, name: "万元" };
    return { divisor: 1, name: "元" };
  }
  if (max >= 1e9) return { divisor: 1e9, name: "billion yuan" };
  if (max >= 1e6) return { divisor: 1e6, name: "million yuan" };
  if (max >= 1e3) return { divisor: 1e3, name: "thousand yuan" };
  return { divisor: 1, name: "yuan" };
}

/** Round tick steps (1, 2, 2.5, 5 × 10ⁿ) from 0 to at least `max`. */
export function niceTicks(max: number, integer = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const exponent = Math.floor(Math.log10(raw));
  const base = 10 ** exponent;
  const f = raw / base;
  let step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * base;
  if (integer) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step * 1e-9 || ticks.length < 2; i++) ticks.push(i * step);
  if ((ticks[ticks.length - 1] as number) < max) ticks.push(ticks.length * step);
  return ticks;
}

function number(value: number, digits = 2): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A bar's value in its axis unit, always with two places (8.80, not 8.8), so that bars read alike. */
function money(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 50000 → "50k" / "5万"; 2000000 → "2M" / "200万": short enough to sit under a column. */
function compactYuan(yuan: number, lang: Language): string {
  if (lang === "zh") return yuan >= 1e4 ? `${number(yuan / 1e4)}万` : number(yuan);
  return yuan >= 1e6 ? `${number(yuan / 1e6)}M` : yuan >= 1e3 ? `${number(yuan / 1e3)}k` : number(yuan);
}

/** A band of the distribution for a chart's axis: "0", "50k–100k", "> 2M" (the table gives it in full). */
export function bandLabel(band: { from: string; to: string | null }, lang: Language): string {
  const from = Number(band.from);
  if (band.to === null) return `> ${compactYuan(from, lang)}`;
  const to = Number(band.to);
  if (to === 0) return "0";
  return `${compactYuan(from, lang)}–${compactYuan(to, lang)}`;
}

/** Rough width of a text in pixels at a font size (East Asian characters are about square). */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]/u.test(ch) ? size : size * 0.58;
  return width;
}

function truncate(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

interface Series {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly number[];
}

/** A legend row (wrapping): a swatch and the series' name each. */
function legend(series: readonly Series[], x0: number, y0: number, width: number): { svg: string; height: number } {
  const parts: string[] = [];
  let x = x0;
  let y = y0;
  for (const s of series) {
    const w = 18 + textWidth(s.name, 12) + 24;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += 20;
    }
    parts.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${s.colour}"/><text x="${x + 17}" y="${y}" class="legend">${e(s.name)}</text>`);
    x += w;
  }
  return { svg: parts.join(""), height: y - y0 + 20 };
}

// -------------------------------------------------------------------------------------------------
// Charts

export interface BarChart {
  readonly title: string;
  /** A category's label, and an optional second line under it. */
  readonly categories: readonly { readonly label: string; readonly note?: string }[];
  readonly series: readonly Series[];
  /** Axis titles: the categories' axis, the values' axis. */
  readonly categoryAxis: string;
  readonly valueAxis: string;
  /** Divide values by this before showing them (the axis unit); 1 for counts. */
  readonly divisor: number;
  readonly integer?: boolean;
}

/** Grouped horizontal bars: one group per category (a row), one bar per series, its value at its end. */
export function horizontalBars(chart: BarChart, width = 1000): string {
  const n = chart.series.length;
  const bar = n > 3 ? 11 : 15;
  const groupHeight = n * bar + (n - 1) * 2 + 16;
  const left = 320;
  const right = 110;
  const plot = width - left - right;
  const top0 = 34;
  const legendBox = legend(chart.series, left, top0 + 12, plot + right);
  const top = top0 + legendBox.height + 8;
  const height = top + chart.categories.length * groupHeight + 60;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v / chart.divisor)));
  const ticks = niceTicks(max, chart.integer);
  const end = ticks[ticks.length - 1] as number;
  const x = (v: number) => left + (end > 0 ? (v / end) * plot : 0);
  const bottom = top + chart.categories.length * groupHeight;
  const out: string[] = [];
  out.push(`<text x="${left}" y="22" class="chart-title">${e(chart.title)}</text>`, legendBox.svg);
  for (const t of ticks) {
    out.push(`<line x1="${x(t).toFixed(1)}" y1="${top - 4}" x2="${x(t).toFixed(1)}" y2="${bottom}" class="grid"/>`);
    out.push(`<text x="${x(t).toFixed(1)}" y="${bottom + 16}" class="tick" text-anchor="middle">${number(t)}</text>`);
  }
  out.push(`<line x1="${left}" y1="${top - 4}" x2="${left}" y2="${bottom}" class="axis"/>`);
  out.push(`<line x1="${left}" y1="${bottom}" x2="${left + plot}" y2="${bottom}" class="axis"/>`);
  out.push(`<text x="${left + plot / 2}" y="${bottom + 40}" class="axis-title" text-anchor="middle">${e(chart.valueAxis)}</text>`);
  out.push(`<text x="14" y="${top - 12}" class="axis-title">${e(chart.categoryAxis)}</text>`);
  chart.categories.forEach((category, c) => {
    const y0 = top + c * groupHeight + 8;
    const middle = y0 + (n * bar + (n - 1) * 2) / 2;
    if (c % 2 === 1) out.push(`<rect x="4" y="${y0 - 8}" width="${width - 8}" height="${groupHeight}" class="band"/>`);
    out.push(
      `<text x="${left - 10}" y="${(category.note ? middle - 2 : middle + 4).toFixed(1)}" class="category" text-anchor="end">${e(category.label)}</text>`,
    );
    if (category.note) {
      out.push(
        `<text x="${left - 10}" y="${(middle + 12).toFixed(1)}" class="note" text-anchor="end"><title>${e(category.note)}</title>${e(truncate(category.note, 11, left - 24))}</text>`,
      );
    }
    chart.series.forEach((s, i) => {
      const value = (s.values[c] ?? 0) / chart.divisor;
      const y = y0 + i * (bar + 2);
      const w = Math.max(0, x(value) - left);
      const label = chart.integer ? groupCount(Math.round(value)) : money(value);
      out.push(
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${s.colour}" class="bar"><title>${e(`${s.name} — ${category.label}: ${label}`)}</title></rect>`,
      );
      out.push(`<text x="${(left + w + 5).toFixed(1)}" y="${y + bar - 3}" class="value">${label}</text>`);
    });
  });
  return svg(chart.title, width, height, out);
}

/** Grouped columns: one group per category along the bottom, a count (or value) on every column. */
export function verticalBars(chart: BarChart, width = 1000): string {
  const n = chart.series.length;
  const left = 86;
  const right = 20;
  const plot = width - left - right;
  const legendBox = legend(chart.series, left, 46, plot);
  const top = 46 + legendBox.height + 18;
  const plotHeight = 300;
  const bottom = top + plotHeight;
  const height = bottom + 78;
  const groups = chart.categories.length;
  const groupWidth = plot / Math.max(1, groups);
  const columnWidth = Math.min(48, (groupWidth - 14) / n);
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v / chart.divisor)));
  const ticks = niceTicks(max, chart.integer);
  const end = ticks[ticks.length - 1] as number;
  const y = (v: number) => bottom - (end > 0 ? (v / end) * plotHeight : 0);
  const out: string[] = [];
  out.push(`<text x="${left}" y="22" class="chart-title">${e(chart.title)}</text>`, legendBox.svg);
  for (const t of ticks) {
    out.push(`<line x1="${left}" y1="${y(t).toFixed(1)}" x2="${left + plot}" y2="${y(t).toFixed(1)}" class="grid"/>`);
    out.push(`<text x="${left - 8}" y="${(y(t) + 4).toFixed(1)}" class="tick" text-anchor="end">${number(t)}</text>`);
  }
  out.push(`<line x1="${left}" y1="${top - 8}" x2="${left}" y2="${bottom}" class="axis"/>`);
  out.push(`<line x1="${left}" y1="${bottom}" x2="${left + plot}" y2="${bottom}" class="axis"/>`);
  out.push(`<text transform="translate(18 ${top + plotHeight / 2}) rotate(-90)" class="axis-title" text-anchor="middle">${e(chart.valueAxis)}</text>`);
  out.push(`<text x="${left + plot / 2}" y="${bottom + 64}" class="axis-title" text-anchor="middle">${e(chart.categoryAxis)}</text>`);
  chart.categories.forEach((category, c) => {
    const gx = left + c * groupWidth + (groupWidth - n * columnWidth) / 2;
    out.push(`<text x="${(left + (c + 0.5) * groupWidth).toFixed(1)}" y="${bottom + 18}" class="category" text-anchor="middle">${e(category.label)}</text>`);
    if (category.note) out.push(`<text x="${(left + (c + 0.5) * groupWidth).toFixed(1)}" y="${bottom + 33}" class="note" text-anchor="middle">${e(category.note)}</text>`);
    chart.series.forEach((s, i) => {
      const value = (s.values[c] ?? 0) / chart.divisor;
      const cx = gx + i * columnWidth;
      const top = y(value);
      const label = chart.integer ? groupCount(Math.round(value)) : money(value);
      out.push(
        `<rect x="${cx.toFixed(1)}" y="${top.toFixed(1)}" width="${(columnWidth - 2).toFixed(1)}" height="${(bottom - top).toFixed(1)}" fill="${s.colour}" class="bar"><title>${e(`${s.name} — ${category.label}: ${label}`)}</title></rect>`,
      );
      const mid = cx + (columnWidth - 2) / 2;
      // A label wider than its column stands on end above it.
      if (textWidth(label, 10) > columnWidth - 1) {
        out.push(`<text transform="translate(${mid.toFixed(1)} ${(top - 4).toFixed(1)}) rotate(-90)" class="value">${label}</text>`);
      } else {
        out.push(`<text x="${mid.toFixed(1)}" y="${(top - 4).toFixed(1)}" class="value" text-anchor="middle">${label}</text>`);
      }
    });
  });
  return svg(chart.title, width, height, out);
}

function svg(title: string, width: number, height: number, body: readonly string[]): string {
  return `<svg xmlns="${SVG_NS}" viewBox="0 0 ${width} ${Math.ceil(height)}" width="100%" role="img" aria-label="${e(title)}" class="chart"><title>${e(title)}</title>${body.join("")}</svg>`;
}

// -------------------------------------------------------------------------------------------------
// The page

const PAGE_WORDS = {
  chartByClause: { en: "Cost per clause, by edition", zh: "各条款支出（按版本）" },
  chartDistribution: { en: "Applicants by total award, by edition", zh: "申请主体按核定总额分布（按版本）" },
  chartByYear: { en: "Cost per calendar year, by edition", zh: "各年度支出（按版本）" },
  axisCost: { en: "Cost", zh: "支出" },
  axisClause: { en: "Clause", zh: "条款" },
  axisBand: { en: "Total award per applicant (yuan)", zh: "每个申请主体的核定总额（元）" },
  axisApplicants: { en: "Applicants", zh: "申请主体数" },
  axisYear: { en: "Calendar year of the fact", zh: "事实发生年度" },
  exact: {
    en: "Tables are exact to the fen; charts round to their axis unit. Every figure comes from the same evaluator that decides single applications.",
    zh: "表格金额精确到分；图表按坐标轴单位取整。所有数字均由核定单个申请的同一程序计算。",
  },
  generated: { en: "Generated by pinggu", zh: "由 pinggu 生成" },
  totalCost: { en: "Total cost", zh: "支出合计" },
  change: { en: "vs [1]", zh: "较[1]" },
  statuses: { en: "Claims by status", zh: "申请事项按结果" },
  requested: { en: "Before the envelope", zh: "总额控制前" },
  afterEnvelope: { en: "after the budget envelope (awards scaled pro rata)", zh: "总额控制后（按比例核减）" },
  generatedOn: { en: "Generated on", zh: "生成时间" },
  editionNames: { en: "Editions compared", zh: "对比的版本" },
} as const;

/**
 * Every plain figure in a sentence of the library (the envelope's note) grouped by thousands:
 * 40427976118.68 → 40,427,976,118.68. Dates (2025-03-01) and years (2025) are left alone.
 */
export function groupFigures(text: string): string {
  return text.replace(/(?<![\d.,-])(\d{5,}(\.\d+)?|\d{4}\.\d+)(?![\d,-])/g, (figure) => groupMoney(figure));
}

function pw(key: keyof typeof PAGE_WORDS, lang: Language): string {
  return PAGE_WORDS[key][lang];
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2330; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", sans-serif; }
svg text { font-family: inherit; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e3e6eb; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lede { color: #4b5563; margin: 0 0 16px; }
.editions { list-style: none; padding: 0; margin: 8px 0 0; }
.editions li { margin: 4px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; border-radius: 2px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; margin: 16px 0; }
.card { border: 1px solid #e3e6eb; border-left: 6px solid #999; border-radius: 6px; padding: 10px 14px; }
.card .k { color: #4b5563; font-size: 13px; }
.card .v { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .d { font-size: 13px; font-variant-numeric: tabular-nums; }
.up { color: #b3470b; } .down { color: #0a5c99; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 13.5px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e8eaee; text-align: left; vertical-align: top; }
th { background: #f6f7f9; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 650; border-top: 2px solid #c9ced6; }
tbody tr:nth-child(even) td { background: #fbfbfc; }
.chart { display: block; margin: 8px 0 4px; max-width: 100%; height: auto; }
.chart .chart-title { font-size: 15px; font-weight: 650; fill: #1d2330; }
.chart .legend { font-size: 12px; fill: #1d2330; }
.chart .grid { stroke: #e3e6eb; stroke-width: 1; }
.chart .axis { stroke: #6b7280; stroke-width: 1; }
.chart .tick { font-size: 11px; fill: #4b5563; }
.chart .axis-title { font-size: 12px; fill: #374151; font-weight: 600; }
.chart .category { font-size: 12px; fill: #1d2330; font-weight: 600; }
.chart .note { font-size: 11px; fill: #6b7280; }
.chart .value { font-size: 10px; fill: #1d2330; }
.chart .band { fill: #f7f8fa; }
.note-box { background: #fff8e6; border: 1px solid #f0d999; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.problems li { font-size: 13px; }
footer { margin-top: 36px; color: #6b7280; font-size: 12.5px; }
@media print { body { background: #fff; } main { padding: 0; max-width: none; } h2 { break-after: avoid; } svg, table { break-inside: avoid; } }
`;

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: (column: number) => boolean, totalLast = false): string {
  const th = head.map((h, i) => `<th${numeric(i) ? ' class="n"' : ""}>${e(h)}</th>`).join("");
  const body = rows
    .map((row, r) => {
      const cls = totalLast && r === rows.length - 1 ? ' class="total"' : "";
      return `<tr${cls}>${row.map((c, i) => `<td${numeric(i) ? ' class="n"' : ""}>${e(c)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function diffCell(amount: string | undefined): string {
  if (amount === undefined || amount === "0.00") return "0.00";
  return groupMoney(amount);
}

/**
 * The whole page. `generatedAt` is when the report was made, as words ("2026-12-03 16:05 UTC+8"): the
 * command passes its clock's reading (the page itself reads no clock, so a test can fix it).
 */
export function htmlReport(run: SimulationRun, lang: Language, generatedAt?: string): string {
  const { result } = run;
  const editions = result.editions;
  const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length] as string;
  const seriesName = (ed: EditionSummary, i: number) => `${tag(i)} ${ed.edition.id}`;
  const clauses = clauseRows(lang);
  const zh = lang === "zh";
  const sep = zh ? "：" : ": ";
  const parts: string[] = [];

  parts.push(`<h1>${e(sw("title", lang))}</h1>`);
  const first = editions[0] as EditionSummary;
  const population = [
    `${groupCount(first.applications)} ${sw("applications", lang)}`,
    `${groupCount(run.claims)} ${sw("claims", lang)}`,
    ...(run.invalidApplications > 0 ? [`${groupCount(run.invalidApplications)} ${sw("invalidApplications", lang)}`] : []),
    ...(run.invalidLines > 0 ? [`${groupCount(run.invalidLines)} ${sw("invalidLines", lang)}`] : []),
  ].join(zh ? "，" : ", ");
  parts.push(`<p class="lede">${e(sw("population", lang))}${sep}<code>${e(run.file)}</code> — ${e(population)}</p>`);
  parts.push(
    `<p class="lede">${e(pw("editionNames", lang))}${sep}${editions.map((ed, i) => `${tag(i)} ${e(ed.edition.name[lang])}`).join(zh ? "；" : "; ")}` +
      (generatedAt ? `${zh ? "。" : ". "}${e(pw("generatedOn", lang))}${sep}${e(generatedAt)}` : "") +
      `</p>`,
  );
  // Whether any edition's figures are after the budget envelope: every chart then says so.
  const enveloped = editions.some((ed) => ed.envelope?.scaled);
  const chartTitle = (key: keyof typeof PAGE_WORDS) => (enveloped ? `${pw(key, lang)}${zh ? "，" : ", "}${pw("afterEnvelope", lang)}` : pw(key, lang));

  parts.push(`<h2>${e(sw("editions", lang))}</h2><ul class="editions">`);
  editions.forEach((ed, i) => {
    parts.push(
      `<li><span class="swatch" style="background:${colour(i)}"></span><strong>${tag(i)}</strong> <code>${e(ed.edition.id)}</code> — ${e(ed.edition.name[lang])}${i === 0 ? e(baselineNote(lang)) : ""}</li>`,
    );
  });
  parts.push(`</ul>`);

  parts.push(`<div class="cards">`);
  editions.forEach((ed, i) => {
    const d = ed.differenceFromFirst?.overall;
    const dClass = d === undefined || d === "0.00" ? "" : d.startsWith("-") ? "down" : "up";
    parts.push(
      `<div class="card" style="border-left-color:${colour(i)}"><div class="k">${tag(i)} ${e(pw("totalCost", lang))}</div><div class="v">${e(groupMoney(ed.totals.overall))} ${zh ? "元" : "yuan"}</div>` +
        `<div class="d">${e(sw("beneficiaries", lang))}${sep}${groupCount(ed.beneficiaries)}</div>` +
        (d !== undefined ? `<div class="d ${dClass}">${e(pw("change", lang))}${sep}${e(groupMoney(d))}</div>` : "") +
        (ed.envelope?.scaled ? `<div class="d">${e(pw("requested", lang))}${sep}${e(groupMoney(ed.envelope.requested))}</div>` : "") +
        `</div>`,
    );
  });
  parts.push(`</div>`);

  const envelopes = editions.filter((ed) => ed.envelope);
  if (envelopes.length > 0) {
    parts.push(`<div class="note-box"><strong>${e(sw("envelope", lang))}</strong><ul>`);
    editions.forEach((ed, i) => {
      if (ed.envelope) parts.push(`<li>${tag(i)} ${e(groupFigures(ed.envelope.note[lang]))}</li>`);
    });
    parts.push(`</ul></div>`);
  }

  // Cost by clause: the chart, then the exact table.
  const clauseMax = Math.max(0, ...editions.flatMap((ed) => Object.values(ed.totals.byClause).map(Number)));
  const clauseUnit = moneyUnit(clauseMax, lang);
  parts.push(`<h2>${e(sw("byClause", lang))}</h2>`);
  parts.push(
    horizontalBars({
      title: chartTitle("chartByClause"),
      categories: clauses.map((c) => ({ label: c.id, note: lang === "zh" ? `${c.citation} ${c.title}` : c.title })),
      series: editions.map((ed, i) => ({ name: seriesName(ed, i), colour: colour(i), values: clauses.map((c) => Number(ed.totals.byClause[c.id] ?? 0)) })),
      categoryAxis: pw("axisClause", lang),
      valueAxis: `${pw("axisCost", lang)} (${clauseUnit.name})`,
      divisor: clauseUnit.divisor,
    }),
  );
  const clauseHead = [sw("clause", lang), sw("citation", lang), ...editions.flatMap((_, i) => (i === 0 ? [tag(0)] : [tag(i), `${tag(i)}−${tag(0)}`]))];
  const clauseBody = clauses.map((c) => [
    c.id,
    `${c.citation} ${c.title}`,
    ...editions.flatMap((ed, i) =>
      i === 0 ? [groupMoney(ed.totals.byClause[c.id] ?? "0.00")] : [groupMoney(ed.totals.byClause[c.id] ?? "0.00"), diffCell(ed.differenceFromFirst?.byClause[c.id])],
    ),
  ]);
  clauseBody.push([
    sw("total", lang),
    "",
    ...editions.flatMap((ed, i) => (i === 0 ? [groupMoney(ed.totals.overall)] : [groupMoney(ed.totals.overall), diffCell(ed.differenceFromFirst?.overall)])),
  ]);
  parts.push(table(clauseHead, clauseBody, (i) => i >= 2, true));

  // Distribution of award sizes.
  const bands = first.distribution;
  parts.push(`<h2>${e(sw("distribution", lang))}</h2>`);
  parts.push(
    verticalBars({
      title: chartTitle("chartDistribution"),
      categories: bands.map((band) => ({ label: bandLabel(band, lang) })),
      series: editions.map((ed, i) => ({ name: seriesName(ed, i), colour: colour(i), values: bands.map((_, b) => ed.distribution[b]?.applicants ?? 0) })),
      categoryAxis: pw("axisBand", lang),
      valueAxis: pw("axisApplicants", lang),
      divisor: 1,
      integer: true,
    }),
  );
  parts.push(
    table(
      [sw("band", lang), ...editions.flatMap((_, i) => [`${tag(i)} ${sw("applicants", lang)}`, `${tag(i)} ${sw("total", lang)}`])],
      bands.map((band, b) => [
        band.label,
        ...editions.flatMap((ed) => [groupCount(ed.distribution[b]?.applicants ?? 0), groupMoney(ed.distribution[b]?.total ?? "0.00")]),
      ]),
      (i) => i >= 1,
    ),
  );

  // By year.
  const years = yearsOf(result);
  const yearMax = Math.max(0, ...editions.flatMap((ed) => Object.values(ed.totals.byYear).map(Number)));
  const yearUnit = moneyUnit(yearMax, lang);
  parts.push(`<h2>${e(sw("byYear", lang))}</h2>`);
  if (years.length > 0) {
    parts.push(
      verticalBars({
        title: chartTitle("chartByYear"),
        categories: years.map((year) => ({ label: year })),
        series: editions.map((ed, i) => ({ name: seriesName(ed, i), colour: colour(i), values: years.map((year) => Number(ed.totals.byYear[year] ?? 0)) })),
        categoryAxis: pw("axisYear", lang),
        valueAxis: `${pw("axisCost", lang)} (${yearUnit.name})`,
        divisor: yearUnit.divisor,
      }),
    );
  }
  const yearHead = [sw("year", lang), ...editions.flatMap((_, i) => (i === 0 ? [tag(0)] : [tag(i), `${tag(i)}−${tag(0)}`]))];
  const yearBody = years.map((year) => [
    year,
    ...editions.flatMap((ed, i) =>
      i === 0 ? [groupMoney(ed.totals.byYear[year] ?? "0.00")] : [groupMoney(ed.totals.byYear[year] ?? "0.00"), diffCell(ed.differenceFromFirst?.byYear[year])],
    ),
  ]);
  yearBody.push([sw("total", lang), ...editions.flatMap((ed, i) => (i === 0 ? [groupMoney(ed.totals.overall)] : [groupMoney(ed.totals.overall), diffCell(ed.differenceFromFirst?.overall)]))]);
  parts.push(table(yearHead, yearBody, (i) => i >= 1, true));

  // Overview: applications, claims by status.
  parts.push(`<h2>${e(sw("overview", lang))}</h2>`);
  parts.push(
    table(
      ["", ...editions.map((_, i) => tag(i))],
      [
        [sw("evaluated", lang), ...editions.map((ed) => groupCount(ed.applications - ed.invalidApplications))],
        [sw("claimsEvaluated", lang), ...editions.map((ed) => groupCount(ed.claims))],
        [sw("beneficiaries", lang), ...editions.map((ed) => groupCount(ed.beneficiaries))],
        ...STATUSES.map((status) => [`${pw("statuses", lang)}${sep}${statusLabel(status, lang)}`, ...editions.map((ed) => groupCount(ed.byStatus[status]))]),
      ],
      (i) => i >= 1,
    ),
  );

  // Largest awards.
  parts.push(`<h2>${e(sw("largest", lang))}</h2>`);
  editions.forEach((ed, i) => {
    parts.push(`<h3><span class="swatch" style="background:${colour(i)}"></span>${tag(i)} <code>${e(ed.edition.id)}</code></h3>`);
    if (ed.largestAwards.length === 0) {
      parts.push(`<p>${e(sw("none", lang))}</p>`);
      return;
    }
    parts.push(
      table(
        [sw("amount", lang), sw("clause", lang), sw("year", lang), sw("claim", lang), sw("applicant", lang)],
        ed.largestAwards.map((a) => [groupMoney(a.amount), a.clauseId, String(a.year), a.claimId, `${a.applicant} (${a.creditCode})`]),
        (c) => c === 0,
      ),
    );
  });

  if (run.invalidLines > 0 || run.invalidApplications > 0) {
    parts.push(`<h2>${e(sw("invalidInput", lang))}</h2><ul class="problems">`);
    for (const problem of run.lineProblems) parts.push(`<li>${e(describeProblem(problem, lang))}</li>`);
    if (run.invalidLines > run.lineProblems.length) parts.push(`<li>… ${groupCount(run.invalidLines - run.lineProblems.length)} ${e(sw("more", lang))}</li>`);
    for (const invalid of run.applicationProblems) for (const text of applicationProblemLines(invalid, lang)) parts.push(`<li>${e(text)}</li>`);
    if (run.invalidApplications > run.applicationProblems.length) {
      parts.push(`<li>… ${groupCount(run.invalidApplications - run.applicationProblems.length)} ${e(sw("more", lang))}</li>`);
    }
    parts.push(`</ul>`);
  }

  parts.push(
    `<footer><p>${e(pw("exact", lang))}</p><p>${e(pw("generated", lang))} ${e(LIBRARY_VERSION)}${generatedAt ? `${zh ? "，" : ", "}${e(generatedAt)}` : ""}.</p></footer>`,
  );

  return `<!doctype html>
<html lang="${zh ? "zh-Hans" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(sw("title", lang))} — ${e(run.file)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${parts.join("\n")}
</main>
</body>
</html>
`;
}
