/**
 * The edition to evaluate under: `--edition FILE` (an edition document — the trial text or a what-if —
 * validated by `deriveEdition`), `--published-on DATE` (the publication date, over the file's if both
 * are given), or both. The draft has no publication date, and a decision needs one (第十四条).
 */
import { readFileSync } from "node:fs";
import { deriveEdition, type Edition, type Language, PolicyValidationError } from "../../index.js";
import { UsageError } from "./args.js";
import { type Problem, fromIssue, jsonLocator } from "./problems.js";
import { decode } from "./readers.js";

/** Bad input that stops the command before anything is evaluated (exit code 1). */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
    readonly lang: Language,
  ) {
    super(`${file}: invalid input`);
  }
}

export function resolveEdition(editionFile: string | undefined, publishedOn: string | undefined, command: string, lang: Language): Edition {
  if (publishedOn !== undefined) {
    try {
      deriveEdition({ publishedOn });
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      const issue = error.issues[0];
      throw new UsageError(`--published-on: expected ${issue?.expected ?? "a date YYYY-MM-DD"}; got ${JSON.stringify(publishedOn)}${issue?.hint ? ` (${issue.hint})` : ""}`, command);
    }
  }
  let document: Record<string, unknown> = {};
  if (editionFile !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(editionFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`--edition ${editionFile}: cannot read it (${code === "ENOENT" ? "no such file" : String(code ?? error)})`, command);
    }
    const text = decode(bytes, "utf8");
    if (typeof text !== "string") throw new InputError(editionFile, [text], lang);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(editionFile, [{ code: "syntax", expected: `valid JSON (${reason})`, expectedZh: `合法的 JSON（${reason}）` }], lang);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      // Let the library say what an edition document is.
      try {
        deriveEdition(parsed);
      } catch (error) {
        if (error instanceof PolicyValidationError) throw new InputError(editionFile, error.issues.map((issue) => fromIssue(issue, jsonLocator(""))), lang);
        throw error;
      }
    }
    document = parsed as Record<string, unknown>;
  }
  let edition: Edition;
  try {
    edition = deriveEdition(publishedOn === undefined ? document : { ...document, publishedOn });
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    const locate = jsonLocator("");
    // The library's paths start at "edition"; the file's fields are the ones after it.
    throw new InputError(
      editionFile ?? "--published-on",
      error.issues.map((issue) => {
        const inner = issue.pathSegments[0] === "edition" ? issue.pathSegments.slice(1) : issue.pathSegments;
        return fromIssue({ ...issue, pathSegments: inner, path: formatSegments(inner) }, locate);
      }),
      lang,
    );
  }
  if (edition.publishedOn === null) {
    throw new UsageError(
      editionFile === undefined
        ? "no publication date: the draft edition has none, and a decision needs one (第十四条: in force from publication, valid two years). Pass --published-on YYYY-MM-DD or --edition FILE (e.g. fixtures/editions/published-2025-03-01.json)"
        : `no publication date: ${editionFile} does not give "publishedOn", and the draft has none. Add it to the file or pass --published-on YYYY-MM-DD`,
      command,
    );
  }
  return edition;
}

function formatSegments(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return "(root)";
  return segments
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `${i === 0 ? "" : "."}${segment}` : `[${JSON.stringify(segment)}]`))
    .join("");
}
