import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { groupDigits, renderClauseReference } from "../src/docs/reference.js";
import { evaluateClause } from "../src/evaluate-clause.js";
import { explainClause } from "../src/kernel/explain.js";
import { DEFAULT_SWITCHES } from "../src/measures/edition-draft.js";
import { SWITCH_VALUES, type SwitchName } from "../src/measures/edition.js";
import { listRules } from "../src/measures/registry.js";

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8");

describe("docs/clauses.md", () => {
  it("matches the registry (regenerate with `npm run docs`)", () => {
    const expected = renderClauseReference();
    const committed = read("../docs/clauses.md");
    // Compare a boolean first so that a stale page fails with the instruction, not a 40 KB diff.
    expect(committed === expected, "docs/clauses.md is stale: run `npm run docs` and commit the result").toBe(true);
  });

  it("is deterministic: two renderings are identical", () => {
    expect(renderClauseReference()).toBe(renderClauseReference());
  });

  it("documents every rule with its citation, verbatim text, fields, caps and switches", () => {
    const text = renderClauseReference();
    for (const rule of listRules()) {
      expect(text).toContain(`## \`${rule.id}\` — ${rule.title.zh}`);
      expect(text).toContain(rule.citation.labelZh);
      expect(text).toContain(`> ${rule.citation.itemTextZh}`);
      expect(text).toContain(`> ${rule.citation.provisionZh}`);
      for (const field of Object.keys((rule.schema as unknown as { shape: object }).shape)) {
        expect(text).toContain(`| \`${field}\` |`);
      }
      for (const name of rule.switches) expect(text).toContain(`\`${name}\` (${SWITCH_VALUES[name as SwitchName].register})`);
    }
  });

  it("groups digits without consulting the locale", () => {
    expect(groupDigits("20000000")).toBe("20,000,000");
    expect(groupDigits("1000000.01")).toBe("1,000,000.01");
    expect(groupDigits("0.30")).toBe("0.30");
    expect(groupDigits("500")).toBe("500");
  });
});

describe("docs/ambiguity-register.md", () => {
  const register = read("../docs/ambiguity-register.md");

  it("names every switch with its register entry, every value and the default", () => {
    for (const name of Object.keys(SWITCH_VALUES) as SwitchName[]) {
      const { register: entry, values } = SWITCH_VALUES[name];
      const row = register.split("\n").find((line) => line.startsWith(`| ${entry} |`));
      expect(row, `a row for ${entry}`).toBeDefined();
      expect(row).toContain(`\`${name}\``);
      for (const value of values) expect(row).toContain(`\`${value}\``);
      expect(row).toContain(`default \`${DEFAULT_SWITCHES[name]}\``);
    }
  });
});

describe("README.md", () => {
  const readme = read("../README.md");

  it("opens with the two commands for a newcomer: the demo and the tests", () => {
    const firstLines = readme.split("\n").slice(0, 12).join("\n");
    expect(firstLines).toContain("npm ci && npm run demo");
    expect(firstLines).toContain("npm ci && npm test");
  });

  it("gives the test command CI runs: .ci/run is `npm ci` then `npm test`", () => {
    const commands = read("../.ci/run")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#") && !line.startsWith("set ") && !line.startsWith("cd "));
    expect(commands).toEqual(["npm ci", "npm test"]);
  });

  it("shows the output its usage example really prints", () => {
    const result = evaluateClause("art3.1", { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" });
    expect(readme).toContain(`result.amount; // "${result.amount}"`);
    const shown = /```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(shown, "README's example output is out of date: paste the output of explainClause(result)").toBe(explainClause(result));
  });
});
