/**
 * 第4条 — Article 4. (Clauses being written; see src/measures/art03.ts for the pattern.)
 */
import type { MeasuresRule } from "./common.js";

export const ARTICLE_4_RULES: readonly MeasuresRule[] = [];
