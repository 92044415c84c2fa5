import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { explainDecision } from "../src/explain-decision.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { decisionSchema } from "../src/schemas.js";

const root = new URL("../fixtures/", import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), "utf8"));
const edition = deriveEdition(read("editions/published-2025-03-01.json"));
const names = readdirSync(new URL("applications/", root))
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.replace(/\.json$/, ""))
  .sort();

describe("sample applications against their golden decisions (regenerate with `npm run golden` after checking by hand)", () => {
  it("there are the five sample applicants of the issue", () => {
    expect(names).toEqual(["brand-company", "logistics-firm", "mcn-agency", "park-operator", "training-school"]);
  });

  for (const name of names) {
    describe(name, () => {
      const decision = evaluate(read(`applications/${name}.json`), edition);

      it("matches fixtures/decisions/<name>.json exactly", () => {
        expect(JSON.parse(JSON.stringify(decision))).toEqual(read(`decisions/${name}.json`));
      });

      it("is explained end to end in Chinese, matching fixtures/decisions/<name>.zh.txt", () => {
        const text = explainDecision(decision, "zh");
        expect(`${text}\n`).toBe(readFileSync(new URL(`decisions/${name}.zh.txt`, root), "utf8"));
        for (const claim of decision.claims) expect(text).toContain(claim.claimId);
      });

      it("is explained end to end in English, matching fixtures/decisions/<name>.en.txt", () => {
        const text = explainDecision(decision, "en");
        expect(`${text}\n`).toBe(readFileSync(new URL(`decisions/${name}.en.txt`, root), "utf8"));
        for (const claim of decision.claims) expect(text).toContain(claim.claimId);
      });

      it("conforms to the decision schema, and its totals add up", () => {
        expect(decisionSchema.safeParse(JSON.parse(JSON.stringify(decision))).success).toBe(true);
        const cents = (s: string | null) => (s === null ? 0 : Math.round(Number(s) * 100));
        const sum = decision.claims.reduce((total, claim) => total + cents(claim.amount), 0);
        expect(sum).toBe(cents(decision.totals.overall));
      });
    });
  }
});

describe("hand-checked figures of the samples", () => {
  const total = (name: string) => evaluate(read(`applications/${name}.json`), edition).totals.overall;
  it("park operator: 2,000,000 (capped) + 220,000 (term headroom after an 80,000 grant) + 200,000", () => {
    expect(total("park-operator")).toBe("2420000.00");
  });
  it("MCN agency: 148,000 (0.8% of 18,500,000) + sessions to the 300,000 annual cap less the 40,000 grant", () => {
    expect(total("mcn-agency")).toBe("408000.00");
  });
  it("training school: 85,000 + the 100,000 ceiling + 50% of 186,000.50", () => {
    expect(total("training-school")).toBe("278000.25");
  });
  it("logistics firm: 500,000 + 175,000 + 44,083.33 + 155,916.67 (the 2025 interest cap's headroom)", () => {
    expect(total("logistics-firm")).toBe("875000.00");
  });
  it("brand company: 500,000 + 500,000 + 360,000 (就高 over 180,000); other-policy claim refused", () => {
    expect(total("brand-company")).toBe("1360000.00");
  });
});
