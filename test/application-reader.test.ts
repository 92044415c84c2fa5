/**
 * The fast reader of the application document (src/application-reader.ts) against zod's parse of
 * `applicationSchema`: whatever the fast reader accepts, zod accepts too, with the same output — the same
 * values, the same keys present, in the same order. Where it is unsure it must say so (undefined), never
 * guess.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicationSchema, readApplicationFast } from "../src/application.js";
import { Decimal } from "../src/kernel/exact.js";
import { generatePopulation } from "../src/population.js";
import { APPLICATION_SAMPLES, jsonApplicationCase, nearValidApplicationCase } from "./fuzz/model.js";

/** A document as a structure that also records which keys are present and in which order. */
function structure(value: unknown): unknown {
  if (value instanceof Decimal) return { decimal: value.toString() };
  if (Array.isArray(value)) return { array: value.map(structure), length: value.length };
  if (typeof value === "object" && value !== null) {
    return {
      prototype: Object.getPrototypeOf(value) === null ? "null" : Object.getPrototypeOf(value) === Object.prototype ? "Object" : "other",
      entries: Object.keys(value).map((key) => [key, structure((value as Record<string, unknown>)[key])]),
    };
  }
  return { type: typeof value, value };
}

/** The fast reader either declines or gives exactly zod's output. Returns whether it accepted. */
function agrees(document: unknown): boolean {
  const fast = readApplicationFast(document);
  const slow = applicationSchema.safeParse(document);
  if (fast === undefined) return false;
  expect(slow.success).toBe(true);
  if (slow.success) expect(structure(fast)).toEqual(structure(slow.data));
  return true;
}

describe("the fast application reader agrees with zod", () => {
  it.each(APPLICATION_SAMPLES.map((sample, index) => [index, sample] as const))("fixture %i is accepted with zod's output", (_index, sample) => {
    expect(agrees(sample)).toBe(true);
  });

  it("2,000 generated applications are accepted with zod's output", () => {
    let accepted = 0;
    let count = 0;
    for (const application of generatePopulation({ seed: 7, applicants: 2_000 })) {
      count += 1;
      if (agrees(application)) accepted += 1;
    }
    // The generator writes misconduct findings now and then; those go to zod on purpose.
    expect(accepted).toBeGreaterThan(count * 0.9);
  });

  it("near-valid documents (each field perturbed): declined, or accepted exactly as zod does", () => {
    fc.assert(
      fc.property(nearValidApplicationCase, (c) => {
        agrees(c.application);
      }),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it("arbitrary JSON and JavaScript values: declined, or accepted exactly as zod does", () => {
    fc.assert(
      fc.property(jsonApplicationCase, (c) => {
        agrees(c.application);
      }),
      { numRuns: 1000, seed: 20261127 },
    );
  });

  const valid = (): Record<string, unknown> => structuredClone(APPLICATION_SAMPLES[0] as Record<string, unknown>);
  const firstClaim = (document: Record<string, unknown>) => (document.claims as Record<string, unknown>[])[0] as Record<string, unknown>;

  it.each([
    ["an unknown top-level key", (d: Record<string, unknown>) => void (d.extra = 1)],
    ["history null", (d: Record<string, unknown>) => void (d.history = null)],
    ["a claim's projectId null", (d: Record<string, unknown>) => void (firstClaim(d).projectId = null)],
    ["a claim id of 101 characters", (d: Record<string, unknown>) => void (firstClaim(d).id = "x".repeat(101))],
    ["an empty claim id", (d: Record<string, unknown>) => void (firstClaim(d).id = "")],
    ["an unknown clause id", (d: Record<string, unknown>) => void (firstClaim(d).clauseId = "art9.9")],
    ["a credit code with a wrong check character", (d: Record<string, unknown>) => void ((d.applicant as Record<string, unknown>).creditCode = "91110117MA01ABCD2X")],
    ["a fact date 2026-02-30", (d: Record<string, unknown>) => void (firstClaim(d).factDate = "2026-02-30")],
    ["a claim input that is an array", (d: Record<string, unknown>) => void (firstClaim(d).input = [])],
    ["a claim input with a __proto__ key", (d: Record<string, unknown>) => void (firstClaim(d).input = JSON.parse('{"__proto__": {"x": 1}}'))],
    ["a name of 301 characters", (d: Record<string, unknown>) => void ((d.applicant as Record<string, unknown>).name = "名".repeat(301))],
    ["a registeredInPinggu of \"true\"", (d: Record<string, unknown>) => void ((d.applicant as Record<string, unknown>).registeredInPinggu = "true")],
    ["misconduct findings (always read by zod)", (d: Record<string, unknown>) => void ((d.applicant as Record<string, unknown>).misconductFindings = [])],
    ["an inherited key on a claim", (d: Record<string, unknown>) => void ((d.claims as unknown[])[0] = Object.assign(Object.create({ extra: 1 }) as object, firstClaim(d)))],
  ])("declines %s", (_what, edit) => {
    const document = valid();
    edit(document);
    expect(readApplicationFast(document)).toBeUndefined();
  });

  it.each([
    ["a fact given as null reads as undefined", (d: Record<string, unknown>) => void ((d.applicant as Record<string, unknown>).majorAccident = null)],
    ["paymentDate null", (d: Record<string, unknown>) => void (firstClaim(d).paymentDate = null)],
    ["otherPolicySupport null", (d: Record<string, unknown>) => void (firstClaim(d).otherPolicySupport = null)],
    ["otherReviewFinding null", (d: Record<string, unknown>) => void ((d.applicant as Record<string, unknown>).otherReviewFinding = null)],
    ["history undefined", (d: Record<string, unknown>) => void (d.history = undefined)],
    ["keys in another order", (d: Record<string, unknown>) => void ((d.claims as unknown[])[0] = Object.fromEntries(Object.entries(firstClaim(d)).reverse()))],
    ["an input with undefined values", (d: Record<string, unknown>) => void (firstClaim(d).input = { ...(firstClaim(d).input as object), extra: undefined })],
    ["a null-prototype claim", (d: Record<string, unknown>) => void ((d.claims as unknown[])[0] = Object.assign(Object.create(null) as object, firstClaim(d)))],
  ])("accepts %s exactly as zod does", (_what, edit) => {
    const document = valid();
    edit(document);
    expect(agrees(document)).toBe(true);
  });
});
