/**
 * `pinggu explain FILE [--claim ID]`: one claim's decision step by step (`explainClaim`), or, without
 * --claim, every application's whole decision (`explainDecision`).
 */
import { type ClaimDecision, type Decision, explainClaim, explainDecision } from "../../../index.js";
import { parseArgs, UsageError } from "../args.js";
import { resolveEdition } from "../edition.js";
import type { Io } from "../io.js";
import { describeOrigin } from "../labels.js";
import { problemLines } from "../outcome.js";
import type { Origin } from "../readers.js";
import { decide, INPUT_SPECS, languageOf, readAllUnits } from "./common.js";

export async function explainCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { ...INPUT_SPECS, claim: { type: "string", valueName: "ID" } }, "explain");
  const lang = languageOf(args);
  const claimId = args.strings.claim;
  const edition = resolveEdition(args.strings.edition, args.strings["published-on"], "explain", lang);
  const units = await readAllUnits(args.positionals, args, io, "explain");

  const decided: { origin: Origin; decision: Decision }[] = [];
  let invalid = 0;
  for (const unit of units) {
    const outcome = decide(unit, edition);
    if (outcome.kind === "invalid") {
      invalid += 1;
      await io.stderr.write(problemLines(outcome.origin, outcome.problems, lang).map((line) => `pinggu: ${line}\n`).join(""));
    } else decided.push(outcome);
  }

  if (claimId === undefined) {
    const texts = decided.map(({ origin, decision }) => `${describeOrigin(origin, lang)}\n${explainDecision(decision, lang)}`);
    if (texts.length > 0) await io.stdout.write(`${texts.join("\n\n")}\n`);
    return invalid > 0 ? 1 : 0;
  }

  const matches: { origin: Origin; decision: Decision; claim: ClaimDecision }[] = [];
  for (const { origin, decision } of decided) {
    for (const claim of decision.claims) if (claim.claimId === claimId) matches.push({ origin, decision, claim });
  }
  if (matches.length === 0) {
    if (invalid > 0) {
      await io.stderr.write(
        lang === "zh"
          ? `pinggu：在有效的申请中没有编号为 ${JSON.stringify(claimId)} 的事项（无效的申请见上）\n`
          : `pinggu: no claim ${JSON.stringify(claimId)} in the valid applications (the invalid ones are listed above)\n`,
      );
      return 1;
    }
    const known = decided.flatMap(({ decision }) => decision.claims.map((claim) => claim.claimId));
    const shown = known.slice(0, 30).join(", ") + (known.length > 30 ? `, … (${known.length} in all)` : "");
    throw new UsageError(`--claim ${JSON.stringify(claimId)}: no such claim in ${args.positionals.join(", ")}; its claims are: ${shown || "(none)"}`, "explain");
  }
  const texts = matches.map(({ origin, decision, claim }) =>
    matches.length === 1
      ? explainClaim(claim, lang)
      : `${decision.applicant.name} (${decision.applicant.creditCode}) — ${describeOrigin(origin, lang)}\n${explainClaim(claim, lang)}`,
  );
  await io.stdout.write(`${texts.join("\n\n")}\n`);
  return invalid > 0 ? 1 : 0;
}
