/**
 * Edition validation, installed: importing this module is what makes `validateEdition` (and
 * `frozenEdition`, which every evaluator uses) check editions against the schema of edition-schema.ts.
 * Every module that takes an edition from a caller imports `validateEdition` from here, so the schema
 * is always present where an edition can enter; edition.ts itself does not import it (see there why).
 */
import { registerEditionValidator, SWITCH_VALUES } from "./edition.js";
import { editionValidator } from "./edition-schema.js";

// Built on first use: the schema of every parameter of every clause costs nothing until an edition
// the library did not make is given.
registerEditionValidator(() => editionValidator(SWITCH_VALUES));

export { frozenEdition, validateEdition } from "./edition.js";
