/**
 * `--format markdown`: a report to read or to paste into a ticket — headline totals, a table of every
 * claim, the invalid inputs with each problem, then each claim's explanation step by step
 * (`explainClaim`). Totals come first, so the report is assembled before it is written.
 */
import { explainClaim, type Edition } from "../../../index.js";
import { describeOrigin, statusLabel, STATUSES, windowBasis, word } from "../labels.js";
import { markdownText } from "../markdown-text.js";
import { describeProblem } from "../problems.js";
import type { Outcome, Sink, Summary, Writer, WriterOptions } from "../outcome.js";

/** Quoted text, escaped so it stays text (src/adapters/cli/markdown-text.ts). */
const cell = markdownText;

/** Text safe inside a fenced block: a run of backticks in it lengthens the fence. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

export function markdownWriter(sink: Sink, options: WriterOptions & { readonly edition: Edition }): Writer {
  const lang = options.lang;
  const w = (key: Parameters<typeof word>[0]) => word(key, lang);
  const table: string[] = [];
  const invalid: string[] = [];
  const explanations: string[] = [];
  let window: string | undefined;
  return {
    async start() {},
    async add(outcome: Outcome) {
      const where = describeOrigin(outcome.origin, lang);
      if (outcome.kind === "invalid") {
        invalid.push(`- ${cell(where)}`);
        for (const problem of outcome.problems) invalid.push(`  - ${cell(describeProblem(problem, lang).replace(/\r?\n/g, " "))}`);
        table.push(`| ${cell(where)} | | | | **${w("invalid")}** | | ${[...new Set(outcome.problems.map((p) => p.code))].join(" ")} |`);
        return;
      }
      const { decision } = outcome;
      window ??= `${decision.window.from} … ${decision.window.to} (${windowBasis(decision.window.basis, lang)})`;
      const applicant = `${decision.applicant.name} (${decision.applicant.creditCode})`;
      for (const claim of decision.claims) {
        const codes = [...new Set(claim.reasons.map((reason) => reason.code))].join(" ");
        table.push(
          `| ${cell(applicant)} | ${cell(claim.claimId)} | ${claim.clauseId} | ${claim.factDate} | ${statusLabel(claim.status, lang)} | ${claim.amount ?? "—"} | ${codes} |`,
        );
      }
      explanations.push(`### ${cell(applicant)}`, "", `${w("source")}${lang === "zh" ? "：" : ": "}${cell(where)}`, "");
      for (const reason of decision.applicantReasons) explanations.push(`- \\[${reason.code}\\] ${cell(reason[lang])}`);
      if (decision.applicantReasons.length > 0) explanations.push("");
      if (decision.claims.length === 0) explanations.push(w("noClaims"), "");
      const ordered = [...decision.claims].sort((a, b) => a.sequence - b.sequence);
      for (const claim of ordered) explanations.push(fenced(explainClaim(claim, lang)), "");
      explanations.push(`${w("total")}: **${decision.totals.overall}** ${w("yuan")}`, "");
      if (decision.recoveries.items.length > 0) explanations.push(`${w("toRecover")}: **${decision.recoveries.total}** ${w("yuan")}`, "");
    },
    async finish(summary: Summary) {
      const lines: string[] = [`# ${w("report")}`, ""];
      const statuses = STATUSES.filter((status) => summary.byStatus[status] > 0)
        .map((status) => `${statusLabel(status, lang)} ${summary.byStatus[status]}`)
        .join(lang === "zh" ? "，" : ", ");
      const sep = lang === "zh" ? "：" : ": ";
      const comma = lang === "zh" ? "，" : ", ";
      const paren = (text: string) => (lang === "zh" ? `（${text}）` : ` (${text})`);
      lines.push(`- ${w("edition")}${sep}${options.edition.id} — ${options.edition.name[lang]}`);
      if (window) lines.push(`- ${w("window")}${sep}${window}`);
      lines.push(
        `- ${w("applications")}${sep}${summary.applications}${paren(`${w("evaluated")} ${summary.evaluated}${comma}${w("invalid")} ${summary.invalid}`)}`,
        `- ${w("claims")}${sep}${summary.claims}${statuses ? ` — ${statuses}` : ""}`,
        `- ${w("total")}${sep}**${summary.total}** ${w("yuan")}`,
      );
      if (summary.toRecover !== "0.00") lines.push(`- ${w("toRecover")}${sep}**${summary.toRecover}** ${w("yuan")}`);
      const byClause = summary.byClause;
      if (byClause.length > 0) lines.push(`- ${w("byClause")}${sep}${byClause.map(([clause, amount]) => `${clause} ${amount}`).join(lang === "zh" ? "，" : ", ")}`);
      lines.push("", `## ${w("claims")}`, "");
      lines.push(`| ${w("applicant")} | ${w("claim")} | ${w("clause")} | ${w("factDate")} | ${w("status")} | ${w("amount")} | ${w("reasons")} |`);
      lines.push("| --- | --- | --- | --- | --- | ---: | --- |");
      // The table and the explanations are written in pieces, never spread into one call or joined into
      // one string: an application of 100,000 claims overflowed the call stack (push(...table)).
      function* report(): Generator<string> {
        yield* lines;
        yield* table;
        yield "";
        if (invalid.length > 0) {
          yield `## ${w("invalidInputs")}`;
          yield "";
          yield* invalid;
          yield "";
        }
        if (explanations.length > 0) {
          yield `## ${w("explanations")}`;
          yield "";
          yield* explanations;
        }
      }
      await writeLines(sink, report());
    },
  };
}

/**
 * The lines joined by newlines, without trailing newlines, then one newline — written in chunks of about
 * 64 KB. Newlines at the end of a chunk are held back until more text follows them.
 */
export async function writeLines(sink: Sink, lines: Iterable<string>, size = 1 << 16): Promise<void> {
  let pending = "";
  let first = true;
  for (const line of lines) {
    pending += first ? line : `\n${line}`;
    first = false;
    if (pending.length < size) continue;
    const cut = pending.replace(/\n+$/, "").length;
    if (cut > 0) await sink.write(pending.slice(0, cut));
    pending = pending.slice(cut);
  }
  await sink.write(`${pending.replace(/\n+$/, "")}\n`);
}
