/**
 * `--format csv`: one row per claim — where it came from, the applicant, the claim, its status and
 * amounts, its reason codes and reasons in the chosen language — and one row with status `invalid`
 * per application that could not be evaluated, so nothing is lost. RFC 4180 (CRLF), with a UTF-8 byte
 * order mark when asked (`--bom`), which Excel and WPS need to read Chinese text in a CSV file.
 */
import { csvRecord } from "../csv.js";
import { describeProblem } from "../problems.js";
import type { Outcome, Sink, Summary, Writer, WriterOptions } from "../outcome.js";

export const CSV_OUTPUT_COLUMNS = [
  "file",
  "application",
  "row",
  "creditCode",
  "applicantName",
  "claimId",
  "clauseId",
  "factDate",
  "year",
  "status",
  "amount",
  "amountBeforeCrossClaimCaps",
  "reasonCodes",
  "reasons",
] as const;

export function csvWriter(sink: Sink, options: WriterOptions & { readonly bom: boolean }): Writer {
  const lang = options.lang;
  return {
    async start() {
      await sink.write(`${options.bom ? "\ufeff" : ""}${csvRecord(CSV_OUTPUT_COLUMNS)}`);
    },
    async add(outcome: Outcome) {
      const { origin } = outcome;
      if (outcome.kind === "invalid") {
        await sink.write(
          csvRecord([
            origin.file,
            origin.index,
            origin.rows?.join(";") ?? origin.line,
            "",
            "",
            "",
            "",
            "",
            "",
            "invalid",
            "",
            "",
            [...new Set(outcome.problems.map((problem) => problem.code))].join(" "),
            outcome.problems.map((problem) => describeProblem(problem, lang)).join("\n"),
          ]),
        );
        return;
      }
      const { decision } = outcome;
      let text = "";
      decision.claims.forEach((claim, i) => {
        text += csvRecord([
          origin.file,
          origin.index,
          origin.claimRows?.[i] ?? origin.line,
          decision.applicant.creditCode,
          decision.applicant.name,
          claim.claimId,
          claim.clauseId,
          claim.factDate,
          claim.year,
          claim.status,
          claim.amount,
          claim.amountBeforeCrossClaimCaps,
          [...new Set(claim.reasons.map((reason) => reason.code))].join(" "),
          claim.reasons.map((reason) => reason[lang]).join("\n"),
        ]);
      });
      await sink.write(text);
    },
    async finish(_summary: Summary) {},
  };
}
