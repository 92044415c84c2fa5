/**
 * One applicant, one ledger across everything one command reads: the caps per enterprise per year and
 * over the term, and the one-time awards, count all of an enterprise's claims together, so two files
 * (or rows, or array entries) with one credit code decided apart would each get the full cap.
 * By default they are refused, each naming the others and the credit code; `--merge-same-applicant`
 * merges them into one application (the library's `groupApplications` / `mergeApplications`: claims
 * together, the grant history as the union by grant id). docs/cli.md, "One applicant, one ledger".
 */
import { groupApplications, type Language, PolicyValidationError, type ValidationIssue } from "../../index.js";
import { describeOrigin } from "./labels.js";
import type { Locator, Problem } from "./problems.js";
import type { Origin, Unit } from "./readers.js";

type Application = Extract<Unit, { kind: "application" }>;

/** `claims[0].input.x` from path segments (the library's way of writing paths). */
function pathText(segments: readonly (string | number)[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += /^[A-Za-z_$][\w$]*$/.test(segment) ? (text === "" ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`;
  }
  return text === "" ? "(root)" : text;
}

/** An issue of a batch path `[i, …rest]` as an issue of application i's own document. */
function inOwnDocument(issue: ValidationIssue, rest: readonly (string | number)[]): ValidationIssue {
  return { ...issue, pathSegments: rest, path: pathText(rest) };
}

function creditCodeOf(document: unknown): string {
  const applicant = (document as { applicant?: { creditCode?: unknown } } | null)?.applicant;
  return typeof applicant?.creditCode === "string" ? applicant.creditCode.trim() : "";
}

function sameApplicantProblem(code: string, others: readonly Origin[]): Problem {
  const en = others.map((origin) => describeOrigin(origin, "en")).join("; ");
  const zh = others.map((origin) => describeOrigin(origin, "zh")).join("；");
  return {
    code: "same_applicant",
    field: "creditCode",
    expected: `one application per applicant: ${en} has the same credit code ${code}, and one enterprise's caps and one-time awards count all its claims together`,
    expectedZh: `每个申请主体一份申请：${zh} 的统一社会信用代码同为 ${code}，同一企业的年度、期限上限及一次性支持须合并计算`,
    received: code,
    hint: "put the claims in one application, or pass --merge-same-applicant to merge them",
    hintZh: "请将其申请事项合并为一份申请，或加上 --merge-same-applicant 予以合并",
  };
}

/** The origin of a merged application: the first one's file, with every source named. */
function mergedOrigin(origins: readonly Origin[], lang: Language): Origin {
  const first = origins[0] as Origin;
  return { file: first.file, ...(first.index !== undefined ? { index: first.index } : {}), mergedFrom: origins.map((origin) => describeOrigin(origin, lang)) };
}

/**
 * The units to decide: every application unit grouped by applicant (credit code, read as the library
 * reads it). Invalid units pass through unchanged, in place.
 */
export function oneLedger(units: readonly Unit[], merge: boolean, lang: Language): Unit[] {
  const applications: { index: number; unit: Application }[] = [];
  units.forEach((unit, index) => {
    if (unit.kind === "application") applications.push({ index, unit });
  });
  const replaced = new Map<number, Unit | null>();
  let pending = applications;
  // Merging can fail for some applicants (two documents naming the applicant differently): those are
  // reported, and the others grouped again.
  for (;;) {
    let groups;
    try {
      groups = groupApplications(
        pending.map((entry) => entry.unit.document),
        { merge: true },
      );
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      const failing = new Set<number>();
      for (const issue of error.issues) {
        const [position, ...rest] = issue.pathSegments;
        if (typeof position !== "number" || pending[position] === undefined) throw error;
        const entry = pending[position];
        failing.add(position);
        const previous = replaced.get(entry.index);
        const problems = previous && previous.kind === "invalid" ? previous.problems : entry.unit.problems;
        replaced.set(entry.index, { kind: "invalid", origin: entry.unit.origin, problems: [...problems, { ...entry.unit.locate(inOwnDocument(issue, rest)), code: issue.code, expected: issue.expected, expectedZh: issue.expectedZh, received: issue.received }] });
      }
      pending = pending.filter((_, position) => !failing.has(position));
      continue;
    }
    for (const group of groups) {
      if (group.sources.length === 1) continue;
      const members = group.sources.map((source) => pending[source] as { index: number; unit: Application });
      const code = creditCodeOf(members[0]?.unit.document);
      if (!merge) {
        // Each names one other: the first names the second, every later one the first (not all of them:
        // a file of 2,000 copies would make 2,000 lines of 2,000 names).
        members.forEach((member, n) => {
          const other = (n === 0 ? members[1] : members[0]) as { unit: Application };
          replaced.set(member.index, { kind: "invalid", origin: member.unit.origin, problems: [...member.unit.problems, sameApplicantProblem(code, [other.unit.origin])] });
        });
        continue;
      }
      const locate: Locator = (issue) => {
        const [source, ...rest] = group.locate(issue.pathSegments);
        const member = pending[source as number];
        return member ? member.unit.locate(inOwnDocument(issue, rest)) : { path: issue.path };
      };
      const merged: Unit = {
        kind: "application",
        origin: mergedOrigin(
          members.map((member) => member.unit.origin),
          lang,
        ),
        document: group.application,
        locate,
        problems: members.flatMap((member) => member.unit.problems),
      };
      replaced.set(members[0]!.index, merged);
      for (const member of members.slice(1)) replaced.set(member.index, null);
    }
    break;
  }
  const out: Unit[] = [];
  units.forEach((unit, index) => {
    const replacement = replaced.get(index);
    if (replacement === null) return;
    out.push(replacement ?? unit);
  });
  return out;
}
