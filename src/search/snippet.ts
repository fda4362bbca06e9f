// A short passage around the first match, with every match marked in the original text.
import escapeHtml from "escape-html";
import type { QueryTerm } from "./analyzer.ts";
import { wordMatcher } from "./wordMatcher.ts";

/** HTML: escaped text with `<mark>` around matched words, about `length` characters long. */
export function makeSnippet(text: string, terms: QueryTerm[], length = 220): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const hits = wordMatcher(terms).find(clean);
  const first = hits[0];
  let start = 0;
  if (first && first.start > length / 3) {
    // Some context before the first match, from a word boundary.
    start = clean.lastIndexOf(" ", first.start - Math.floor(length / 4));
    start = start < 0 ? 0 : start + 1;
  }
  let end = Math.min(clean.length, start + length);
  if (end < clean.length) {
    const space = clean.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  let html = start > 0 ? "… " : "";
  let at = start;
  for (const hit of hits) {
    // A word answering two terms is listed twice; mark it once.
    if (hit.start < at || hit.start + hit.length > end) continue;
    html += `${escapeHtml(clean.slice(at, hit.start))}<mark>${escapeHtml(clean.slice(hit.start, hit.start + hit.length))}</mark>`;
    at = hit.start + hit.length;
  }
  html += escapeHtml(clean.slice(at, end));
  return end < clean.length ? `${html} …` : html;
}
