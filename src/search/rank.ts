// Ranking, the same on both databases: the engine finds the matches, this orders them.
//
// BM25-style: each query word scores by where it stands (title above spot above body, the word as
// typed above a word sharing only its stem), saturating as it repeats, weighted by how rare it is;
// the sum is then blended with recency, so this week's story beats an equally relevant old one.
// Only the title and spot are read here (the body would cost a hundred times more to read for
// hundreds of candidates): a word found in neither is in the body, and counts as found there once.
import type { QueryTerm } from "./analyzer.ts";
import { type WordMatcher, wordMatcher } from "./wordMatcher.ts";

export interface Candidate {
  id: number;
  title: string;
  spot: string;
  publishedAt: string | null;
}

/** Field weights: the same word counts ten times as much in a title as in a body. */
export const WEIGHTS = { titleWord: 10, titleStem: 5, spotWord: 4, spotStem: 2, body: 1 } as const;

// How fast repeats stop adding up (BM25's k1, on the weighted count).
const SATURATION = 5;

// A story from this week outranks an equally relevant one from last year: up to twice the score for today.
const RECENCY_DAYS = 7;

/** BM25's inverse document frequency, never negative: rare words weigh more. */
export function inverseDocumentFrequency(docs: number, totalDocs: number): number {
  const n = Math.max(totalDocs, docs);
  return Math.log(1 + (n - docs + 0.5) / (docs + 0.5));
}

/** Up to 2 for a story published now, 1.5 a week later, tending to 1. */
export function recencyBoost(publishedAt: string | null, now: Date): number {
  if (publishedAt === null) return 2;
  const ageDays = Math.max(0, (now.getTime() - Date.parse(publishedAt)) / 86_400_000);
  return 1 + RECENCY_DAYS / (RECENCY_DAYS + ageDays);
}

/** Relevance of one candidate before recency; `idf[i]` belongs to `terms[i]`. */
export function relevance(candidate: Pick<Candidate, "title" | "spot">, terms: QueryTerm[], idf: number[], matcher: WordMatcher = wordMatcher(terms)): number {
  // One pass over both fields: the title ends where the spot's offsets begin.
  const text = `${candidate.title}\n${candidate.spot}`;
  const spotStart = candidate.title.length + 1;
  const weights = terms.map(() => 0);
  for (const m of matcher.find(text)) {
    const inTitle = m.start < spotStart;
    weights[m.term] = (weights[m.term] ?? 0) + (m.kind === "word" ? (inTitle ? WEIGHTS.titleWord : WEIGHTS.spotWord) : inTitle ? WEIGHTS.titleStem : WEIGHTS.spotStem);
  }
  let score = 0;
  terms.forEach((_, i) => {
    // Not in the title or the spot: then in the body, since every candidate matches every word.
    const weight = weights[i] || WEIGHTS.body;
    score += (idf[i] ?? 1) * ((weight * (SATURATION + 1)) / (weight + SATURATION));
  });
  return score;
}

/** The candidates' ids, best first; ties go to the newer story. */
export function rankCandidates(candidates: Candidate[], terms: QueryTerm[], idf: number[], now: Date): number[] {
  const matcher = wordMatcher(terms);
  return candidates
    .map((c) => ({ id: c.id, publishedAt: c.publishedAt ?? "", score: relevance(c, terms, idf, matcher) * recencyBoost(c.publishedAt, now) }))
    .sort((a, b) => b.score - a.score || (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.id - a.id))
    .map((c) => c.id);
}
