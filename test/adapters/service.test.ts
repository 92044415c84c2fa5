/**
 * The HTTP service (src/adapters/service, docs/service.md) through Fastify's inject: every endpoint,
 * the stamp, the OpenAPI document (checked by an OpenAPI 3.1 validator), the fixtures' decisions equal
 * to the library's, and the errors as problem details with their status. Real sockets, the command and
 * the hostile requests are in service-socket.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildService } from "../../src/adapters/service/app.js";
import { missingPackage } from "../../src/adapters/service/command.js";
import {
  applicationJsonSchema,
  decisionJsonSchema,
  deriveEdition,
  type Edition,
  editionHash,
  evaluate,
  evaluateBatch,
  evaluateClause,
  explainClause,
  explainDecision,
  LIBRARY_NAME,
  LIBRARY_VERSION,
  listClauseIds,
  simulate,
} from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const PUBLISHED = deriveEdition(read("fixtures/editions/published-2025-03-01.json"));
const WHAT_IF = deriveEdition({ ...(read("fixtures/editions/what-if-art3.3-cap-300000.json") as object), publishedOn: "2025-03-01" });
const NAMES = readdirSync(join(ROOT, "fixtures/applications")).filter((name) => name.endsWith(".json"));
const FIXTURES = NAMES.map((name) => read(`fixtures/applications/${name}`) as Record<string, unknown>);

/** What the library returns, as it reads after a trip through JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildService({ editions: [PUBLISHED, WHAT_IF] });
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: unknown, contentType = "application/json") =>
  app.inject({ method: "POST", url, headers: { "content-type": contentType }, payload: typeof payload === "string" ? payload : JSON.stringify(payload) });

interface Problem {
  type: string;
  title: string;
  titleZh: string;
  status: number;
  detail: string;
  detailZh: string;
  instance?: string;
  issues?: { code: string; path: string; pathSegments: (string | number)[]; expected: string; expectedZh: string; received: string; message: string; messageZh: string }[];
  limit?: { name: string; value: number };
}

function problemOf(response: LightMyRequestResponse, status: number): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = response.json<Problem>();
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(/^https:\/\/pinggu-live-commerce\.invalid\/problems\/[a-z-]+$/);
  for (const text of [problem.title, problem.titleZh, problem.detail, problem.detailZh]) expect(text.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(/\n\s+at /);
  return problem;
}

function expectStamp(response: LightMyRequestResponse, edition: Edition): void {
  const hash = editionHash(edition);
  expect(response.headers["pinggu-library-version"]).toBe(LIBRARY_VERSION);
  expect(response.headers["pinggu-edition-id"]).toBe(edition.id);
  expect(response.headers["pinggu-edition-hash"]).toBe(hash);
  expect(response.json<{ stamp: unknown }>().stamp).toEqual({ library: LIBRARY_NAME, version: LIBRARY_VERSION, editionId: edition.id, editionHash: hash });
}

describe("the OpenAPI document", () => {
  let document: Record<string, unknown>;
  beforeAll(async () => {
    const response = await app.inject({ url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });

  it("is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(document.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("describes every endpoint, each with its answer and, where a request can be refused, a problem", () => {
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        "GET /healthz",
        "GET /version",
        "GET /editions",
        "GET /editions/{id}",
        "GET /clauses",
        "GET /clauses/{id}",
        "POST /clauses/{id}/evaluate",
        "POST /applications/evaluate",
        "POST /simulate",
        "GET /openapi.json",
      ].sort(),
    );
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.responses["200"]?.content?.["application/json"], `${method} ${path}`).toBeDefined();
        if (method === "post") for (const status of ["400", "413", "415", "422"]) expect(operation.responses[status]?.content?.["application/problem+json"], `${path} ${status}`).toBeDefined();
      }
    }
  });

  it("describes the bodies with the library's own JSON Schemas (one source of truth)", () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const { $schema: _a, $defs, ...application } = applicationJsonSchema() as Record<string, unknown> & { $defs: Record<string, unknown> };
    expect(schemas.Application).toEqual(JSON.parse(JSON.stringify(application).replaceAll('"#/$defs/input-', '"#/components/schemas/ClaimFacts-')));
    for (const id of listClauseIds()) expect(schemas[`ClaimFacts-${id}`], id).toEqual($defs[`input-${id}`]);
    const { $schema: _d, ...decision } = decisionJsonSchema();
    expect(schemas.Decision).toEqual(decision);
    // Every $ref of the document points at a component that exists.
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) expect(Object.keys(schemas), ref).toContain(ref.slice('"$ref":"#/components/schemas/'.length, -1));
  });

  it("describes what the service really answers: each answer validates against its documented schema (Ajv, draft 2020-12)", async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema(document, "openapi.json");
    const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
    const check = async (method: "GET" | "POST", route: string, url: string, payload?: unknown, contentType = "application/json") => {
      const response = payload === undefined ? await app.inject({ method, url }) : await post(url, payload, contentType);
      const type = String(response.headers["content-type"]).split(";")[0] as string;
      const ref = `openapi.json#/${pointer("paths", route, method.toLowerCase(), "responses", String(response.statusCode), "content", type, "schema")}`;
      const validate = ajv.getSchema(ref);
      expect(validate, `${method} ${url}: ${response.statusCode} ${type} is documented`).toBeDefined();
      const valid = validate?.(response.json());
      expect(valid ? [] : validate?.errors?.slice(0, 5), `${method} ${url} ${response.statusCode}`).toEqual([]);
    };
    await check("GET", "/healthz", "/healthz");
    await check("GET", "/version", "/version");
    await check("GET", "/editions", "/editions");
    await check("GET", "/editions/{id}", `/editions/${WHAT_IF.id}`);
    await check("GET", "/editions/{id}", "/editions/nope");
    await check("GET", "/clauses", "/clauses");
    await check("GET", "/clauses/{id}", "/clauses/art7.2");
    await check("GET", "/clauses/{id}", "/clauses/art0");
    await check("POST", "/clauses/{id}/evaluate", "/clauses/art3.1/evaluate?lang=zh", { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" });
    await check("POST", "/clauses/{id}/evaluate", "/clauses/art3.1/evaluate", { usedArea: "lots" });
    for (const application of FIXTURES) await check("POST", "/applications/evaluate", "/applications/evaluate?lang=en", application);
    await check("POST", "/applications/evaluate", "/applications/evaluate", FIXTURES);
    await check("POST", "/applications/evaluate", "/applications/evaluate", "{", "application/json");
    await check("POST", "/applications/evaluate", "/applications/evaluate", "x", "text/plain");
    await check("POST", "/applications/evaluate", "/applications/evaluate?lang=fr", FIXTURES[0]);
    await check("POST", "/applications/evaluate", "/applications/evaluate", { applicant: {} });
    await check("POST", "/clauses/{id}/evaluate", "/clauses/art3.1/evaluate?explain=false", { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" });
    await check("POST", "/applications/evaluate", "/applications/evaluate?explain=false", FIXTURES[0]);
    await check("POST", "/applications/evaluate", "/applications/evaluate?explain=false&merge=true", FIXTURES);
    await check("POST", "/applications/evaluate", "/applications/evaluate?explain=false&lang=zh", FIXTURES[0]);
    await check("POST", "/simulate", "/simulate", FIXTURES);
  });

  it("is also the page at /docs, served from this server (no CDN)", async () => {
    const page = await app.inject({ url: "/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const assets = page.body.match(/(?:src|href)="[^"]*"/g) ?? [];
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) expect(asset).toMatch(/^(?:src|href)="\/docs\/static\//);
    const script = await app.inject({ url: "/docs/static/swagger-ui-bundle.js" });
    expect(script.statusCode).toBe(200);
    const initializer = await app.inject({ url: "/docs/static/swagger-initializer.js" });
    expect(initializer.body).toContain("validatorUrl");
  });
});

describe("POST /applications/evaluate", () => {
  it.each(NAMES.map((name, i) => [name, FIXTURES[i]] as const))("%s: the decision is the library's, after JSON parse", async (_name, application) => {
    const response = await post("/applications/evaluate", application);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ decision: unknown }>().decision).toEqual(asJson(evaluate(application, PUBLISHED)));
    expectStamp(response, PUBLISHED);
  });

  it("?lang=zh and ?lang=en add the library's explanation", async () => {
    for (const lang of ["zh", "en"] as const) {
      const response = await post(`/applications/evaluate?lang=${lang}`, FIXTURES[0]);
      expect(response.json<{ explanation: string }>().explanation).toBe(explainDecision(evaluate(FIXTURES[0], PUBLISHED), lang));
    }
    expect((await post("/applications/evaluate", FIXTURES[0])).json()).not.toHaveProperty("explanation");
  });

  it("?edition= picks another edition, by id or by hash", async () => {
    for (const key of [WHAT_IF.id, editionHash(WHAT_IF)]) {
      const response = await post(`/applications/evaluate?edition=${encodeURIComponent(key)}`, FIXTURES[0]);
      expect(response.json<{ decision: unknown }>().decision).toEqual(asJson(evaluate(FIXTURES[0], WHAT_IF)));
      expectStamp(response, WHAT_IF);
    }
    const unknown = problemOf(await post("/applications/evaluate?edition=nope", FIXTURES[0]), 404);
    expect(unknown.detail).toContain(PUBLISHED.id);
  });

  it("a batch (an array, or JSON Lines) gives each decision, as evaluateBatch does", async () => {
    const expected = asJson(evaluateBatch(FIXTURES, PUBLISHED));
    const fromArray = await post("/applications/evaluate", FIXTURES);
    expect(fromArray.statusCode, fromArray.body).toBe(200);
    const results = fromArray.json<{ results: { sources: number[]; decision: unknown }[] }>().results;
    expect(results.map((result) => result.decision)).toEqual(expected);
    expect(results.map((result) => result.sources)).toEqual(FIXTURES.map((_f, i) => [i]));
    expectStamp(fromArray, PUBLISHED);
    const lines = `${FIXTURES.map((application) => JSON.stringify(application)).join("\n")}\n\n`;
    const fromLines = await post("/applications/evaluate", lines, "application/x-ndjson");
    expect(fromLines.json<{ results: { decision: unknown }[] }>().results.map((result) => result.decision)).toEqual(expected);
    // One line is still a batch.
    const one = await post("/applications/evaluate?lang=en", JSON.stringify(FIXTURES[1]), "application/jsonl");
    expect(one.json<{ results: { explanation: string }[] }>().results[0]?.explanation).toBe(explainDecision(evaluate(FIXTURES[1], PUBLISHED), "en"));
  });

  it("?explain=false decides only: the library's DecisionSummary, one application or a batch", async () => {
    const one = await post("/applications/evaluate?explain=false", FIXTURES[0]);
    expect(one.statusCode, one.body).toBe(200);
    const decision = one.json<{ decision: { claims: Record<string, unknown>[] } }>().decision;
    expect(decision).toEqual(asJson(evaluate(FIXTURES[0], PUBLISHED, { explain: false })));
    expect(decision.claims[0]).not.toHaveProperty("clause");
    expect(decision.claims[0]).not.toHaveProperty("reasons");
    expectStamp(one, PUBLISHED);
    const batch = await post("/applications/evaluate?explain=false", FIXTURES);
    expect(batch.json<{ results: { decision: unknown }[] }>().results.map((result) => result.decision)).toEqual(asJson(evaluateBatch(FIXTURES, PUBLISHED, { explain: false })));
    // ?explain=true is the default.
    const explained = await post("/applications/evaluate?explain=true", FIXTURES[0]);
    expect(explained.json<{ decision: unknown }>().decision).toEqual(asJson(evaluate(FIXTURES[0], PUBLISHED)));
  });

  it("POST /clauses/{id}/evaluate?explain=false answers the clause's verdict; with ?lang= it is a 400", async () => {
    const facts = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "3333333.35" };
    const response = await post("/clauses/art3.1/evaluate?explain=false", facts);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ result: unknown }>().result).toEqual(asJson(evaluateClause("art3.1", facts, { edition: PUBLISHED, explain: false })));
    expect(response.json()).not.toHaveProperty("explanation");
    const refused = problemOf(await post("/clauses/art3.1/evaluate?explain=false&lang=en", facts), 400);
    expect(refused.issues?.map((issue) => issue.path)).toEqual(["explain"]);
  });

  it("?explain=false with ?lang=: 400 naming both, since there is no explanation to write", async () => {
    const refused = problemOf(await post("/applications/evaluate?explain=false&lang=zh", FIXTURES[0]), 400);
    expect(refused.detail).toContain("?lang=zh");
    expect(refused.issues?.map((issue) => issue.path)).toEqual(["explain"]);
    const wrong = problemOf(await post("/applications/evaluate?explain=maybe", FIXTURES[0]), 400);
    expect(JSON.stringify(wrong)).toContain("explain");
  });

  it("two applications of one applicant: 422 naming both, unless ?merge=true", async () => {
    // The same applicant again, with claims of its own (a claim id is used once per applicant).
    const again = structuredClone(FIXTURES[0]) as { claims: { id: string }[] };
    for (const claim of again.claims) claim.id = `${claim.id}-again`;
    const twice = [FIXTURES[0], FIXTURES[2], again];
    const refused = problemOf(await post("/applications/evaluate", twice), 422);
    expect(refused.issues?.map((issue) => issue.path)).toEqual(["[2].applicant.creditCode"]);
    expect(refused.issues?.[0]?.expected).toContain("[0]");
    const merged = await post("/applications/evaluate?merge=true", twice);
    expect(merged.statusCode, merged.body).toBe(200);
    const results = merged.json<{ results: { sources: number[]; decision: unknown }[] }>().results;
    expect(results.map((result) => result.sources)).toEqual([[0, 2], [1]]);
    expect(results.map((result) => result.decision)).toEqual(asJson(evaluateBatch(twice, PUBLISHED, { merge: true })));
  });

  it("an application the library refuses: 422 with every issue, its path, expected and received, in English and Chinese", async () => {
    const application = structuredClone(FIXTURES[0]) as { applicant: Record<string, unknown>; claims: { input: Record<string, unknown> }[] };
    application.applicant.creditCode = "not a code";
    (application.claims[0] as { input: Record<string, unknown> }).input = { ...application.claims[0]?.input, surprise: 1 };
    const problem = problemOf(await post("/applications/evaluate", application), 422);
    let libraryIssues: unknown;
    try {
      evaluate(application, PUBLISHED);
    } catch (error) {
      libraryIssues = asJson((error as { issues: unknown }).issues);
    }
    expect(problem.issues).toEqual(libraryIssues);
    expect(problem.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(["applicant.creditCode", "claims[0].input.surprise"]));
    for (const issue of problem.issues ?? []) {
      expect(issue.expectedZh.length).toBeGreaterThan(0);
      expect(issue.messageZh).toContain("应为");
      expect(issue.received.length).toBeGreaterThan(0);
    }
  });

  it("an issue's message does not repeat its path: the path is beside it", async () => {
    const application = structuredClone(FIXTURES[0]) as { applicant: Record<string, unknown> };
    application.applicant.creditCode = "not a code";
    const problem = problemOf(await post("/applications/evaluate", application), 422);
    const issue = problem.issues?.find((each) => each.path === "applicant.creditCode");
    expect(issue?.message.startsWith("expected ")).toBe(true);
    expect(issue?.messageZh.startsWith("应为")).toBe(true);
    expect(issue?.message).not.toContain("creditCode");
    expect(issue?.messageZh).not.toContain("creditCode");
  });

  it("in a batch, an issue's path starts with the application's index", async () => {
    const bad = { ...FIXTURES[1], claims: "none" };
    const problem = problemOf(await post("/applications/evaluate", [FIXTURES[0], bad]), 422);
    expect(problem.issues?.[0]?.path).toBe("[1].claims");
  });

  it("a body of the wrong kind: 400", async () => {
    for (const body of ['"an application"', "42", "null", "true"]) {
      const problem = problemOf(await post("/applications/evaluate", body), 400);
      expect(problem.issues?.[0]?.path).toBe("(root)");
    }
  });
});

describe("clauses", () => {
  it("GET /clauses: every clause, its reading, formula, facts (zh/en labels), figures and switches, for the edition", async () => {
    const response = await app.inject({ url: "/clauses" });
    expectStamp(response, PUBLISHED);
    const clauses = response.json<{ clauses: { id: string; fields: { name: string; description: string }[]; parameters: unknown; switches: Record<string, string>; reading: { zh: string; en: string } }[] }>().clauses;
    expect(clauses.map((clause) => clause.id)).toEqual(listClauseIds());
    for (const clause of clauses) {
      expect(clause.parameters).toEqual(asJson(PUBLISHED.parameters[clause.id as keyof Edition["parameters"]]));
      expect(clause.switches.rounding).toBe(PUBLISHED.switches.rounding);
      expect(clause.fields.length).toBeGreaterThan(0);
      expect(clause.reading.zh.length).toBeGreaterThan(0);
    }
    const whatIf = await app.inject({ url: `/clauses/art3.3?edition=${WHAT_IF.id}` });
    expectStamp(whatIf, WHAT_IF);
    expect(whatIf.json<{ clause: { parameters: unknown } }>().clause.parameters).toEqual(asJson(WHAT_IF.parameters["art3.3"]));
  });

  it("GET /clauses/{id}: one clause; an unknown id is a 404 listing the ids", async () => {
    const response = await app.inject({ url: "/clauses/art5.1" });
    expect(response.json<{ clause: { id: string } }>().clause.id).toBe("art5.1");
    const problem = problemOf(await app.inject({ url: "/clauses/art99" }), 404);
    expect(problem.detail).toContain("art3.1");
  });

  it("POST /clauses/{id}/evaluate: each example of fixtures/clauses gives the library's result", async () => {
    for (const file of readdirSync(join(ROOT, "fixtures/clauses"))) {
      const { clauseId, examples } = read(`fixtures/clauses/${file}`) as { clauseId: string; examples: { input: unknown }[] };
      for (const example of examples) {
        const response = await post(`/clauses/${clauseId}/evaluate?lang=en`, example.input);
        expect(response.statusCode, `${clauseId}: ${response.body}`).toBe(200);
        const expected = evaluateClause(clauseId, example.input, { edition: PUBLISHED });
        expect(response.json<{ result: unknown }>().result).toEqual(asJson(expected));
        expect(response.json<{ explanation: string }>().explanation).toBe(explainClause(expected, "en"));
      }
    }
  });

  it("POST /clauses/{id}/evaluate: facts the clause refuses are a 422 with the library's issues; not an object, a 400", async () => {
    const problem = problemOf(await post("/clauses/art3.1/evaluate", { usedArea: "lots" }), 422);
    expect(problem.issues?.map((issue) => issue.path)).toContain("usedArea");
    problemOf(await post("/clauses/art3.1/evaluate", [1, 2]), 400);
    problemOf(await post("/clauses/nope/evaluate", {}), 404);
  });
});

describe("editions, health, version", () => {
  it("GET /editions lists each edition with its hash; the first is the default", async () => {
    const response = await app.inject({ url: "/editions" });
    expect(response.json<{ editions: unknown[] }>().editions).toEqual([
      { id: PUBLISHED.id, name: PUBLISHED.name, publishedOn: PUBLISHED.publishedOn, hash: editionHash(PUBLISHED), default: true },
      { id: WHAT_IF.id, name: WHAT_IF.name, publishedOn: WHAT_IF.publishedOn, hash: editionHash(WHAT_IF), default: false },
    ]);
    expectStamp(response, PUBLISHED);
  });

  it("GET /editions/{id}: the whole edition, by id or hash, whose hash is editionHash of it", async () => {
    for (const key of [WHAT_IF.id, editionHash(WHAT_IF)]) {
      const response = await app.inject({ url: `/editions/${encodeURIComponent(key)}` });
      const body = response.json<{ edition: Edition; hash: string }>();
      expect(body.edition).toEqual(asJson(WHAT_IF));
      expect(editionHash(deriveEdition({ ...body.edition }))).toBe(body.hash);
      expectStamp(response, WHAT_IF);
    }
    problemOf(await app.inject({ url: "/editions/nope" }), 404);
  });

  it("GET /healthz and GET /version", async () => {
    const health = await app.inject({ url: "/healthz" });
    expect(health.json<{ status: string }>().status).toBe("ok");
    expectStamp(health, PUBLISHED);
    const version = await app.inject({ url: "/version" });
    expect(version.json<{ version: string; editions: unknown[] }>()).toMatchObject({ library: LIBRARY_NAME, version: LIBRARY_VERSION, editions: [{ id: PUBLISHED.id }, { id: WHAT_IF.id }] });
  });

  it("an unknown route is a 404 problem, stamped with the library version", async () => {
    const response = await app.inject({ url: "/nothing/here" });
    problemOf(response, 404);
    expect(response.headers["pinggu-library-version"]).toBe(LIBRARY_VERSION);
  });

  it("an edition id that is not ASCII is percent-encoded in the header, as it is in the body", async () => {
    const trial = deriveEdition({ id: "试行版 2025", publishedOn: "2025-06-01" });
    const served = await buildService({ editions: [trial] });
    try {
      const response = await served.inject({ url: "/healthz" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["pinggu-edition-id"]).toBe(encodeURIComponent("试行版 2025"));
      expect(response.json<{ stamp: { editionId: string } }>().stamp.editionId).toBe("试行版 2025");
      expect((await served.inject({ url: `/editions/${encodeURIComponent("试行版 2025")}` })).statusCode).toBe(200);
    } finally {
      await served.close();
    }
  });

  it("two editions with one id cannot be served", async () => {
    await expect(buildService({ editions: [PUBLISHED, PUBLISHED] })).rejects.toThrow(/two editions have the id/);
  });
});

describe("POST /simulate", () => {
  it("gives the library's simulation under the editions asked for; the headers list each hash", async () => {
    const response = await post(`/simulate?edition=${PUBLISHED.id}&edition=${WHAT_IF.id}`, FIXTURES);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ result: unknown }>().result).toEqual(asJson(simulate(FIXTURES, [PUBLISHED, WHAT_IF], { invalidDetails: 1000 })));
    expect(response.headers["pinggu-edition-hash"]).toBe(`${editionHash(PUBLISHED)}, ${editionHash(WHAT_IF)}`);
    expect(response.json<{ editions: unknown[] }>().editions).toEqual([
      { id: PUBLISHED.id, hash: editionHash(PUBLISHED) },
      { id: WHAT_IF.id, hash: editionHash(WHAT_IF) },
    ]);
  });

  it("with an envelope; an invalid one is the library's 422", async () => {
    const response = await post("/simulate?envelope=100000", FIXTURES);
    expect(response.json<{ result: unknown }>().result).toEqual(asJson(simulate(FIXTURES, [PUBLISHED], { budgetEnvelope: "100000", invalidDetails: 1000 })));
    problemOf(await post("/simulate?envelope=lots", FIXTURES), 422);
  });

  it("an invalid application of the population is counted and described, not refused", async () => {
    const response = await post("/simulate", `${JSON.stringify(FIXTURES[0])}\n{"applicant": 1}\n`, "application/x-ndjson");
    expect(response.statusCode).toBe(200);
    const summary = response.json<{ result: { editions: { invalidApplications: number; invalid: { index: number }[] }[] } }>().result.editions[0];
    expect(summary?.invalidApplications).toBe(1);
    expect(summary?.invalid[0]?.index).toBe(1);
  });
});

describe("bad requests get their 4xx, described", () => {
  it("malformed JSON: 400, saying what the parser found", async () => {
    const problem = problemOf(await post("/applications/evaluate", '{"applicant": {'), 400);
    expect(problem.type).toMatch(/invalid-json$/);
    expect(problem.detail).toMatch(/JSON/);
  });

  it("a JSON Lines line that is not JSON: 400 naming the line", async () => {
    const problem = problemOf(await post("/applications/evaluate", `${JSON.stringify(FIXTURES[0])}\n{oops\n`, "application/x-ndjson"), 400);
    expect(problem.detail).toMatch(/^line 2: /);
  });

  it("an empty body: 400", async () => {
    problemOf(await post("/applications/evaluate", ""), 400);
  });

  it("__proto__ and constructor.prototype: 400, and no object of the server is changed", async () => {
    for (const body of ['{"__proto__": {"polluted": true}}', '{"applicant": {"constructor": {"prototype": {"polluted": true}}}}', '[{"a": {"__proto__": {"polluted": 1}}}]']) {
      const problem = problemOf(await post("/applications/evaluate", body), 400);
      expect(problem.type).toMatch(/forbidden-key$/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a wrong content type: 415", async () => {
    for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) {
      const problem = problemOf(await post("/applications/evaluate", JSON.stringify(FIXTURES[0]), type), 415);
      expect(problem.detail).toContain("application/json");
    }
  });

  it("an unknown or malformed query parameter: 400 with the issues, never silently dropped", async () => {
    const problem = problemOf(await post("/applications/evaluate?lang=fr&langg=en", FIXTURES[0]), 400);
    expect(problem.issues?.map((issue) => [issue.code, issue.path])).toEqual(
      expect.arrayContaining([
        ["invalid_value", "query.lang"],
        ["unknown_field", "query.langg"],
      ]),
    );
    problemOf(await post("/applications/evaluate?merge=perhaps", FIXTURES), 400);
  });

  it("a bad query parameter: the issue's message leaves the path to `path`, the detail names it", async () => {
    const problem = problemOf(await post("/applications/evaluate?lang=fr", FIXTURES[0]), 400);
    const issue = problem.issues?.find((each) => each.path === "query.lang");
    expect(issue?.message).toBe('expected one of zh, en; received "fr"');
    expect(issue?.messageZh).toBe('应为以下之一：zh, en；实际收到 "fr"');
    expect(problem.detail).toContain(`query.lang: ${issue?.message}`);
    expect(problem.detailZh).toContain(`query.lang：${issue?.messageZh}`);
  });

  it("a body of the wrong kind: the (root) issue's message does not repeat the path", async () => {
    const problem = problemOf(await post("/applications/evaluate", "42"), 400);
    expect(problem.issues?.[0]?.path).toBe("(root)");
    expect(problem.issues?.[0]?.message.startsWith("expected ")).toBe(true);
    expect(problem.issues?.[0]?.messageZh.startsWith("应为")).toBe(true);
  });

  it("over the limits: 413 naming the limit", async () => {
    const small = await buildService({ editions: [PUBLISHED], limits: { bodyBytes: 2048, applications: 2, claims: 3 } });
    try {
      const bytes = problemOf(await small.inject({ method: "POST", url: "/applications/evaluate", headers: { "content-type": "application/json" }, payload: JSON.stringify({ pad: "x".repeat(4096) }) }), 413);
      expect(bytes.limit).toEqual({ name: "bodyBytes", value: 2048 });
      const many = problemOf(await small.inject({ method: "POST", url: "/applications/evaluate", payload: [{}, {}, {}] }), 413);
      expect(many.limit).toEqual({ name: "applications", value: 2 });
      const claims = problemOf(await small.inject({ method: "POST", url: "/applications/evaluate", payload: { claims: [1, 2, 3, 4] } }), 413);
      expect(claims.limit).toEqual({ name: "claims", value: 3 });
      const population = problemOf(await small.inject({ method: "POST", url: "/simulate", payload: [{ claims: [1, 2] }, { claims: [3, 4] }] }), 413);
      expect(population.limit?.name).toBe("claims");
    } finally {
      await small.close();
    }
  });

  it("deep nesting: refused by the library, and the service goes on", async () => {
    const depth = 100_000;
    const deep = `{"applicant": ${"[".repeat(depth)}${"]".repeat(depth)}, "claims": []}`;
    const response = await post("/applications/evaluate", deep);
    expect([400, 422]).toContain(response.statusCode);
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });
});

describe("CORS and logs", () => {
  it("CORS is off unless origins are named; then only those", async () => {
    const preflight = { method: "OPTIONS" as const, url: "/applications/evaluate", headers: { origin: "https://grants.example.gov.cn", "access-control-request-method": "POST" } };
    const off = await app.inject(preflight);
    expect(off.headers["access-control-allow-origin"]).toBeUndefined();
    const withCors = await buildService({ editions: [PUBLISHED], corsOrigins: ["https://grants.example.gov.cn"] });
    try {
      const allowed = await withCors.inject(preflight);
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://grants.example.gov.cn");
      const other = await withCors.inject({ ...preflight, headers: { ...preflight.headers, origin: "https://elsewhere.example" } });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await withCors.close();
    }
  });

  it("the request log has each request and its status, never a body", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter((line) => line !== ""));
        done();
      },
    });
    const logged = await buildService({ editions: [PUBLISHED], logger: { level: "info", stream } });
    try {
      const marker = "SECRET-MARKER-3141592653";
      const application = structuredClone(FIXTURES[0]) as { applicant: Record<string, unknown> };
      application.applicant.name = marker;
      await logged.inject({ method: "POST", url: "/applications/evaluate", payload: application });
      await logged.inject({ method: "POST", url: "/applications/evaluate", headers: { "content-type": "application/json" }, payload: `{"${marker}": ` });
    } finally {
      await logged.close();
    }
    const records = lines.map((line) => JSON.parse(line) as { req?: { url: string }; res?: { statusCode: number } });
    expect(records.filter((record) => record.req?.url === "/applications/evaluate").length).toBe(2);
    expect(records.map((record) => record.res?.statusCode).filter((code) => code !== undefined)).toEqual([200, 400]);
    expect(lines.join("\n")).not.toContain("SECRET-MARKER");
  });
});

describe("pinggu serve without its optional packages", () => {
  it("names the missing package", () => {
    const error = Object.assign(new Error("Cannot find package 'fastify' imported from /x/dist/cli.js"), { code: "ERR_MODULE_NOT_FOUND" });
    expect(missingPackage(error)).toBe("fastify");
    const swaggerUi = Object.assign(new Error("Cannot find package '@fastify/swagger-ui' imported from /x"), { code: "ERR_MODULE_NOT_FOUND" });
    expect(missingPackage(swaggerUi)).toBe("@fastify/swagger-ui");
    expect(missingPackage(new Error("something else"))).toBeUndefined();
  });
});
