/**
 * 第7条 — Article 7. (Clauses being written; see src/measures/art03.ts for the pattern.)
 */
import type { MeasuresRule } from "./common.js";

export const ARTICLE_7_RULES: readonly MeasuresRule[] = [];
