/**
 * The service over a real loopback socket: the fixtures' decisions by fetch, `pinggu serve` started as a
 * process and stopped by a signal, and the hostile requests (10 MB bodies, slow bodies, malformed JSON,
 * deep nesting, `__proto__`, wrong content types, a connection cut mid-body), after each of which the
 * server must still answer. No test here times anything: a slow body is cut by the server's own timeout.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildService } from "../../src/adapters/service/app.js";
import { deriveEdition, editionHash, evaluate, LIBRARY_VERSION } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EDITION_FILE = "fixtures/editions/published-2025-03-01.json";
const EDITION = deriveEdition(JSON.parse(readFileSync(join(ROOT, EDITION_FILE), "utf8")));
const FIXTURES = readdirSync(join(ROOT, "fixtures/applications"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(join(ROOT, "fixtures/applications", name), "utf8")) as unknown);

let app: FastifyInstance;
let base: string;
let port: number;

beforeAll(async () => {
  app = await buildService({ editions: [EDITION], limits: { requestTimeoutMs: 1000, bodyBytes: 1024 * 1024 } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (typeof address !== "object" || address === null) throw new Error("no address");
  port = address.port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app.close();
});

async function healthy(): Promise<void> {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
}

/** Send raw bytes over a fresh connection; resolve with what the server answered before closing. */
function raw(chunks: readonly (string | Buffer)[], options: { end?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (data: string) => {
      answer += data;
    });
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" || error.code === "EPIPE" ? resolve(answer) : reject(error)));
    socket.on("close", () => resolve(answer));
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.end) socket.end();
    });
  });
}

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

describe("over a loopback socket", () => {
  it("every fixture's decision by fetch equals the library's, after JSON parse", async () => {
    for (const application of FIXTURES) {
      const response = await fetch(`${base}/applications/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(application) });
      expect(response.status).toBe(200);
      expect(response.headers.get("pinggu-edition-hash")).toBe(editionHash(EDITION));
      expect(response.headers.get("pinggu-library-version")).toBe(LIBRARY_VERSION);
      const body = (await response.json()) as { decision: unknown };
      expect(body.decision).toEqual(JSON.parse(JSON.stringify(evaluate(application, EDITION))));
    }
  });

  it("a 10 MB body: 413, and the server goes on", async () => {
    const response = await fetch(`${base}/applications/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"pad": "${"x".repeat(10 * 1024 * 1024)}"}` }).catch(
      // The server may close the connection once it has answered 413, before the client has sent it all.
      () => null,
    );
    if (response) expect(response.status).toBe(413);
    await healthy();
  });

  it("a body that trickles in: 408 from the server's request timeout, and the server goes on", async () => {
    const answer = await raw([`POST /applications/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"applicant": `]);
    expect(statusOf(answer)).toBe(408);
    await healthy();
  });

  it("a connection cut in the middle of a body, then the server goes on", async () => {
    await raw([`POST /applications/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"applicant": `], { end: true });
    await healthy();
  });

  it("hostile bodies mixed with valid ones: each gets its 4xx, each valid one its decision", async () => {
    const hostile: [string, string, number][] = [
      ["application/json", '{"applicant": ', 400],
      ["application/json", '{"__proto__": {"isAdmin": true}}', 400],
      ["application/json", '{"constructor": {"prototype": {"isAdmin": true}}}', 400],
      ["text/plain", JSON.stringify(FIXTURES[0]), 415],
      ["application/xml", "<application/>", 415],
      ["application/json", `{"claims": ${"[".repeat(50_000)}${"]".repeat(50_000)}}`, 422],
      ["application/json", '"just a string"', 400],
      ["application/json", "\u0000\u0001\u0002", 400],
    ];
    for (const [type, body, status] of hostile) {
      const response = await fetch(`${base}/applications/evaluate`, { method: "POST", headers: { "content-type": type }, body });
      expect(response.status, `${type} ${body.slice(0, 40)}`).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as { status: number; detail: string };
      expect(problem.status).toBe(status);
      expect(JSON.stringify(problem)).not.toMatch(/\n\s+at |node_modules/);
      const valid = await fetch(`${base}/applications/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(FIXTURES[1]) });
      expect(valid.status).toBe(200);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("a request line or headers that are not HTTP: 400 from the server, and it goes on", async () => {
    const answer = await raw(["NOT HTTP AT ALL\r\n\r\n"]);
    expect(statusOf(answer)).toBe(400);
    await healthy();
  });
});

describe("pinggu serve, as a process", () => {
  it("listens on the port it prints, answers, and stops on SIGTERM with exit code 0", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/adapters/cli/main.ts"), "serve", "--port", "0", "--no-log", "--edition", EDITION_FILE], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (data: string) => {
        stderr += data;
        const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match) resolve(match[1] as string);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const response = await fetch(`${address}/applications/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(FIXTURES[0]) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { decision: unknown }).decision).toEqual(JSON.parse(JSON.stringify(evaluate(FIXTURES[0], EDITION))));
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", (exitCode) => resolve(exitCode));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(stderr).toContain("serve stopped");
  }, 60_000);

  it.each([
    [["--port", "0"], "--published-on"],
    [["--port", "eighty", "--published-on", "2025-03-01"], "--port: expected a whole number from 0 to 65535"],
    [["--cors", "grants.example.gov.cn", "--published-on", "2025-03-01"], "--cors: expected an origin"],
    [["--published-on", "2025-03-01", "application.json"], "serve takes no FILE"],
  ])("pinggu serve %j: a usage error (exit 2) saying what to pass", async (args, message) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/adapters/cli/main.ts"), "serve", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (data: string) => {
      stderr += data;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("usage: pinggu serve");
  }, 60_000);
});
