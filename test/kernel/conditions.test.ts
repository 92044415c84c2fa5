/**
 * Conditions share what is the same for every claim — labels, field lists, whole yes/no results — frozen,
 * so that a decision on many claims does not hold a copy per claim. Sharing must never hand one
 * condition's parts to another, nor outlive a change of wording.
 */
import { describe, expect, it } from "vitest";
import { factCondition, fieldComparisonCondition, requireFact, thresholdCondition } from "../../src/kernel/conditions.js";
import { Dec } from "../../src/kernel/decimal.js";
import { CIVIL_CODE_WORDS } from "../../src/kernel/words.js";
import { evaluateClause } from "../../src/evaluate-clause.js";

const label = (en: string) => ({ en, zh: `中文${en}` });
const parse = (text: string) => new Dec(text);
const threshold = (id: string, value: string | undefined, field = "turnover", text = "turnover") =>
  thresholdCondition(
    { id, field, value: value === undefined ? undefined : new Dec(value), threshold: { value: "1000000", word: "不低于" }, unit: "yuan", label: label(text) },
    CIVIL_CODE_WORDS,
    parse,
  );

describe("requireFact", () => {
  it("gives the same frozen result for the same fact and value, and the right one for each value", () => {
    const met = requireFact("t/fact", "f", true, label("a fact"));
    expect(requireFact("t/fact", "f", true, label("a fact"))).toBe(met);
    expect(Object.isFrozen(met)).toBe(true);
    expect(Object.isFrozen(met.facts)).toBe(true);
    expect(Object.isFrozen(met.facts?.[0])).toBe(true);
    expect(Object.isFrozen(met.label)).toBe(true);
    expect(met).toEqual({ id: "t/fact", outcome: "met", label: label("a fact"), fields: ["f"], missing: [], facts: [{ field: "f", value: true }], combine: "all" });
    expect(requireFact("t/fact", "f", false, label("a fact"))).toMatchObject({ outcome: "failed", missing: [], facts: [{ field: "f", value: false }] });
    expect(requireFact("t/fact", "f", undefined, label("a fact"))).toMatchObject({ outcome: "missing", missing: ["f"], facts: [{ field: "f", value: null }] });
  });

  it("a shared result cannot be changed by a caller", () => {
    const met = requireFact("t/frozen", "f", true, label("x"));
    expect(() => {
      (met as { outcome: string }).outcome = "failed";
    }).toThrow(TypeError);
    expect(requireFact("t/frozen", "f", true, label("x")).outcome).toBe("met");
  });

  it("a new wording or field under the same id is used, not the wording first seen", () => {
    expect(requireFact("t/reworded", "f", true, label("old")).label.en).toBe("old");
    expect(requireFact("t/reworded", "f", true, label("new")).label.en).toBe("new");
    expect(requireFact("t/reworded", "g", true, label("new"))).toMatchObject({ fields: ["g"], facts: [{ field: "g", value: true }] });
    expect(requireFact("t/reworded", "g", true, { en: "new", zh: "改" }).label.zh).toBe("改");
  });
});

describe("factCondition", () => {
  const spec = (a: boolean | undefined, b: boolean | undefined, combine: "all" | "any" = "any") => ({
    id: "t/facts",
    label: label("either"),
    facts: [
      { field: "a", value: a },
      { field: "b", value: b },
    ],
    combine,
  });

  it("shares one result per combination of values, each correct", () => {
    expect(factCondition(spec(true, false))).toBe(factCondition(spec(true, false)));
    expect(factCondition(spec(true, false))).not.toBe(factCondition(spec(false, true)));
    expect(factCondition(spec(false, false)).outcome).toBe("failed");
    expect(factCondition(spec(undefined, false))).toMatchObject({ outcome: "missing", missing: ["a"] });
    expect(factCondition(spec(undefined, true)).outcome).toBe("met");
  });

  it("keeps all and any apart under the same id", () => {
    expect(factCondition(spec(true, false, "any")).outcome).toBe("met");
    expect(factCondition(spec(true, false, "all")).outcome).toBe("failed");
    expect(factCondition(spec(true, false, "any")).combine).toBe("any");
  });
});

describe("thresholdCondition and fieldComparisonCondition", () => {
  it("share the label and the field list, and compare each claim's own value", () => {
    const low = threshold("t/threshold", "999999.99");
    const high = threshold("t/threshold", "1000000");
    expect(low.label).toBe(high.label);
    expect(low.fields).toBe(high.fields);
    expect(low.outcome).toBe("failed");
    expect(high.outcome).toBe("met");
    expect(low.comparison?.left).toBe("999999.99");
    expect(high.comparison?.left).toBe("1000000.00");
    expect(threshold("t/threshold", undefined)).toMatchObject({ outcome: "missing", missing: ["turnover"] });
  });

  it("a new field or wording under the same id is used", () => {
    expect(threshold("t/threshold-2", "1", "turnover", "old").label.en).toBe("old");
    expect(threshold("t/threshold-2", "1", "sales", "old")).toMatchObject({ fields: ["sales"] });
    expect(threshold("t/threshold-2", "1", "sales", "new").label.en).toBe("new");
  });

  it("a comparison of two fields shares its two fields", () => {
    const compare = (value: string) =>
      fieldComparisonCondition(
        { id: "t/growth", field: "growth", value: new Dec(value), otherField: "city", otherValue: new Dec("0.05"), word: "不低于", unit: "rate", label: label("growth") },
        CIVIL_CODE_WORDS,
      );
    expect(compare("0.04").fields).toBe(compare("0.06").fields);
    expect(compare("0.04").fields).toEqual(["growth", "city"]);
    expect(compare("0.05").outcome).toBe("met");
  });
});

describe("in clause results", () => {
  it("two claims of a clause share their conditions' labels; their comparisons are their own", () => {
    const a = evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "900000" });
    const b = evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" });
    expect(a.conditions[0]).toBe(b.conditions[0]);
    expect(a.conditions[1]?.label).toBe(b.conditions[1]?.label);
    expect(a.conditions[1]?.comparison?.left).toBe("900000.00");
    expect(b.conditions[1]?.comparison?.left).toBe("6000000.00");
    expect(a.status).toBe("ineligible");
    expect(b.status).toBe("eligible");
  });
});

describe("shared parts are matched on every part of the wording (each check below once survived a mutant)", () => {
  const facts = (id: string, fields: string[], en: string, combine: "all" | "any", values: (boolean | undefined)[]) =>
    factCondition({ id, label: { en, zh: en }, facts: fields.map((field, i) => ({ field, value: values[i] })), combine });

  it("factCondition: the same id with other field names, another label, another number of facts", () => {
    expect(facts("t/m1", ["a", "b"], "L", "any", [true, false]).fields).toEqual(["a", "b"]);
    expect(facts("t/m1", ["a", "c"], "L", "any", [true, false]).fields).toEqual(["a", "c"]);
    expect(facts("t/m1", ["x", "c"], "L", "any", [true, false]).facts).toEqual([
      { field: "x", value: true },
      { field: "c", value: false },
    ]);
    expect(facts("t/m1", ["x", "c"], "other", "any", [true, false]).label.en).toBe("other");
    expect(facts("t/m1", ["x", "c", "d"], "other", "any", [false, false, true]).fields).toEqual(["x", "c", "d"]);
    expect(facts("t/m1", ["x", "c"], "other", "any", [false, false]).fields).toEqual(["x", "c"]);
  });

  it("factCondition under all: every fact true is met; one false fails; unknown is missing", () => {
    expect(facts("t/m2", ["a", "b"], "L", "all", [true, true]).outcome).toBe("met");
    expect(facts("t/m2", ["a", "b"], "L", "all", [true, false]).outcome).toBe("failed");
    expect(facts("t/m2", ["a", "b"], "L", "all", [true, undefined])).toMatchObject({ outcome: "missing", missing: ["b"] });
    expect(facts("t/m2", ["a", "b"], "L", "all", [false, undefined])).toMatchObject({ outcome: "failed", missing: [] });
  });

  it("fieldComparisonCondition: the same id with another second field or one field less", () => {
    const compare = (otherField: string) =>
      fieldComparisonCondition(
        { id: "t/m3", field: "growth", value: new Dec("0.1"), otherField, otherValue: new Dec("0.05"), word: "不低于", unit: "rate", label: label("g") },
        CIVIL_CODE_WORDS,
      );
    expect(compare("city").fields).toEqual(["growth", "city"]);
    expect(compare("province").fields).toEqual(["growth", "province"]);
    expect(threshold("t/m3", "1", "growth", "g").fields).toEqual(["growth"]);
    expect(compare("province").fields).toEqual(["growth", "province"]);
  });
});
