/**
 * One applicant, one ledger: several documents of one credit code in a batch are refused, naming both,
 * or merged on request (claims together, history as the union by grant id).
 */
import { describe, expect, it } from "vitest";
import { evaluateBatch, groupApplications, mergeApplications } from "../../src/batch.js";
import { evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { thrownIssues } from "../helpers.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CODE_A = "91110117MA02PARK0C";
const CODE_B = "91110117MA06BRND0Y";

const session = (id: string, turnover: string, factDate = "2025-06-01") => ({
  id,
  clauseId: "art4.1-session",
  factDate,
  input: { pingguGoodsSpecialSession: true, sessionTurnover: turnover },
});

const applicant = (creditCode: string, name = "某直播公司") => ({ name, creditCode, registeredInPinggu: true, liveCommerceBusiness: true });
const app = (creditCode: string, claims: unknown[], history?: unknown[]) => ({ applicant: applicant(creditCode), claims, ...(history ? { history } : {}) });

describe("evaluateBatch", () => {
  it("decides applicants of different credit codes apart, in order", () => {
    const decisions = evaluateBatch([app(CODE_A, [session("a1", "5000000")]), app(CODE_B, [session("b1", "5000000")])], EDITION);
    expect(decisions.map((d) => d.applicant.creditCode)).toEqual([CODE_A, CODE_B]);
    expect(decisions.map((d) => d.totals.overall)).toEqual(["50000.00", "50000.00"]);
  });

  it("refuses two documents of one credit code by default, naming both", () => {
    const issues = thrownIssues(() => evaluateBatch([app(CODE_A, [session("a1", "5000000")]), app(CODE_B, []), app(CODE_A.toLowerCase(), [session("a2", "5000000")])], EDITION));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("[2].applicant.creditCode");
    expect(issues[0]?.expected).toContain("application [0]");
    expect(issues[0]?.expected).toContain(CODE_A);
    expect(issues[0]?.expectedZh).toContain("第 [0] 份申请");
  });

  it("merged, one applicant's annual cap (art4.1-session, 300,000 a year) is taken once, not twice", () => {
    const seven = (prefix: string) => Array.from({ length: 4 }, (_, i) => session(`${prefix}${i}`, "5000000", `2025-0${i + 4}-01`));
    const apart = [evaluate(app(CODE_A, seven("x")), EDITION), evaluate(app(CODE_A, seven("y")), EDITION)];
    expect(apart.map((d) => d.totals.overall)).toEqual(["200000.00", "200000.00"]);
    const [merged] = evaluateBatch([app(CODE_A, seven("x")), app(CODE_A, seven("y"))], EDITION, { merge: true });
    expect(merged?.totals.overall).toBe("300000.00");
    expect(merged?.claims).toHaveLength(8);
  });

  it("merges histories as the union by grant id; the same grant twice counts once", () => {
    const grant = { id: "g1", clauseId: "art4.1-session", factDate: "2025-03-10", amount: "250000.00" };
    const [merged] = evaluateBatch([app(CODE_A, [session("a1", "5000000")], [grant]), app(CODE_A, [session("a2", "5000000", "2025-06-02")], [grant])], EDITION, {
      merge: true,
    });
    expect(merged?.claims.map((c) => c.amount)).toEqual(["50000.00", "0.00"]);
  });

  it("refuses one grant id with two contents, naming both documents", () => {
    const grant = { id: "g1", clauseId: "art4.1-session", factDate: "2025-03-10", amount: "250000.00" };
    const issues = thrownIssues(() =>
      evaluateBatch([app(CODE_A, [], [grant]), app(CODE_A, [], [{ ...grant, amount: "1.00" }])], EDITION, { merge: true }),
    );
    expect(issues.map((i) => i.path)).toEqual(["[1].history[0]"]);
    expect(issues[0]?.expected).toContain("application [0]");
  });

  it("refuses to merge two different applicants' statements", () => {
    const other = { ...app(CODE_A, []), applicant: { ...applicant(CODE_A), registeredInPinggu: false } };
    const issues = thrownIssues(() => evaluateBatch([app(CODE_A, []), other], EDITION, { merge: true }));
    expect(issues.map((i) => i.path)).toEqual(["[1].applicant"]);
  });

  it("reports a problem of a merged document at its place in the batch", () => {
    const bad = { ...session("a2", "5000000"), input: { pingguGoodsSpecialSession: true, sessionTurnover: "lots" } };
    const issues = thrownIssues(() => evaluateBatch([app(CODE_A, [session("a1", "5000000")]), app(CODE_A, [bad])], EDITION, { merge: true }));
    expect(issues.map((i) => i.path)).toEqual(["[1].claims[0].input.sessionTurnover"]);
    // Moved, the issue keeps its sentence: it never named the old path, and does not name the new one.
    expect(issues[0]?.message.startsWith("expected ")).toBe(true);
    expect(issues[0]?.message).not.toContain("claims[0]");
  });

  it("reports every invalid application together, each at its index", () => {
    const issues = thrownIssues(() => evaluateBatch([app(CODE_A, [{ ...session("a1", "1"), clauseId: "art99" }]), app(CODE_B, [{ ...session("b1", "1"), factDate: "2025-13-01" }])], EDITION));
    expect(issues.map((i) => i.path)).toEqual(["[0].claims[0].clauseId", "[1].claims[0].factDate"]);
  });

  it("a hole in a sparse array is reported at its index, not skipped", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [app(CODE_A, []), , app(CODE_B, [])];
    expect(thrownIssues(() => evaluateBatch(sparse, EDITION)).map((i) => i.path)).toEqual(["[1]"]);
  });

  it("a document without a readable credit code stands alone and is reported", () => {
    const issues = thrownIssues(() => evaluateBatch([null, app(CODE_A, [])], EDITION));
    expect(issues[0]?.path).toBe("[0]");
  });

  it("refuses what is not an array, and a bad option", () => {
    expect(thrownIssues(() => evaluateBatch({} as never, EDITION))[0]?.expected).toBe("an array of applications");
    expect(thrownIssues(() => evaluateBatch([], EDITION, { merge: "yes" } as never))[0]?.path).toBe("options.merge");
  });
});

describe("groupApplications and mergeApplications", () => {
  it("groups by credit code in order of first appearance", () => {
    const groups = groupApplications([app(CODE_B, []), app(CODE_A, []), app(CODE_B, [])], { merge: true });
    expect(groups.map((g) => g.sources)).toEqual([[0, 2], [1]]);
  });

  it("merges only one applicant's documents", () => {
    expect(thrownIssues(() => mergeApplications([app(CODE_A, []), app(CODE_B, [])])).map((i) => i.path)).toEqual(["[1].applicant.creditCode"]);
    expect(mergeApplications([app(CODE_A, [session("a", "1")]), app(CODE_A, [session("b", "1")])])).toMatchObject({ claims: [{ id: "a" }, { id: "b" }] });
  });

  it("refuses an empty list", () => {
    expect(thrownIssues(() => mergeApplications([]))[0]?.expected).toContain("non-empty");
  });
});
