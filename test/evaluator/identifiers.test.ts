/**
 * Identifiers read one way (docs/applications.md, "Identifiers"): NFKC, trimmed, every dash as "-";
 * two spellings of one kind that meet that way, or differ only in letter case, are refused naming both.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate.js";
import { ambiguityKey, canonicalId, hiddenCharacter } from "../../src/kernel/identifiers.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { thrownIssues } from "../helpers.js";

const issuesOf = (doc: unknown) => thrownIssues(() => evaluate(doc, EDITION));

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CREDIT_CODE = "91110117MA02PARK0C";

const park = (id: string, projectId: string, factDate = "2025-06-30") => ({
  id,
  clauseId: "art3.1",
  factDate,
  projectId,
  input: { usedArea: "12600", annualOnlineRetail: "820000000", investment: "8000000" },
});

function application(claims: unknown[], history: unknown[] = [], creditCode = CREDIT_CODE) {
  return {
    applicant: { name: "某园区运营公司", creditCode, registeredInPinggu: true, liveCommerceBusiness: true },
    claims,
    history,
  };
}

describe("canonicalId", () => {
  it("keeps a plain ASCII id as it is", () => expect(canonicalId("PARK-2025-01")).toBe("PARK-2025-01"));
  it("trims surrounding spaces, full-width ones too", () => {
    expect(canonicalId(" park-1 ")).toBe("park-1");
    expect(canonicalId("\u3000park-1\u3000")).toBe("park-1");
  });
  it("reads full-width letters and digits as ASCII (NFKC)", () => expect(canonicalId("ｐａｒｋ－１")).toBe("park-1"));
  it.each(["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63", "\uff0d", "\u2e3a"])("reads dash %j as '-'", (dash) =>
    expect(canonicalId(`park${dash}1`)).toBe("park-1"),
  );
  it("keeps letter case (two ids that differ only in case are refused, not merged)", () => expect(canonicalId("PARK-1")).toBe("PARK-1"));
  it("folds case only for the ambiguity key", () => expect(ambiguityKey("PARK‑1 ")).toBe("park-1"));
});

describe("hiddenCharacter", () => {
  it.each([
    ["zero-width space", "park\u200b-1", "U+200B"],
    ["zero-width joiner", "park\u200d-1", "U+200D"],
    ["byte order mark", "\ufeffpark-1", "U+FEFF"],
    ["right-to-left override", "park\u202e-1", "U+202E"],
    ["left-to-right isolate", "park\u2066-1", "U+2066"],
    ["tab", "park\t1", "U+0009"],
    ["newline", "park\n1", "U+000A"],
    ["DEL", "park\u007f1", "U+007F"],
  ])("finds a %s", (_name, id, code) => expect(hiddenCharacter(id)).toBe(code));
  it("finds nothing in an ordinary id, Chinese included", () => expect(hiddenCharacter("金海湖-项目1")).toBeNull());
});

describe("ids in an application", () => {
  it("a single unusual spelling is read in its canonical form", () => {
    const decision = evaluate(application([park("p1 ", "ｐａｒｋ－１")]), EDITION);
    expect(decision.claims[0]?.claimId).toBe("p1");
    expect(decision.claims[0]?.status).toBe("awarded");
  });

  it.each([
    ["a trailing space", "park-1 "],
    ["upper case", "PARK-1"],
    ["a non-breaking hyphen U+2011", "park\u20111"],
    ["full-width", "ｐａｒｋ－１"],
    ["a minus sign U+2212", "park\u22121"],
  ])("refuses a project id spelt with %s beside park-1, naming both", (_what, other) => {
    const issues = issuesOf(application([park("p1", "park-1"), park("p2", other, "2025-07-01")]));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("claims[1].projectId");
    expect(issues[0]?.code).toBe("inconsistent");
    expect(issues[0]?.expected).toContain("claims[0].projectId");
    expect(issues[0]?.expected).toContain('"park-1"');
    expect(issues[0]?.received).toBe(JSON.stringify(other));
    expect(issues[0]?.expectedZh).toContain("同一项目编号只用一种写法");
  });

  it("one spelling used twice is one project (paid once under art3.1's one-time scope)", () => {
    const decision = evaluate(application([park("p1", "park-1"), park("p2", "park-1", "2025-07-01")]), EDITION);
    expect(decision.claims.map((c) => c.status)).toEqual(["awarded", "duplicate"]);
  });

  it("compares project ids of the history with those of the claims", () => {
    const grant = { id: "g1", clauseId: "art3.1", factDate: "2025-04-01", amount: "100000.00", projectId: "PARK-1" };
    const issues = issuesOf(application([park("p1", "park-1")], [grant]));
    expect(issues.map((i) => i.path)).toEqual(["history[0].projectId"]);
    expect(issues[0]?.expected).toContain("claims[0].projectId");
  });

  it("refuses claim ids that differ only in case or spaces, and keeps refusing an exact repeat", () => {
    const issues = issuesOf(application([park("s1", "a"), park("S1", "b"), park("s1 ", "c"), park("s1", "d")]));
    expect(issues.map((i) => i.path)).toEqual(["claims[1].id", "claims[2].id", "claims[3].id"]);
    expect(issues[2]?.expected).toContain("used once");
  });

  it("keeps kinds apart: a claim id may equal a project id", () => {
    expect(() => evaluate(application([park("x", "X")]), EDITION)).not.toThrow();
  });

  it("refuses a hidden character in every kind of id", () => {
    const grant = { id: "g\u200b1", clauseId: "art3.1", factDate: "2025-04-01", amount: "1.00", productId: "q\u202e" };
    const claim = { ...park("p\u20601", "park\u200d1"), productId: "\ufeffx" };
    const issues = issuesOf(application([claim], [grant]));
    expect(issues.map((i) => i.path)).toEqual(["claims[0].id", "claims[0].projectId", "claims[0].productId", "history[0].id", "history[0].productId"]);
    expect(issues[0]?.expected).toContain("U+2060");
  });

  it("refuses an id of spaces only", () => {
    expect(issuesOf(application([park("\u3000 ", "a")])).map((i) => i.path)).toEqual(["claims[0].id"]);
  });

  it("reads a finding's grant ids like the history's", () => {
    const grant = { id: "g-1", clauseId: "art3.1", factDate: "2025-04-01", amount: "1.00" };
    const doc = application([park("p1", "a")], [grant]);
    (doc.applicant as Record<string, unknown>).misconductFindings = [{ kind: "false-data", foundOn: "2025-05-01", description: "虚报", grants: ["G-1"] }];
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(["applicant.misconductFindings[0].grants[0]"]);
  });
});

describe("the credit code", () => {
  it("is read in upper case, NFKC and trimmed", () => {
    const decision = evaluate(application([park("p1", "a")], [], " ９１１１０１１７ma02park0c "), EDITION);
    expect(decision.applicant.creditCode).toBe(CREDIT_CODE);
  });
});
