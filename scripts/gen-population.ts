/**
 * `npm run population -- --seed 1 --applicants 10000 --out pop.jsonl`: a seeded synthetic population
 * (generatePopulation in src/population.ts) as JSON Lines, one application per line, for
 * `pinggu simulate`, demos and benchmarks. Written as it is generated, with backpressure: a million
 * applicants take no more memory than one. It is NOT real data: every name starts with 【合成样本】.
 *
 * Options:
 *   --seed N                   the seed (default 1); the same seed gives the same file on every machine
 *   --applicants N             how many applicants (applications)
 *   --claims N                 instead of --applicants: as many applicants as it takes to reach N claims
 *                              (the last one's claims are cut so that there are exactly N)
 *   --claims-per-applicant A-B each applicant gets between A and B claims (default 1-6)
 *   --published-on DATE        the first day of the window the fact dates cluster around (default 2025-03-01)
 *   --edition FILE             cluster the values around this edition's thresholds (default: the draft)
 *   --out FILE                 where to write (default: standard output; use `npm run -s population` to pipe)
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { generatePopulation } from "../src/population.js";

interface Options {
  seed: number;
  applicants: number | null;
  claims: number | null;
  perApplicant: [number, number];
  publishedOn?: string;
  edition?: string;
  out: string | null;
}

function fail(message: string): never {
  process.stderr.write(`gen-population: ${message}\n`);
  process.exit(2);
}

function whole(name: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    fail(`--${name} needs a whole number of at least ${min}; got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function parse(argv: readonly string[]): Options {
  const options: Options = { seed: 1, applicants: null, claims: null, perApplicant: [1, 6], out: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case "--seed":
        options.seed = whole("seed", value(), 0);
        break;
      case "--applicants":
        options.applicants = whole("applicants", value(), 0);
        break;
      case "--claims":
        options.claims = whole("claims", value(), 0);
        break;
      case "--claims-per-applicant": {
        const text = value() ?? "";
        const match = /^(\d+)-(\d+)$/.exec(text);
        if (!match || Number(match[1]) > Number(match[2])) fail(`--claims-per-applicant needs A-B with A ≤ B, e.g. 1-6; got ${JSON.stringify(text)}`);
        options.perApplicant = [Number(match[1]), Number(match[2])];
        break;
      }
      case "--published-on":
        options.publishedOn = value();
        break;
      case "--edition":
        options.edition = value();
        break;
      case "--out":
        options.out = value() ?? fail("--out needs a file name");
        break;
      case "--help":
      case "-h":
        process.stdout.write(`${readFileSync(new URL(import.meta.url), "utf8").split("*/")[0]?.replace(/^\/\*\*?\n?/, "").replace(/^ \* ?/gm, "")}\n`);
        process.exit(0);
        break;
      default:
        fail(`unknown argument ${JSON.stringify(arg)} (see --help)`);
    }
  }
  if ((options.applicants === null) === (options.claims === null)) fail("give one of --applicants N or --claims N");
  if (options.claims !== null && options.perApplicant[1] === 0) fail("--claims needs applicants with at least one claim");
  return options;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const edition = options.edition ? deriveEdition(JSON.parse(readFileSync(options.edition, "utf8"))) : undefined;
  const out: Writable = options.out === null ? process.stdout : createWriteStream(options.out);
  let closed = false;
  out.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed = true;
    else fail(`cannot write ${options.out ?? "standard output"}: ${error.message}`);
  });
  const started = performance.now();
  let applicants = 0;
  let claims = 0;
  let bytes = 0;
  let buffer = "";
  const flush = async () => {
    if (buffer === "" || closed) return;
    bytes += Buffer.byteLength(buffer);
    const ok = out.write(buffer);
    buffer = "";
    if (!ok && !closed) await once(out, "drain");
  };
  const population = generatePopulation({
    seed: options.seed,
    applicants: options.applicants ?? Number.MAX_SAFE_INTEGER,
    claimsPerApplicant: options.perApplicant,
    ...(edition ? { edition } : {}),
    ...(options.publishedOn ? { publishedOn: options.publishedOn } : {}),
  });
  for (const application of population) {
    if (options.claims !== null) {
      if (claims >= options.claims) break;
      const room = options.claims - claims;
      if (application.claims.length > room) application.claims.length = room;
      if (application.claims.length === 0) continue;
    }
    applicants += 1;
    claims += application.claims.length;
    buffer += `${JSON.stringify(application)}\n`;
    if (buffer.length > 1 << 20) await flush();
    if (closed) break;
  }
  await flush();
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `gen-population: ${applicants.toLocaleString("en-US")} applicants, ${claims.toLocaleString("en-US")} claims (seed ${options.seed}) → ${options.out ?? "standard output"}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`,
  );
}

await main();
