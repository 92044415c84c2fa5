/** The command's own help text (English; the reports themselves follow --lang). */
import { LIBRARY_VERSION } from "../../index.js";

export const USAGE: Readonly<Record<string, string>> = {
  evaluate:
    "pinggu evaluate FILE… [--edition FILE] [--published-on YYYY-MM-DD] [--format json|csv|markdown|terminal|xlsx] [--out FILE.xlsx] [--sheet NAME] [--merge-same-applicant] [--no-bom] [--lang zh|en]",
  explain: "pinggu explain FILE [--claim ID] [--edition FILE] [--published-on YYYY-MM-DD] [--lang zh|en]",
  simulate:
    "pinggu simulate POPULATION.jsonl [--published-on YYYY-MM-DD] [--edition FILE]… [--envelope YUAN] [--html FILE] [--format terminal|json|markdown] [--merge-same-applicant] [--lang zh|en]",
  schema: "pinggu schema application|edition|complete-edition|decision",
  clauses: "pinggu clauses [--format terminal|json|csv|markdown] [--lang zh|en]",
  test: "pinggu test FILE|DIR… [--lang zh|en]",
  serve: "pinggu serve [--port 8080] [--host 127.0.0.1] [--published-on YYYY-MM-DD] [--edition FILE]… [--cors ORIGIN]… [limits]",
};

const INPUT_OPTIONS = `  FILE                    an application document: .json (one application, or an array of them),
                          .jsonl (one per line), .csv or .xlsx (one claim per row; columns in docs/cli.md);
                          a directory (its .json/.jsonl/.csv/.xlsx files); - for standard input
  --sheet NAME            .xlsx: the sheet to read (default: the first)
  --merge-same-applicant  merge applications with one credit code into one (default: refuse them)
  --edition FILE          an edition document (the trial text, or a what-if): fixtures/editions/
  --published-on DATE     the publication date (第十四条); overrides the edition file's. The draft has
                          none, so one of --edition / --published-on must give it
  --input-format F        json | jsonl | csv | xlsx, instead of the file extension (useful with -)
  --encoding E            utf8 (default; a byte order mark is fine) | gb18030 or gbk (CSV saved as
                          plain "CSV" by Excel/WPS on Chinese Windows); a file not in it is refused
  --lang L                zh (default) | en: reasons, explanations and problems`;

export const HELP: Readonly<Record<string, string>> = {
  main: `pinggu ${LIBRARY_VERSION} — the Pinggu District live-commerce measures (平谷区促进直播电商产业高质量发展若干措施) as code

Usage:
  ${USAGE.evaluate}
  ${USAGE.explain}
  ${USAGE.simulate}
  ${USAGE.schema}
  ${USAGE.clauses}
  ${USAGE.test}
  ${USAGE.serve}
  pinggu help [COMMAND] | pinggu COMMAND --help | pinggu --version

Commands:
  evaluate   decide applications: how much each claim gets, and why
  explain    one claim's (or every claim's) decision, step by step
  simulate   the budget impact over a population, under the draft and what-ifs, with an HTML report
  schema     the JSON Schema of the application, edition or decision document
  clauses    the clauses, with their ids and citations (第N条第（N）项)
  test       run policy officers' test cases (YAML, JSON or CSV) and say what differs
  serve      an HTTP service (JSON, OpenAPI at /openapi.json, a page at /docs) for other systems

Exit codes: 0 ok; 1 invalid input (reported on standard error; every other application is still
evaluated and written); 2 usage.

Example:
  pinggu evaluate fixtures/applications/*.json --edition fixtures/editions/published-2025-03-01.json --format terminal

Documentation: docs/cli.md`,
  evaluate: `Usage: ${USAGE.evaluate}

Decide every application in the files, and write the decisions to standard output.

${INPUT_OPTIONS}
  --format F              terminal (default on a terminal): a readable summary per application
                          json (default when piped): an array, an entry per application:
                            {file, index, decision} or {file, index, error}
                          csv: one row per claim (status, amounts, reason codes and reasons)
                          markdown: totals, a table of claims, each claim explained
                          xlsx: a workbook (one row per claim, a totals sheet); needs --out FILE
  --out FILE              xlsx: the workbook to write
  --no-bom                csv: no UTF-8 byte order mark (written by default, so Excel and WPS read Chinese)
  --no-color              terminal: no colour (also when NO_COLOR is set or output is not a terminal)
  --no-progress           no progress line on standard error (shown for more than 2000 applications)`,
  explain: `Usage: ${USAGE.explain}

Explain decisions step by step: the claim's status and amount, the caps across claims, its reasons and
citations, then the clause's conditions and arithmetic. Without --claim, every claim of every
application in the file.

  --claim ID              the claim id (as in the application's claims[].id or the CSV claimId column)
${INPUT_OPTIONS}`,
  simulate: `Usage: ${USAGE.simulate}

Decide every application of a population (JSON Lines: one application per line; - for standard input)
under one or more editions, and compare them: the cost per clause and per year, the beneficiaries,
the claims by status, the distribution of award sizes, the largest awards, each edition's difference
from the first. The file is streamed: memory does not grow with it.

  --published-on DATE     the draft, published that day, is the first edition (the baseline); it also
                          sets the publication date of every --edition file
  --edition FILE          an edition to compare (a what-if: fixtures/editions/); repeat for several.
                          Without --published-on, the first --edition is the baseline
  --envelope YUAN         总额控制: when an edition's awards exceed this total, scale them pro rata to
                          the fen (largest remainder) so that they add up to it exactly, and say so
  --html FILE             also write a self-contained HTML page with charts (no network needed)
  --format F              terminal (default) | markdown | json (the library's result, with the lines)
  --lang L                zh (default) | en
  --no-color              terminal: no colour
  --no-progress           no progress bar on standard error

A line that is not JSON, or an application that is not valid, is reported on standard error with its
line, left out of the totals, and the run goes on (exit code 1).

Example:
  npm run population -- --seed 1 --applicants 10000 --out pop.jsonl
  pinggu simulate pop.jsonl --published-on 2025-03-01 --edition fixtures/editions/what-if-art3.3-cap-300000.json --html report.html`,
  schema: `Usage: ${USAGE.schema}

Print the JSON Schema (draft 2020-12) of a document: the application the library reads, the edition
document (--edition), or the decision it writes.`,
  clauses: `Usage: ${USAGE.clauses}

List every clause: its id, its citation (第N条第（N）项) and its title.

  --format F              terminal (default) | json | csv | markdown
  --lang L                zh (default) | en`,
  test: `Usage: ${USAGE.test}

Run policy officers' test cases and report, per failing case, what was expected and what came out,
with the clause text beside it. Exit code 0 when every case passes, 1 when any fails (or a file is
not in the format), 2 on a usage mistake.

  FILE|DIR                a case file — .yaml/.yml (needs the optional "yaml" package), .json, or .csv
                          (one clause case per row) — or a directory of them (searched recursively)
  --lang L                zh | en: the language of the report; default the file's own "lang", else zh

Format: docs/test-cases.md; JSON Schema: schema/test-case.schema.json.
Example:
  pinggu test cases/`,
  serve: `Usage: ${USAGE.serve}

Serve the library over HTTP: the clauses, decisions on applications (one, or a batch), budget
simulations and the editions, as JSON, described by an OpenAPI 3.1 document at /openapi.json (a page
of it at /docs). Every answer carries the library version and the edition's hash. Stateless: run as
many as needed behind a load balancer. Needs the optional packages fastify, @fastify/swagger,
@fastify/swagger-ui (and @fastify/cors for --cors). Stops on Ctrl-C or SIGTERM.

  --port N                the port (default 8080; 0: any free port, printed on standard error)
  --host H                the address to listen on (default 127.0.0.1: this machine only)
  --published-on DATE     the draft, published that day, is served (the first edition: the default)
  --edition FILE          an edition to serve (the trial text, a what-if: fixtures/editions/); repeat
                          for several; requests choose one with ?edition=ID. Without --published-on
                          the first --edition is the default
  --cors ORIGIN           allow browser pages of this origin (e.g. https://grants.example.gov.cn) to
                          call; repeat for several. Without it, CORS is off
  --body-limit BYTES      largest request body (default 4194304)
  --max-applications N    most applications in one batch or simulation (default 1000)
  --max-claims N          most claims in one request, all applications together (default 10000)
  --request-timeout MS    time to receive a whole request; slower ones get 408 (default 10000)
  --no-log                no request log (by default one JSON line per request on standard output,
                          never a body)

Example:
  pinggu serve --edition fixtures/editions/published-2025-03-01.json
  curl -s -X POST 'http://127.0.0.1:8080/applications/evaluate?lang=en' \\
       -H 'content-type: application/json' -d @fixtures/applications/brand-company.json

Documentation: docs/service.md`,
};
