/**
 * 第九条 / 第十三条: what is to be recovered, from the grant history and the findings as an application
 * document writes them (JSON), and a clear validation error for anything else.
 */
import { describe, expect, it } from "vitest";
import { recoveries } from "../../src/art09-13-recoveries.js";
import { thrownIssues } from "../helpers.js";

const history = [
  { id: "g1", clauseId: "art4.2", factDate: "2025-05-01", amount: "200000.00" },
  { id: "g2", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "30000" },
];
const finding = (grants: "all" | string[]) => ({ kind: "false-data", foundOn: "2026-01-10", description: "虚报成交额", grants });

describe("recoveries", () => {
  it("takes the JSON grants and findings of an application document", () => {
    const report = recoveries(history, [finding(["g1"])]);
    expect(report.items.map((i) => [i.grantId, i.amount, i.findings])).toEqual([["g1", "200000.00", [0]]]);
    expect(report.total).toBe("200000.00");
    expect(report.citations.map((c) => c.labelZh)).toEqual(["第九条", "第十三条"]);
  });

  it("'all' ties every grant, in fact-date order; a grant tied twice is listed once with both findings", () => {
    const report = recoveries(history, [finding("all"), finding(["g1"])]);
    expect(report.items.map((i) => [i.grantId, i.findings])).toEqual([
      ["g2", [0]],
      ["g1", [0, 1]],
    ]);
    expect(report.total).toBe("230000.00");
  });

  it("no findings: nothing to recover, no citation", () => {
    expect(recoveries(history, [])).toEqual({ citations: [], items: [], total: "0.00" });
  });

  it.each([
    ["null history", null, [], "history"],
    ["a grant without an amount", [{ id: "g1", clauseId: "art4.2", factDate: "2025-05-01" }], [], "history[0].amount"],
    ["a grant amount as words", [{ ...history[0], amount: "lots" }], [], "history[0].amount"],
    ["findings not a list", history, { kind: "false-data" }, "findings"],
    ["an unknown finding kind", history, [{ ...finding("all"), kind: "rumour" }], "findings[0].kind"],
  ])("refuses %s with a validation error naming the field", (_what, h, f, path) => {
    expect(thrownIssues(() => recoveries(h, f)).map((i) => i.path)).toContain(path);
  });

  it("refuses a cyclic history without overflowing the stack", () => {
    const cyclic: Record<string, unknown> = { id: "g1" };
    cyclic.self = cyclic;
    expect(thrownIssues(() => recoveries([cyclic], [])).length).toBeGreaterThan(0);
  });
});
