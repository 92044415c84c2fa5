/**
 * A20 (docs/conventions.md §2): money is yuan to the fen. Every money input — a clause's money facts, a
 * grant's amount, other-policy support, interest paid — has at most two decimal places; three are
 * invalid input naming the field and the value, never rounded. Trailing zeros are not places ("1.500"
 * is 1.5, to the fen). A JS number is read through its shortest decimal string (0.1 + 0.2 is
 * 0.30000000000000004: refused).
 */
import { readFileSync } from "node:fs";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { thrownIssues } from "./helpers.js";
import { evaluate } from "../src/evaluate.js";
import { evaluateClause } from "../src/evaluate-clause.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { RULES } from "../src/measures/registry.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const FEN = /at most two decimal places: yuan to the fen/;

/** The money facts of each clause, as the library's schema declares them (money fields carry the fen pattern). */
function moneyFields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { pattern?: string; anyOf?: { pattern?: string }[] }> };
  return Object.entries(json.properties ?? {})
    .filter(([, property]) => JSON.stringify(property).includes("\\\\.\\\\d{1,2}0*"))
    .map(([name]) => name);
}

/** Every clause's first example of fixtures/clauses, whose facts decide it. */
function example(clauseId: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(new URL(`../fixtures/clauses/${clauseId}.json`, import.meta.url), "utf8")) as { examples: { input: Record<string, unknown> }[] };
  return (file.examples[0] as { input: Record<string, unknown> }).input;
}

const refusal = thrownIssues;

describe("the money facts of every clause are known", () => {
  it("lists the fields the text pays or measures in yuan, clause by clause", () => {
    const byClause = Object.fromEntries(RULES.map((rule) => [rule.id, moneyFields(rule.schema)]));
    expect(byClause).toEqual({
      "art3.1": ["annualOnlineRetail", "investment"],
      "art3.2": ["rentCost", "renovationCost", "equipmentCost"],
      "art3.2-mofcom": [],
      "art3.3": ["annualOnlineRetail"],
      "art4.1-investment": ["annualOnlineRetail", "liveRoomAndColdChainInvestment"],
      "art4.1-session": ["sessionTurnover"],
      "art4.2": ["actualInvestment"],
      "art5.1": ["localEnterprisesCumulativeTurnover"],
      "art5.2": ["productAnnualTurnover"],
      "art6.1": ["approvedAmount"],
      "art6.2": ["actualCost"],
      "art7.1-logistics": ["auditedInvestment"],
      "art7.1-express": [],
      "art7.2": ["annualOnlineRetail", "principal", "interestPaid"],
    });
  });
});

describe("evaluateClause: each money fact at the boundary", () => {
  for (const rule of RULES) {
    for (const field of moneyFields(rule.schema)) {
      const base = example(rule.id);
      it(`${rule.id}.${field}: two places are read, three are refused naming the field and the value`, () => {
        expect(() => evaluateClause(rule.id, { ...base, [field]: "12345678.91" }, { edition: EDITION })).not.toThrow();
        const issues = refusal(() => evaluateClause(rule.id, { ...base, [field]: "12345678.915" }, { edition: EDITION }));
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ path: field, code: "invalid_value", received: '"12345678.915"' });
        expect(issues[0]?.hint).toMatch(FEN);
        expect(issues[0]?.hintZh).toMatch(/最多 2 位小数：金额以元为单位，精确到分/);
      });
    }
  }
});

describe("what counts as a place", () => {
  const SESSION = { pingguGoodsSpecialSession: true };
  const turnover = (value: unknown) => evaluateClause("art4.1-session", { ...SESSION, sessionTurnover: value });

  it('trailing zeros are not places: "1000000.500" is 1,000,000.50 and decides as it does', () => {
    expect(turnover("1000000.500")).toEqual(turnover("1000000.50"));
    expect(turnover("1000000.0000").amount).toBe(turnover("1000000").amount);
  });

  it('"1000000.505" is refused: half a fen is not an amount anyone paid', () => {
    expect(refusal(() => turnover("1000000.505"))[0]?.path).toBe("sessionTurnover");
  });

  it("a number is judged by its shortest decimal string: 1000000.25 is read, 0.1 + 0.2 is refused", () => {
    expect(turnover(1000000.25).status).toBe("eligible");
    const issue = refusal(() => turnover(0.1 + 0.2))[0];
    expect(issue?.received).toBe("0.30000000000000004");
    expect(issue?.hint).toMatch(FEN);
  });

  it("the expectation itself says it: at most two decimal places", () => {
    const issue = refusal(() => turnover("1.001"))[0];
    expect(issue?.expected).toMatch(/an amount in yuan: a plain decimal from 0 to 1000000000000, at most two decimal places/);
    expect(issue?.expectedZh).toMatch(/最多 2 位小数/);
  });
});

describe("evaluate: money inputs of the application document", () => {
  const first17 = "91110117MA01ABCD1";
  const creditCode = first17 + (usccCheckCharacter(first17) as string);
  const applicant = { name: "北京平谷示例直播电商有限公司", creditCode, registeredInPinggu: true, liveCommerceBusiness: true };
  const claim = (extra: Record<string, unknown> = {}, input: Record<string, unknown> = {}) => ({
    id: "c1",
    clauseId: "art4.1-session",
    factDate: "2025-06-01",
    input: { pingguGoodsSpecialSession: true, sessionTurnover: "2000000", ...input },
    ...extra,
  });
  const grant = (amount: unknown) => ({ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount });
  const issuesOf = (document: unknown) => refusal(() => evaluate(document, EDITION));

  it("a claim's fact: claims[0].input.sessionTurnover", () => {
    expect(() => evaluate({ applicant, claims: [claim({}, { sessionTurnover: "2000000.01" })] }, EDITION)).not.toThrow();
    const issues = issuesOf({ applicant, claims: [claim({}, { sessionTurnover: "2000000.001" })] });
    expect(issues.map((i) => i.path)).toEqual(["claims[0].input.sessionTurnover"]);
    expect(issues[0]?.hint).toMatch(FEN);
  });

  it("a grant of the history: history[0].amount (299,999.995 would let a claim pass a cap by a fen)", () => {
    expect(() => evaluate({ applicant, claims: [claim()], history: [grant("299999.99")] }, EDITION)).not.toThrow();
    const issues = issuesOf({ applicant, claims: [claim()], history: [grant("299999.995")] });
    expect(issues.map((i) => i.path)).toEqual(["history[0].amount"]);
    expect(issues[0]?.received).toBe('"299999.995"');
    expect(issues[0]?.hint).toMatch(FEN);
  });

  it("a grant given as a number: 1.1 + 2.2 is 3.3000000000000003, refused", () => {
    const issues = issuesOf({ applicant, claims: [claim()], history: [grant(1.1 + 2.2)] });
    expect(issues.map((i) => i.path)).toEqual(["history[0].amount"]);
  });

  it("other policy support: claims[0].otherPolicySupport.amount", () => {
    const support = (amount: string) => ({ otherPolicySupport: { policy: "平谷区其他政策", amount } });
    expect(() => evaluate({ applicant, claims: [claim(support("100.10"))] }, EDITION)).not.toThrow();
    const issues = issuesOf({ applicant, claims: [claim(support("100.101"))] });
    expect(issues.map((i) => i.path)).toEqual(["claims[0].otherPolicySupport.amount"]);
  });

  it("interest paid (art7.2): claims[0].input.interestPaid", () => {
    const input: Record<string, unknown> = { ...example("art7.2"), interestPaid: "180000.001" };
    const issues = issuesOf({ applicant, claims: [{ id: "i1", clauseId: "art7.2", factDate: input.interestPeriodEnd, input }] });
    expect(issues.map((i) => i.path)).toEqual(["claims[0].input.interestPaid"]);
  });

  it("every problem at once: three money fields with three places give three issues", () => {
    const issues = issuesOf({
      applicant,
      claims: [claim({ otherPolicySupport: { policy: "其他", amount: "1.001" } }, { sessionTurnover: "1.001" })],
      history: [grant("1.001")],
    });
    expect(issues.map((i) => i.path).sort()).toEqual(["claims[0].input.sessionTurnover", "claims[0].otherPolicySupport.amount", "history[0].amount"]);
  });
});
