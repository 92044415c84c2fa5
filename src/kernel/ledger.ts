/**
 * The caps ledger: how much of each cross-claim cap (per enterprise per year, over the policy term) has
 * been used, and which one-time scopes are taken. Keys are strings the caller builds ("art4.2|2025");
 * every operation is O(1), so a whole application costs O(n log n) for the sort plus O(n) here.
 */
import { type Decimal, minDecimal, ZERO } from "./decimal.js";

export interface Headroom {
  readonly limit: Decimal;
  readonly used: Decimal;
  readonly headroom: Decimal;
}

export class CapLedger {
  private readonly used = new Map<string, Decimal>();
  private readonly taken = new Map<string, string>();

  /** What is left of `limit` under `key`; never negative (history may already exceed a cap). */
  headroom(key: string, limit: Decimal): Headroom {
    const used = this.used.get(key) ?? ZERO;
    const left = limit.minus(used);
    return { limit, used, headroom: left.lt(0) ? ZERO : left };
  }

  /** Pay at most the headroom: the amount that fits under the cap. */
  fit(key: string, limit: Decimal, amount: Decimal): Decimal {
    return minDecimal(amount, this.headroom(key, limit).headroom);
  }

  consume(key: string, amount: Decimal): void {
    this.used.set(key, (this.used.get(key) ?? ZERO).plus(amount));
  }

  /** Who took a one-time scope, if anyone. */
  takenBy(key: string): string | undefined {
    return this.taken.get(key);
  }

  take(key: string, by: string): void {
    if (!this.taken.has(key)) this.taken.set(key, by);
  }
}
