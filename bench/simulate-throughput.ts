/**
 * simulate() over a seeded synthetic population of at least N claims (1,000,000 by default), one
 * edition (the draft published 2025-03-01): claims per second through `Simulation.add`, the same path
 * `pinggu simulate` takes. The population is generated in batches outside the timed region, so the
 * figure is the evaluator's alone. Prints figures; asserts nothing.
 */
import { deriveEdition } from "../src/measures/derive-edition.js";
import { generatePopulation } from "../src/population.js";
import { Simulation } from "../src/simulate.js";

export interface SimulateFigures {
  readonly claims: number;
  readonly applications: number;
  readonly seconds: number;
  readonly claimsPerSecond: number;
  readonly total: string;
}

const BATCH = 200;

export function runSimulate(targetClaims = 1_000_000, seed = 1): SimulateFigures {
  const edition = deriveEdition({ publishedOn: "2025-03-01" });
  const simulation = new Simulation([edition]);
  const population = generatePopulation({ seed, applicants: Number.MAX_SAFE_INTEGER });
  // Warm up on a separate simulation so that the timed one starts with optimised code.
  const warm = new Simulation([edition]);
  for (const application of generatePopulation({ seed: seed + 1, applicants: 20_000 })) warm.add(application);

  let claims = 0;
  let applications = 0;
  let elapsed = 0;
  let lastReport = performance.now();
  while (claims < targetClaims) {
    const batch: unknown[] = [];
    while (batch.length < BATCH && claims < targetClaims) {
      const application = population.next().value as { claims: unknown[] };
      if (application.claims.length > targetClaims - claims) application.claims.length = targetClaims - claims;
      claims += application.claims.length;
      batch.push(application);
    }
    const start = performance.now();
    for (const application of batch) simulation.add(application);
    elapsed += performance.now() - start;
    applications += batch.length;
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      process.stderr.write(`  … ${claims.toLocaleString("en-US")} claims, ${Math.round(claims / (elapsed / 1000)).toLocaleString("en-US")} claims/s so far\n`);
    }
  }
  const result = simulation.result();
  const seconds = elapsed / 1000;
  const figures = {
    claims,
    applications,
    seconds,
    claimsPerSecond: claims / seconds,
    total: result.editions[0]?.totals.overall ?? "0.00",
  };
  console.log(`simulate(): ${claims.toLocaleString("en-US")} claims in ${applications.toLocaleString("en-US")} applications, one edition (generation not timed)`);
  console.log(
    `  ${Math.round(figures.claimsPerSecond).toLocaleString("en-US")} claims/s, ${Math.round(applications / seconds).toLocaleString("en-US")} applications/s (${seconds.toFixed(1)} s; total awarded ${figures.total}) (target ≥ 1,000,000 claims/s, decide-only: issue 16)`,
  );
  return figures;
}
