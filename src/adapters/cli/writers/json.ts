/**
 * `--format json` (the default): one JSON array, an entry per application in input order — its file,
 * its index in the file (and its CSV rows or JSON Lines line), and either the decision or the error
 * with every problem. Written as it goes, so a large batch never sits whole in memory.
 */
import { type Outcome, originJson, problemJson, type Sink, type Summary, type Writer, type WriterOptions } from "../outcome.js";
import { chunked, prettyJsonPieces } from "./pretty-json.js";

/** The entry, its decision and the decision's claims are written member by member. */
function streamedPath(path: readonly (string | number)[]): boolean {
  return path.length === 0 || (path.length === 1 && path[0] === "decision") || (path.length === 2 && path[0] === "decision" && path[1] === "claims");
}

export function jsonWriter(sink: Sink, options: WriterOptions): Writer {
  let count = 0;
  return {
    async start() {},
    async add(outcome: Outcome) {
      const entry =
        outcome.kind === "decision"
          ? { ...originJson(outcome.origin), decision: outcome.decision }
          : {
              ...originJson(outcome.origin),
              error: {
                message:
                  options.lang === "zh"
                    ? `输入无效，共 ${outcome.problems.length} 处问题`
                    : `invalid input, ${outcome.problems.length === 1 ? "1 problem" : `${outcome.problems.length} problems`}`,
                problems: outcome.problems.map((problem) => problemJson(problem, options.lang)),
              },
            };
      // Member by member down to each claim: the text of a 100,000-claim decision is longer than a
      // string can be.
      await sink.write(count === 0 ? "[\n  " : ",\n  ");
      for (const chunk of chunked(prettyJsonPieces(entry, streamedPath, "  "))) await sink.write(chunk);
      count += 1;
    },
    async finish(_summary: Summary) {
      await sink.write(count === 0 ? "[]\n" : "\n]\n");
    },
  };
}
