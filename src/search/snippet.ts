// A short passage around the first match, with every match marked in the original text.
import { analyze, fold, type QueryTerm, turkishLower } from "./analyzer.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function matches(token: { surface: string; stems: string[] }, terms: QueryTerm[]): boolean {
  return terms.some(
    (t) => token.surface === t.surface || (t.prefix && token.surface.startsWith(t.surface)) || token.stems.some((s) => t.stems.includes(s)),
  );
}

/** HTML: escaped text with `<mark>` around matched words, about `length` characters long. */
/**
 * Where the first match may be: the earliest place the folded text contains a query word or stem.
 * Cheap (no tokenising), so only a window around it needs the full analysis.
 */
function firstCandidate(clean: string, terms: QueryTerm[]): number {
  const folded = fold(turkishLower(clean));
  if (folded.length !== clean.length) return 0; // rare letters changed length: analyse from the start
  let best = -1;
  for (const t of terms) {
    for (const needle of [t.surface, ...t.stems]) {
      const at = folded.indexOf(needle);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
  }
  return best < 0 ? 0 : best;
}

export function makeSnippet(text: string, terms: QueryTerm[], length = 220): string {
  const whole = text.replace(/\s+/g, " ").trim();
  // Analyse a window around the first likely match rather than the whole article.
  const from = Math.max(0, firstCandidate(whole, terms) - length);
  const windowStart = from === 0 ? 0 : whole.indexOf(" ", from) + 1;
  const clean = whole.slice(windowStart, windowStart + 3 * length);
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
  let html = start > 0 || windowStart > 0 ? "… " : "";
  let at = start;
  for (const hit of hits) {
    if (hit.start < start || hit.start + hit.original.length > end) continue;
    html += escapeHtml(clean.slice(at, hit.start)) + `<mark>${escapeHtml(hit.original)}</mark>`;
    at = hit.start + hit.original.length;
  }
  html += escapeHtml(clean.slice(at, end));
  return windowStart + end < whole.length ? `${html} …` : html;
}
