/**
 * Steps share one frozen copy of each label wording (the clauses write labels as literals, so every
 * call made a new object that every step kept); the wording itself is never changed.
 */
import { describe, expect, it } from "vitest";
import { Calculation } from "../../src/kernel/calc.js";
import { Dec } from "../../src/kernel/decimal.js";

const stepLabel = (en: string, zh: string) => {
  const calc = new Calculation();
  calc.multiply({ en, zh }, new Dec("2"), new Dec("3"));
  calc.value({ en, zh }, new Dec("1"));
  return calc.steps.map((step) => step.label);
};

describe("step labels", () => {
  it("two calculations with the same wording share one frozen label", () => {
    const [a, b] = stepLabel("t: x × rate", "t：x × 比例");
    const [c] = stepLabel("t: x × rate", "t：x × 比例");
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(a).toEqual({ en: "t: x × rate", zh: "t：x × 比例" });
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("the same English with another Chinese keeps its own Chinese", () => {
    const [first] = stepLabel("t: same English", "中文一");
    const [second] = stepLabel("t: same English", "中文二");
    expect(first?.zh).toBe("中文一");
    expect(second?.zh).toBe("中文二");
  });

  it("a quiet calculation records no label at all", () => {
    const calc = new Calculation(false);
    expect(calc.multiply({ en: "t: quiet", zh: "静" }, new Dec("2"), new Dec("3")).toString()).toBe("6");
    expect(calc.steps).toEqual([]);
  });

  it("past its bound, the table stops growing and labels are used as given, still correct", () => {
    for (let i = 0; i < 1100; i++) stepLabel(`t: many ${i}`, `多 ${i}`);
    const [late] = stepLabel("t: after the bound", "界外");
    expect(late).toEqual({ en: "t: after the bound", zh: "界外" });
    const [again] = stepLabel("t: after the bound", "界外");
    expect(again).toEqual(late);
  });
});

describe("the rounding step says which rounding the edition uses (A9)", () => {
  it.each([
    ["fen-half-up", "round once to the fen, half up (四舍五入)", "四舍五入至分", "60000.00"],
    ["fen-half-even", "round once to the fen, half to even (A9 alternative)", "按“银行家舍入”保留至分（A9 备选）", "60000.00"],
    ["yuan-half-up", "round once to the whole yuan, half up (A9 alternative)", "四舍五入至元（A9 备选）", "60000"],
  ] as const)("%s", async (rounding, en, zh, result) => {
    const { evaluateClause } = await import("../../src/evaluate-clause.js");
    const out = evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "6000000" }, { switches: { rounding } });
    const round = out.steps.find((step) => step.kind === "round");
    expect(round?.label).toEqual({ en, zh });
    expect(round?.result.startsWith(result)).toBe(true);
  });
});
