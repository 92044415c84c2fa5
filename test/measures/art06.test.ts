import { describe, expect, it } from "vitest";
import type { ClauseOptions } from "../../src/evaluate-clause.js";
import { amountOf, issuesOf, run } from "../helpers.js";

const trainer = { personTimesTrained: "500", completeTrainingRecords: true, placementRate: "0.20" };

describe("art6.1 开展技能培训", () => {
  it("person-times: 500 qualifies (以上 includes the number), 501 qualifies, 499 does not", () => {
    expect(run("art6.1", { ...trainer, personTimesTrained: "500" }).status).toBe("eligible");
    expect(run("art6.1", { ...trainer, personTimesTrained: 501 }).status).toBe("eligible");
    const below = run("art6.1", { ...trainer, personTimesTrained: "499" });
    expect(below.status).toBe("ineligible");
    expect(below.amount).toBe("0.00");
    expect(below.failedConditions).toEqual(["art6.1/person-times"]);
    expect(below.conditions[0]?.comparison).toMatchObject({ left: "499", op: ">=", right: "500", holds: false });
  });

  it("placement rate: 0.20 qualifies (以上), 0.2001 qualifies, 0.1999 does not", () => {
    expect(run("art6.1", { ...trainer, placementRate: "0.20" }).status).toBe("eligible");
    expect(run("art6.1", { ...trainer, placementRate: "0.2001" }).status).toBe("eligible");
    const below = run("art6.1", { ...trainer, placementRate: "0.1999" });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art6.1/placement-rate"]);
  });

  it("placement rate given as a JS number 0.2 is exactly 0.2, not a binary float", () => {
    expect(run("art6.1", { ...trainer, placementRate: 0.2 }).status).toBe("eligible");
  });

  it("incomplete training records: ineligible", () => {
    const result = run("art6.1", { ...trainer, completeTrainingRecords: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art6.1/training-records"]);
    expect(result.reasons.map((r) => r.code)).toEqual(["FACT_NOT_ESTABLISHED"]);
  });

  it("every condition failing is listed", () => {
    const result = run("art6.1", { personTimesTrained: "10", completeTrainingRecords: false, placementRate: "0" });
    expect(result.failedConditions).toEqual(["art6.1/person-times", "art6.1/training-records", "art6.1/placement-rate"]);
  });

  it("without an approved amount the result is the ceiling 100,000, flagged as the maximum", () => {
    const result = run("art6.1", trainer);
    expect(result.status).toBe("eligible");
    expect(result.amount).toBe("100000.00");
    expect(result.capBinding).toBeNull();
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "AMOUNT_IS_CEILING"]);
  });

  it("approvedAmount: null is the same as absent (the ceiling, flagged)", () => {
    const result = run("art6.1", { ...trainer, approvedAmount: null });
    expect(result.amount).toBe("100000.00");
    expect(result.reasons.map((r) => r.code)).toContain("AMOUNT_IS_CEILING");
  });

  it("an approved amount is paid as approved, without the ceiling flag", () => {
    const result = run("art6.1", { ...trainer, approvedAmount: "80000" });
    expect(result.amount).toBe("80000.00");
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE"]);
  });

  it("an approved amount of 0 is paid as 0.00, not replaced by the ceiling", () => {
    const result = run("art6.1", { ...trainer, approvedAmount: "0" });
    expect(result.amount).toBe("0.00");
    expect(result.reasons.map((r) => r.code)).not.toContain("AMOUNT_IS_CEILING");
  });

  it("cap 100,000: reached at 100,000.00 without biting, 99,999.99 is paid as is", () => {
    expect(amountOf("art6.1", { ...trainer, approvedAmount: "99999.99" })).toBe("99999.99");
    const at = run("art6.1", { ...trainer, approvedAmount: "100000.00" });
    expect(at.amount).toBe("100000.00");
    expect(at.capBinding).toBeNull();
    expect(at.caps[0]).toMatchObject({ id: "art6.1/per-training-entity", scope: "per-claim", bit: false });
  });

  it("cap 100,000 bites on an approved amount of 100,000.01", () => {
    const over = run("art6.1", { ...trainer, approvedAmount: "100000.01" });
    expect(over.roundedAmount).toBe("100000.01");
    expect(over.amount).toBe("100000.00");
    expect(over.capBinding).toBe("art6.1/per-training-entity");
    expect(over.reasons.map((r) => r.code)).toContain("CAP_APPLIED");
  });

  it("an approved amount with part of a fen is rounded once, half up: 12,345.675 → 12,345.68", () => {
    const result = run("art6.1", { ...trainer, approvedAmount: "12345.675" });
    expect(result.exactAmount).toBe("12345.675");
    expect(result.amount).toBe("12345.68");
  });

  it("rounding: rounded first, then capped — 100,000.004 reaches the cap without biting, 100,000.005 bites", () => {
    const reaches = run("art6.1", { ...trainer, approvedAmount: "100000.004" });
    expect(reaches.roundedAmount).toBe("100000.00");
    expect(reaches.capBinding).toBeNull();
    const bites = run("art6.1", { ...trainer, approvedAmount: "100000.005" });
    expect(bites.roundedAmount).toBe("100000.01");
    expect(bites.amount).toBe("100000.00");
    expect(bites.capBinding).toBe("art6.1/per-training-entity");
  });

  it("a missing fact makes the clause undetermined, naming the field", () => {
    const result = run("art6.1", { personTimesTrained: "600", placementRate: "0.3" });
    expect(result.status).toBe("undetermined");
    expect(result.amount).toBeNull();
    expect(result.missingFacts).toEqual(["completeTrainingRecords"]);
    expect(result.reasons.map((r) => r.code)).toEqual(["FACTS_MISSING"]);
  });

  it("several missing facts are all named; an empty claim names every condition field", () => {
    expect(run("art6.1", {}).missingFacts).toEqual(["personTimesTrained", "completeTrainingRecords", "placementRate"]);
  });

  it("a failed condition decides even when another fact is missing", () => {
    const result = run("art6.1", { personTimesTrained: "499", placementRate: null });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art6.1/person-times"]);
    expect(result.missingFacts).toEqual(["completeTrainingRecords", "placementRate"]);
  });

  it("is one-time per training entity per year, with the cap per claim", () => {
    const result = run("art6.1", trainer);
    expect(result.once).toBe("per-enterprise-per-year");
    expect(result.caps.map((c) => c.scope)).toEqual(["per-claim"]);
  });

  it("reads no interpretation switch but rounding", () => {
    expect(run("art6.1", trainer).switches).toEqual({ rounding: "fen-half-up" });
  });

  it("validation: a fractional person-time count is refused, naming the field", () => {
    const issues = issuesOf("art6.1", { ...trainer, personTimesTrained: "500.5" });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("personTimesTrained");
    expect(issues[0]?.hint).toMatch(/whole number/);
  });

  it("validation: a placement rate written as a percentage is refused with a hint", () => {
    const issues = issuesOf("art6.1", { ...trainer, placementRate: "20%" });
    expect(issues[0]?.path).toBe("placementRate");
    expect(issues[0]?.hint).toMatch(/decimal fraction/);
  });

  it("validation: a placement rate above 1 (20 meant as 20%) is refused", () => {
    const issues = issuesOf("art6.1", { ...trainer, placementRate: "20" });
    expect(issues[0]?.path).toBe("placementRate");
    expect(issues[0]?.code).toBe("invalid_value");
  });

  it("validation: thousands separators in an approved amount are refused", () => {
    const issues = issuesOf("art6.1", { ...trainer, approvedAmount: "1,000" });
    expect(issues[0]?.path).toBe("approvedAmount");
    expect(issues[0]?.hint).toMatch(/thousands separators/);
  });

  it("validation: a fact given as text is refused; an unknown field is refused, naming it", () => {
    const text = issuesOf("art6.1", { ...trainer, completeTrainingRecords: "是" });
    expect(text[0]?.path).toBe("completeTrainingRecords");
    const typo = issuesOf("art6.1", { ...trainer, personTimes: "500" });
    expect(typo[0]?.code).toBe("unknown_field");
    expect(typo[0]?.path).toBe("personTimes");
  });

  it("cites 第六条第（一）项", () => {
    const { citation } = run("art6.1", trainer);
    expect(citation.labelZh).toBe("第六条第（一）项");
    expect(citation.itemTextZh.startsWith("（一）开展技能培训。")).toBe(true);
    expect(citation.itemTextZh).toContain(citation.provisionZh);
  });
});

const event = { publicBasicServiceEvent: true, actualCost: "200000" };

describe("art6.2 举办特色活动", () => {
  it("50% of the actual cost", () => {
    const result = run("art6.2", event);
    expect(result.amount).toBe("100000.00");
    expect(result.steps.map((s) => s.result)).toEqual(["100000", "100000.00", "100000.00"]);
  });

  it("rounding edge: 50% of 1,234.57 = 617.285 rounds half up to 617.29", () => {
    const result = run("art6.2", { ...event, actualCost: "1234.57" });
    expect(result.exactAmount).toBe("617.285");
    expect(result.amount).toBe("617.29");
  });

  it("rounding edge: 50% of 0.01 = 0.005 rounds up to 0.01", () => {
    expect(amountOf("art6.2", { ...event, actualCost: "0.01" })).toBe("0.01");
  });

  it("A9 alternatives: half-even rounds 617.285 to 617.28; whole yuan gives 617.00", () => {
    const cost = { ...event, actualCost: "1234.57" };
    expect(amountOf("art6.2", cost, { switches: { rounding: "fen-half-even" } })).toBe("617.28");
    expect(amountOf("art6.2", cost, { switches: { rounding: "yuan-half-up" } })).toBe("617.00");
  });

  it("cap 300,000 per project: 599,999.98 stays under it", () => {
    const under = run("art6.2", { ...event, actualCost: "599999.98" });
    expect(under.amount).toBe("299999.99");
    expect(under.capBinding).toBeNull();
  });

  it("cap 300,000 reached without biting: 600,000.00, and 599,999.99 (299,999.995 rounds to 300,000.00)", () => {
    const at = run("art6.2", { ...event, actualCost: "600000.00" });
    expect(at.amount).toBe("300000.00");
    expect(at.capBinding).toBeNull();
    const roundsToCap = run("art6.2", { ...event, actualCost: "599999.99" });
    expect(roundsToCap.exactAmount).toBe("299999.995");
    expect(roundsToCap.roundedAmount).toBe("300000.00");
    expect(roundsToCap.amount).toBe("300000.00");
    expect(roundsToCap.capBinding).toBeNull();
  });

  it("cap 300,000 bites when the rounded amount exceeds it: 600,000.01 → 300,000.005 → 300,000.01 → 300,000.00", () => {
    const over = run("art6.2", { ...event, actualCost: "600000.01" });
    expect(over.exactAmount).toBe("300000.005");
    expect(over.roundedAmount).toBe("300000.01");
    expect(over.amount).toBe("300000.00");
    expect(over.capBinding).toBe("art6.2/per-project");
    expect(over.caps[0]).toMatchObject({ scope: "per-project", before: "300000.01", after: "300000.00", bit: true });
  });

  it("a large event is capped at 300,000", () => {
    expect(amountOf("art6.2", { ...event, actualCost: "5000000" })).toBe("300000.00");
  });

  it("not a public, basic, service-type event: ineligible", () => {
    const result = run("art6.2", { ...event, publicBasicServiceEvent: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art6.2/public-event"]);
  });

  it("a missing cost is a missing fact, never zero", () => {
    const result = run("art6.2", { publicBasicServiceEvent: true });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["actualCost"]);
  });

  it("an unknown event type is undetermined, naming the fact", () => {
    const result = run("art6.2", { actualCost: "100" });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["publicBasicServiceEvent"]);
  });

  it("A17 default one-time: paid once per project (一次性资金扶持), the cap is per project", () => {
    const result = run("art6.2", event);
    expect(result.once).toBe("per-project");
    expect(result.caps.map((c) => c.id)).toEqual(["art6.2/per-project"]);
    expect(result.switches).toEqual({ art6_2ProjectScope: "one-time", rounding: "fen-half-up" });
  });

  it("A17 alternative cumulative: no one-time scope (several claims of a project up to its cap), the same amount", () => {
    const result = run("art6.2", event, { switches: { art6_2ProjectScope: "cumulative" } });
    expect(result.once).toBeNull();
    expect(result.caps.map((c) => [c.id, c.scope])).toEqual([["art6.2/per-project", "per-project"]]);
    expect(result.amount).toBe(run("art6.2", event).amount);
    expect(result.switches).toMatchObject({ art6_2ProjectScope: "cumulative" });
  });

  it("A17: an unknown value of the switch is refused, naming it", () => {
    expect(issuesOf("art6.2", event, { switches: { art6_2ProjectScope: "once" } as unknown as ClauseOptions["switches"] })[0]?.path).toBe("switches.art6_2ProjectScope");
  });

  it("validation: a negative cost and a cost in 万元 are refused, naming the field", () => {
    expect(issuesOf("art6.2", { ...event, actualCost: "-1" })[0]?.path).toBe("actualCost");
    const units = issuesOf("art6.2", { ...event, actualCost: "5万元" });
    expect(units[0]?.path).toBe("actualCost");
    expect(units[0]?.hint).toMatch(/yuan/);
  });

  it("cites 第六条第（二）项", () => {
    const { citation } = run("art6.2", event);
    expect(citation.labelZh).toBe("第六条第（二）项");
    expect(citation.itemTextZh).toContain(citation.provisionZh);
  });
});
