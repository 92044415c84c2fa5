/**
 * The service's limits: what one request may ask of it. Each is an option of `pinggu serve`
 * (docs/service.md, "Limits"); a request over a limit gets a 413 problem naming the limit.
 */
export interface ServiceLimits {
  /** Largest request body, in bytes (Fastify's bodyLimit). */
  readonly bodyBytes: number;
  /** Most applications in one batch (POST /applications/evaluate) or one population (POST /simulate). */
  readonly applications: number;
  /** Most claims in one request, all applications together. */
  readonly claims: number;
  /** Most editions one simulation compares. */
  readonly simulationEditions: number;
  /** Time allowed to receive a whole request (Node's requestTimeout), in milliseconds: slow bodies get a 408. */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  bodyBytes: 4 * 1024 * 1024,
  applications: 1000,
  claims: 10_000,
  simulationEditions: 8,
  requestTimeoutMs: 10_000,
};
