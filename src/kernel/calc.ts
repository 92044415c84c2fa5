/**
 * Traced arithmetic: each operation of a clause's amount is recorded as a step (operands and result as
 * exact decimal strings), so that every figure the library pays can be re-done by hand.
 */
import type { Bilingual } from "./conditions.js";
import { type Decimal, formatMoney, formatPlain, minDecimal, type RoundingMode, roundAmount } from "./decimal.js";

export type StepKind =
  | "value"
  | "multiply"
  | "add"
  | "subtract"
  | "divide"
  | "floor-divide"
  | "minimum"
  | "round"
  | "cap";

export interface Step {
  readonly kind: StepKind;
  readonly label: Bilingual;
  /** Exact operands, printed plainly ("3333333.35", "0.3"). */
  readonly operands: readonly string[];
  readonly result: string;
}

/** A note a rule attaches to its amount: a default it used, a ceiling it returned. */
export interface CalcNote {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
}

/**
 * Steps are plain data, printed as they are made. (Lazily printed steps were tried and measured: the
 * closures they allocate cost more in garbage collection than the printing they save.)
 */
const NO_NOTES: readonly CalcNote[] = Object.freeze([]);

/**
 * Step labels, one frozen copy per wording. The clauses write their labels as literals, so each call
 * made a new one that every step then kept; a decision on 100,000 claims kept 250,000 copies of a
 * dozen labels. Keyed by the English text and checked on the Chinese; bounded, in case a caller's own
 * rule words labels from its inputs.
 */
const LABELS = new Map<string, Bilingual>();
const MAX_SHARED_LABELS = 1000;

function sharedLabel(label: Bilingual): Bilingual {
  const known = LABELS.get(label.en);
  if (known !== undefined && known.zh === label.zh) return known;
  if (LABELS.size >= MAX_SHARED_LABELS) return label;
  const frozen = Object.freeze({ en: label.en, zh: label.zh });
  LABELS.set(label.en, frozen);
  return frozen;
}

export class Calculation {
  readonly steps: Step[] = [];
  /**
   * Whether the steps are recorded. A calculation that only decides (`new Calculation(false)`: the
   * population simulation, which reads amounts and never explanations) computes the same values by the
   * same code and records nothing.
   */
  readonly recording: boolean;
  /** Notes attached so far (a shared empty list until the first). */
  notes: readonly CalcNote[] = NO_NOTES;
  // The two values printed last and their text: a step's result is usually the next step's operand,
  // so most operands are printed already (values are immutable, so identity means the same text).
  private lastValue: Decimal | null = null;
  private lastText = "";
  private previousValue: Decimal | null = null;
  private previousText = "";

  constructor(recording = true) {
    this.recording = recording;
  }

  /** A value of this calculation printed plainly (each value printed once). */
  print(value: Decimal): string {
    if (value === this.lastValue) return this.lastText;
    if (value === this.previousValue) return this.previousText;
    const text = formatPlain(value);
    this.previousValue = this.lastValue;
    this.previousText = this.lastText;
    this.lastValue = value;
    this.lastText = text;
    return text;
  }

  private record(kind: StepKind, label: Bilingual, a: Decimal, b: Decimal, result: Decimal): Decimal {
    if (!this.recording) return result;
    const operands = [this.print(a), this.print(b)];
    this.steps.push({ kind, label: sharedLabel(label), operands, result: this.print(result) });
    return result;
  }

  /** Record a value the calculation starts from (an input, a parameter, a constant award). */
  value(label: Bilingual, value: Decimal): Decimal {
    if (!this.recording) return value;
    const text = this.print(value);
    this.steps.push({ kind: "value", label: sharedLabel(label), operands: [text], result: text });
    return value;
  }

  multiply(label: Bilingual, a: Decimal, b: Decimal): Decimal {
    return this.record("multiply", label, a, b, a.times(b));
  }

  add(label: Bilingual, a: Decimal, b: Decimal): Decimal {
    return this.record("add", label, a, b, a.plus(b));
  }

  subtract(label: Bilingual, a: Decimal, b: Decimal): Decimal {
    return this.record("subtract", label, a, b, a.minus(b));
  }

  divide(label: Bilingual, a: Decimal, b: Decimal): Decimal {
    return this.record("divide", label, a, b, a.div(b));
  }

  /** ⌊a ÷ b⌋: whole increments only. */
  floorDivide(label: Bilingual, a: Decimal, b: Decimal): Decimal {
    return this.record("floor-divide", label, a, b, a.floorDiv(b));
  }

  minimum(label: Bilingual, a: Decimal, b: Decimal): Decimal {
    return this.record("minimum", label, a, b, minDecimal(a, b));
  }

  note(note: CalcNote): void {
    this.notes = [...this.notes, note];
  }
}

const ROUNDING_LABELS: Readonly<Record<RoundingMode, Bilingual>> = {
  "fen-half-up": { en: "round once to the fen, half up (四舍五入)", zh: "四舍五入至分" },
  "fen-half-even": { en: "round once to the fen, half to even (A9 alternative)", zh: "按“银行家舍入”保留至分（A9 备选）" },
  "yuan-half-up": { en: "round once to the whole yuan, half up (A9 alternative)", zh: "四舍五入至元（A9 备选）" },
};

/** The single rounding step of docs/conventions.md §2, recorded like any other step. */
export function roundStep(calc: Calculation, value: Decimal, mode: RoundingMode): Decimal {
  const rounded = roundAmount(value, mode);
  if (calc.recording) calc.steps.push({ kind: "round", label: ROUNDING_LABELS[mode], operands: [calc.print(value)], result: formatMoney(rounded) });
  return rounded;
}
