/**
 * Threshold words with a statutory meaning.
 *
 * 民法典 第一千二百五十九条: 以上、以下、以内、届满 include the number itself; 不满、超过、以外 exclude it.
 * In administrative practice 不低于 / 不少于 / 达到 mean ≥ and 不超过 / 最高不超过 mean ≤
 * (docs/conventions.md §1). Getting one of these wrong is the likeliest defect of a subsidy engine, so the
 * operator of every threshold is derived from its word, here, and nowhere else.
 */
import type { Decimal } from "./decimal.js";

export type Operator = ">=" | ">" | "<=" | "<";

export const THRESHOLD_WORDS = ["以上", "不少于", "不低于", "达到", "超过", "超", "不超过", "最高不超过", "不满", "以下"] as const;
export type ThresholdWord = (typeof THRESHOLD_WORDS)[number];

export interface WordMeaning {
  readonly op: Operator;
  /** Whether the number itself satisfies the word. */
  readonly includesNumber: boolean;
  readonly en: string;
  readonly zh: string;
  readonly source: { readonly en: string; readonly zh: string };
}

const CIVIL_CODE = { en: "Civil Code art. 1259 (民法典 第一千二百五十九条)", zh: "民法典 第一千二百五十九条" };
/** Cited by every result a practice word decides: a document that ships with the package. */
const PRACTICE = { en: "administrative practice (docs/conventions.md §1)", zh: "行政管理惯例（docs/conventions.md §1）" };

export type WordTable = Readonly<Record<ThresholdWord, WordMeaning>>;

/** The default table: the Civil Code's meanings, and administrative practice for the rest. */
export const CIVIL_CODE_WORDS: WordTable = Object.freeze({
  以上: { op: ">=", includesNumber: true, en: "以上 (“or more”) includes the number itself", zh: "“以上”包括本数", source: CIVIL_CODE },
  不少于: { op: ">=", includesNumber: true, en: "不少于 (“not less than”) includes the number itself", zh: "“不少于”包括本数", source: PRACTICE },
  不低于: { op: ">=", includesNumber: true, en: "不低于 (“not lower than”) includes the number itself", zh: "“不低于”包括本数", source: PRACTICE },
  达到: { op: ">=", includesNumber: true, en: "达到 (“reaching”) includes the number itself", zh: "“达到”包括本数", source: PRACTICE },
  超过: { op: ">", includesNumber: false, en: "超过 (“exceeding”) excludes the number itself", zh: "“超过”不包括本数", source: CIVIL_CODE },
  超: { op: ">", includesNumber: false, en: "超 (“exceeding”) excludes the number itself", zh: "“超”不包括本数", source: CIVIL_CODE },
  不超过: { op: "<=", includesNumber: true, en: "不超过 (“not exceeding”) includes the number itself", zh: "“不超过”包括本数", source: PRACTICE },
  最高不超过: { op: "<=", includesNumber: true, en: "最高不超过 (“at most”) includes the number itself", zh: "“最高不超过”包括本数", source: PRACTICE },
  不满: { op: "<", includesNumber: false, en: "不满 (“under”) excludes the number itself", zh: "“不满”不包括本数", source: CIVIL_CODE },
  以下: { op: "<=", includesNumber: true, en: "以下 (“or less”) includes the number itself", zh: "“以下”包括本数", source: CIVIL_CODE },
});

/** Overlay an edition's own definitions (A11) on the Civil Code table. */
export function wordTableWith(overrides: Partial<Record<ThresholdWord, Operator>>): WordTable {
  const table: Record<string, WordMeaning> = { ...CIVIL_CODE_WORDS };
  for (const word of THRESHOLD_WORDS) {
    const op = overrides[word];
    if (op === undefined) continue;
    const includesNumber = op === ">=" || op === "<=";
    table[word] = {
      op,
      includesNumber,
      en: `${word} is defined by the edition as “${op}”: it ${includesNumber ? "includes" : "excludes"} the number itself`,
      zh: `本版本将“${word}”定义为“${op}”：${includesNumber ? "包括" : "不包括"}本数`,
      source: { en: "the edition's own definition (A11, docs/ambiguity-register.md)", zh: "本版本自身的定义（A11，docs/ambiguity-register.md）" },
    };
  }
  return Object.freeze(table) as WordTable;
}

/** Whether `left op right` holds, exactly. */
export function compare(left: Decimal, op: Operator, right: Decimal): boolean {
  const order = left.cmp(right);
  switch (op) {
    case ">=":
      return order >= 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case "<":
      return order < 0;
  }
}
