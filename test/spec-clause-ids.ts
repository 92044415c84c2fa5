/**
 * The clause ids of INTERPRETATION.md §6, in the order of the text, written out from the spec (not read
 * from the registry under test). Other systems store these ids. No import of src/ here: the module-load
 * tests of test/mutation/ import the library inside their tests, and use this list too.
 */
export const SPEC_CLAUSE_IDS = [
  "art3.1",
  "art3.2",
  "art3.2-mofcom",
  "art3.3",
  "art4.1-investment",
  "art4.1-session",
  "art4.2",
  "art5.1",
  "art5.2",
  "art6.1",
  "art6.2",
  "art7.1-logistics",
  "art7.1-express",
  "art7.2",
] as const;
