/** `pinggu schema NAME` and `pinggu clauses`: what the library knows, printed. */
import { jsonSchemaText, type Language, listRules, SCHEMA_NAMES, type SchemaName } from "../../../index.js";
import { parseArgs, UsageError } from "../args.js";
import { csvRecord } from "../csv.js";
import type { Io } from "../io.js";
import { displayWidth, padEnd } from "../labels.js";

// The documents are the library's own list (a complete edition among them).
export { SCHEMA_NAMES };

export async function schemaCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {}, "schema");
  const [name, ...rest] = args.positionals;
  if (name === undefined) throw new UsageError(`name the document: ${SCHEMA_NAMES.join(", ")}`, "schema");
  if (rest.length > 0) throw new UsageError(`one document at a time; got ${args.positionals.join(" ")}`, "schema");
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`no schema named ${JSON.stringify(name)}: one of ${SCHEMA_NAMES.join(", ")}`, "schema");
  }
  await io.stdout.write(jsonSchemaText(name as SchemaName));
  return 0;
}

const CLAUSE_FORMATS = ["terminal", "json", "csv", "markdown"] as const;

export async function clausesCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    { format: { type: "string", values: CLAUSE_FORMATS }, lang: { type: "string", values: ["zh", "en"] } },
    "clauses",
  );
  if (args.positionals.length > 0) throw new UsageError(`clauses takes no arguments; got ${args.positionals.join(" ")}`, "clauses");
  const lang = (args.strings.lang as Language | undefined) ?? "zh";
  const format = args.strings.format ?? "terminal";
  const clauses = listRules().map((rule) => ({
    id: rule.id,
    article: rule.citation.article,
    item: rule.citation.item,
    citationZh: rule.citation.labelZh,
    citationEn: rule.citation.labelEn,
    titleZh: rule.title.zh,
    titleEn: rule.title.en,
  }));
  if (format === "json") {
    await io.stdout.write(`${JSON.stringify(clauses, null, 2)}\n`);
    return 0;
  }
  if (format === "csv") {
    const columns = Object.keys(clauses[0] ?? {});
    await io.stdout.write(csvRecord(columns) + clauses.map((clause) => csvRecord(Object.values(clause))).join(""));
    return 0;
  }
  const zh = lang === "zh";
  const rows = clauses.map((clause) => [
    clause.id,
    zh ? clause.citationZh : clause.citationEn,
    zh ? `${clause.titleZh} — ${clause.titleEn}` : `${clause.titleEn} — ${clause.titleZh}`,
  ]);
  const head = zh ? ["条款编号", "出处", "标题"] : ["id", "citation", "title"];
  if (format === "markdown") {
    const cell = (text: string) => text.replace(/\|/g, "\\|");
    const lines = [`| ${head.join(" | ")} |`, "| --- | --- | --- |", ...rows.map((row) => `| \`${row[0]}\` | ${cell(row[1] as string)} | ${cell(row[2] as string)} |`)];
    await io.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  }
  const widths = [0, 1].map((i) => Math.max(displayWidth(head[i] as string), ...rows.map((row) => displayWidth(row[i] as string))));
  const line = (row: readonly string[]) => `${padEnd(row[0] as string, widths[0] as number)}  ${padEnd(row[1] as string, widths[1] as number)}  ${row[2]}`;
  await io.stdout.write(`${[line(head), ...rows.map(line)].join("\n")}\n`);
  return 0;
}
