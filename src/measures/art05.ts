/**
 * 第5条 — Article 5. (Clauses being written; see src/measures/art03.ts for the pattern.)
 */
import type { MeasuresRule } from "./common.js";

export const ARTICLE_5_RULES: readonly MeasuresRule[] = [];
