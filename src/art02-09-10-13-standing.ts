/**
 * The applicant as a whole, before any claim (step 1 of the evaluation): 第九条/第十三条 findings of
 * misconduct and 第十条's exclusions refuse every claim (`excluded`); 第二条 applicability — an enterprise
 * registered in Pinggu that does live-commerce business — refuses every claim when a fact is false
 * (`ineligible`) and leaves every claim `undetermined` when one is unknown.
 */
import type { Application } from "./application.js";
import type { Reason } from "./kernel/reasons.js";
import {
  APPLICATION_REASON_CODES as CODES,
  ARTICLE_10_ITEMS,
  ARTICLE_13,
  ARTICLE_2,
  ARTICLE_9,
  type ArticleCitation,
} from "./measures/general-provisions.js";

export interface ApplicantStanding {
  /** What every claim becomes, or null when the applicant stands (each claim is decided on its own). */
  readonly status: "excluded" | "ineligible" | "undetermined" | null;
  readonly reasons: readonly Reason[];
  readonly citations: readonly ArticleCitation[];
}

export function reason(def: { code: string; en: string; zh: string }, extra: Partial<Reason> = {}): Reason {
  return { code: def.code, en: def.en, zh: def.zh, ...extra };
}

/** 第九条、第十三条 findings and 第十条's exclusions: each one found is a reason, with its article. */
function exclusions(applicant: Application["applicant"]): { reasons: Reason[]; citations: ArticleCitation[] } {
  const reasons: Reason[] = [];
  const citations: ArticleCitation[] = [];
  if ((applicant.misconductFindings ?? []).length > 0) {
    reasons.push(reason(CODES.MISCONDUCT_FINDING, { article: "第九条、第十三条" }));
    citations.push(ARTICLE_9, ARTICLE_13);
  }
  if (applicant.restrictedCatalogue === true) {
    reasons.push(reason(CODES.EXCLUDED_RESTRICTED_CATALOGUE, { article: ARTICLE_10_ITEMS[0].labelZh }));
    citations.push(ARTICLE_10_ITEMS[0]);
  }
  if (applicant.majorAccident === true) {
    reasons.push(reason(CODES.EXCLUDED_MAJOR_ACCIDENT, { article: ARTICLE_10_ITEMS[1].labelZh }));
    citations.push(ARTICLE_10_ITEMS[1]);
  }
  if (applicant.otherReviewFinding) {
    const stated = applicant.otherReviewFinding.reason;
    reasons.push({
      code: CODES.EXCLUDED_BY_REVIEW.code,
      article: ARTICLE_10_ITEMS[2].labelZh,
      en: `${CODES.EXCLUDED_BY_REVIEW.en} Stated reason: ${stated}`,
      zh: `${CODES.EXCLUDED_BY_REVIEW.zh}理由：${stated}`,
    });
    citations.push(ARTICLE_10_ITEMS[2]);
  }
  return { reasons, citations };
}

/** 第二条: the facts that are false, and, when none is, those that are unknown. */
function applicability(applicant: Application["applicant"]): { failed: Reason[]; unknown: Reason[] } {
  const failed: Reason[] = [];
  if (applicant.registeredInPinggu === false) failed.push(reason(CODES.NOT_REGISTERED_IN_PINGGU, { article: "第二条" }));
  if (applicant.liveCommerceBusiness === false) failed.push(reason(CODES.NOT_IN_LIVE_COMMERCE, { article: "第二条" }));
  const missingFacts = [
    applicant.registeredInPinggu === undefined ? "applicant.registeredInPinggu" : "",
    applicant.liveCommerceBusiness === undefined ? "applicant.liveCommerceBusiness" : "",
  ].filter(Boolean);
  const unknown =
    failed.length === 0 && missingFacts.length > 0
      ? [
          {
            ...reason(CODES.APPLICABILITY_UNKNOWN, { article: "第二条" }),
            en: `${CODES.APPLICABILITY_UNKNOWN.en} Missing: ${missingFacts.join(", ")}.`,
            zh: `${CODES.APPLICABILITY_UNKNOWN.zh}缺少：${missingFacts.join("、")}。`,
          },
        ]
      : [];
  return { failed, unknown };
}

export function applicantStanding(application: Application): ApplicantStanding {
  const excluded = exclusions(application.applicant);
  const { failed, unknown } = applicability(application.applicant);
  const citations = excluded.citations;
  if (failed.length > 0 || unknown.length > 0) citations.push(ARTICLE_2);
  const reasons = [...excluded.reasons, ...failed, ...unknown];
  const status = excluded.reasons.length > 0 ? "excluded" : failed.length > 0 ? "ineligible" : unknown.length > 0 ? "undetermined" : null;
  return { status, reasons, citations };
}
