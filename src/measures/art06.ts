/**
 * 第6条 — Article 6. (Clauses being written; see src/measures/art03.ts for the pattern.)
 */
import type { MeasuresRule } from "./common.js";

export const ARTICLE_6_RULES: readonly MeasuresRule[] = [];
