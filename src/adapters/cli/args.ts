/**
 * Command-line arguments: `--name value`, `--name=value`, boolean flags, `-` (stdin) as a positional,
 * and `--` to end the options, split by Node's `node:util` parseArgs. Every mistake is a UsageError
 * (exit code 2) that says what was expected.
 */
import { parseArgs as nodeParseArgs } from "node:util";

/** A mistake in how the command was called: exit code 2, with the command's usage line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** The command whose usage to show, if known. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** The values a string option accepts, if it is a choice. */
  readonly values?: readonly string[];
  /** What the value is, for messages (e.g. "FILE", "YYYY-MM-DD"). */
  readonly valueName?: string;
  /** A string option that may be given more than once (its values, in order, are in `lists`). */
  readonly repeatable?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly strings: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
  /** The values of repeatable options, in the order given (absent when not given). */
  readonly lists: Readonly<Record<string, readonly string[]>>;
}

/**
 * Parse a command's arguments (after the command name) against its option specs. The splitting into
 * options, values and positionals is Node's own (`node:util` parseArgs, in its token form); this
 * function only checks the tokens against the specs, so every mistake gets the command's own message
 * ("unknown option --formt (did you mean --format?)", "--format must be one of …").
 */
export function parseArgs(argv: readonly string[], specs: OptionSpecs, command: string): ParsedArgs {
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, ...(name === "help" ? { short: "h" } : {}) }])),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const positionals: string[] = [];
  const strings: Record<string, string> = {};
  const flags = new Set<string>();
  const lists: Record<string, string[]> = {};
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === "option-terminator") continue;
    const { name, rawName } = token;
    const spec = rawName.startsWith("--") || name === "help" ? specs[name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${rawName.startsWith("--") ? `--${name}` : rawName}${suggestion(name, specs)}`, command);
    if (spec.type === "boolean") {
      if (token.inlineValue) throw new UsageError(`--${name} takes no value`, command);
      flags.add(name);
      continue;
    }
    const value = token.value;
    // "--edition --lang en": the next option is not a value (a lone "-" or "-5" is).
    if (value === undefined || (!token.inlineValue && value.startsWith("--") && value.length > 2)) {
      throw new UsageError(`--${name} needs a value: --${name} ${spec.valueName ?? describeChoice(spec)}`, command);
    }
    if (spec.values && !spec.values.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.values.join(", ")}; got ${JSON.stringify(value)}`, command);
    }
    if (spec.repeatable) {
      (lists[name] ??= []).push(value);
      continue;
    }
    if (strings[name] !== undefined) throw new UsageError(`--${name} is given twice`, command);
    strings[name] = value;
  }
  return { positionals, strings, flags, lists };
}

function describeChoice(spec: OptionSpec): string {
  return spec.values ? spec.values.join("|") : "VALUE";
}

/** "did you mean --format?" for a near miss. */
function suggestion(given: string, specs: OptionSpecs): string {
  const bare = given.replace(/^-+/, "");
  const near = Object.keys(specs).find((name) => name.startsWith(bare) || bare.startsWith(name) || editDistance(name, bare) <= 2);
  return near ? ` (did you mean --${near}?)` : "";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
