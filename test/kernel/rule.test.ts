/**
 * evaluatePrepared's texts and branches that the mutation run found untested: the reason written for
 * a yes/no fact that fails, the list of missing facts, reasons that accumulate (a note and a cap), the
 * facts of another realm, and the quiet path's reasons.
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { boundClause } from "../../src/evaluate-clause.js";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { decideVerdict, evaluatePrepared, readFacts } from "../../src/kernel/rule.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";

describe("the reason of a yes/no condition that fails", () => {
  it("one fact that must be true", () => {
    const result = evaluateClause("art4.1-session", { pingguGoodsSpecialSession: false, sessionTurnover: "2000000" });
    expect(result.reasons).toEqual([
      {
        code: "FACT_NOT_ESTABLISHED",
        conditionId: "art4.1-session/special-session",
        en: "a “平谷好物” special live-streaming session: pingguGoodsSpecialSession = false (must be true)",
        zh: "开展“平谷好物”专场直播：pingguGoodsSpecialSession = false（须为是）",
      },
    ]);
  });

  it("facts of which at least one must be true", () => {
    const result = evaluateClause("art3.2", { municipalRecognition: false, mofcomRecognition: false, rentCost: "1", renovationCost: "0", equipmentCost: "0" });
    expect(result.reasons[0]?.en).toBe(
      "recognised as a municipal demonstration base or by the Ministry of Commerce: municipalRecognition = false, mofcomRecognition = false (at least one must be true)",
    );
    expect(result.reasons[0]?.zh).toBe("获得市级示范基地认定或商务部认定：municipalRecognition = false，mofcomRecognition = false（至少一项须为是）");
  });

  it("a missing fact beside a false one, when both must be true (A4 both)", () => {
    const edition = deriveEdition({ publishedOn: "2025-03-01", switches: { art4_1ProductFlows: "both" } });
    const result = evaluateClause("art4.1-investment", { annualOnlineRetail: "5000000", sellsPingguFarmProductsOut: false, liveRoomAndColdChainInvestment: "800000" }, { edition });
    expect(result.status).toBe("ineligible");
    const reason = result.reasons.find((r) => r.code === "FACT_NOT_ESTABLISHED");
    expect(reason?.en).toContain("sellsPingguFarmProductsOut = false, bringsIndustrialProductsIn = (missing) (must be true)");
    expect(reason?.zh).toContain("bringsIndustrialProductsIn = (missing)（须为是）");
  });
});

describe("the reason listing missing facts", () => {
  it("names each missing fact, in both languages", () => {
    const result = evaluateClause("art7.1-express", {});
    expect(result.status).toBe("undetermined");
    expect(result.reasons[0]?.en).toBe(
      "Missing facts: sellsPingguSpecialtyFarmProducts, annualExpressParcels. Facts needed to decide are missing; the clause is undetermined, not refused.",
    );
    expect(result.reasons[0]?.zh).toBe("缺少事实：sellsPingguSpecialtyFarmProducts、annualExpressParcels。缺少作出判断所需的事实；结论为“待定”，而非不予支持。");
  });
});

describe("reasons accumulate", () => {
  it("a default rate (a note) and a cap that bites are both given, after ELIGIBLE", () => {
    const result = evaluateClause("art5.1", { ecommerceServiceEnterprise: true, localEnterprisesDriven: 6, localEnterprisesCumulativeTurnover: "200000000" });
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "DEFAULT_RATE_USED", "CAP_APPLIED"]);
    expect(result.amount).toBe("1000000.00");
  });
});

describe("facts made in another realm (a vm context, an iframe, a spreadsheet engine)", () => {
  it("a plain object of another realm is read; a Map or a Date of another realm is refused", () => {
    const facts = runInNewContext('({ pingguGoodsSpecialSession: true, sessionTurnover: "2000000" })');
    expect(evaluateClause("art4.1-session", facts).amount).toBe("20000.00");
    const bare = runInNewContext('Object.assign(Object.create(null), { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" })');
    expect(evaluateClause("art4.1-session", bare).amount).toBe("20000.00");
    expect(() => evaluateClause("art4.1-session", runInNewContext("new Map()"))).toThrow(/an object of the clause's facts/);
    expect(() => evaluateClause("art4.1-session", runInNewContext("new Date(0)"))).toThrow(/an object of the clause's facts/);
    class Facts {
      pingguGoodsSpecialSession = true;
    }
    expect(() => evaluateClause("art4.1-session", new Facts())).toThrow(/an object of the clause's facts/);
    const derived = runInNewContext("class F {}; const f = new F(); f.pingguGoodsSpecialSession = true; f");
    expect(() => evaluateClause("art4.1-session", derived)).toThrow(/an object of the clause's facts/);
  });
});

describe("the decide-only pass (decideVerdict)", () => {
  it("writes no reason, and keeps the cap that bit", () => {
    const bound = boundClause("art4.1-session", deriveEdition({ publishedOn: "2025-03-01" }));
    const input = { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" };
    const loud = evaluatePrepared(bound.prepared, input, bound.env);
    const quiet = decideVerdict(bound.prepared, readFacts(bound.prepared, input, []), bound.env);
    expect(loud.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "CAP_APPLIED"]);
    expect("reasons" in quiet).toBe(false);
    expect(quiet.capBinding).toBe("art4.1-session/per-session");
    expect(quiet.amount).toBe("50000.00");
    expect(quiet.roundedAmount).toBe("60000.00");
  });
});
