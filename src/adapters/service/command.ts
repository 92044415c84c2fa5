/**
 * `pinggu serve`: start the HTTP service (docs/service.md). Fastify and its plugins are optional
 * dependencies, loaded here with `await import()` only: `import "pinggu-live-commerce"` and every other
 * command never load them, and a machine without them gets a clear message instead of a stack trace.
 */
import type { Edition, Language } from "../../index.js";
import { parseArgs, UsageError } from "../cli/args.js";
import { resolveEdition } from "../cli/edition.js";
import type { Io } from "../cli/io.js";
import { DEFAULT_LIMITS, type ServiceLimits } from "./limits.js";

const COMMAND = "serve";

/** The served editions: the draft published on --published-on (when given), then each --edition file. */
function serveEditions(files: readonly string[], publishedOn: string | undefined, lang: Language): Edition[] {
  const editions: Edition[] = [];
  if (publishedOn !== undefined || files.length === 0) editions.push(resolveEdition(undefined, publishedOn, COMMAND, lang));
  for (const file of files) editions.push(resolveEdition(file, publishedOn, COMMAND, lang));
  return editions;
}

function wholeNumber(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${option}: expected a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`, COMMAND);
  }
  return n;
}

/** The optional packages the service needs, named when one is missing. */
const SERVICE_PACKAGES = ["fastify", "@fastify/swagger", "@fastify/swagger-ui", "@fastify/cors"];

export function missingPackage(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return undefined;
  const message = error instanceof Error ? error.message : "";
  return SERVICE_PACKAGES.find((name) => message.includes(`'${name}'`) || message.includes(`"${name}"`)) ?? (message.includes("fastify") ? "fastify" : undefined);
}

export async function serveCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    {
      port: { type: "string", valueName: "PORT" },
      host: { type: "string", valueName: "HOST" },
      edition: { type: "string", valueName: "FILE", repeatable: true },
      "published-on": { type: "string", valueName: "YYYY-MM-DD" },
      cors: { type: "string", valueName: "ORIGIN", repeatable: true },
      "body-limit": { type: "string", valueName: "BYTES" },
      "max-applications": { type: "string", valueName: "N" },
      "max-claims": { type: "string", valueName: "N" },
      "request-timeout": { type: "string", valueName: "MS" },
      "no-log": { type: "boolean" },
    },
    COMMAND,
  );
  if (args.positionals.length > 0) throw new UsageError(`serve takes no FILE; got ${args.positionals.join(" ")} (editions are given with --edition FILE)`, COMMAND);
  const port = wholeNumber(args.strings.port, "port", 0, 65535) ?? 8080;
  const host = args.strings.host ?? "127.0.0.1";
  const limits: ServiceLimits = {
    ...DEFAULT_LIMITS,
    bodyBytes: wholeNumber(args.strings["body-limit"], "body-limit", 1024, 1024 ** 3) ?? DEFAULT_LIMITS.bodyBytes,
    applications: wholeNumber(args.strings["max-applications"], "max-applications", 1, 1_000_000) ?? DEFAULT_LIMITS.applications,
    claims: wholeNumber(args.strings["max-claims"], "max-claims", 1, 10_000_000) ?? DEFAULT_LIMITS.claims,
    requestTimeoutMs: wholeNumber(args.strings["request-timeout"], "request-timeout", 100, 3_600_000) ?? DEFAULT_LIMITS.requestTimeoutMs,
  };
  const corsOrigins = args.lists.cors ?? [];
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new UsageError(`--cors: expected an origin such as https://grants.example.gov.cn (scheme and host, no path); got ${JSON.stringify(origin)}`, COMMAND);
  }
  const editions = serveEditions(args.lists.edition ?? [], args.strings["published-on"], "en");

  let app: Awaited<ReturnType<typeof import("./app.js")["buildService"]>>;
  try {
    const service = await import("./app.js");
    app = await service.buildService({ editions, limits, corsOrigins, logger: args.flags.has("no-log") ? false : { level: "info" } });
  } catch (error) {
    const name = missingPackage(error);
    if (name === undefined) throw error;
    await io.stderr.write(
      `pinggu: serve needs the optional package ${name}, which is not installed. Install the service's packages with:\n  npm install --include=optional\n(they are optionalDependencies of pinggu-live-commerce: fastify, @fastify/swagger, @fastify/swagger-ui, @fastify/cors)\n`,
    );
    return 1;
  }
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    await io.stderr.write(`pinggu: serve cannot listen on ${host}:${port} (${code ?? (error instanceof Error ? error.message : String(error))})\n`);
    return 1;
  }
  const address = app.server.address();
  const where = typeof address === "object" && address !== null ? `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  await io.stderr.write(
    `pinggu: serving on ${where} — editions: ${editions.map((edition) => edition.id).join(", ")} (the first is the default); OpenAPI: ${where}/openapi.json; docs: ${where}/docs\n`,
  );
  // Runs until SIGINT or SIGTERM; then stops taking requests, finishes those under way, and exits 0.
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await app.close();
  await io.stderr.write("pinggu: serve stopped\n");
  return 0;
}
