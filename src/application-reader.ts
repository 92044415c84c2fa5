/**
 * The fast path of the application document: a hand-compiled reader of `applicationSchema` that only
 * ever *accepts*. It returns what `applicationSchema.parse` returns for a valid document (the same
 * values, the same keys, in the same order; a claim's ordinary object of facts is shared where zod makes
 * a copy) and `undefined` for anything it is not sure of, and then
 * zod reads the document and reports every issue. So the accepted documents and every error are zod's;
 * test/application-reader.test.ts checks the two against each other on the fixtures, generated
 * populations and perturbed documents.
 *
 * Why: zod walks a schema as a tree of generic parsers, and at a million claims (pinggu simulate) that
 * walk cost more than deciding the claims (docs/performance.md).
 */
import { FAST_INVALID } from "./kernel/fields.js";
import { usccProblem } from "./kernel/uscc.js";
import { isClauseId } from "./measures/registry.js";

/** The readers of the scalar fields, taken from the very schemas of application.ts. */
export interface ApplicationFieldReaders {
  readonly fact: (raw: unknown) => unknown;
  readonly date: (raw: unknown) => unknown;
  readonly requiredDate: (raw: unknown) => unknown;
  readonly money: (raw: unknown) => unknown;
  readonly requiredMoney: (raw: unknown) => unknown;
  readonly maxId: number;
  readonly maxText: number;
  readonly maxName: number;
  readonly maxClaims: number;
  readonly maxGrants: number;
}

type Raw = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

/** A plain object of this realm (another realm's objects, class instances and arrays go to zod). */
function isRecord(value: unknown): value is Raw {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every key of `value` is one of `known` (own keys only: an inherited key sends the document to zod). */
function onlyKnownKeys(value: Raw, known: ReadonlySet<string>): boolean {
  for (const key in value) if (!known.has(key) || !hasOwn.call(value, key)) return false;
  return true;
}

function text(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= max;
}

const APPLICATION_KEYS = new Set(["applicant", "claims", "history"]);
const APPLICANT_KEYS = new Set([
  "name",
  "creditCode",
  "registeredInPinggu",
  "liveCommerceBusiness",
  "restrictedCatalogue",
  "majorAccident",
  "otherReviewFinding",
  "misconductFindings",
]);
const APPLICANT_FACTS = ["registeredInPinggu", "liveCommerceBusiness", "restrictedCatalogue", "majorAccident"] as const;
const CLAIM_KEYS = new Set(["id", "clauseId", "factDate", "paymentDate", "projectId", "productId", "otherPolicySupport", "input"]);
const GRANT_KEYS = new Set(["id", "clauseId", "factDate", "paidOn", "amount", "projectId", "productId"]);
const REVIEW_KEYS = new Set(["reason"]);
const SUPPORT_KEYS = new Set(["policy", "amount"]);

/** Marker for "not sure: ask zod". */
const NO = FAST_INVALID;

/**
 * `A` is the application type of the schemas the readers come from (application.ts): named there, so
 * that this file needs nothing of that one (no import cycle).
 */
export function makeApplicationReader<A>(f: ApplicationFieldReaders): (raw: unknown) => A | undefined {
  /** An optional id (`idText().optional()`): absent or undefined stays so; null is zod's to refuse. */
  const optionalId = (value: unknown): unknown => (value === undefined ? undefined : text(value, f.maxId) ? value : NO);

  function applicant(raw: unknown): unknown {
    if (!isRecord(raw) || !onlyKnownKeys(raw, APPLICANT_KEYS)) return NO;
    // Findings of 第九条/第十三条 are rare and nested: zod reads them.
    if (hasOwn.call(raw, "misconductFindings")) return NO;
    const out: Raw = {};
    if (!text(raw.name, f.maxName)) return NO;
    out.name = raw.name;
    if (typeof raw.creditCode !== "string" || usccProblem(raw.creditCode) !== null) return NO;
    out.creditCode = raw.creditCode;
    for (const key of APPLICANT_FACTS) {
      if (!hasOwn.call(raw, key)) continue;
      const value = f.fact(raw[key]);
      if (value === NO) return NO;
      out[key] = value;
    }
    if (hasOwn.call(raw, "otherReviewFinding")) {
      const review = raw.otherReviewFinding;
      if (review === null || review === undefined) out.otherReviewFinding = review;
      else {
        if (!isRecord(review) || !onlyKnownKeys(review, REVIEW_KEYS) || !text(review.reason, f.maxText)) return NO;
        out.otherReviewFinding = { reason: review.reason };
      }
    }
    return out;
  }

  function otherPolicySupport(raw: unknown): unknown {
    if (raw === null || raw === undefined) return raw;
    if (!isRecord(raw) || !onlyKnownKeys(raw, SUPPORT_KEYS) || !text(raw.policy, f.maxText)) return NO;
    const out: Raw = { policy: raw.policy };
    if (hasOwn.call(raw, "amount")) {
      const amount = f.money(raw.amount);
      if (amount === NO) return NO;
      out.amount = amount;
    }
    return out;
  }

  /**
   * Copy an optional field read by `read` into `out` when `raw` has it (zod keeps a present key, even one
   * whose value reads as undefined). False when the value is not accepted.
   */
  function optionalField(raw: Raw, out: Raw, key: string, read: (value: unknown) => unknown): boolean {
    if (!hasOwn.call(raw, key)) return true;
    const value = read(raw[key]);
    if (value === NO) return false;
    out[key] = value;
    return true;
  }

  /** What claims and grants begin with: id, clause id and fact date, in the schemas' order. */
  function entry(raw: unknown, keys: ReadonlySet<string>): Raw | undefined {
    if (!isRecord(raw) || !onlyKnownKeys(raw, keys)) return undefined;
    if (!text(raw.id, f.maxId) || !isClauseId(raw.clauseId)) return undefined;
    const factDate = f.requiredDate(raw.factDate);
    if (factDate === NO) return undefined;
    return { id: raw.id, clauseId: raw.clauseId, factDate };
  }

  function claim(raw: unknown): unknown {
    const out = entry(raw, CLAIM_KEYS);
    if (out === undefined) return NO;
    const claimRaw = raw as Raw;
    if (
      !optionalField(claimRaw, out, "paymentDate", f.date) ||
      !optionalField(claimRaw, out, "projectId", optionalId) ||
      !optionalField(claimRaw, out, "productId", optionalId) ||
      !optionalField(claimRaw, out, "otherPolicySupport", otherPolicySupport)
    ) {
      return NO;
    }
    const input = claimRaw.input;
    if (!isRecord(input)) return NO;
    for (const key in input) {
      // zod's copy of a record drops a "__proto__" key (the clause refuses it, from the raw facts).
      if (key === "__proto__" || !hasOwn.call(input, key)) return NO;
    }
    // zod copies the record into a plain object. The clause reads the facts again from the raw
    // document (and validates them), so the parsed document may share an ordinary object of facts: the
    // same keys, values and prototype, without a copy per claim. A null-prototype one is copied.
    if (Object.getPrototypeOf(input) === Object.prototype) {
      out.input = input;
    } else {
      const copy: Raw = {};
      for (const key in input) copy[key] = input[key];
      out.input = copy;
    }
    return out;
  }

  function grant(raw: unknown): unknown {
    const out = entry(raw, GRANT_KEYS);
    if (out === undefined) return NO;
    const grantRaw = raw as Raw;
    if (!optionalField(grantRaw, out, "paidOn", f.date)) return NO;
    const amount = f.requiredMoney(grantRaw.amount);
    if (amount === NO) return NO;
    out.amount = amount;
    if (!optionalField(grantRaw, out, "projectId", optionalId) || !optionalField(grantRaw, out, "productId", optionalId)) return NO;
    return out;
  }

  function list(raw: unknown, max: number, item: (raw: unknown) => unknown): unknown[] | undefined {
    if (!Array.isArray(raw) || raw.length > max) return undefined;
    const out: unknown[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const value = item(raw[i]);
      if (value === NO) return undefined;
      out[i] = value;
    }
    return out;
  }

  return (raw) => {
    if (!isRecord(raw) || !onlyKnownKeys(raw, APPLICATION_KEYS)) return undefined;
    const applicantOut = applicant(raw.applicant);
    if (applicantOut === NO) return undefined;
    const claims = list(raw.claims, f.maxClaims, claim);
    if (claims === undefined) return undefined;
    const out: Raw = { applicant: applicantOut, claims };
    if (hasOwn.call(raw, "history") && raw.history !== undefined) {
      const history = list(raw.history, f.maxGrants, grant);
      if (history === undefined) return undefined;
      out.history = history;
    } else if (hasOwn.call(raw, "history")) {
      out.history = undefined;
    }
    return out as unknown as A;
  };
}
