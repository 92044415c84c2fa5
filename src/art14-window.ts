/**
 * 第十四条: the measures are in force from their publication and valid for two years. The window of an
 * edition, and the refusal of a claim whose fact lies outside it (step 2 of the evaluation; where a
 * claim's fact date places it, and its cap year, are in fact-dates.ts).
 */
import type { CivilDate } from "./kernel/dates.js";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import type { Reason } from "./kernel/reasons.js";
import type { Edition } from "./measures/edition.js";
import { APPLICATION_REASON_CODES as CODES, ARTICLE_14, type ArticleCitation, type ValidityWindow, validityWindow } from "./measures/general-provisions.js";

/** The edition's publication date; an edition without one (the draft) cannot decide an application. */
export function publicationOf(edition: Edition): CivilDate {
  if (edition.publishedOn !== null) return edition.publishedOn;
  throw new PolicyValidationError(
    [
      makeIssue({
        code: "required",
        pathSegments: ["edition", "publishedOn"],
        received: null,
        expected: "the publication date of the edition (第十四条: in force from publication, valid two years)",
        expectedZh: "本版本的发布日期（第十四条：自发布之日起施行，有效期两年）",
        hint: 'the draft has no publication date: derive an edition, e.g. deriveEdition({ publishedOn: "2024-08-19" })',
        hintZh: '征求意见稿没有发布日期：请派生一个版本，例如 deriveEdition({ publishedOn: "2024-08-19" })',
      }),
    ],
    "edition",
  );
}

const WINDOWS = new WeakMap<Edition, ValidityWindow>();

/** 第十四条's window of a sealed edition, worked out once per edition (editions never change), and frozen. */
export function windowOf(edition: Edition): ValidityWindow {
  let window = WINDOWS.get(edition);
  if (window === undefined) {
    window = Object.freeze(validityWindow(edition, publicationOf(edition)));
    WINDOWS.set(edition, window);
  }
  return window;
}

export const ONLY_ARTICLE_14: readonly ArticleCitation[] = Object.freeze([ARTICLE_14]);

/**
 * Why a claim outside the window is refused. `span`: the claim is paid for a span of days (art7.2) none
 * of which lies in the window; else its fact date does not.
 */
export function outOfWindowReason(factDate: CivilDate, span: boolean, window: ValidityWindow): Reason {
  return {
    code: CODES.OUT_OF_WINDOW.code,
    article: "第十四条",
    en: `${CODES.OUT_OF_WINDOW.en} ${span ? `No day of the period ending ${factDate} lies in the window` : `Fact date ${factDate}`}; window ${window.from} to ${window.to} inclusive.`,
    zh: `${CODES.OUT_OF_WINDOW.zh}${span ? `截至 ${factDate} 的期间没有一天在有效期内` : `发生日期 ${factDate}`}；有效期 ${window.from} 至 ${window.to}（含首尾）。`,
  };
}
