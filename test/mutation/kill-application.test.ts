/**
 * src/application.ts: the texts of the application document's own errors. Its schemas are built while
 * the module loads, so their messages are "static" mutants, and no test read them back: the id limits
 * (`idText`), the clause id's list of known ids in both languages, and the credit code's two hints (a
 * wrong shape, a wrong check character). Each is checked here through `evaluate`.
 */
import { describe, expect, it } from "vitest";
import { MAX_CLAIMS_PER_APPLICATION, MAX_GRANTS_PER_APPLICATION, MISCONDUCT_KINDS } from "../../src/application.js";
import { evaluate } from "../../src/evaluate.js";
import { PolicyValidationError, type ValidationIssue } from "../../src/kernel/errors.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant, creditCode, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const claim = (extra: Record<string, unknown> = {}) => ({ id: "C1", clauseId: "art6.2", factDate: "2025-06-01", input: eligibleInput("art6.2"), ...extra });

function issuesOf(document: unknown): ValidationIssue[] {
  try {
    evaluate(document, EDITION);
  } catch (error) {
    if (error instanceof PolicyValidationError) return [...error.issues];
    throw error;
  }
  throw new Error("the document was accepted");
}

const texts = (issue: ValidationIssue | undefined) => [issue?.path, issue?.code, issue?.expected, issue?.expectedZh, issue?.hint, issue?.hintZh];

describe("the application document's error texts", () => {
  it("ids: empty, and over 100 characters, name what the id is", () => {
    expect(texts(issuesOf({ applicant: applicant(), claims: [claim({ id: "" })] })[0])).toEqual([
      "claims[0].id",
      "invalid_value",
      "claim id, unique within the application: a non-empty string",
      "claim id, unique within the application: a non-empty string",
      undefined,
      undefined,
    ]);
    const [product] = issuesOf({ applicant: applicant(), claims: [claim({ productId: "p".repeat(101) })] });
    expect(texts(product).slice(0, 3)).toEqual(["claims[0].productId", "invalid_value", "product id (art5.2: once per product): at most 100 characters"]);
    const [grant] = issuesOf({ applicant: applicant(), claims: [], history: [{ id: "", clauseId: "art6.2", factDate: "2025-01-01", amount: "1" }] });
    expect(texts(grant).slice(0, 3)).toEqual(["history[0].id", "invalid_value", "grant id, unique within the history: a non-empty string"]);
    const [finding] = issuesOf({
      applicant: applicant({ misconductFindings: [{ kind: "false-data", foundOn: "2025-01-01", description: "d", grants: [""] }] }),
      claims: [],
    });
    expect(texts(finding).slice(0, 3)).toEqual(["applicant.misconductFindings[0].grants[0]", "invalid_value", "grant id: a non-empty string"]);
    // 100 characters are accepted.
    expect(() => evaluate({ applicant: applicant(), claims: [claim({ id: "x".repeat(100) })] }, EDITION)).not.toThrow();
  });

  it("an unknown clause id lists the fourteen, in English and in Chinese", () => {
    const [issue] = issuesOf({ applicant: applicant(), claims: [claim({ clauseId: "art9.9" })] });
    expect(texts(issue).slice(0, 4)).toEqual([
      "claims[0].clauseId",
      "invalid_value",
      "a clause id, one of: art3.1, art3.2, art3.2-mofcom, art3.3, art4.1-investment, art4.1-session, art4.2, art5.1, art5.2, art6.1, art6.2, art7.1-logistics, art7.1-express, art7.2",
      "条款编号，以下之一：art3.1、art3.2、art3.2-mofcom、art3.3、art4.1-investment、art4.1-session、art4.2、art5.1、art5.2、art6.1、art6.2、art7.1-logistics、art7.1-express、art7.2",
    ]);
  });

  it("a credit code of the wrong shape, and one with a wrong check character: different hints", () => {
    const expected = "an 18-character unified social credit code (GB 32100-2015) with a valid check character";
    const expectedZh = "18位统一社会信用代码（GB 32100-2015），校验码须正确";
    expect(texts(issuesOf({ applicant: applicant({ creditCode: "abc" }), claims: [] })[0])).toEqual([
      "applicant.creditCode",
      "invalid_value",
      expected,
      expectedZh,
      "18 characters: digits and capital letters except I, O, Z, S, V",
      "18位，由数字和除 I、O、Z、S、V 外的大写字母组成",
    ]);
    const good = creditCode();
    const wrong = good.slice(0, 17) + (good.endsWith("0") ? "1" : "0");
    expect(texts(issuesOf({ applicant: applicant({ creditCode: wrong }), claims: [] })[0])).toEqual([
      "applicant.creditCode",
      "invalid_value",
      expected,
      expectedZh,
      "the last character does not match the check character of the first 17: a typing error?",
      "第18位校验码与前17位不符，可能录入有误",
    ]);
  });

  it("the kinds of misconduct, and the limits", () => {
    expect(MISCONDUCT_KINDS).toEqual(["forged-materials", "false-data", "illegal-transfer", "other-serious-violation"]);
    const [issue] = issuesOf({
      applicant: applicant({ misconductFindings: [{ kind: "fraud", foundOn: "2025-01-01", description: "d", grants: "all" }] }),
      claims: [],
    });
    expect(issue?.expected).toBe('one of "forged-materials", "false-data", "illegal-transfer", "other-serious-violation"');
    expect([MAX_CLAIMS_PER_APPLICATION, MAX_GRANTS_PER_APPLICATION]).toEqual([100_000, 100_000]);
  });
});
