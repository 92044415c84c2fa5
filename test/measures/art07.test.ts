import { describe, expect, it } from "vitest";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import type { Edition } from "../../src/measures/edition.js";
import { amountOf, issuesOf, run } from "../helpers.js";

const station = { logisticsFacilityBuiltOrUpgraded: true, auditedInvestment: "400000" };

describe("art7.1-logistics 强化物流服务（设施）", () => {
  it("50% of the audited actual investment when no reviewed rate is given (A19: the ceiling is the default)", () => {
    const result = run("art7.1-logistics", station);
    expect(result.amount).toBe("200000.00");
    expect(result.steps.map((s) => s.kind)).toEqual(["value", "multiply", "round", "cap"]);
    expect(result.steps[0]).toMatchObject({ result: "0.5" });
    expect(result.steps[0]?.label.en).toMatch(/maximum \(no reviewed rate given\)/);
    expect(result.steps[0]?.label.zh).toMatch(/最高比例/);
    const note = result.reasons.find((r) => r.code === "DEFAULT_RATE_USED");
    expect(note?.en).toContain("Rate used: 0.5.");
    expect(note?.zh).toContain("采用比例：0.5。");
  });

  it("A19: a reviewed rate at the ceiling, 0.50, is used as the review's rate, without the default note", () => {
    const result = run("art7.1-logistics", { ...station, reviewedRate: "0.50" });
    expect(result.amount).toBe("200000.00");
    expect(result.steps[0]).toMatchObject({ kind: "value", result: "0.5" });
    expect(result.steps[0]?.label.en).toBe("rate fixed by the review");
    expect(result.steps[0]?.label.zh).toBe("评审确定的比例");
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE"]);
  });

  it("A19: a reviewed rate one step below the ceiling, 0.4999: 400,000 × 0.4999 = 199,960.00", () => {
    expect(amountOf("art7.1-logistics", { ...station, reviewedRate: "0.4999" })).toBe("199960.00");
  });

  it("A19: a reviewed rate of 0 pays 0.00 (eligible), not the default", () => {
    expect(amountOf("art7.1-logistics", { ...station, reviewedRate: 0 })).toBe("0.00");
  });

  it("A19: a reviewed rate one step above the ceiling, 0.5001, is invalid input naming the field, in both languages", () => {
    const issues = issuesOf("art7.1-logistics", { ...station, reviewedRate: "0.5001" });
    expect(issues.map((i) => i.path)).toEqual(["reviewedRate"]);
    expect(issues[0]).toMatchObject({ code: "inconsistent", received: '"0.5001"' });
    expect(issues[0]?.expected).toContain("0.5");
    expect(issues[0]?.expected).toContain("不超过项目审定实际投资额的50%");
    expect(issues[0]?.expectedZh).toContain("评审比例");
    expect(issues[0]?.hint).toContain("50% of the audited actual investment");
    expect(issues[0]?.hintZh).toContain("省略 reviewedRate");
  });

  it("A19: a negative reviewed rate, or one written as a percentage or above 1, is invalid input naming the field", () => {
    for (const bad of ["-0.01", "50%", "50", "1.5"]) {
      const issues = issuesOf("art7.1-logistics", { ...station, reviewedRate: bad });
      expect(issues.map((i) => i.path), bad).toEqual(["reviewedRate"]);
    }
  });

  it("A19: the ceiling is the edition's rate: under a what-if rate of 0.4, 0.45 is invalid, 0.4 is paid, absent is 0.4", () => {
    const what = { ...DRAFT_EDITION, id: "what-if-40", parameters: { ...DRAFT_EDITION.parameters, "art7.1-logistics": { rate: "0.4", capPerProject: "500000" } } };
    expect(issuesOf("art7.1-logistics", { ...station, reviewedRate: "0.45" }, { edition: what })[0]).toMatchObject({ path: "reviewedRate" });
    expect(amountOf("art7.1-logistics", { ...station, reviewedRate: "0.4" }, { edition: what })).toBe("160000.00");
    expect(amountOf("art7.1-logistics", station, { edition: what })).toBe("160000.00");
  });

  it("A19: an invalid reviewed rate is reported together with every other problem of the claim", () => {
    const issues = issuesOf("art7.1-logistics", { ...station, auditedInvestment: "-1", reviewedRate: "0.6" });
    expect(issues.map((i) => i.path)).toContain("auditedInvestment");
  });

  it("rounding edge: 50% of 123,456.79 = 61,728.395 rounds half up to 61,728.40", () => {
    const result = run("art7.1-logistics", { ...station, auditedInvestment: "123456.79" });
    expect(result.exactAmount).toBe("61728.395");
    expect(result.amount).toBe("61728.40");
  });

  it("cap 500,000 per project: 999,999.98 stays under it", () => {
    const under = run("art7.1-logistics", { ...station, auditedInvestment: "999999.98" });
    expect(under.amount).toBe("499999.99");
    expect(under.capBinding).toBeNull();
  });

  it("cap 500,000 reached without biting: 1,000,000.00, and 999,999.99 (499,999.995 rounds to the cap)", () => {
    const at = run("art7.1-logistics", { ...station, auditedInvestment: "1000000.00" });
    expect(at.amount).toBe("500000.00");
    expect(at.capBinding).toBeNull();
    const roundsToCap = run("art7.1-logistics", { ...station, auditedInvestment: "999999.99" });
    expect(roundsToCap.exactAmount).toBe("499999.995");
    expect(roundsToCap.roundedAmount).toBe("500000.00");
    expect(roundsToCap.capBinding).toBeNull();
  });

  it("cap 500,000 bites once the rounded amount exceeds it: 1,000,000.01 → 500,000.005 → 500,000.01 → 500,000.00", () => {
    const over = run("art7.1-logistics", { ...station, auditedInvestment: "1000000.01" });
    expect(over.roundedAmount).toBe("500000.01");
    expect(over.amount).toBe("500000.00");
    expect(over.capBinding).toBe("art7.1-logistics/per-project");
    expect(over.caps[0]?.scope).toBe("per-project");
    expect(over.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "DEFAULT_RATE_USED", "CAP_APPLIED"]);
  });

  it("no logistics centre or express station built or upgraded: ineligible", () => {
    const result = run("art7.1-logistics", { ...station, logisticsFacilityBuiltOrUpgraded: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art7.1-logistics/facility"]);
  });

  it("a missing audited investment is a missing fact, never zero", () => {
    const result = run("art7.1-logistics", { logisticsFacilityBuiltOrUpgraded: true });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["auditedInvestment"]);
  });

  it("an unknown facility fact: undetermined, naming it", () => {
    expect(run("art7.1-logistics", { auditedInvestment: "1" }).missingFacts).toEqual(["logisticsFacilityBuiltOrUpgraded"]);
  });

  it("validation: thousands separators are refused, naming the field", () => {
    const issues = issuesOf("art7.1-logistics", { ...station, auditedInvestment: "1,000" });
    expect(issues[0]?.path).toBe("auditedInvestment");
    expect(issues[0]?.hint).toMatch(/thousands separators/);
  });

  it("cites 第七条第（一）项, first sentence", () => {
    const { citation, once } = run("art7.1-logistics", station);
    expect(citation.labelZh).toBe("第七条第（一）项");
    expect(citation.provisionZh.startsWith("支持建设改造一批区级物流配送中心")).toBe(true);
    expect(citation.itemTextZh).toContain(citation.provisionZh);
    expect(once).toBeNull();
  });
});

const shipper = { sellsPingguSpecialtyFarmProducts: true };

describe("art7.1-express 强化物流服务（快递量）", () => {
  it("parcels must exceed 100,000: at the number it fails (超 excludes it)", () => {
    const at = run("art7.1-express", { ...shipper, annualExpressParcels: "100000" });
    expect(at.status).toBe("ineligible");
    expect(at.failedConditions).toEqual(["art7.1-express/parcels"]);
    expect(at.conditions[1]?.comparison).toMatchObject({ left: "100000", op: ">", right: "100000", word: "超", holds: false });
  });

  it("99,999 parcels fail; 100,001 parcels earn the base award 100,000.00", () => {
    expect(run("art7.1-express", { ...shipper, annualExpressParcels: "99999" }).status).toBe("ineligible");
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "100001" })).toBe("100000.00");
  });

  it("3,000 per full 10,000 parcels above 100,000 (A2 default: full increments only)", () => {
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "109999" })).toBe("100000.00");
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "110000" })).toBe("103000.00");
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "110001" })).toBe("103000.00");
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "119999" })).toBe("103000.00");
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "120000" })).toBe("106000.00");
  });

  it("the arithmetic is traced: base, parcels above, full increments, extra, total", () => {
    const result = run("art7.1-express", { ...shipper, annualExpressParcels: "135000" });
    expect(result.steps.map((s) => [s.kind, s.result])).toEqual([
      ["value", "100000"],
      ["subtract", "35000"],
      ["floor-divide", "3"],
      ["multiply", "9000"],
      ["add", "109000"],
      ["round", "109000.00"],
      ["cap", "109000.00"],
    ]);
  });

  it("cap 300,000: 760,000 parcels give 298,000.00, 769,999 still 298,000.00, the cap not biting", () => {
    const under = run("art7.1-express", { ...shipper, annualExpressParcels: "760000" });
    expect(under.amount).toBe("298000.00");
    expect(under.capBinding).toBeNull();
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "769999" })).toBe("298000.00");
  });

  it("cap 300,000 bites at 770,000 parcels: 301,000 capped to 300,000.00", () => {
    const over = run("art7.1-express", { ...shipper, annualExpressParcels: "770000" });
    expect(over.roundedAmount).toBe("301000.00");
    expect(over.amount).toBe("300000.00");
    expect(over.capBinding).toBe("art7.1-express/per-enterprise-per-year");
    expect(over.caps[0]).toMatchObject({ scope: "per-enterprise-per-year", limit: "300000.00", bit: true });
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "1000000" })).toBe("300000.00");
  });

  it("the cap is read from the edition: a what-if cap of 298,000 is reached at 760,000 without biting", () => {
    // With the draft's figures 300,000 itself cannot be reached (100,000 + 3,000k never equals it).
    const draftExpress = DRAFT_EDITION.parameters["art7.1-express"];
    const edition: Edition = {
      ...DRAFT_EDITION,
      id: "what-if",
      parameters: { ...DRAFT_EDITION.parameters, "art7.1-express": { ...draftExpress, capPerEnterprisePerYear: "298000" } },
    };
    const at = run("art7.1-express", { ...shipper, annualExpressParcels: "760000" }, { edition });
    expect(at.amount).toBe("298000.00");
    expect(at.capBinding).toBeNull();
    const over = run("art7.1-express", { ...shipper, annualExpressParcels: "770000" }, { edition });
    expect(over.amount).toBe("298000.00");
    expect(over.capBinding).toBe("art7.1-express/per-enterprise-per-year");
    expect(over.edition).toBe("what-if");
  });

  it("A2 alternative pro-rata counts part increments: 100,001 → 100,000.30, 115,000 → 104,500.00", () => {
    const options = { switches: { incrementCounting: "pro-rata" as const } };
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "100001" }, options)).toBe("100000.30");
    expect(amountOf("art7.1-express", { ...shipper, annualExpressParcels: "115000" }, options)).toBe("104500.00");
    const result = run("art7.1-express", { ...shipper, annualExpressParcels: "115000" }, options);
    expect(result.switches).toEqual({ incrementCounting: "pro-rata", rounding: "fen-half-up" });
    expect(result.steps.map((s) => s.kind)).toContain("divide");
  });

  it("A2 pro-rata and the cap: 766,666 → 299,999.80 under it, 766,667 → 300,000.10 capped", () => {
    const options = { switches: { incrementCounting: "pro-rata" as const } };
    const under = run("art7.1-express", { ...shipper, annualExpressParcels: "766666" }, options);
    expect(under.amount).toBe("299999.80");
    expect(under.capBinding).toBeNull();
    const over = run("art7.1-express", { ...shipper, annualExpressParcels: "766667" }, options);
    expect(over.roundedAmount).toBe("300000.10");
    expect(over.amount).toBe("300000.00");
    expect(over.capBinding).toBe("art7.1-express/per-enterprise-per-year");
  });

  it("A2 default is full increments, and the result says so", () => {
    const result = run("art7.1-express", { ...shipper, annualExpressParcels: "115000" });
    expect(result.amount).toBe("103000.00");
    expect(result.switches).toEqual({ incrementCounting: "full-increments", rounding: "fen-half-up" });
  });

  it("not selling Pinggu specialty farm products: ineligible", () => {
    const result = run("art7.1-express", { sellsPingguSpecialtyFarmProducts: false, annualExpressParcels: "500000" });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art7.1-express/farm-products"]);
  });

  it("missing parcels: undetermined, naming the field; a failed fact still decides", () => {
    const missing = run("art7.1-express", shipper);
    expect(missing.status).toBe("undetermined");
    expect(missing.missingFacts).toEqual(["annualExpressParcels"]);
    const failed = run("art7.1-express", { sellsPingguSpecialtyFarmProducts: false });
    expect(failed.status).toBe("ineligible");
  });

  it("validation: parcels must be a whole number; separators are refused", () => {
    const fractional = issuesOf("art7.1-express", { ...shipper, annualExpressParcels: "100000.5" });
    expect(fractional[0]?.path).toBe("annualExpressParcels");
    expect(fractional[0]?.hint).toMatch(/whole number/);
    const separated = issuesOf("art7.1-express", { ...shipper, annualExpressParcels: "110,000" });
    expect(separated[0]?.path).toBe("annualExpressParcels");
    expect(separated[0]?.hint).toMatch(/thousands separators/);
  });

  it("cites the second sentence of 第七条第（一）项; one claim per enterprise per calendar year (A18)", () => {
    const { citation, once } = run("art7.1-express", { ...shipper, annualExpressParcels: "200000" });
    expect(citation.labelZh).toBe("第七条第（一）项");
    expect(citation.provisionZh.startsWith("对销售平谷区特色农产品的企业")).toBe(true);
    expect(citation.itemTextZh).toContain(citation.provisionZh);
    expect(once).toBe("per-enterprise-per-year");
  });
});

/** 10,000,000 at 0.0345 for 2025-01-01 → 2025-04-01: 31 + 28 + 31 = 90 days. */
const loan = {
  statisticallyRegistered: true,
  annualOnlineRetail: "6000000",
  growthRate: "0.15",
  ownOperationsCommercialLoan: true,
  thirdPartyReviewApproved: true,
  principal: "10000000",
  benchmarkAnnualRate: "0.0345",
  interestPeriodStart: "2025-01-01",
  interestPeriodEnd: "2025-04-01",
  interestPaid: "90000",
};

describe("art7.2 强化金融支持", () => {
  it("worked example: 10,000,000 × 0.0345 × 50% × 90 ÷ 360 = 43,125.00", () => {
    const result = run("art7.2", loan);
    expect(result.status).toBe("eligible");
    expect(result.exactAmount).toBe("43125");
    expect(result.amount).toBe("43125.00");
    expect(result.steps.map((s) => [s.kind, s.result])).toEqual([
      ["multiply", "345000"],
      ["multiply", "172500"],
      ["value", "90"],
      ["multiply", "15525000"],
      ["divide", "43125"],
      ["minimum", "43125"],
      ["round", "43125.00"],
      ["cap", "43125.00"],
    ]);
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE"]);
  });

  it("multiplies exactly and divides once, last", () => {
    const kinds = run("art7.2", loan, { switches: { interestDayCount: "actual/365" } }).steps.map((s) => s.kind);
    expect(kinds.filter((k) => k === "divide")).toHaveLength(1);
    expect(kinds.indexOf("divide")).toBe(kinds.lastIndexOf("multiply") + 1);
  });

  it("leap-year February: 2024-02-01 → 2024-03-01 is 29 days; 3,600,000 × 0.0345 × 50% × 29 ÷ 360 = 5,002.50", () => {
    const leap = { ...loan, principal: "3600000", interestPeriodStart: "2024-02-01", interestPeriodEnd: "2024-03-01" };
    const result = run("art7.2", leap);
    expect(result.steps[2]?.result).toBe("29");
    expect(result.exactAmount).toBe("5002.5");
    expect(result.amount).toBe("5002.50");
  });

  it("common-year February: 2025-02-01 → 2025-03-01 is 28 days; the same loan gives 4,830.00", () => {
    const common = { ...loan, principal: "3600000", interestPeriodStart: "2025-02-01", interestPeriodEnd: "2025-03-01" };
    expect(amountOf("art7.2", common)).toBe("4830.00");
  });

  it("across Feb 29: 2024-02-28 → 2024-03-01 is 2 days (345.00), 2023-02-28 → 2023-03-01 is 1 day (172.50)", () => {
    const base = { ...loan, principal: "3600000" };
    expect(amountOf("art7.2", { ...base, interestPeriodStart: "2024-02-28", interestPeriodEnd: "2024-03-01" })).toBe("345.00");
    expect(amountOf("art7.2", { ...base, interestPeriodStart: "2023-02-28", interestPeriodEnd: "2023-03-01" })).toBe("172.50");
  });

  it("the start day counts and the end day does not: one day's period 2025-01-01 → 2025-01-02", () => {
    // 10,000,000 × 0.0345 × 0.5 × 1 ÷ 360 = 479.1666… → 479.17
    expect(amountOf("art7.2", { ...loan, interestPeriodEnd: "2025-01-02" })).toBe("479.17");
  });

  it("a period that starts and ends on the same day has no interest days: 0.00", () => {
    const result = run("art7.2", { ...loan, interestPeriodEnd: "2025-01-01" });
    expect(result.status).toBe("eligible");
    expect(result.amount).toBe("0.00");
  });

  it("A8 default actual/360, and the result says so", () => {
    expect(run("art7.2", loan).switches).toEqual({ interestDayCount: "actual/360", art7_2InterestPeriod: "clipped-to-window", rounding: "fen-half-up" });
  });

  it("A8 alternative actual/365: 15,525,000 ÷ 365 = 42,534.2465… → 42,534.25", () => {
    const result = run("art7.2", loan, { switches: { interestDayCount: "actual/365" } });
    expect(result.amount).toBe("42534.25");
    expect(result.exactAmount?.startsWith("42534.246575342465753")).toBe(true);
    expect(result.switches).toEqual({ interestDayCount: "actual/365", art7_2InterestPeriod: "clipped-to-window", rounding: "fen-half-up" });
  });

  it("a whole year: 7,300,000 × 0.04 × 50% × 365 days is 146,000.00 under actual/365 and 148,027.78 under actual/360", () => {
    const year = { ...loan, principal: "7300000", benchmarkAnnualRate: "0.04", interestPeriodStart: "2025-01-01", interestPeriodEnd: "2026-01-01", interestPaid: "300000" };
    expect(amountOf("art7.2", year, { switches: { interestDayCount: "actual/365" } })).toBe("146000.00");
    // 146,000 × 365 ÷ 360 = 148,027.777…
    expect(amountOf("art7.2", year)).toBe("148027.78");
  });

  it("a leap year has 366 interest days: 146,000 × 366 ÷ 365 = 146,400.00 under actual/365", () => {
    const leapYear = { ...loan, principal: "7300000", benchmarkAnnualRate: "0.04", interestPeriodStart: "2024-01-01", interestPeriodEnd: "2025-01-01", interestPaid: "300000" };
    expect(amountOf("art7.2", leapYear, { switches: { interestDayCount: "actual/365" } })).toBe("146400.00");
  });

  it("rounding edge: 1,000,002 × 0.05 × 50% × 36 ÷ 360 = 2,500.005 rounds half up to 2,500.01", () => {
    // 2025-01-01 → 2025-02-06: 31 + 5 = 36 days.
    const edge = { ...loan, principal: "1000002", benchmarkAnnualRate: "0.05", interestPeriodEnd: "2025-02-06", interestPaid: "10000" };
    const result = run("art7.2", edge);
    expect(result.exactAmount).toBe("2500.005");
    expect(result.amount).toBe("2500.01");
    expect(amountOf("art7.2", edge, { switches: { rounding: "fen-half-even" } })).toBe("2500.00");
  });

  it("interest paid smaller than the computed subsidy: the interest paid is the amount, with its reason", () => {
    const result = run("art7.2", { ...loan, interestPaid: "40000" });
    expect(result.amount).toBe("40000.00");
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "INTEREST_PAID_LIMIT"]);
    expect(result.steps.find((s) => s.kind === "minimum")).toMatchObject({ operands: ["43125", "40000"], result: "40000" });
  });

  it("interest paid one fen below the computed subsidy limits it; equal or above does not", () => {
    const below = run("art7.2", { ...loan, interestPaid: "43124.99" });
    expect(below.amount).toBe("43124.99");
    expect(below.reasons.map((r) => r.code)).toContain("INTEREST_PAID_LIMIT");
    const equal = run("art7.2", { ...loan, interestPaid: "43125.00" });
    expect(equal.amount).toBe("43125.00");
    expect(equal.reasons.map((r) => r.code)).not.toContain("INTEREST_PAID_LIMIT");
    const above = run("art7.2", { ...loan, interestPaid: "43125.01" });
    expect(above.amount).toBe("43125.00");
    expect(above.reasons.map((r) => r.code)).not.toContain("INTEREST_PAID_LIMIT");
  });

  it("no interest paid: nothing to subsidise", () => {
    expect(amountOf("art7.2", { ...loan, interestPaid: "0" })).toBe("0.00");
  });

  it("cap 200,000 per enterprise per year: 10,000,000 at 0.04 for 360 days is exactly 200,000.00, not biting", () => {
    // 2025-01-01 → 2025-12-27 is 360 days; 10,000,000 × 0.04 × 0.5 × 360 ÷ 360 = 200,000.
    const year = { ...loan, benchmarkAnnualRate: "0.04", interestPeriodEnd: "2025-12-27", interestPaid: "500000" };
    const at = run("art7.2", year);
    expect(at.steps[2]?.result).toBe("360");
    expect(at.amount).toBe("200000.00");
    expect(at.capBinding).toBeNull();
    expect(at.caps[0]).toMatchObject({ id: "art7.2/per-enterprise-per-year", scope: "per-enterprise-per-year", bit: false });
    expect(amountOf("art7.2", { ...year, principal: "9999999.50" })).toBe("199999.99");
  });

  it("cap 200,000: 200,000.004 rounds to the cap without biting; 200,000.005 rounds to 200,000.01 and bites", () => {
    const year = { ...loan, benchmarkAnnualRate: "0.04", interestPeriodEnd: "2025-12-27", interestPaid: "500000" };
    const reaches = run("art7.2", { ...year, principal: "10000000.20" });
    expect(reaches.exactAmount).toBe("200000.004");
    expect(reaches.roundedAmount).toBe("200000.00");
    expect(reaches.capBinding).toBeNull();
    const bites = run("art7.2", { ...year, principal: "10000000.25" });
    expect(bites.exactAmount).toBe("200000.005");
    expect(bites.roundedAmount).toBe("200000.01");
    expect(bites.amount).toBe("200000.00");
    expect(bites.capBinding).toBe("art7.2/per-enterprise-per-year");
  });

  it("a large loan is capped at 200,000", () => {
    const big = { ...loan, principal: "20000000", benchmarkAnnualRate: "0.04", interestPeriodEnd: "2025-12-27", interestPaid: "800000" };
    const result = run("art7.2", big);
    expect(result.roundedAmount).toBe("400000.00");
    expect(result.amount).toBe("200000.00");
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "CAP_APPLIED"]);
  });

  it("annual online retail: 5,000,000.00 qualifies (以上), 5,000,000.01 qualifies, 4,999,999.99 does not", () => {
    expect(run("art7.2", { ...loan, annualOnlineRetail: "5000000.00" }).status).toBe("eligible");
    expect(run("art7.2", { ...loan, annualOnlineRetail: "5000000.01" }).status).toBe("eligible");
    const below = run("art7.2", { ...loan, annualOnlineRetail: "4999999.99" });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art7.2/online-retail"]);
    expect(below.conditions[1]?.comparison).toMatchObject({ left: "4999999.99", op: ">=", right: "5000000", holds: false });
  });

  it("growth: 0.10 qualifies (以上), 0.1001 qualifies, 0.0999 does not", () => {
    expect(run("art7.2", { ...loan, growthRate: "0.10" }).status).toBe("eligible");
    expect(run("art7.2", { ...loan, growthRate: "0.1001" }).status).toBe("eligible");
    const below = run("art7.2", { ...loan, growthRate: "0.0999" });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art7.2/growth"]);
  });

  it("negative growth is accepted as input and fails the threshold", () => {
    const result = run("art7.2", { ...loan, growthRate: "-0.05" });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art7.2/growth"]);
  });

  it("not statistically registered, not an own-operations commercial loan, or not approved by review: ineligible", () => {
    expect(run("art7.2", { ...loan, statisticallyRegistered: false }).failedConditions).toEqual(["art7.2/statistically-registered"]);
    expect(run("art7.2", { ...loan, ownOperationsCommercialLoan: false }).failedConditions).toEqual(["art7.2/commercial-loan"]);
    expect(run("art7.2", { ...loan, thirdPartyReviewApproved: false }).failedConditions).toEqual(["art7.2/third-party-review"]);
  });

  it("a missing fact makes the clause undetermined, naming the field", () => {
    const noReview = run("art7.2", { ...loan, thirdPartyReviewApproved: undefined });
    expect(noReview.status).toBe("undetermined");
    expect(noReview.missingFacts).toEqual(["thirdPartyReviewApproved"]);
    const noPrincipal = run("art7.2", { ...loan, principal: null });
    expect(noPrincipal.status).toBe("undetermined");
    expect(noPrincipal.amount).toBeNull();
    expect(noPrincipal.missingFacts).toEqual(["principal"]);
  });

  it("a missing interest-period end: undetermined, not a validation error", () => {
    const result = run("art7.2", { ...loan, interestPeriodEnd: undefined });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["interestPeriodEnd"]);
  });

  it("missing interest paid is never read as zero", () => {
    expect(run("art7.2", { ...loan, interestPaid: undefined }).missingFacts).toEqual(["interestPaid"]);
  });

  it("an empty claim names every fact, conditions first, then the amount's inputs", () => {
    expect(run("art7.2", {}).missingFacts).toEqual([
      "statisticallyRegistered",
      "annualOnlineRetail",
      "growthRate",
      "ownOperationsCommercialLoan",
      "thirdPartyReviewApproved",
      "principal",
      "benchmarkAnnualRate",
      "interestPeriodStart",
      "interestPeriodEnd",
      "interestPaid",
    ]);
  });

  it("the benchmark rate is an input: another LPR gives another amount (3.10%: 38,750.00)", () => {
    // 10,000,000 × 0.031 × 0.5 × 90 ÷ 360 = 38,750
    expect(amountOf("art7.2", { ...loan, benchmarkAnnualRate: "0.031" })).toBe("38750.00");
  });

  it("the subsidised share is read from the edition: a what-if share of 40% gives 34,500.00", () => {
    const edition: Edition = {
      ...DRAFT_EDITION,
      id: "what-if",
      parameters: { ...DRAFT_EDITION.parameters, "art7.2": { ...DRAFT_EDITION.parameters["art7.2"], shareOfBenchmark: "0.40" } },
    };
    expect(amountOf("art7.2", loan, { edition })).toBe("34500.00");
  });

  it("validation: an end before the start is refused, naming interestPeriodEnd", () => {
    const issues = issuesOf("art7.2", { ...loan, interestPeriodStart: "2025-04-01", interestPeriodEnd: "2025-01-01" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "inconsistent", path: "interestPeriodEnd" });
    expect(issues[0]?.expected).toContain("2025-04-01");
  });

  it("validation: an end one day before the start is refused even when a condition fails", () => {
    const issues = issuesOf("art7.2", { ...loan, statisticallyRegistered: false, interestPeriodEnd: "2024-12-31" });
    expect(issues[0]).toMatchObject({ code: "inconsistent", path: "interestPeriodEnd" });
  });

  it("validation: 2026-02-30 does not exist", () => {
    const issues = issuesOf("art7.2", { ...loan, interestPeriodStart: "2026-02-30", interestPeriodEnd: "2026-03-31" });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("interestPeriodStart");
    expect(issues[0]?.hint).toMatch(/28 days/);
  });

  it("validation: 2024-02-29 exists, 2025-02-29 does not", () => {
    expect(run("art7.2", { ...loan, interestPeriodStart: "2024-02-29", interestPeriodEnd: "2024-03-01" }).amount).toBe("479.17");
    expect(issuesOf("art7.2", { ...loan, interestPeriodEnd: "2025-02-29" })[0]?.path).toBe("interestPeriodEnd");
  });

  it("validation: a date in another format or as a number is refused, naming the field", () => {
    expect(issuesOf("art7.2", { ...loan, interestPeriodStart: "2025/01/01" })[0]?.path).toBe("interestPeriodStart");
    expect(issuesOf("art7.2", { ...loan, interestPeriodEnd: 20250401 })[0]?.path).toBe("interestPeriodEnd");
  });

  it("validation: a principal with thousands separators is refused", () => {
    const issues = issuesOf("art7.2", { ...loan, principal: "1,000" });
    expect(issues[0]?.path).toBe("principal");
    expect(issues[0]?.hint).toMatch(/thousands separators/);
  });

  it("validation: a benchmark rate written as a percentage, or above 1, is refused", () => {
    const percent = issuesOf("art7.2", { ...loan, benchmarkAnnualRate: "3.45%" });
    expect(percent[0]?.path).toBe("benchmarkAnnualRate");
    expect(percent[0]?.hint).toMatch(/decimal fraction/);
    expect(issuesOf("art7.2", { ...loan, benchmarkAnnualRate: "3.45" })[0]?.path).toBe("benchmarkAnnualRate");
  });

  it("validation: growth below −100% is refused", () => {
    expect(issuesOf("art7.2", { ...loan, growthRate: "-1.5" })[0]?.path).toBe("growthRate");
  });

  it("validation: every bad field is reported at once", () => {
    const issues = issuesOf("art7.2", { ...loan, interestPeriodStart: "2026-02-30", principal: "1,000" });
    expect(issues.map((i) => i.path).sort()).toEqual(["interestPeriodStart", "principal"]);
  });

  it("cites 第七条第（二）项; per loan, no one-time scope", () => {
    const { citation, once } = run("art7.2", loan);
    expect(citation.labelZh).toBe("第七条第（二）项");
    expect(citation.itemTextZh).toContain(citation.provisionZh);
    expect(once).toBeNull();
  });
});
