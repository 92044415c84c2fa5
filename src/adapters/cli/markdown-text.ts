/**
 * Text quoted into Markdown (an applicant's name, a claim id, a problem with the value received) stays
 * text: every character Markdown or HTML could read as markup is backslash-escaped (CommonMark allows
 * a backslash before any ASCII punctuation), so `<script>`, `*bold*`, `[link](…)` or a `|` in a name
 * can neither become markup nor break a table. Line breaks become `<br>` (a table cell is one line).
 * docs/cli.md, "Safe outputs".
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~&!]/g, (ch) => `\\${ch}`).replace(/\r?\n|\r/g, "<br>");
}
