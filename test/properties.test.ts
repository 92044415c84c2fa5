/**
 * Property tests over the rules of the registry. Each property runs for every clause id that
 * listClauseIds() returns; every clause has a clause-specific generator (values clustered at its
 * thresholds, tier steps and caps), and an id added later without one is skipped visibly (it.skip)
 * until a generator is added here. A second, schema-driven generator covers every rule with weaker
 * properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { evaluateClause, type ClauseOptions } from "../src/evaluate-clause.js";
import { Dec, type Decimal, isDecimal, MAX_MONEY, readDecimal, roundAmount, type RoundingMode, ZERO } from "../src/kernel/decimal.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { type ClauseResult, verdictOfResult } from "../src/kernel/rule.js";
import { SWITCH_VALUES, type SwitchName, type Switches } from "../src/measures/edition.js";
import { listClauseIds, listRules } from "../src/measures/registry.js";

const NUM_RUNS = 300;
const MONEY_TEXT = /^\d+\.\d{2}$/;
const STATUSES = ["eligible", "ineligible", "undetermined"] as const;

// ---------------------------------------------------------------------------------------------------
// Facts as specs that can be rendered either as decimal strings or as the equivalent JS numbers.

/** An exact decimal `units × 10^-scale`, rendered later as a plain string or as a JS number. */
class D {
  constructor(
    readonly units: number,
    readonly scale: number,
  ) {}
}

const ABSENT = Symbol("absent");
type Spec = D | boolean | null | string | typeof ABSENT | readonly Spec[] | { readonly [key: string]: Spec };

type Rendering = "string" | "number";

function plain(units: number, scale: number): string {
  if (scale === 0) return String(units);
  const digits = String(Math.abs(units)).padStart(scale + 1, "0");
  return `${units < 0 ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function render(spec: Spec, how: Rendering): unknown {
  if (spec instanceof D) return how === "string" ? plain(spec.units, spec.scale) : spec.units / 10 ** spec.scale;
  if (spec === ABSENT || spec === null || typeof spec === "boolean" || typeof spec === "string") return spec;
  if (Array.isArray(spec)) return spec.map((item: Spec) => render(item, how));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec as { readonly [key: string]: Spec })) {
    if (value !== ABSENT) out[key] = render(value, how);
  }
  return out;
}

function toDec(spec: D): Decimal {
  return new Dec(plain(spec.units, spec.scale));
}

/** Money in fen: uniformly up to `maxYuan`, or within a few fen of a boundary (given in yuan). */
function yuan(maxYuan: number, boundariesYuan: readonly number[] = []): fc.Arbitrary<D> {
  const uniform = fc.integer({ min: 0, max: Math.round(maxYuan * 100) }).map((fen) => new D(fen, 2));
  if (boundariesYuan.length === 0) return uniform;
  const near = fc
    .tuple(fc.constantFrom(...boundariesYuan), fc.integer({ min: -3, max: 3 }))
    .map(([boundary, delta]) => new D(Math.max(0, Math.round(boundary * 100) + delta), 2));
  return fc.oneof({ arbitrary: uniform, weight: 3 }, { arbitrary: near, weight: 2 });
}

/** A growth rate with four decimals, from −100% to +500%. */
const rate4 = fc.integer({ min: -10000, max: 50000 }).map((units) => new D(units, 4));

/** Sometimes missing (absent or null), mostly present. */
function maybe<T extends Spec>(arb: fc.Arbitrary<T>, presentWeight = 8): fc.Arbitrary<T | null | typeof ABSENT> {
  return fc.oneof(
    { arbitrary: arb, weight: presentWeight },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constant(ABSENT as typeof ABSENT), weight: 1 },
  );
}

// ---------------------------------------------------------------------------------------------------
// Clause-specific generators.

interface ClauseGenerator {
  /** Every fact present. */
  readonly complete: fc.Arbitrary<Record<string, Spec>>;
  /** The money fields that form the cost base; the amount must not decrease when one of them grows. */
  readonly costBase: readonly string[];
}

function withMissing(complete: fc.Arbitrary<Record<string, Spec>>): fc.Arbitrary<Record<string, Spec>> {
  return complete.chain((facts) => {
    const keys = Object.keys(facts);
    return fc.tuple(...keys.map((key) => maybe(fc.constant(facts[key] as Spec)))).map((values) => {
      const out: Record<string, Spec> = {};
      keys.forEach((key, i) => {
        out[key] = values[i] as Spec;
      });
      return out;
    });
  });
}

const GENERATORS: Readonly<Record<string, ClauseGenerator>> = {
  "art3.1": {
    complete: fc.record({
      usedArea: fc.oneof(
        fc.integer({ min: 0, max: 1_000_000 }).map((units) => new D(units, 2)),
        fc.integer({ min: 299_997, max: 300_003 }).map((units) => new D(units, 2)),
        fc.integer({ min: 0, max: 100_000 }).map((units) => new D(units, 0)),
      ),
      annualOnlineRetail: yuan(2_000_000_000, [500_000_000]),
      investment: yuan(20_000_000, [2_000_000, 6_666_666.67, 3_333_333.35]),
    }),
    costBase: ["investment"],
  },
  "art3.2": {
    complete: fc.record({
      municipalRecognition: fc.boolean(),
      mofcomRecognition: fc.boolean(),
      rentCost: yuan(1_500_000, [1_000_000, 333_333.35]),
      renovationCost: yuan(500_000, [0]),
      equipmentCost: yuan(500_000, [0]),
    }),
    costBase: ["rentCost", "renovationCost", "equipmentCost"],
  },
  "art3.2-mofcom": {
    complete: fc.record({ mofcomRecognition: fc.boolean() }),
    // A fixed award: there is no cost base, so the monotonicity property has nothing to grow.
    costBase: [],
  },
  "art3.3": {
    complete: fc
      .record({
        selfOperatedOnlineSales: fc.boolean(),
        annualOnlineRetail: yuan(100_000_000, [20_000_000, 30_000_000, 60_000_000, 10_000_000]),
        growthRate: rate4,
        cityAverageGrowthRate: rate4,
        nearCity: fc.integer({ min: -2, max: 2 }),
        tie: fc.boolean(),
      })
      .map(({ nearCity, tie, ...facts }) =>
        // Half the time the enterprise's growth is within 0.0002 of the city's, to hit 不低于 at the number.
        tie ? { ...facts, growthRate: new D(Math.max(-10000, facts.cityAverageGrowthRate.units + nearCity), 4) } : facts,
      ),
    costBase: ["annualOnlineRetail"],
  },
};

/** A whole count, uniformly up to `max` or within a few units of a boundary. */
function count(max: number, boundaries: readonly number[] = []): fc.Arbitrary<D> {
  const uniform = fc.integer({ min: 0, max }).map((units) => new D(units, 0));
  if (boundaries.length === 0) return uniform;
  const near = fc
    .tuple(fc.constantFrom(...boundaries), fc.integer({ min: -2, max: 2 }))
    .map(([boundary, delta]) => new D(Math.max(0, boundary + delta), 0));
  return fc.oneof({ arbitrary: uniform, weight: 2 }, { arbitrary: near, weight: 3 });
}

/** A fraction between 0 and 1 with four decimals, often within 0.0002 of a boundary. */
function fraction4(boundaries: readonly number[]): fc.Arbitrary<D> {
  return fc.oneof(
    fc.integer({ min: 0, max: 10000 }).map((units) => new D(units, 4)),
    fc.tuple(fc.constantFrom(...boundaries), fc.integer({ min: -2, max: 2 })).map(([b, d]) => new D(Math.min(10000, Math.max(0, Math.round(b * 10000) + d)), 4)),
  );
}

const dayInWindow = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 2, 1 + n)).toISOString().slice(0, 10));

Object.assign(GENERATORS as Record<string, ClauseGenerator>, {
  "art4.1-investment": {
    complete: fc.record({
      annualOnlineRetail: yuan(50_000_000, [5_000_000]),
      sellsPingguFarmProductsOut: fc.boolean(),
      bringsIndustrialProductsIn: fc.boolean(),
      liveRoomAndColdChainInvestment: yuan(3_000_000, [1_250_000]),
    }),
    costBase: ["liveRoomAndColdChainInvestment"],
  },
  "art4.1-session": {
    complete: fc.record({ pingguGoodsSpecialSession: fc.boolean(), sessionTurnover: yuan(20_000_000, [1_000_000, 5_000_000]) }),
    costBase: ["sessionTurnover"],
  },
  "art4.2": {
    complete: fc.record({
      immersiveSceneWithNewTechnology: fc.boolean(),
      reviewedOutstandingAndReplicable: fc.boolean(),
      actualInvestment: yuan(5_000_000, [2_500_000]),
    }),
    costBase: ["actualInvestment"],
  },
  "art5.1": {
    complete: fc.record({
      ecommerceServiceEnterprise: fc.boolean(),
      localEnterprisesDriven: count(30, [5]),
      localEnterprisesCumulativeTurnover: yuan(200_000_000, [10_000_000, 100_000_000]),
      reviewedRate: fraction4([0.01, 0.005]).filter((d) => d.units <= 100),
    }),
    costBase: ["localEnterprisesCumulativeTurnover"],
  },
  "art5.2": {
    complete: fc.record({
      innovativeProductViaLiveStreaming: fc.boolean(),
      productAnnualTurnover: yuan(50_000_000, [10_000_000]),
      firstYearAboveThreshold: fc.boolean(),
    }),
    // A fixed award: nothing to grow.
    costBase: [],
  },
  "art6.1": {
    complete: fc.record({
      personTimesTrained: count(3000, [500]),
      completeTrainingRecords: fc.boolean(),
      placementRate: fraction4([0.2]),
      approvedAmount: yuan(200_000, [100_000]),
    }),
    costBase: ["approvedAmount"],
  },
  "art6.2": {
    complete: fc.record({ publicBasicServiceEvent: fc.boolean(), actualCost: yuan(1_500_000, [600_000]) }),
    costBase: ["actualCost"],
  },
  "art7.1-logistics": {
    complete: fc.record({ logisticsFacilityBuiltOrUpgraded: fc.boolean(), auditedInvestment: yuan(3_000_000, [1_000_000]) }),
    costBase: ["auditedInvestment"],
  },
  "art7.1-express": {
    complete: fc.record({
      sellsPingguSpecialtyFarmProducts: fc.boolean(),
      annualExpressParcels: count(1_500_000, [100_000, 110_000, 760_000, 770_000]),
    }),
    // Parcels are a count; the fen-based growth of the property does not apply.
    costBase: [],
  },
  "art7.2": {
    complete: fc
      .record({
        statisticallyRegistered: fc.boolean(),
        annualOnlineRetail: yuan(50_000_000, [5_000_000]),
        growthRate: fc.oneof(rate4, fc.integer({ min: 998, max: 1002 }).map((u) => new D(u, 4))),
        ownOperationsCommercialLoan: fc.boolean(),
        thirdPartyReviewApproved: fc.boolean(),
        principal: yuan(50_000_000, [10_000_000]),
        benchmarkAnnualRate: fc.integer({ min: 0, max: 800 }).map((u) => new D(u, 4)),
        interestPeriodStart: dayInWindow,
        days: fc.integer({ min: 0, max: 400 }),
        interestPaid: yuan(2_000_000, [200_000]),
      })
      .map(({ days, ...facts }) => ({
        ...facts,
        interestPeriodEnd: new Date(Date.parse(`${facts.interestPeriodStart}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
      })),
    costBase: ["principal", "interestPaid"],
  },
} satisfies Record<string, ClauseGenerator>);

/** Switch overrides: a random subset of the switches, each with one of its allowed values (never undefined). */
const switchesArb: fc.Arbitrary<Partial<Switches>> = fc
  .tuple(
    ...(Object.keys(SWITCH_VALUES) as SwitchName[]).map((name) =>
      fc.option(fc.constantFrom(...(SWITCH_VALUES[name].values as readonly string[])), { nil: undefined }).map((value) => [name, value] as const),
    ),
  )
  .map((pairs) => {
    const out: Record<string, string> = {};
    for (const [name, value] of pairs) if (value !== undefined) out[name] = value;
    return out as Partial<Switches>;
  });

// ---------------------------------------------------------------------------------------------------
// Invariants every result must satisfy.

function capLimit(result: ClauseResult): Decimal | undefined {
  let limit: Decimal | undefined;
  for (const cap of result.caps) {
    const value = new Dec(cap.limit);
    if (limit === undefined || value.lt(limit)) limit = value;
  }
  return limit;
}

function amountValue(result: ClauseResult): Decimal {
  return result.amount === null ? ZERO : new Dec(result.amount);
}

function checkInvariants(result: ClauseResult, clauseId: string): void {
  expect(STATUSES).toContain(result.status);
  expect(result.clauseId).toBe(clauseId);
  switch (result.status) {
    case "undetermined":
      expect(result.amount).toBeNull();
      expect(result.missingFacts.length).toBeGreaterThan(0);
      expect(result.failedConditions).toEqual([]);
      break;
    case "ineligible":
      expect(result.amount).toBe("0.00");
      expect(result.failedConditions.length).toBeGreaterThan(0);
      break;
    case "eligible":
      expect(result.amount).toMatch(MONEY_TEXT);
      expect(result.roundedAmount).toMatch(MONEY_TEXT);
      expect(result.failedConditions).toEqual([]);
      expect(result.missingFacts).toEqual([]);
      expect(result.conditions.every((c) => c.outcome === "met")).toBe(true);
      break;
  }
  if (result.amount !== null) {
    expect(result.amount).toMatch(MONEY_TEXT);
    const amount = amountValue(result);
    expect(amount.gte(0)).toBe(true);
    const limit = capLimit(result);
    if (limit !== undefined) expect(amount.lte(limit)).toBe(true);
    if (result.roundedAmount !== null) expect(amount.lte(new Dec(result.roundedAmount))).toBe(true);
  }
  for (const cap of result.caps) {
    expect(cap.before).toMatch(MONEY_TEXT);
    expect(cap.after).toMatch(MONEY_TEXT);
    expect(cap.limit).toMatch(MONEY_TEXT);
    expect(cap.bit).toBe(new Dec(cap.after).lt(new Dec(cap.before)));
  }
  if (result.capBinding !== null) expect(result.caps.some((cap) => cap.id === result.capBinding && cap.bit)).toBe(true);
}

/** Evaluate, or return the PolicyValidationError; anything else thrown fails the property. */
function attempt(clauseId: string, input: unknown, options?: Omit<ClauseOptions, "explain">): ClauseResult | PolicyValidationError {
  try {
    return evaluateClause(clauseId, input, options);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error;
    throw error;
  }
}

function errorShape(error: PolicyValidationError): string[] {
  return error.issues.map((issue) => `${issue.code}@${issue.path}`).sort();
}

// ---------------------------------------------------------------------------------------------------

describe("properties of every clause with a generator", () => {
  const ids = listClauseIds();

  it("the registry lists clauses, each id once", () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(listRules().map((rule) => rule.id)).toEqual(ids);
  });

  for (const id of ids) {
    const generator = GENERATORS[id];
    if (!generator) {
      // No clause-specific generator yet for this id: add one to GENERATORS above. The schema-driven
      // properties further down still cover it.
      it.skip(`${id}: no clause-specific generator`, () => {});
      continue;
    }
    const anyInput = withMissing(generator.complete);

    describe(id, () => {
      it("status is one of the three values; amounts are two-place decimals between 0 and the smallest cap", () => {
        fc.assert(
          fc.property(anyInput, switchesArb, (facts, switches) => {
            checkInvariants(evaluateClause(id, render(facts, "string"), { switches }), id);
          }),
          { numRuns: NUM_RUNS },
        );
      });

      it("the two passes agree: the decide-only verdict is the explained result's, field for field (any facts, any switches)", () => {
        fc.assert(
          fc.property(anyInput, switchesArb, (facts, switches) => {
            const input = render(facts, "string");
            const explained = attempt(id, input, { switches });
            if (explained instanceof PolicyValidationError) {
              expect(() => evaluateClause(id, input, { switches, explain: false })).toThrow(PolicyValidationError);
              return;
            }
            expect(evaluateClause(id, input, { switches, explain: false })).toEqual(verdictOfResult(explained));
          }),
          { numRuns: NUM_RUNS },
        );
      });

      it("with every fact known, the result is never undetermined", () => {
        fc.assert(
          fc.property(generator.complete, (facts) => {
            expect(evaluateClause(id, render(facts, "string")).status).not.toBe("undetermined");
          }),
          { numRuns: NUM_RUNS },
        );
      });

      it("evaluating twice gives deep-equal results", () => {
        fc.assert(
          fc.property(anyInput, switchesArb, (facts, switches) => {
            const input = render(facts, "string");
            expect(evaluateClause(id, input, { switches })).toEqual(evaluateClause(id, input, { switches }));
          }),
          { numRuns: NUM_RUNS },
        );
      });

      it("a decimal given as a string or as the equivalent JS number gives the same result", () => {
        fc.assert(
          fc.property(anyInput, switchesArb, (facts, switches) => {
            expect(evaluateClause(id, render(facts, "number"), { switches })).toEqual(
              evaluateClause(id, render(facts, "string"), { switches }),
            );
          }),
          { numRuns: NUM_RUNS },
        );
      });

      it("rounding and the caps commute (caps are whole yuan): min(round(exact), cap) = round(min(exact, cap))", () => {
        fc.assert(
          fc.property(generator.complete, fc.constantFrom<RoundingMode>("fen-half-up", "fen-half-even", "yuan-half-up"), (facts, rounding) => {
            const result = evaluateClause(id, render(facts, "string"), { switches: { rounding } });
            if (result.status !== "eligible" || result.exactAmount === null) return;
            const exact = new Dec(result.exactAmount);
            expect(roundAmount(exact, rounding).eq(new Dec(result.roundedAmount ?? "NaN"))).toBe(true);
            const limit = capLimit(result);
            const capFirst = roundAmount(limit === undefined || exact.lte(limit) ? exact : limit, rounding);
            expect(amountValue(result).eq(capFirst)).toBe(true);
          }),
          { numRuns: NUM_RUNS },
        );
      });

      if (generator.costBase.length === 0) {
        // No cost base (a fixed award): nothing can grow, so monotonicity is vacuous for this clause.
        it.skip("the amount never decreases when the cost base grows (no cost base)", () => {});
      } else {
        it(`the amount never decreases when the cost base (${generator.costBase.join(", ")}) grows, all else equal`, () => {
          fc.assert(
            fc.property(
              generator.complete,
              fc.constantFrom(...generator.costBase),
              fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5_000_000_000 })),
              switchesArb,
              (facts, field, growthFen, switches) => {
                const before = facts[field];
                if (!(before instanceof D)) throw new Error(`${field} is not a decimal in the generator`);
                const grownFen = Math.min(Math.round(Number(toDec(before).times(100).toFixed())) + growthFen, Number(MAX_MONEY.times(100).toFixed()));
                const grown = { ...facts, [field]: new D(grownFen, 2) };
                const low = evaluateClause(id, render(facts, "string"), { switches });
                const high = evaluateClause(id, render(grown, "string"), { switches });
                expect(amountValue(high).gte(amountValue(low))).toBe(true);
                // Growing a cost never turns an eligible claim ineligible.
                if (low.status === "eligible") expect(high.status).toBe("eligible");
              },
            ),
            { numRuns: NUM_RUNS },
          );
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Schema-driven: every rule of the registry, whatever its clause, from its input JSON Schema.

type JsonSchema = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Money over many magnitudes (log-uniform-ish), and a few fractions. */
const anyAmount: fc.Arbitrary<D> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10 }).chain((e) => fc.integer({ min: 0, max: 10 ** e * 100 })).map((fen) => new D(fen, 2)), weight: 9 },
  { arbitrary: fc.integer({ min: 0, max: 10_000 }).map((units) => new D(units, 4)), weight: 1 },
);
/** Rates and shares: mostly between 0 and 1 with four places, a few negative (growth), a few large. */
const anyRate: fc.Arbitrary<D> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10_000 }).map((units) => new D(units, 4)), weight: 8 },
  { arbitrary: fc.integer({ min: -10_000, max: 0 }).map((units) => new D(units, 4)), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((units) => new D(units, 2)), weight: 1 },
);
const RATE_WORDS = /rate|share|fraction|growth|比例|率|增速/i;
const anyCount: fc.Arbitrary<D> = fc.integer({ min: 0, max: 8 }).chain((e) => fc.integer({ min: 0, max: 10 ** e })).map((n) => new D(n, 0));
const anyDate: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 6 * 366 })
  .map((offset) => new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10));

function types(schema: JsonSchema): readonly string[] {
  const type = schema.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === "string" ? [type] : [];
}

/** An arbitrary spec for a JSON Schema node; unknown shapes give "absent" (a missing fact). */
function fromSchema(schema: unknown, depth = 0, name = ""): fc.Arbitrary<Spec> {
  if (!isObject(schema) || depth > 6) return fc.constant(ABSENT);
  if (Array.isArray(schema.anyOf)) {
    // Nullable fields are anyOf [value, null]: give null a small weight, so that most inputs are complete.
    const options = (schema.anyOf as unknown[]).map((option) => ({
      arbitrary: fromSchema(option, depth + 1, name),
      weight: isObject(option) && option.type === "null" ? 1 : 10,
    }));
    return fc.oneof(...options);
  }
  const t = types(schema);
  if (t.includes("null") && t.length === 1) return fc.constant(null);
  if (t.includes("boolean")) return fc.boolean();
  if (t.includes("integer")) return anyCount;
  if (t.includes("number")) {
    // The JSON Schema does not carry the bounds: guess rates from the field's name and description.
    return RATE_WORDS.test(`${name} ${typeof schema.description === "string" ? schema.description : ""}`) ? anyRate : anyAmount;
  }
  if (t.includes("string")) {
    if (schema.format === "date") return anyDate;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as string[]));
    if (typeof schema.const === "string") return fc.constant(schema.const);
    return fc.constant(ABSENT);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string")) {
    return fc.constantFrom(...(schema.enum as string[]));
  }
  if (t.includes("array")) return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 3 });
  if (t.includes("object") && isObject(schema.properties)) {
    const entries = Object.entries(schema.properties).map(([key, sub]) => [key, maybe(fromSchema(sub, depth + 1, key), 20)] as const);
    return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<Spec>>);
  }
  return fc.constant(ABSENT);
}

function inputArbitrary(schema: z.ZodType): fc.Arbitrary<Spec> {
  try {
    return fromSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  } catch {
    // A schema that cannot be rendered as JSON Schema: fall back to the empty input.
    return fc.constant({});
  }
}

describe("schema-driven properties of every rule in the registry", () => {
  for (const rule of listRules()) {
    const inputs = inputArbitrary(rule.schema);

    describe(rule.id, () => {
      it("gives a valid result or a PolicyValidationError, never another exception", () => {
        fc.assert(
          fc.property(inputs, switchesArb, (facts, switches) => {
            const outcome = attempt(rule.id, render(facts, "string"), { switches });
            if (!(outcome instanceof PolicyValidationError)) checkInvariants(outcome, rule.id);
          }),
          { numRuns: 200 },
        );
      });

      it("is deterministic and does not care whether decimals come as strings or numbers", () => {
        fc.assert(
          fc.property(inputs, (facts) => {
            const asString = attempt(rule.id, render(facts, "string"));
            const again = attempt(rule.id, render(facts, "string"));
            const asNumber = attempt(rule.id, render(facts, "number"));
            if (asString instanceof PolicyValidationError) {
              expect(again).toBeInstanceOf(PolicyValidationError);
              expect(asNumber).toBeInstanceOf(PolicyValidationError);
              expect(errorShape(again as PolicyValidationError)).toEqual(errorShape(asString));
              expect(errorShape(asNumber as PolicyValidationError)).toEqual(errorShape(asString));
            } else {
              expect(again).toEqual(asString);
              expect(asNumber).toEqual(asString);
            }
          }),
          { numRuns: 200 },
        );
      });

      it("with no facts at all, is undetermined or ineligible, never eligible", () => {
        const result = evaluateClause(rule.id, {});
        checkInvariants(result, rule.id);
        // A clause that pays without any fact would be a fixed grant to everyone.
        expect(result.status).not.toBe("eligible");
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// The decimal reader on its own.

describe("readDecimal properties", () => {
  const MONEY = { min: ZERO, max: MAX_MONEY, what: "an amount in yuan", whatZh: "以元为单位的金额" };

  it("a finite double from 1e-7 to 10^12 reads exactly as its shortest decimal string, written out plainly", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 1e12, noNaN: true, noDefaultInfinity: true }), (x) => {
        const fromNumber = readDecimal(x, MONEY);
        // String(x) uses exponent notation below 1e-6 ("5e-7"), which the string reader refuses by design.
        const fromString = readDecimal(new Dec(String(x)).toFixed(), MONEY);
        expect(isDecimal(fromNumber)).toBe(true);
        expect(isDecimal(fromString)).toBe(true);
        if (isDecimal(fromNumber) && isDecimal(fromString)) expect(fromNumber.eq(fromString)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("fen amounts read the same as k/100 and as the plain string", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (fen) => {
        const fromNumber = readDecimal(fen / 100, MONEY);
        const fromString = readDecimal(plain(fen, 2), MONEY);
        expect(isDecimal(fromNumber) && isDecimal(fromString) && fromNumber.eq(fromString)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("any string that is not a plain decimal is refused, never thrown", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const result = readDecimal(text, MONEY);
        if (isDecimal(result)) expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        else expect(result.expected.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("rounding to the fen is idempotent and never moves by more than half a fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.constantFrom<RoundingMode>("fen-half-up", "fen-half-even"), (units, mode) => {
        const exact = new Dec(plain(units, 4));
        const rounded = roundAmount(exact, mode);
        expect(roundAmount(rounded, mode).eq(rounded)).toBe(true);
        const error = rounded.minus(exact);
        expect(error.lte(new Dec("0.005")) && error.gte(new Dec("-0.005"))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
