/**
 * The words of the human-readable reports, in Chinese and English, and terminal helpers (display width
 * of Chinese text, ANSI colour). Presentation only: every figure and reason comes from the library.
 */
import { CLAIM_STATUS_ZH, type ClaimStatus, type Language } from "../../index.js";

export const STATUSES: readonly ClaimStatus[] = ["awarded", "reduced", "ineligible", "undetermined", "excluded", "duplicate", "out-of-window"];

const STATUS_ZH = CLAIM_STATUS_ZH;

export function statusLabel(status: ClaimStatus, lang: Language): string {
  return lang === "zh" ? STATUS_ZH[status] : status;
}

const WORDS = {
  report: { en: "Pinggu live-commerce measures: decisions", zh: "平谷区直播电商措施：核定结果" },
  edition: { en: "Edition", zh: "版本" },
  window: { en: "Validity window", zh: "有效期" },
  applications: { en: "Applications", zh: "申请主体" },
  evaluated: { en: "evaluated", zh: "已核定" },
  invalid: { en: "invalid", zh: "无效" },
  claims: { en: "Claims", zh: "申请事项" },
  total: { en: "Total awarded", zh: "核定支持合计" },
  toRecover: { en: "To recover", zh: "应追回" },
  applicant: { en: "Applicant", zh: "申请主体" },
  claim: { en: "Claim", zh: "事项" },
  clause: { en: "Clause", zh: "条款" },
  factDate: { en: "Fact date", zh: "发生日期" },
  status: { en: "Status", zh: "结果" },
  amount: { en: "Amount (yuan)", zh: "金额（元）" },
  reasons: { en: "Reasons", zh: "理由" },
  explanations: { en: "Explanations", zh: "逐项说明" },
  invalidInputs: { en: "Invalid input", zh: "无效输入" },
  source: { en: "Source", zh: "来源" },
  yuan: { en: "yuan", zh: "元" },
  rows: { en: "rows", zh: "行" },
  line: { en: "line", zh: "行" },
  problems: { en: "problems", zh: "处问题" },
  byStatus: { en: "By status", zh: "按结果" },
  byClause: { en: "By clause", zh: "按条款" },
  noClaims: { en: "(no claims)", zh: "（无申请事项）" },
  seeStderr: { en: "details on standard error", zh: "详情见标准错误输出" },
} as const;

export type Word = keyof typeof WORDS;

/** How the validity window's end was worked out (第十四条; docs/ambiguity-register.md, A1), in words. */
const WINDOW_BASIS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  "explicit-valid-until": { en: "end date stated in the edition", zh: "以版本载明的截止日期为准" },
  "day-before-anniversary": { en: "to the day before the second anniversary", zh: "至发布两周年前一日" },
  "civil-code-anniversary": { en: "to the second anniversary (Civil Code reckoning)", zh: "按民法典计算至发布两周年对应日" },
};

export function windowBasis(basis: string, lang: Language): string {
  return WINDOW_BASIS[basis]?.[lang] ?? basis;
}

export function word(key: Word, lang: Language): string {
  return WORDS[key][lang];
}

/** Where an application came from, as words: "file.csv rows 2–4", "file.json [1]", "file.jsonl line 3". */
export function describeOrigin(
  origin: { file: string; index?: number; rows?: readonly number[]; line?: number; array?: boolean; sheet?: string; mergedFrom?: readonly string[] },
  lang: Language,
): string {
  const zh = lang === "zh";
  if (origin.mergedFrom && origin.mergedFrom.length > 1) return origin.mergedFrom.join(zh ? " + " : " + ");
  if (origin.sheet !== undefined) {
    const { sheet, ...rest } = origin;
    return describeOrigin({ ...rest, file: `${origin.file} [${sheet}]` }, lang);
  }
  if (origin.rows && origin.rows.length > 0) {
    const rows = rowRanges(origin.rows);
    return zh ? `${origin.file} 第${rows}行` : `${origin.file} ${origin.rows.length === 1 ? "row" : "rows"} ${rows}`;
  }
  if (origin.line !== undefined) return zh ? `${origin.file} 第${origin.line}行` : `${origin.file} line ${origin.line}`;
  if (origin.array && origin.index !== undefined) return `${origin.file} [${origin.index}]`;
  return origin.file;
}

/** 2,3,4,7 → "2–4, 7". */
export function rowRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  let start = rows[0] as number;
  let end = start;
  for (const row of rows.slice(1)) {
    if (row === end + 1) {
      end = row;
      continue;
    }
    parts.push(start === end ? String(start) : `${start}–${end}`);
    start = row;
    end = row;
  }
  parts.push(start === end ? String(start) : `${start}–${end}`);
  return parts.join(", ");
}

// -------------------------------------------------------------------------------------------------
// Terminal

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a text takes on a terminal: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

export interface Colours {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const plain = (text: string): string => text;
const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const NO_COLOURS: Colours = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
export const ANSI_COLOURS: Colours = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39) };

export function statusColour(status: ClaimStatus, colours: Colours): (text: string) => string {
  if (status === "awarded") return colours.green;
  if (status === "reduced" || status === "undetermined") return colours.yellow;
  return colours.red;
}

/** Sum of two-place amounts ("123.45"), exactly, in fen. */
export function fen(amount: string | null): bigint {
  if (amount === null) return 0n;
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`internal: not an amount: ${amount}`);
  const value = BigInt(match[2] as string) * 100n + BigInt(((match[3] ?? "") + "00").slice(0, 2));
  return match[1] === "-" ? -value : value;
}

export function yuan(fenAmount: bigint): string {
  const negative = fenAmount < 0n;
  const abs = negative ? -fenAmount : fenAmount;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
