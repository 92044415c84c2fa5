/**
 * One applicant, one ledger in a simulation: a second application of a credit code is refused as
 * invalid, naming the first, or merged with it when asked (mergeSameApplicant).
 */
import { describe, expect, it } from "vitest";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { simulate } from "../../src/simulate.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CODE = "91110117MA06BRND0Y";
const OTHER = "91110117MA02PARK0C";

const sessions = (prefix: string, creditCode = CODE) => ({
  applicant: { name: "某直播公司", creditCode, registeredInPinggu: true, liveCommerceBusiness: true },
  claims: [4, 5, 6, 7].map((month) => ({
    id: `${prefix}${month}`,
    clauseId: "art4.1-session",
    factDate: `2025-0${month}-01`,
    input: { pingguGoodsSpecialSession: true, sessionTurnover: "5000000" },
  })),
});

describe("simulate: one applicant, one ledger", () => {
  it("refuses a second application of one credit code as invalid, naming the first; the first counts", () => {
    const [summary] = simulate([sessions("a"), sessions("b", OTHER), sessions("c", CODE.toLowerCase())], [EDITION]).editions;
    expect(summary).toMatchObject({ applications: 3, invalidApplications: 1 });
    expect(summary?.invalid[0]?.index).toBe(2);
    expect(summary?.invalid[0]?.issues[0]?.path).toBe("applicant.creditCode");
    expect(summary?.invalid[0]?.issues[0]?.expected).toContain("application [0]");
    expect(summary?.totals.overall).toBe("400000.00");
  });

  it("without the check, the two documents would have taken two annual caps: merged they take one", () => {
    const [merged] = simulate([sessions("a"), sessions("c")], [EDITION], { mergeSameApplicant: true }).editions;
    // 8 sessions of 50,000 in 2025 against the annual cap of 300,000.
    expect(merged).toMatchObject({ applications: 1, invalidApplications: 0, claims: 8, beneficiaries: 1 });
    expect(merged?.totals.overall).toBe("300000.00");
  });

  it("merging keeps the others and the order of first sight", () => {
    const [merged] = simulate([sessions("a"), sessions("b", OTHER), sessions("c")], [EDITION, EDITION], { mergeSameApplicant: true }).editions;
    expect(merged?.totals.overall).toBe("500000.00");
    expect(merged?.applications).toBe(2);
  });

  it("a merge that cannot be made is reported as invalid at the first document's place", () => {
    const grant = { id: "g1", clauseId: "art4.1-session", factDate: "2025-03-10", amount: "10000" };
    const one = { ...sessions("a"), history: [grant] };
    const two = { ...sessions("c"), history: [{ ...grant, amount: "20000" }] };
    const [summary] = simulate([sessions("x", OTHER), one, two], [EDITION], { mergeSameApplicant: true }).editions;
    expect(summary).toMatchObject({ invalidApplications: 1 });
    expect(summary?.invalid[0]?.index).toBe(1);
    expect(summary?.invalid[0]?.issues[0]?.path).toBe("[2].history[0]");
  });
});
