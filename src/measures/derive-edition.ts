/**
 * Editions as documents: a caller derives a new edition (the trial text, or a what-if) from an existing
 * one by overriding some parameters, switches or dates. The override is validated field by field
 * against the shape of the base edition's parameters, so a typo or a "30%" never becomes a silent zero.
 */
import * as z from "zod";
import type { CivilDate } from "../kernel/dates.js";
import { Dec, formatPlain } from "../kernel/decimal.js";
import { parseOrThrow } from "../kernel/fields.js";
import { DRAFT_EDITION } from "./edition-draft.js";
import { type Edition, type Parameters, SWITCH_VALUES, type Switches } from "./edition.js";
import { validateEdition } from "./edition-validation.js";
import {
  civilDateText,
  editionIdSchema,
  editionNameSchema,
  knownEditionFieldsAt,
  parametersSchema,
  switchesSchema,
  validityYearsSchema,
  wordDefinitionsSchema,
} from "./edition-schema.js";

/** An edition document: what a caller writes to derive an edition (the trial text, or a what-if). */
export const editionOverrideSchema = z
  .strictObject({
    id: editionIdSchema.optional().meta({ description: "Stable id of the new edition, e.g. \"trial-2024\"" }),
    name: editionNameSchema.optional(),
    base: z.literal("draft").optional().meta({ description: "The edition derived from; the draft is the only shipped one" }),
    publishedOn: civilDateText.nullable().optional().meta({ description: "第十四条: publication day (in force from it)" }),
    validUntil: civilDateText.nullable().optional().meta({ description: "An explicit last day, where the document states one" }),
    validityYears: validityYearsSchema.optional(),
    parameters: parametersSchema(true).optional(),
    switches: switchesSchema(SWITCH_VALUES, true).optional(),
    wordDefinitions: wordDefinitionsSchema.optional(),
  })
  .meta({ title: "Edition override", description: "平谷区直播电商措施 — an edition derived from the draft" });

export type EditionOverride = z.input<typeof editionOverrideSchema>;

function mergeParameters(base: Parameters, overrides: Record<string, Record<string, unknown>> | undefined): Parameters {
  if (!overrides) return base;
  const merged: Record<string, Record<string, unknown>> = {};
  for (const [clauseId, values] of Object.entries(base)) {
    const override = overrides[clauseId] ?? {};
    const clause: Record<string, unknown> = { ...(values as Record<string, unknown>) };
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined) continue;
      const current = clause[key];
      clause[key] = typeof current === "object" && current !== null ? { ...current, ...(value as object) } : value;
    }
    merged[clauseId] = clause;
  }
  return merged as unknown as Parameters;
}

/** Canonical decimal text for parameters ("0.3" and "0.30" are the same figure). */
function normaliseDecimals(value: unknown, key = ""): unknown {
  if (typeof value === "string" && key !== "word" && !key.endsWith("Word") && /^-?\d+(\.\d+)?$/.test(value)) {
    return formatPlain(new Dec(value));
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDecimals(v, k)]));
  }
  return value;
}

/** An id for a derived edition that says what changed: only the dates, or figures and switches too. */
function derivedId(baseId: string, o: { publishedOn?: string | null; validUntil?: string | null; parameters?: unknown; switches?: unknown; wordDefinitions?: unknown; validityYears?: number }): string {
  const whatIf = o.parameters !== undefined || o.switches !== undefined || o.wordDefinitions !== undefined || o.validityYears !== undefined;
  const dated = typeof o.publishedOn === "string" ? `@published-${o.publishedOn}` : "";
  return `${baseId}${dated}${whatIf ? "+what-if" : ""}`;
}

/** The names an object accepts at a path of an edition override, for "unknown field" messages. */
const knownEditionFields = knownEditionFieldsAt(SWITCH_VALUES, Object.keys(editionOverrideSchema.shape));

/**
 * Derive a new edition from `base` (the draft by default) with validated overrides. Throws
 * PolicyValidationError naming each bad field. The base is validated as any edition given to the
 * library is (`validateEdition`, paths under `base`), and the result passes the same validation as a
 * complete edition before it is sealed: an override can only make an edition `validateEdition` accepts.
 */
export function deriveEdition(overrides: unknown, base: Edition = DRAFT_EDITION): Edition {
  const o = parseOrThrow(editionOverrideSchema, overrides, "edition", ["edition"], knownEditionFields);
  const from = validateEdition(base, ["base"]);
  const switches: Switches = { ...from.switches, ...(o.switches as Partial<Switches> | undefined) };
  const edition: Edition = {
    id: o.id ?? derivedId(from.id, o),
    name: o.name ?? from.name,
    publishedOn: o.publishedOn === undefined ? from.publishedOn : (o.publishedOn as CivilDate | null),
    validUntil: o.validUntil === undefined ? from.validUntil : (o.validUntil as CivilDate | null),
    validityYears: o.validityYears ?? from.validityYears,
    parameters: normaliseDecimals(mergeParameters(from.parameters, o.parameters as never)) as Parameters,
    switches,
    wordDefinitions: { ...from.wordDefinitions, ...(o.wordDefinitions ?? {}) },
  };
  // The same schema as every edition: the merged figures (each checked above) and the window's dates
  // together (a validUntil before publishedOn is refused here, naming edition.validUntil).
  return validateEdition(edition);
}
