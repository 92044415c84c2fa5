/**
 * The `pinggu` command (the package's bin). It only reads, writes and formats: every rule, figure,
 * reason and explanation comes from the library (src/index.ts). See docs/cli.md.
 *
 * Exit codes: 0 ok; 1 invalid input (every other application is still evaluated and written); 2 usage.
 */
import { LIBRARY_VERSION } from "../../index.js";
import { UsageError } from "./args.js";
import { clausesCommand, schemaCommand } from "./commands/info.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { explainCommand } from "./commands/explain.js";
import { simulateCommand } from "./commands/simulate.js";
import { InputError } from "./edition.js";
import { HELP, USAGE } from "./help.js";
import { type Io, processIo } from "./io.js";
import { describeProblem } from "./problems.js";

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: Io) => Promise<number>>> = {
  evaluate: evaluateCommand,
  explain: explainCommand,
  simulate: simulateCommand,
  schema: schemaCommand,
  clauses: clausesCommand,
  test: async (argv, io) => (await import("./commands/test.js")).testCommand(argv, io),
  serve: async (argv, io) => (await import("../service/command.js")).serveCommand(argv, io),
};

/** Run the command line; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      await io.stderr.write(`${HELP.main}\n`);
      return EXIT_USAGE;
    }
    if (command === "--help" || command === "-h") {
      await io.stdout.write(`${HELP.main}\n`);
      return EXIT_OK;
    }
    if (command === "--version" || command === "-V" || command === "version") {
      await io.stdout.write(`${LIBRARY_VERSION}\n`);
      return EXIT_OK;
    }
    if (command === "help") {
      const topic = rest[0];
      if (topic !== undefined && !HELP[topic]) throw new UsageError(`no command named ${JSON.stringify(topic)}; commands: ${Object.keys(COMMANDS).join(", ")}`);
      await io.stdout.write(`${HELP[topic ?? "main"]}\n`);
      return EXIT_OK;
    }
    const handler = COMMANDS[command];
    if (!handler) {
      throw new UsageError(
        command.startsWith("-")
          ? `the command comes first: pinggu COMMAND [options]; commands: ${Object.keys(COMMANDS).join(", ")}`
          : `no command named ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(", ")}`,
      );
    }
    const beforeEnd = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
    if (beforeEnd.includes("--help") || beforeEnd.includes("-h")) {
      await io.stdout.write(`${HELP[command]}\n`);
      return EXIT_OK;
    }
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = error.command ? USAGE[error.command] : undefined;
      await io.stderr.write(
        `pinggu: ${error.message}\n${usage ? `usage: ${usage}\n` : ""}Run "pinggu ${error.command ? `${error.command} ` : ""}--help" for help.\n`,
      );
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      await io.stderr.write(error.problems.map((problem) => `pinggu: ${error.file}: ${describeProblem(problem, error.lang)}\n`).join(""));
      return EXIT_INVALID_INPUT;
    }
    throw error;
  }
}

const io = processIo();
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pinggu: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
