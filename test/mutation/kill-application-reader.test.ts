/**
 * src/application-reader.ts: the fast reader must *accept* every valid document it is meant for, not only
 * agree with zod when it does. test/application-reader.test.ts checks agreement on fixtures, generated
 * and perturbed documents, but a mutant that made the reader decline at a length limit (`>= 1` → `> 1`,
 * `<= max` → `< max`), or decline an optional field's absent or null form, gave the same decisions (zod
 * reads what the reader declines) and survived. Here each limit is checked on both sides, with the
 * reader's output compared to zod's, and small limits given to `makeApplicationReader` where the real
 * ones (100,000 claims) would make a slow test.
 */
import { describe, expect, it } from "vitest";
import { applicantSchema, applicationSchema, claimSchema, grantSchema, otherPolicySupportSchema, readApplicationFast } from "../../src/application.js";
import { makeApplicationReader } from "../../src/application-reader.js";
import { Decimal } from "../../src/kernel/exact.js";
import { fastFieldReader } from "../../src/kernel/fields.js";
import { applicant, eligibleInput } from "./samples.js";

/** A document as a structure that records the keys present, their order and the prototypes. */
function structure(value: unknown): unknown {
  if (value instanceof Decimal) return { decimal: value.toString() };
  if (Array.isArray(value)) return { array: value.map(structure) };
  if (typeof value === "object" && value !== null) {
    const proto = Object.getPrototypeOf(value);
    return {
      prototype: proto === null ? "null" : proto === Object.prototype ? "Object" : "other",
      entries: Object.keys(value).map((key) => [key, structure((value as Record<string, unknown>)[key])]),
    };
  }
  return { type: typeof value, value };
}

/** The fast reader accepts the document, with zod's output. */
function accepted(document: unknown, read: (raw: unknown) => unknown = readApplicationFast): void {
  const fast = read(document);
  expect(fast).toBeDefined();
  expect(structure(fast)).toEqual(structure(applicationSchema.parse(document)));
}

const claim = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "C1",
  clauseId: "art6.2",
  factDate: "2025-06-01",
  input: eligibleInput("art6.2"),
  ...extra,
});
const grant = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "G1",
  clauseId: "art4.2",
  factDate: "2025-04-01",
  amount: "100000",
  ...extra,
});
const application = (extra: Record<string, unknown> = {}, claims: unknown[] = [claim()]): Record<string, unknown> => ({
  applicant: applicant(),
  claims,
  ...extra,
});

describe("the fast reader accepts at every limit, and declines one past it", () => {
  it("ids of 1 and 100 characters (claims, grants, projects, products); 101 declined", () => {
    accepted(application({}, [claim({ id: "C" })]));
    accepted(application({}, [claim({ id: "x".repeat(100), projectId: "p", productId: "y".repeat(100) })]));
    accepted(application({ history: [grant({ id: "G", projectId: "x".repeat(100) })] }));
    accepted(application({ history: [grant({ id: "g".repeat(100), productId: "q" })] }));
    expect(readApplicationFast(application({}, [claim({ projectId: "x".repeat(101) })]))).toBeUndefined();
    expect(readApplicationFast(application({}, [claim({ productId: "" })]))).toBeUndefined();
    expect(readApplicationFast(application({ history: [grant({ id: "g".repeat(101) })] }))).toBeUndefined();
  });

  it("a name of 1 and 300 characters; a review reason and a policy name of 2,000; one more declined", () => {
    accepted({ ...application(), applicant: applicant({ name: "名" }) });
    accepted({ ...application(), applicant: applicant({ name: "名".repeat(300) }) });
    accepted({ ...application(), applicant: applicant({ otherReviewFinding: { reason: "r".repeat(2000) } }) });
    accepted(application({}, [claim({ otherPolicySupport: { policy: "p".repeat(2000), amount: "5000" } })]));
    expect(readApplicationFast({ ...application(), applicant: applicant({ otherReviewFinding: { reason: "r".repeat(2001) } }) })).toBeUndefined();
    expect(readApplicationFast({ ...application(), applicant: applicant({ otherReviewFinding: { reason: "" } }) })).toBeUndefined();
    expect(readApplicationFast(application({}, [claim({ otherPolicySupport: { policy: "p".repeat(2001) } })]))).toBeUndefined();
  });

  it("as many claims and grants as the limits allow (given small limits), and not one more", () => {
    const read = makeApplicationReader({
      fact: fastFieldReader(applicantSchema.shape.registeredInPinggu),
      date: fastFieldReader(claimSchema.shape.paymentDate),
      requiredDate: fastFieldReader(claimSchema.shape.factDate),
      money: fastFieldReader(otherPolicySupportSchema.shape.amount),
      requiredMoney: fastFieldReader(grantSchema.shape.amount),
      maxId: 3,
      maxText: 4,
      maxName: 40,
      maxClaims: 2,
      maxGrants: 1,
    });
    const two = [claim({ id: "C1" }), claim({ id: "C2" })];
    accepted(application({ history: [grant()] }, two), read);
    expect(read(application({}, [...two, claim({ id: "C3" })]))).toBeUndefined();
    expect(read(application({ history: [grant(), grant({ id: "G2" })] }, two))).toBeUndefined();
    // The other limits are the ones given, too.
    expect(read(application({}, [claim({ id: "C100" })]))).toBeUndefined();
    expect(read({ ...application(), applicant: applicant({ otherReviewFinding: { reason: "12345" } }) })).toBeUndefined();
    accepted({ ...application(), applicant: applicant({ otherReviewFinding: { reason: "1234" } }) }, read);
  });
});

describe("the fast reader accepts every optional field's forms", () => {
  it("an applicant with no facts at all, or with each fact false", () => {
    const bare = { name: "北京平谷示例直播电商有限公司", creditCode: (applicant() as { creditCode: string }).creditCode };
    accepted({ ...application(), applicant: bare });
    accepted({
      ...application(),
      applicant: { ...bare, registeredInPinggu: false, liveCommerceBusiness: false, restrictedCatalogue: false, majorAccident: false },
    });
  });

  it("otherReviewFinding and otherPolicySupport: absent, undefined, null, or given (with and without an amount)", () => {
    accepted({ ...application(), applicant: applicant({ otherReviewFinding: undefined }) });
    accepted({ ...application(), applicant: applicant({ otherReviewFinding: { reason: "第十条(三)" } }) });
    accepted(application({}, [claim({ otherPolicySupport: undefined })]));
    accepted(application({}, [claim({ otherPolicySupport: { policy: "其他政策" } })]));
    accepted(application({}, [claim({ otherPolicySupport: { policy: "其他政策", amount: null } })]));
    accepted(application({}, [claim({ otherPolicySupport: { policy: "其他政策", amount: "0" } })]));
  });

  it("a claim's optional ids and payment date: absent or undefined; a grant's paidOn and ids", () => {
    accepted(application({}, [claim({ projectId: undefined, productId: undefined, paymentDate: undefined })]));
    accepted(application({}, [claim({ paymentDate: "2025-07-01" })]));
    accepted(application({ history: [grant({ paidOn: "2025-05-01", projectId: "P1", productId: "SKU1" })] }));
    accepted(application({ history: [grant({ paidOn: null })] }));
    accepted(application({ history: [] }, []));
    accepted(application({ history: undefined }));
  });

  it("a claim's facts in an object without a prototype are copied into an ordinary object, as zod does", () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, eligibleInput("art6.2"));
    const document = application({}, [claim({ input })]);
    accepted(document);
    const read = readApplicationFast(document) as { claims: { input: object }[] };
    expect(Object.getPrototypeOf(read.claims[0]?.input)).toBe(Object.prototype);
    expect(read.claims[0]?.input).toEqual({ ...eligibleInput("art6.2") });
  });

  it("an ordinary object of facts is shared, not copied", () => {
    const input = eligibleInput("art6.2");
    const read = readApplicationFast(application({}, [claim({ input })])) as { claims: { input: object }[] };
    expect(read.claims[0]?.input).toBe(input);
  });
});

describe("the fast reader declines what it must leave to zod", () => {
  it.each([
    ["a claims list that is not an array", (d: Record<string, unknown>) => void (d.claims = { 0: claim() })],
    ["a history that is not an array", (d: Record<string, unknown>) => void (d.history = "none")],
    ["an applicant that is an array", (d: Record<string, unknown>) => void (d.applicant = [])],
    ["an applicant with an unknown key", (d: Record<string, unknown>) => void (d.applicant = applicant({ extra: 1 }))],
    ["an applicant's fact that is not a boolean", (d: Record<string, unknown>) => void (d.applicant = applicant({ majorAccident: "no" }))],
    ["a name that is not a string", (d: Record<string, unknown>) => void (d.applicant = applicant({ name: 5 }))],
    ["a credit code that is not a string", (d: Record<string, unknown>) => void (d.applicant = applicant({ creditCode: 5 }))],
    ["a review finding that is an array", (d: Record<string, unknown>) => void (d.applicant = applicant({ otherReviewFinding: [] }))],
    ["a review finding with an unknown key", (d: Record<string, unknown>) => void (d.applicant = applicant({ otherReviewFinding: { reason: "r", x: 1 } }))],
    ["a claim that is null", (d: Record<string, unknown>) => void (d.claims = [null])],
    ["a claim with an unknown key", (d: Record<string, unknown>) => void (d.claims = [claim({ extra: 1 })])],
    ["a claim's payment date 2025-02-30", (d: Record<string, unknown>) => void (d.claims = [claim({ paymentDate: "2025-02-30" })])],
    ["a claim's fact date missing", (d: Record<string, unknown>) => void (d.claims = [claim({ factDate: undefined })])],
    ["a policy support that is a string", (d: Record<string, unknown>) => void (d.claims = [claim({ otherPolicySupport: "x" })])],
    ["a policy support with an unknown key", (d: Record<string, unknown>) => void (d.claims = [claim({ otherPolicySupport: { policy: "p", x: 1 } })])],
    ["a policy support of -1 yuan", (d: Record<string, unknown>) => void (d.claims = [claim({ otherPolicySupport: { policy: "p", amount: "-1" } })])],
    ["a claim input with an inherited key", (d: Record<string, unknown>) => void (d.claims = [claim({ input: Object.create({ x: 1 }) as object })])],
    ["a claim input that is null", (d: Record<string, unknown>) => void (d.claims = [claim({ input: null })])],
    ["a grant that is an array", (d: Record<string, unknown>) => void (d.history = [[]])],
    ["a grant with an unknown key", (d: Record<string, unknown>) => void (d.history = [grant({ extra: 1 })])],
    ["a grant of an unknown clause", (d: Record<string, unknown>) => void (d.history = [grant({ clauseId: "art9.9" })])],
    ["a grant without an amount", (d: Record<string, unknown>) => void (d.history = [grant({ amount: undefined })])],
    ["a grant's amount null", (d: Record<string, unknown>) => void (d.history = [grant({ amount: null })])],
    ["a grant's paidOn 2025-13-01", (d: Record<string, unknown>) => void (d.history = [grant({ paidOn: "2025-13-01" })])],
    ["a grant's projectId empty", (d: Record<string, unknown>) => void (d.history = [grant({ projectId: "" })])],
    ["a grant's productId null", (d: Record<string, unknown>) => void (d.history = [grant({ productId: null })])],
    ["a grant's fact date missing", (d: Record<string, unknown>) => void (d.history = [grant({ factDate: undefined })])],
    ["a document with an inherited key", (d: Record<string, unknown>) => void Object.setPrototypeOf(d, { extra: 1 })],
  ])("declines %s", (_what, edit) => {
    const document = application();
    edit(document);
    expect(readApplicationFast(document)).toBeUndefined();
  });

  it("declines a value that is not a document at all", () => {
    for (const value of [null, undefined, 5, "x", [], new Date(0)]) expect(readApplicationFast(value)).toBeUndefined();
  });
});
