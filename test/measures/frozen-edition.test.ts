/**
 * Editions the library has not frozen. The evaluators keep what they work out per edition object (its
 * context, window, bound clauses, hash); an edition that can still change must not be decided with the
 * figures it had the first time it was seen.
 */
import { describe, expect, it } from "vitest";
import { editionHash, evaluate } from "../../src/evaluate.js";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { usccCheckCharacter } from "../../src/kernel/uscc.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { type Edition, frozenEdition } from "../../src/measures/edition.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import { PolicyValidationError } from "../../src/kernel/errors.js";
import { simulate } from "../../src/simulate.js";

const DERIVED = deriveEdition({ publishedOn: "2025-03-01" });
const SESSION = { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" };

/** A mutable copy of an edition, as a caller who read it from JSON holds it. */
function mutableCopy(edition: Edition): Edition & { parameters: Record<string, Record<string, unknown>> } {
  return JSON.parse(JSON.stringify(edition)) as Edition & { parameters: Record<string, Record<string, unknown>> };
}

function sessionParameters(edition: Edition & { parameters: Record<string, Record<string, unknown>> }): Record<string, unknown> {
  return edition.parameters["art4.1-session"] as Record<string, unknown>;
}

function application() {
  const first17 = "91110117MA01ABCD1";
  return {
    applicant: { name: "北京平谷示例直播电商有限公司", creditCode: first17 + (usccCheckCharacter(first17) as string), registeredInPinggu: true, liveCommerceBusiness: true },
    claims: [{ id: "s1", clauseId: "art4.1-session", factDate: "2025-06-01", input: SESSION }],
  };
}

describe("frozenEdition", () => {
  it("returns the draft and a derived edition themselves: they are deep-frozen", () => {
    expect(frozenEdition(DRAFT_EDITION)).toBe(DRAFT_EDITION);
    expect(frozenEdition(DERIVED)).toBe(DERIVED);
  });

  it("returns a deep-frozen copy of a mutable edition, equal to it", () => {
    const mutable = mutableCopy(DERIVED);
    const sealed = frozenEdition(mutable);
    expect(sealed).not.toBe(mutable);
    expect(sealed).toEqual(mutable);
    expect(Object.isFrozen(sealed)).toBe(true);
    expect(Object.isFrozen(sealed.parameters)).toBe(true);
    expect(Object.isFrozen(sealed.parameters["art4.1-session"].minSessionTurnover)).toBe(true);
    // The caller's object is left as it was: still theirs to edit.
    expect(Object.isFrozen(mutable)).toBe(false);
  });

  it("copies an edition frozen only on the outside", () => {
    const shell = Object.freeze({ ...mutableCopy(DERIVED) });
    expect(frozenEdition(shell)).not.toBe(shell);
  });

  it("returns the same sealed edition for an edition it sealed", () => {
    const sealed = frozenEdition(mutableCopy(DERIVED));
    expect(frozenEdition(sealed)).toBe(sealed);
  });

  it("refuses an edition that contains itself with a validation error naming the field of the loop", () => {
    const looped = mutableCopy(DERIVED) as unknown as Record<string, unknown>;
    looped.self = looped;
    expect(() => frozenEdition(looped as unknown as Edition)).toThrow(PolicyValidationError);
    expect(() => frozenEdition(looped as unknown as Edition)).toThrow(/edition\.self: expected no field named "self"/);
  });

  it("refuses a loop inside a known field without overflowing the stack", () => {
    const looped = mutableCopy(DERIVED) as unknown as { name: Record<string, unknown> };
    looped.name.zh = looped.name;
    expect(() => frozenEdition(looped as unknown as Edition)).toThrow(/edition\.name\.zh: expected a text of 1 to 300 characters; received an object/);
  });
});

describe("an edition changed between two calls is decided with its new figures", () => {
  it("evaluateClause: the per-session cap lowered from 50,000 to 10,000", () => {
    const edition = mutableCopy(DERIVED);
    expect(evaluateClause("art4.1-session", SESSION, { edition }).amount).toBe("50000.00");
    sessionParameters(edition).capPerSession = "10000";
    expect(evaluateClause("art4.1-session", SESSION, { edition }).amount).toBe("10000.00");
  });

  it("evaluateClause with switch overrides: the threshold raised above the session's turnover", () => {
    const edition = mutableCopy(DERIVED);
    expect(evaluateClause("art4.1-session", SESSION, { edition, switches: { rounding: "yuan-half-up" } }).status).toBe("eligible");
    sessionParameters(edition).minSessionTurnover = { value: "7000000", word: "不低于" };
    expect(evaluateClause("art4.1-session", SESSION, { edition, switches: { rounding: "yuan-half-up" } }).status).toBe("ineligible");
  });

  it("evaluate: the award, the edition in the document and its hash follow the change", () => {
    const edition = mutableCopy(DERIVED);
    const before = evaluate(application(), edition);
    sessionParameters(edition).capPerSession = "10000";
    const after = evaluate(application(), edition);
    expect(before.totals.overall).toBe("50000.00");
    expect(after.totals.overall).toBe("10000.00");
    expect(after.audit.editionHash).not.toBe(before.audit.editionHash);
    expect(after.audit.editionHash).toBe(editionHash(edition));
  });

  it("evaluate: the validity window follows a new publication date", () => {
    const edition = mutableCopy(DERIVED);
    expect(evaluate(application(), edition).claims[0]?.status).toBe("awarded");
    (edition as unknown as { publishedOn: string }).publishedOn = "2025-07-01";
    expect(evaluate(application(), edition).claims[0]?.status).toBe("out-of-window");
  });

  it("the hash of a deep-frozen edition is the hash of its canonical JSON, the same every time", () => {
    expect(editionHash(DERIVED)).toBe(editionHash(mutableCopy(DERIVED)));
    expect(editionHash(DERIVED)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("simulate: editions are sealed when the simulation starts", () => {
    const edition = mutableCopy(DERIVED);
    const result = simulate([application()], [edition]);
    sessionParameters(edition).capPerSession = "10000";
    const again = simulate([application()], [edition]);
    expect(result.editions[0]?.totals.overall).toBe("50000.00");
    expect(again.editions[0]?.totals.overall).toBe("10000.00");
  });
});
