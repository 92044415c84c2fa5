/**
 * evaluateClause throughput on four clauses over 200,000 seeded inputs clustered at their thresholds,
 * beside two plain implementations of the same four clauses without validation or explanations — the
 * integer-fen floor (bench/fen-floor.ts) and big.js — in the same process. Every contender's answer is
 * checked against the others on every input before anything is timed; a single difference and no figure
 * is printed. Prints figures; asserts nothing.
 */
import Big from "big.js";
import { evaluateClause } from "../src/evaluate-clause.js";
import { seededRandom } from "../src/population.js";
import { decideFen, type FloorClauseId } from "./fen-floor.js";

export type Input = { clauseId: FloorClauseId; input: Record<string, string | boolean | number> };

function near(rng: () => number, centre: number, unit: number): string {
  const k = [-1, 0, 1, 0][Math.floor(rng() * 4)] as number;
  const spread = rng() < 0.3 ? centre * (0.5 + rng() * 2) : centre + k * unit;
  return (Math.round(spread * 100) / 100).toFixed(2);
}

export function clauseInputs(count: number, seed = 20261126): Input[] {
  const rng = seededRandom(seed);
  const inputs: Input[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 4) {
      case 0:
        inputs.push({
          clauseId: "art3.1",
          input: { usedArea: near(rng, 3000, 0.01), annualOnlineRetail: near(rng, 500_000_000, 0.01), investment: near(rng, 6_666_666.67, 0.01) },
        });
        break;
      case 1:
        inputs.push({
          clauseId: "art3.3",
          input: {
            selfOperatedOnlineSales: true,
            annualOnlineRetail: near(rng, 20_000_000 + 10_000_000 * Math.floor(rng() * 5), 0.01),
            growthRate: "0.12",
            cityAverageGrowthRate: "0.08",
          },
        });
        break;
      case 2:
        inputs.push({ clauseId: "art4.1-session", input: { pingguGoodsSpecialSession: true, sessionTurnover: near(rng, 1_000_000, 0.01) } });
        break;
      default:
        inputs.push({
          clauseId: "art7.1-express",
          input: { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: Math.round(Number(near(rng, 100_000 + 10_000 * Math.floor(rng() * 70), 1))) },
        });
    }
  }
  return inputs;
}

const P = {
  area: new Big(3000),
  parkRetail: new Big(500_000_000),
  parkInvestment: new Big(2_000_000),
  parkRate: new Big("0.3"),
  parkCap: new Big(2_000_000),
  qRetail: new Big(20_000_000),
  qStep: new Big(10_000_000),
  qBase: new Big(300_000),
  qInc: new Big(50_000),
  qCap: new Big(500_000),
  sMin: new Big(1_000_000),
  sRate: new Big("0.01"),
  sCap: new Big(50_000),
  eMin: new Big(100_000),
  eStep: new Big(10_000),
  eBase: new Big(100_000),
  eInc: new Big(3_000),
  eCap: new Big(300_000),
};

function capped(amount: Big, cap: Big): string {
  const rounded = amount.round(2, Big.roundHalfUp);
  return (rounded.gt(cap) ? cap : rounded).toFixed(2);
}

/** The same four clauses in plain big.js: no validation, no explanation, no missing facts. */
export function plain(item: Input): string {
  const x = item.input;
  switch (item.clauseId) {
    case "art3.1": {
      const investment = new Big(x.investment as string);
      if (new Big(x.usedArea as string).lt(P.area) || new Big(x.annualOnlineRetail as string).lt(P.parkRetail) || investment.lt(P.parkInvestment)) return "0.00";
      return capped(investment.times(P.parkRate), P.parkCap);
    }
    case "art3.3": {
      const retail = new Big(x.annualOnlineRetail as string);
      if (!x.selfOperatedOnlineSales || !retail.gt(P.qRetail) || new Big(x.growthRate as string).lt(new Big(x.cityAverageGrowthRate as string))) return "0.00";
      return capped(P.qBase.plus(P.qInc.times(retail.minus(P.qRetail).div(P.qStep).round(0, Big.roundDown))), P.qCap);
    }
    case "art4.1-session": {
      const turnover = new Big(x.sessionTurnover as string);
      if (!x.pingguGoodsSpecialSession || turnover.lt(P.sMin)) return "0.00";
      return capped(turnover.times(P.sRate), P.sCap);
    }
    default: {
      const parcels = new Big(x.annualExpressParcels as number);
      if (!x.sellsPingguSpecialtyFarmProducts || !parcels.gt(P.eMin)) return "0.00";
      return capped(P.eBase.plus(P.eInc.times(parcels.minus(P.eMin).div(P.eStep).round(0, Big.roundDown))), P.eCap);
    }
  }
}

/** One implementation timed on the inputs: its answer is the clause's amount as text (null: undetermined). */
export interface Contender {
  readonly key: "floor" | "bigjs" | "explained" | "decide";
  readonly label: string;
  readonly run: (item: Input) => string | null;
}

/**
 * The contenders, fastest first. `decide` is `evaluateClause(id, facts, { explain: false })`, the
 * decide-only path of issue 16: a build without it leaves its entry out, and the ratios that need it are
 * reported as not measured.
 */
export const CONTENDERS: readonly Contender[] = [
  { key: "floor", label: "integer fen (the exact floor), no validation or explanation", run: (item) => decideFen(item.clauseId, item.input).amount },
  { key: "bigjs", label: "plain big.js, no validation or explanation", run: plain },
  { key: "decide", label: "evaluateClause decide-only (validation, { explain: false })", run: (item) => evaluateClause(item.clauseId, item.input, { explain: false }).amount },
  { key: "explained", label: "evaluateClause (validation + explanation)", run: (item) => evaluateClause(item.clauseId, item.input).amount },
];

/** Short names of the contenders, for the ratios. */
export const SHORT_NAMES: Readonly<Record<Contender["key"], string>> = {
  floor: "integer-fen floor",
  bigjs: "plain big.js",
  explained: "evaluateClause explained",
  decide: "evaluateClause decide-only",
};

/** The ratios reported, each of two contenders' rates, with issue 16's target where it sets one. */
export const RATIOS: readonly { readonly of: Contender["key"]; readonly to: Contender["key"]; readonly target: number | null }[] = [
  { of: "decide", to: "floor", target: 0.5 },
  { of: "explained", to: "bigjs", target: 1.0 },
  { of: "explained", to: "floor", target: null },
];

/** The first input on which the implementations answer differently, with every answer. */
export interface Disagreement {
  readonly index: number;
  readonly item: Input;
  readonly answers: Readonly<Record<string, string>>;
}

const shown = (status: string, amount: string | null) => `${status} ${amount ?? "null"}`;

/**
 * Check every input before timing anything: the floor's status and amount equal evaluateClause's,
 * explained and decide-only, and its amount equals plain big.js's (which has no status: "0.00" is its
 * ineligible). Returns the first difference, or null; also counts the inputs the floor sent to its big.js
 * fallback.
 */
export function verifyClauseInputs(inputs: readonly Input[]): { disagreement: Disagreement | null; fallbacks: number } {
  let fallbacks = 0;
  for (let index = 0; index < inputs.length; index++) {
    const item = inputs[index] as Input;
    const floor = decideFen(item.clauseId, item.input);
    const library = evaluateClause(item.clauseId, item.input);
    const decided = evaluateClause(item.clauseId, item.input, { explain: false });
    const big = plain(item);
    if (floor.exactFallback) fallbacks++;
    if (
      floor.status !== library.status ||
      floor.amount !== library.amount ||
      floor.status !== decided.status ||
      floor.amount !== decided.amount ||
      (floor.amount ?? "0.00") !== big
    ) {
      const answers = {
        floor: shown(floor.status, floor.amount),
        "evaluateClause explained": shown(library.status, library.amount),
        "evaluateClause decide-only": shown(decided.status, decided.amount),
        "plain big.js": big,
      };
      return { disagreement: { index, item, answers }, fallbacks };
    }
  }
  return { disagreement: null, fallbacks };
}

/** Seconds for one pass over the inputs (after which `checksum` proves the work was done). */
function pass(inputs: readonly Input[], run: (item: Input) => string | null): { seconds: number; checksum: number } {
  const start = performance.now();
  let checksum = 0;
  for (const item of inputs) checksum += (run(item) ?? "").length;
  return { seconds: (performance.now() - start) / 1000, checksum };
}

/** Passes of each contender per round, alternated so that all see the same moments of load. */
const PASSES = 5;

export interface ClauseThroughput {
  /** Inputs per second of each contender measured (best pass). */
  readonly rates: Partial<Record<Contender["key"], number>>;
  /** The ratios of RATIOS whose two contenders were measured. */
  readonly ratios: readonly { readonly of: Contender["key"]; readonly to: Contender["key"]; readonly ratio: number; readonly target: number | null }[];
}

const num = (x: number) => Math.round(x).toLocaleString("en-US");

/** Time every contender on inputs already verified by verifyClauseInputs; print and return the figures. */
export function measureClauseThroughput(inputs: readonly Input[], contenders: readonly Contender[] = CONTENDERS): ClauseThroughput {
  for (let i = 0; i < 20_000; i++) for (const contender of contenders) contender.run(inputs[i % inputs.length] as Input);
  // The best of several alternating passes: on a shared machine, interference only ever slows a pass
  // down, so the fastest pass of each is the closest to what the code itself costs.
  const best = contenders.map(() => Number.POSITIVE_INFINITY);
  let checksum: number | null = null;
  for (let i = 0; i < PASSES; i++) {
    contenders.forEach((contender, c) => {
      const p = pass(inputs, contender.run);
      best[c] = Math.min(best[c] as number, p.seconds);
      // Every contender gives the same answers, so the same total length of them.
      checksum = checksum === null || checksum === p.checksum ? p.checksum : Number.NaN;
    });
  }
  const rates: Partial<Record<Contender["key"], number>> = {};
  contenders.forEach((contender, c) => {
    const seconds = best[c] as number;
    rates[contender.key] = inputs.length / seconds;
    console.log(`  ${contender.label.padEnd(62)} ${num(inputs.length / seconds).padStart(10)} /s  (best of ${PASSES} passes: ${seconds.toFixed(3)} s)`);
  });
  console.log(`  checksum of the answers: ${checksum} (the same for every contender)`);
  const ratios = RATIOS.flatMap(({ of, to, target }) => {
    const a = rates[of];
    const b = rates[to];
    return a === undefined || b === undefined ? [] : [{ of, to, ratio: a / b, target }];
  });
  for (const { of, to, ratio, target } of ratios) {
    console.log(`  ratio ${SHORT_NAMES[of]} / ${SHORT_NAMES[to]}: ${ratio.toFixed(3)}×${target === null ? "" : ` (target ≥ ${target.toFixed(1)}×)`}`);
  }
  const missing = RATIOS.filter(({ of, to }) => rates[of] === undefined || rates[to] === undefined);
  for (const { of, to } of missing) {
    const absent = rates[of] === undefined ? of : to;
    console.log(`  ratio ${SHORT_NAMES[of]} / ${SHORT_NAMES[to]}: not measured (no ${SHORT_NAMES[absent]} contender in this build)`);
  }
  return { rates, ratios };
}

/**
 * The inputs, checked, then `rounds` rounds of timing. Null (and the first differing input printed) when
 * the implementations disagree: figures of code that gives wrong answers mean nothing.
 */
export function runClauseThroughput(count = 200_000, rounds = 1): ClauseThroughput[] | null {
  const inputs = clauseInputs(count);
  const { disagreement, fallbacks } = verifyClauseInputs(inputs);
  const clauses = "art3.1, art3.3, art4.1-session, art7.1-express";
  if (disagreement !== null) {
    console.log(`clause throughput, ${num(count)} inputs (${clauses}): the implementations DISAGREE — no figures`);
    console.log(`  first difference at input ${disagreement.index}: ${JSON.stringify(disagreement.item)}`);
    for (const [name, answer] of Object.entries(disagreement.answers)) console.log(`    ${name}: ${answer}`);
    return null;
  }
  console.log(
    `clause throughput, ${num(count)} inputs (${clauses}): integer fen, plain big.js and evaluateClause (explained and decide-only) agree on every input (status and amount); ${num(fallbacks)} sent to the floor's big.js fallback`,
  );
  const results: ClauseThroughput[] = [];
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1} of ${rounds}`);
    results.push(measureClauseThroughput(inputs));
  }
  return results;
}
