/**
 * `--format terminal`: plain text for a person at a shell — per application a table of its claims
 * (status, amount, reason codes), the reasons of every claim not simply awarded, and its total; then the
 * batch's totals. ANSI colour only when standard output is a terminal and NO_COLOR is unset. Invalid
 * applications get one line here; their problems go to standard error.
 */
import type { Edition } from "../../../index.js";
import { type Colours, describeOrigin, displayWidth, padEnd, padStart, statusColour, statusLabel, STATUSES, windowBasis, word } from "../labels.js";
import type { Outcome, Sink, Summary, Writer, WriterOptions } from "../outcome.js";

/**
 * Text quoted from the input, safe on a terminal: control characters (an escape sequence in a name
 * could recolour, move the cursor or retitle the window) are shown as \u{…} instead of acting.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

export function terminalWriter(sink: Sink, options: WriterOptions & { readonly edition: Edition; readonly colours: Colours }): Writer {
  const { lang, colours: c } = options;
  const w = (key: Parameters<typeof word>[0]) => word(key, lang);
  const sep = lang === "zh" ? "：" : ": ";
  const comma = lang === "zh" ? "，" : ", ";
  const [open, close] = lang === "zh" ? ["（", "）"] : [" (", ")"];
  let windowShown = false;
  return {
    async start() {
      await sink.write(`${c.bold(w("report"))}\n${w("edition")}${sep}${options.edition.id} — ${options.edition.name[lang]}\n`);
    },
    async add(outcome: Outcome) {
      const where = describeOrigin(outcome.origin, lang);
      const lines: string[] = [""];
      if (outcome.kind === "invalid") {
        const count = outcome.problems.length;
        lines.push(
          c.red(
            lang === "zh"
              ? `✗ ${where}：输入无效，共 ${count} 处问题（${w("seeStderr")}）`
              : `✗ ${where}: invalid input, ${count} ${count === 1 ? "problem" : "problems"} (${w("seeStderr")})`,
          ),
        );
        await sink.write(`${lines.join("\n")}\n`);
        return;
      }
      const { decision } = outcome;
      if (!windowShown) {
        windowShown = true;
        await sink.write(`${w("window")}${sep}${decision.window.from} … ${decision.window.to} (${windowBasis(decision.window.basis, lang)})\n`);
      }
      lines.push(`${c.bold(`${printable(decision.applicant.name)} (${decision.applicant.creditCode})`)}  ${c.dim(printable(where))}`);
      for (const reason of decision.applicantReasons) lines.push(c.yellow(`  [${reason.code}] ${reason[lang]}`));
      const head = [w("claim"), w("clause"), w("factDate"), w("status"), w("amount"), w("reasons")];
      const rows = decision.claims.map((claim) => [
        printable(claim.claimId),
        claim.clauseId,
        claim.factDate,
        statusLabel(claim.status, lang),
        claim.amount ?? "—",
        [...new Set(claim.reasons.map((reason) => reason.code))].filter((code) => code !== "ELIGIBLE").join(" "),
      ]);
      const widths = head.map((title, i) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[i] as string))));
      const line = (cells: readonly string[], colour?: (text: string) => string) =>
        `  ${cells
          .map((text, i) => {
            const padded = i === 4 ? padStart(text, widths[i] as number) : i === cells.length - 1 ? text : padEnd(text, widths[i] as number);
            return i === 3 && colour ? colour(padded) : padded;
          })
          .join("  ")}`.trimEnd();
      if (rows.length === 0) lines.push(`  ${w("noClaims")}`);
      else {
        lines.push(c.dim(line(head)));
        decision.claims.forEach((claim, i) => lines.push(line(rows[i] as string[], statusColour(claim.status, c))));
      }
      for (const claim of decision.claims) {
        if (claim.status === "awarded") continue;
        for (const reason of claim.reasons) {
          if (decision.applicantReasons.some((r) => r.code === reason.code)) continue;
          lines.push(`  ${c.dim(`${printable(claim.claimId)} [${reason.code}]`)} ${reason[lang]}`);
        }
      }
      lines.push(`  ${w("total")}${sep}${c.bold(decision.totals.overall)} ${w("yuan")}`);
      if (decision.recoveries.items.length > 0) lines.push(c.red(`  ${w("toRecover")}${sep}${decision.recoveries.total} ${w("yuan")}`));
      await sink.write(`${lines.join("\n")}\n`);
    },
    async finish(summary: Summary) {
      const statuses = STATUSES.filter((status) => summary.byStatus[status] > 0)
        .map((status) => statusColour(status, c)(`${statusLabel(status, lang)} ${summary.byStatus[status]}`))
        .join(lang === "zh" ? "，" : ", ");
      const lines = [
        "",
        c.bold("—".repeat(40)),
        `${w("applications")}${sep}${summary.applications}${open}${w("evaluated")} ${summary.evaluated}${comma}${summary.invalid > 0 ? c.red(`${w("invalid")} ${summary.invalid}`) : `${w("invalid")} 0`}${close}`,
        `${w("claims")}${sep}${summary.claims}${statuses ? ` — ${statuses}` : ""}`,
        `${w("total")}${sep}${c.bold(summary.total)} ${w("yuan")}`,
      ];
      if (summary.toRecover !== "0.00") lines.push(c.red(`${w("toRecover")}${sep}${summary.toRecover} ${w("yuan")}`));
      await sink.write(`${lines.join("\n")}\n`);
    },
  };
}
