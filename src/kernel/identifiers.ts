/**
 * Identifiers as people type them: one id may reach the library as `park-1`, `park-1 ` (a trailing
 * space from a spreadsheet cell), `ｐａｒｋ－１` (full-width, from an IME) or `park‑1` (U+2011, from a word
 * processor). Read as different strings, each would be a project of its own and take a one-time award
 * of its own. So ids are compared in a canonical form — Unicode NFKC, trimmed, every dash or minus read
 * as "-" — and two spellings in one document that meet in that form, or differ only in letter case,
 * are refused as ambiguous (docs/applications.md, "Identifiers"). Characters that can hide in an id
 * (controls, zero-width characters, bidirectional overrides) are refused outright.
 */

/** Controls (Cc), zero-width characters and bidirectional marks, embeddings, overrides and isolates. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

/** Every dash punctuation character (Unicode Pd) and the minus sign U+2212. */
const DASHES = /[\p{Pd}\u2212]/gu;

/** Ids that are already canonical: printable ASCII without spaces (the common case, checked quickly). */
const PLAIN_ASCII = /^[\x21-\x7e]+$/;

/** The canonical form of an id: NFKC, trimmed, each dash or minus read as "-". */
export function canonicalId(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.normalize("NFKC").trim().replace(DASHES, "-");
}

/** The first hidden character of an id (control, zero-width, bidirectional), as "U+200B"; null if none. */
export function hiddenCharacter(text: string): string | null {
  const match = HIDDEN.exec(text);
  if (match === null) return null;
  return `U+${(match[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The key under which two spellings are one id for the ambiguity check: canonical, then case-folded. */
export function ambiguityKey(text: string): string {
  return canonicalId(text).toLowerCase();
}
