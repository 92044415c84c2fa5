/**
 * The HTTP service (`pinggu serve`, docs/service.md): the library behind a stateless JSON API on
 * Fastify, described by an OpenAPI 3.1 document at /openapi.json and a page of it at /docs.
 *
 * Every rule, figure, decision and explanation comes from the library (src/index.ts); the service only
 * reads requests, picks the edition, checks its limits and writes answers. Every answer is stamped with
 * the library's version and the edition's content hash (headers and body), so it can be reproduced.
 *
 * Request bodies are read by the library, not by Fastify's Ajv: its zod schemas are the one source of
 * truth, and its issues (path, expected, received, in English and Chinese) are what a caller must see.
 * The OpenAPI document describes the bodies with the JSON Schemas the library generates from those
 * same zod schemas. Answers are written with JSON.stringify: the decision's explanations are open
 * objects (reasons carry extra fields), which a schema-driven serialiser would silently drop.
 *
 * Loaded only by `pinggu serve` (with `await import()`), never by the library: Fastify and its plugins
 * are optional dependencies.
 */
import { createServer } from "node:http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import {
  type Decision,
  type DecisionSummary,
  type Edition,
  evaluate,
  evaluateBatch,
  evaluateClause,
  explainClause,
  explainDecision,
  groupApplications,
  isClauseId,
  type Language,
  LIBRARY_NAME,
  LIBRARY_VERSION,
  listClauseIds,
  PolicyValidationError,
  simulate,
  UnknownClauseError,
} from "../../index.js";
import { clauseReferences, type ClauseReference } from "./clauses.js";
import { findEdition, type ServedEdition, servedEditions } from "./editions.js";
import { DEFAULT_LIMITS, type ServiceLimits } from "./limits.js";
import { type OpenApiDocs, openApiOptions, routeDocs } from "./openapi.js";
import { overLimit, PROBLEM_MEDIA_TYPE, problemBody, type SchemaError, schemaIssues, ServiceProblem, serviceIssue } from "./problems.js";
import { serviceSchemasOf } from "./schemas.js";

export interface ServiceOptions {
  /** The editions served; the first is used when a request names none. */
  readonly editions: readonly Edition[];
  readonly limits?: Partial<ServiceLimits>;
  /** Origins allowed to call from a browser (CORS); none by default: CORS stays off. */
  readonly corsOrigins?: readonly string[];
  /** Fastify's logger (pino): `true` logs one line per request and response, never a body. */
  readonly logger?: FastifyServerOptions["logger"];
}

export const HEADER_LIBRARY = "pinggu-library";
export const HEADER_VERSION = "pinggu-library-version";
export const HEADER_EDITION_ID = "pinggu-edition-id";
export const HEADER_EDITION_HASH = "pinggu-edition-hash";

export interface Stamp {
  readonly library: string;
  readonly version: string;
  readonly editionId: string;
  readonly editionHash: string;
}

/**
 * An edition id as a header value: as it is when it is printable ASCII, else percent-encoded (an id may
 * be any text, 试行版 say, and a header may carry only ASCII; the body carries it as it is).
 */
export function headerId(id: string): string {
  return /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(id) && !id.includes("%") ? id : encodeURIComponent(id);
}

/** The stamp of an answer computed under `served`, in the headers and for the body. */
function stamp(reply: FastifyReply, served: ServedEdition): Stamp {
  reply.header(HEADER_EDITION_ID, headerId(served.id));
  reply.header(HEADER_EDITION_HASH, served.hash);
  return { library: LIBRARY_NAME, version: LIBRARY_VERSION, editionId: served.id, editionHash: served.hash };
}

/** A JSON Lines body (application/x-ndjson, application/jsonl): always a batch, even of one line. */
class JsonLines {
  constructor(readonly items: readonly unknown[]) {}
}

const JSON_LINES_TYPES = ["application/x-ndjson", "application/jsonl", "application/json-lines"];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function claimCount(application: unknown): number {
  return isRecord(application) && Array.isArray(application.claims) ? application.claims.length : 0;
}

type Query = Record<string, unknown>;

const bodyKindProblem = (expected: string, expectedZh: string, received: unknown) =>
  new ServiceProblem(
    400,
    "wrong-body",
    { en: "The body is not what this endpoint reads", zh: "请求体不是此接口可读取的内容" },
    { en: `expected ${expected}`, zh: `应为${expectedZh}` },
    [serviceIssue("invalid_type", [], received, expected, expectedZh)],
  );

/** ?lang= asks for the explanation as text; ?explain=false leaves the explanation out: not both. */
const explainWithLangProblem = (lang: string) =>
  new ServiceProblem(
    400,
    "invalid-parameter",
    { en: "A query parameter is not valid", zh: "查询参数无效" },
    {
      en: `explain: ?lang=${lang} writes the explanation as text, which ?explain=false leaves out: drop one of them`,
      zh: `explain：?lang=${lang} 要求输出文字说明，而 ?explain=false 不附说明：请去掉其中之一`,
    },
    [serviceIssue("invalid_value", ["explain"], false, "true (the default) when ?lang= is given", "给出 ?lang= 时须为 true（默认值）")],
  );

/** Build the service (not listening yet: call `listen`, or `inject` in tests). */
export async function buildService(options: ServiceOptions): Promise<FastifyInstance> {
  const limits: ServiceLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const editions = servedEditions(options.editions);
  const defaultEdition = editions[0] as ServedEdition;
  const schemas = serviceSchemasOf();
  const references = new Map<string, ClauseReference[]>(editions.map((served) => [served.id, clauseReferences(served.edition, schemas.facts)]));

  // Loaded here, not at the top: the CLI is one bundle, and no other command may load them.
  const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([import("fastify"), import("@fastify/swagger"), import("@fastify/swagger-ui")]);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyBytes,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    return503OnClosing: true,
    // Query strings and path parameters are checked by Ajv: an unknown parameter is an error, not dropped.
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
    routerOptions: { maxParamLength: 200 },
    // Node's own timeouts: a body that trickles in is cut off with a 408 after requestTimeout (checked
    // every second, not Node's default 30).
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: limits.requestTimeoutMs,
          headersTimeout: Math.min(limits.requestTimeoutMs, 60_000),
          connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs),
        },
        handler,
      ),
  });

  // Bodies: JSON (parsed without prototype pollution; a syntax error says where), JSON Lines. Nothing
  // else: Fastify's text/plain parser is removed, so any other type is a 415.
  const secureJson = app.getDefaultJsonParser("error", "error");
  const parseJson = (request: FastifyRequest, text: string): unknown => {
    let result: { error: Error | null; value: unknown } = { error: null, value: undefined };
    secureJson(request, text, (error, value) => {
      result = { error, value };
    });
    if (result.error === null) return result.value;
    if ((result.error as FastifyError).code === "FST_ERR_CTP_EMPTY_JSON_BODY") throw result.error;
    try {
      JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServiceProblem(400, "invalid-json", { en: "The body is not valid JSON", zh: "请求体不是合法的 JSON" }, { en: reason, zh: `JSON 语法错误：${reason}` });
    }
    throw new ServiceProblem(
      400,
      "forbidden-key",
      { en: "The body has a forbidden key", zh: "请求体含有禁止使用的键" },
      { en: "a key __proto__, or constructor.prototype, could change every object of the server: refused", zh: "键 __proto__ 或 constructor.prototype 可能篡改服务器中的对象，不予接受" },
    );
  };
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    try {
      done(null, parseJson(request, body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(JSON_LINES_TYPES, { parseAs: "string" }, (request, body, done) => {
    const items: unknown[] = [];
    const lines = (body as string).split("\n");
    try {
      lines.forEach((line, index) => {
        if (line.trim() === "") return;
        try {
          items.push(parseJson(request, line));
        } catch (error) {
          if (!(error instanceof ServiceProblem)) throw error;
          throw new ServiceProblem(error.status, error.slug, error.title, { en: `line ${index + 1}: ${error.detail.en}`, zh: `第${index + 1}行：${error.detail.zh}` });
        }
      });
      done(null, new JsonLines(items));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    const { default: cors } = await import("@fastify/cors");
    await app.register(cors, { origin: [...options.corsOrigins], methods: ["GET", "POST"], exposedHeaders: [HEADER_LIBRARY, HEADER_VERSION, HEADER_EDITION_ID, HEADER_EDITION_HASH] });
  }

  await app.register(swagger, openApiOptions(schemas.components, editions));
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    // Everything from this server: no CDN, no online validator badge.
    uiConfig: { validatorUrl: null, deepLinking: true, docExpansion: "list" },
  });

  // Every answer, even an error or the docs page, says which library made it; answers that depend on
  // an edition name the default one until a handler says which it used.
  app.addHook("onRequest", async (_request, reply) => {
    reply.header(HEADER_LIBRARY, LIBRARY_NAME);
    reply.header(HEADER_VERSION, LIBRARY_VERSION);
    reply.header(HEADER_EDITION_ID, headerId(defaultEdition.id));
    reply.header(HEADER_EDITION_HASH, defaultEdition.hash);
    reply.header("x-content-type-options", "nosniff");
  });

  const editionOf = (key: unknown): ServedEdition => {
    if (key === undefined) return defaultEdition;
    const served = findEdition(editions, String(key));
    if (served) return served;
    throw new ServiceProblem(
      404,
      "unknown-edition",
      { en: "No such edition", zh: "没有此版本" },
      { en: `no edition ${JSON.stringify(String(key))} here; the editions are: ${editions.map((e) => e.id).join(", ")} (GET /editions)`, zh: `没有版本 ${JSON.stringify(String(key))}；可用版本：${editions.map((e) => e.id).join("、")}（GET /editions）` },
    );
  };
  const clauseIdOf = (id: string): string => {
    if (isClauseId(id)) return id;
    const known = listClauseIds().join(", ");
    throw new ServiceProblem(404, "unknown-clause", { en: "No such clause", zh: "没有此条款" }, { en: `no clause ${JSON.stringify(id)}; the clauses are: ${known}`, zh: `没有条款 ${JSON.stringify(id)}；条款编号：${known}` });
  };
  const docs: OpenApiDocs = routeDocs(limits);

  app.get("/healthz", docs.healthz, async (_request, reply) => ({ status: "ok", stamp: stamp(reply, defaultEdition) }));

  app.get("/version", docs.version, async (_request, reply) => ({
    library: LIBRARY_NAME,
    version: LIBRARY_VERSION,
    editions: editions.map((served) => ({ id: served.id, hash: served.hash })),
    limits,
    stamp: stamp(reply, defaultEdition),
  }));

  const summary = (served: ServedEdition) => ({
    id: served.id,
    name: served.edition.name,
    publishedOn: served.edition.publishedOn,
    hash: served.hash,
    default: served.isDefault,
  });
  app.get("/editions", docs.editions, async (_request, reply) => ({ editions: editions.map(summary), stamp: stamp(reply, defaultEdition) }));
  app.get<{ Params: { id: string } }>("/editions/:id", docs.edition, async (request, reply) => {
    const served = editionOf(request.params.id);
    return { ...summary(served), edition: served.edition, stamp: stamp(reply, served) };
  });

  app.get<{ Querystring: Query }>("/clauses", docs.clauses, async (request, reply) => {
    const served = editionOf(request.query.edition);
    return { clauses: references.get(served.id), stamp: stamp(reply, served) };
  });
  app.get<{ Params: { id: string }; Querystring: Query }>("/clauses/:id", docs.clause, async (request, reply) => {
    const id = clauseIdOf(request.params.id);
    const served = editionOf(request.query.edition);
    return { clause: references.get(served.id)?.find((reference) => reference.id === id), stamp: stamp(reply, served) };
  });
  app.post<{ Params: { id: string }; Querystring: Query }>("/clauses/:id/evaluate", docs.evaluateClause, async (request, reply) => {
    const id = clauseIdOf(request.params.id);
    const served = editionOf(request.query.edition);
    const facts = request.body;
    if (!isRecord(facts)) throw bodyKindProblem("the claim's facts: a JSON object (GET /clauses/{id} lists them)", "申请事项的事实：JSON 对象（GET /clauses/{id} 列出字段）", facts);
    const lang = request.query.lang as Language | undefined;
    if (request.query.explain === false) {
      if (lang !== undefined) throw explainWithLangProblem(lang);
      return { result: evaluateClause(id, facts, { edition: served.edition, explain: false }), stamp: stamp(reply, served) };
    }
    const result = evaluateClause(id, facts, { edition: served.edition });
    return { result, ...(lang ? { explanation: explainClause(result, lang) } : {}), stamp: stamp(reply, served) };
  });

  app.post<{ Querystring: Query }>("/applications/evaluate", docs.evaluateApplications, async (request, reply) => {
    const served = editionOf(request.query.edition);
    const lang = request.query.lang as Language | undefined;
    // ?explain=false: decide only (DecisionSummary), the path for batch work; there is then no
    // explanation to write as text.
    const explain = request.query.explain !== false;
    if (!explain && lang !== undefined) throw explainWithLangProblem(lang);
    const body = request.body;
    const explained = (decision: Decision | DecisionSummary) => (lang ? { decision, explanation: explainDecision(decision as Decision, lang) } : { decision });
    if (isRecord(body) && !(body instanceof JsonLines)) {
      checkClaims(claimCount(body), limits);
      return { ...explained(evaluate(body, served.edition, { explain })), stamp: stamp(reply, served) };
    }
    const items = body instanceof JsonLines ? body.items : Array.isArray(body) ? (body as unknown[]) : undefined;
    if (items === undefined) {
      throw bodyKindProblem("an application (a JSON object), an array of applications, or JSON Lines (one application per line)", "一份申请（JSON 对象）、申请数组，或 JSON Lines（每行一份申请）", body);
    }
    checkApplications(items.length, limits);
    checkClaims(items.reduce<number>((sum, item) => sum + claimCount(item), 0), limits);
    const merge = request.query.merge === true;
    // One ledger per applicant: the library refuses two applications with one credit code unless merged.
    const decisions = evaluateBatch(items, served.edition, { merge, explain });
    const sources = merge ? groupApplications(items, { merge }).map((group) => group.sources) : items.map((_item, index) => [index]);
    return { results: decisions.map((decision, index) => ({ sources: sources[index], ...explained(decision) })), stamp: stamp(reply, served) };
  });

  app.post<{ Querystring: Query }>("/simulate", docs.simulate, async (request, reply) => {
    const keys = (request.query.edition as string[] | undefined) ?? [defaultEdition.id];
    if (keys.length > limits.simulationEditions) throw overLimit("simulationEditions", limits.simulationEditions, `at most ${limits.simulationEditions} editions in one simulation; got ${keys.length}`, `一次模拟最多 ${limits.simulationEditions} 个版本；收到 ${keys.length} 个`);
    const chosen = keys.map(editionOf);
    const body = request.body;
    const population = body instanceof JsonLines ? body.items : Array.isArray(body) ? (body as unknown[]) : undefined;
    if (population === undefined) throw bodyKindProblem("the population: an array of applications, or JSON Lines (one application per line)", "申请总体：申请数组，或 JSON Lines（每行一份申请）", body);
    checkApplications(population.length, limits);
    checkClaims(population.reduce<number>((sum, item) => sum + claimCount(item), 0), limits);
    const envelope = request.query.envelope as string | undefined;
    const result = simulate(
      population,
      chosen.map((served) => served.edition),
      { ...(envelope !== undefined ? { budgetEnvelope: envelope } : {}), invalidDetails: limits.applications },
    );
    const first = stamp(reply, chosen[0] as ServedEdition);
    // Several editions: the header lists every hash, in the order of the result's editions.
    reply.header(HEADER_EDITION_ID, chosen.map((served) => headerId(served.id)).join(", "));
    reply.header(HEADER_EDITION_HASH, chosen.map((served) => served.hash).join(", "));
    return { result, editions: chosen.map((served) => ({ id: served.id, hash: served.hash })), stamp: first };
  });

  app.get("/openapi.json", docs.openapi, async () => app.swagger());

  app.setNotFoundHandler(async (request, reply) => {
    const problem = new ServiceProblem(404, "not-found", { en: "No such resource", zh: "没有此资源" }, { en: `no ${request.method} ${request.url.split("?")[0]} here: see /openapi.json or /docs`, zh: `没有 ${request.method} ${request.url.split("?")[0]}：见 /openapi.json 或 /docs` });
    return sendProblem(reply, problem, request);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, "internal error");
    return sendProblem(reply, problem, request);
  });

  return app;

  function sendProblem(reply: FastifyReply, problem: ServiceProblem, request: FastifyRequest) {
    reply.code(problem.status).type(PROBLEM_MEDIA_TYPE);
    return problemBody(problem, request.url.split("?")[0]);
  }

  function toProblem(error: FastifyError, request: FastifyRequest): ServiceProblem {
    if (error instanceof ServiceProblem) return error;
    if (error instanceof PolicyValidationError) {
      return new ServiceProblem(
        422,
        "invalid-input",
        { en: "The library cannot accept this input", zh: "输入不符合要求" },
        { en: error.issues.length === 1 ? "1 problem: see issues" : `${error.issues.length} problems: see issues`, zh: `${error.issues.length} 处问题：见 issues` },
        error.issues,
      );
    }
    if (error instanceof UnknownClauseError) return new ServiceProblem(404, "unknown-clause", { en: "No such clause", zh: "没有此条款" }, { en: error.message, zh: error.message });
    if (error.validation) {
      const part = error.validationContext === "params" ? "params" : "query";
      const issues = schemaIssues(error.validation as unknown as SchemaError[], part, part === "params" ? request.params : request.query);
      return new ServiceProblem(400, "invalid-parameter", { en: "A parameter of the request is not valid", zh: "请求参数无效" }, { en: issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), zh: issues.map((issue) => `${issue.path}：${issue.messageZh}`).join("；") }, issues);
    }
    switch (error.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return overLimit("bodyBytes", limits.bodyBytes, `the body is larger than ${limits.bodyBytes} bytes`, `请求体超过 ${limits.bodyBytes} 字节`);
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return new ServiceProblem(415, "unsupported-media-type", { en: "Unsupported content type", zh: "不支持的内容类型" }, { en: "send application/json (or, for a batch or a population, application/x-ndjson: JSON Lines)", zh: "请使用 application/json（批量或模拟总体也可用 application/x-ndjson，即 JSON Lines）" });
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return new ServiceProblem(400, "empty-body", { en: "The body is empty", zh: "请求体为空" }, { en: "the content type is application/json but there is no body", zh: "内容类型为 application/json，但请求体为空" });
      default:
        break;
    }
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status >= 400 && status < 500) return new ServiceProblem(status, "bad-request", { en: "Bad request", zh: "请求有误" }, { en: error.message, zh: error.message });
    return new ServiceProblem(500, "internal", { en: "Internal error", zh: "内部错误" }, { en: "the service failed on this request (a defect: please report it with the request)", zh: "服务处理此请求时出错（程序缺陷，请连同请求一并报告）" });
  }
}

function checkApplications(count: number, limits: ServiceLimits): void {
  if (count > limits.applications) throw overLimit("applications", limits.applications, `at most ${limits.applications} applications in one request; got ${count}`, `一次请求最多 ${limits.applications} 份申请；收到 ${count} 份`);
}

function checkClaims(count: number, limits: ServiceLimits): void {
  if (count > limits.claims) throw overLimit("claims", limits.claims, `at most ${limits.claims} claims in one request; got ${count}`, `一次请求最多 ${limits.claims} 个申请事项；收到 ${count} 个`);
}

