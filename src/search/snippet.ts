// A short passage around the first match, with every match marked in the original text.
import { analyze, type QueryTerm } from "./analyzer.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function matches(token: { surface: string; stems: string[] }, terms: QueryTerm[]): boolean {
  return terms.some(
    (t) => token.surface === t.surface || (t.prefix && token.surface.startsWith(t.surface)) || token.stems.some((s) => t.stems.includes(s)),
  );
}

/** HTML: escaped text with `<mark>` around matched words, about `length` characters long. */
export function makeSnippet(text: string, terms: QueryTerm[], length = 220): string {
  // The passage comes from the spot and the start of the body; reading further costs time for little gain.
  const clean = text.slice(0, 4000).replace(/\s+/g, " ").trim();
  const tokens = analyze(clean);
  const hits = tokens.filter((t) => matches(t, terms));
  const first = hits[0];
  let start = 0;
  if (first && first.start > length / 3) {
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
    if (hit.start < start || hit.start + hit.original.length > end) continue;
    html += escapeHtml(clean.slice(at, hit.start)) + `<mark>${escapeHtml(hit.original)}</mark>`;
    at = hit.start + hit.original.length;
  }
  html += escapeHtml(clean.slice(at, end));
  return end < clean.length ? `${html} …` : html;
}
