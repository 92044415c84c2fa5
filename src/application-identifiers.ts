/**
 * The identifiers of an application read one way: claim ids, grant ids, project ids and product ids in
 * their canonical form (src/kernel/identifiers.ts), each kind among its own kind, history included. Two
 * spellings of one id (`park-1` and `PARK-1`, or `park-1 `) would otherwise be two projects, each taking
 * a one-time award (第十一条 and the one-time scopes of Articles 3–7 count projects and products by id):
 * they are refused as ambiguous, naming both. See docs/applications.md, "Identifiers".
 */
import type { Application } from "./application.js";
import { formatPath, makeIssue, type ValidationIssue } from "./kernel/errors.js";
import { ambiguityKey, canonicalId, hiddenCharacter } from "./kernel/identifiers.js";

type Kind = "claim" | "grant" | "project" | "product";

const KIND_ZH: Record<Kind, string> = { claim: "申请编号", grant: "拨付记录编号", project: "项目编号", product: "产品编号" };

/** Ids that must be unique within their list (a claim id, a grant id); the others may repeat. */
const UNIQUE: ReadonlySet<Kind> = new Set<Kind>(["claim", "grant"]);

interface Seen {
  readonly spelling: string;
  readonly path: readonly (string | number)[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Check every id of a parsed application and put each in its canonical form (in place: the parsed
 * document's objects are the library's own copies). Returns the issues found; none means every id is
 * unambiguous.
 */
export function canonicalizeIdentifiers(application: Application): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen: Record<Kind, Map<string, Seen>> = { claim: new Map(), grant: new Map(), project: new Map(), product: new Map() };

  /** The canonical form of one id at `path`, after checking it; undefined stays undefined. */
  function read(kind: Kind, spelling: string | undefined, path: readonly (string | number)[], reference = false): string | undefined {
    if (spelling === undefined) return undefined;
    const hidden = hiddenCharacter(spelling);
    if (hidden !== null) {
      issues.push(
        makeIssue({
          code: "invalid_value",
          pathSegments: path,
          received: spelling,
          expected: `a ${kind} id without control, zero-width or bidirectional characters (found ${hidden})`,
          expectedZh: `不含控制字符、零宽字符或双向控制字符的${KIND_ZH[kind]}（发现 ${hidden}）`,
          hint: "retype the id; such characters are invisible and make two ids look alike",
          hintZh: "请重新录入编号：此类字符不可见，会使两个编号看似相同",
        }),
      );
      return spelling;
    }
    const canonical = canonicalId(spelling);
    if (canonical === "") {
      issues.push(
        makeIssue({
          code: "invalid_value",
          pathSegments: path,
          received: spelling,
          expected: `a ${kind} id with at least one visible character`,
          expectedZh: `至少含一个可见字符的${KIND_ZH[kind]}`,
        }),
      );
      return spelling;
    }
    const key = ambiguityKey(spelling);
    const first = seen[kind].get(key);
    if (first === undefined) {
      seen[kind].set(key, { spelling, path });
    } else if (first.spelling !== spelling) {
      issues.push(ambiguous(kind, first, spelling, path));
    } else if (UNIQUE.has(kind) && !reference) {
      issues.push(
        makeIssue({
          code: "inconsistent",
          pathSegments: path,
          received: spelling,
          expected: `a ${kind} id used once; ${formatPath(first.path)} already has it`,
          expectedZh: `唯一的编号；${formatPath(first.path)} 已使用该编号`,
        }),
      );
    }
    return canonical;
  }

  application.claims.forEach((claim, index) => {
    const c = claim as Mutable<typeof claim>;
    c.id = read("claim", claim.id, ["claims", index, "id"]) as string;
    if (claim.projectId !== undefined) c.projectId = read("project", claim.projectId, ["claims", index, "projectId"]);
    if (claim.productId !== undefined) c.productId = read("product", claim.productId, ["claims", index, "productId"]);
  });
  (application.history ?? []).forEach((grant, index) => {
    const g = grant as Mutable<typeof grant>;
    g.id = read("grant", grant.id, ["history", index, "id"]) as string;
    if (grant.projectId !== undefined) g.projectId = read("project", grant.projectId, ["history", index, "projectId"]);
    if (grant.productId !== undefined) g.productId = read("product", grant.productId, ["history", index, "productId"]);
  });
  (application.applicant.misconductFindings ?? []).forEach((finding, index) => {
    if (finding.grants === "all") return;
    const f = finding as Mutable<typeof finding>;
    f.grants = finding.grants.map(
      (id, position) => read("grant", id, ["applicant", "misconductFindings", index, "grants", position], true) as string,
    );
  });
  return issues;
}

function ambiguous(kind: Kind, first: Seen, spelling: string, path: readonly (string | number)[]): ValidationIssue {
  const where = formatPath(first.path);
  return makeIssue({
    code: "inconsistent",
    pathSegments: path,
    received: spelling,
    expected: `one spelling of each ${kind} id: ${where} is ${JSON.stringify(first.spelling)}, which reads as the same id (ids are compared after Unicode NFKC, trimming spaces and reading every dash as "-", and may not differ only in letter case)`,
    expectedZh: `同一${KIND_ZH[kind]}只用一种写法：${where} 为 ${JSON.stringify(first.spelling)}，二者视为同一编号（编号按 Unicode NFKC 规范化、去除首尾空格、各类连字符视为“-”后比较，且不得仅大小写不同）`,
    hint: `write both as ${JSON.stringify(canonicalId(first.spelling))} if they are one ${kind}, or give them different ids`,
    hintZh: `若为同一对象，两处均写作 ${JSON.stringify(canonicalId(first.spelling))}；否则请使用不同编号`,
  });
}
