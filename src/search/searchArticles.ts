import type { Kysely } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";
import { findCategoryId, getCardsForSearch, getTitlesForSearch } from "../news/searchFeed.ts";
import type { ArticleCard } from "../news/types.ts";
import { refuseInvalidDays } from "../errors.ts";
import { istanbulDayRange } from "../lib/time.ts";
import { MAX_QUERY_LENGTH, parseQuery, type QueryTerm } from "./analyzer.ts";
import { CANDIDATES, documentFrequencies, findMatches } from "./backends.ts";
import { type Candidate, inverseDocumentFrequency, rankCandidates } from "./rank.ts";
import { makeSnippet } from "./snippet.ts";

export interface SearchInput {
  q: string;
  category?: string;
  /** First day of publication, `YYYY-MM-DD` in Istanbul (parseIsoDay); the whole day counts. */
  from?: string;
  /** Last day of publication, `YYYY-MM-DD` in Istanbul, included. */
  to?: string;
  page: number;
  pageSize: number;
  now: Date;
  /** Readers see published articles; the newsroom searches every status. */
  statuses?: readonly ArticleStatus[];
}

export interface SearchHit {
  card: ArticleCard;
  /** HTML with `<mark>` around the matches. */
  snippet: string;
}

export interface SearchResult {
  query: string;
  /** The query was cut to the first 200 characters. */
  truncated: boolean;
  total: number;
  /** There are more than `total` matches. */
  capped: boolean;
  page: number;
  pageCount: number;
  hits: SearchHit[];
}

/**
 * Turkish-aware search; an empty, odd or huge query gets an ordinary (possibly empty) answer.
 * Impossible day filters are refused (InvalidInputError) before any query runs.
 */
export async function searchArticles(db: Kysely<Database>, input: SearchInput): Promise<SearchResult> {
  const range = istanbulDayRange(input.from, input.to);
  refuseInvalidDays(range.invalid);
  const query = input.q.trim();
  // Untrimmed: a space after the last word means the reader finished it (no prefix match).
  const terms = parseQuery(input.q);
  const base = { query: query.slice(0, MAX_QUERY_LENGTH), truncated: query.length > MAX_QUERY_LENGTH, page: input.page };
  const categoryId = input.category ? await findCategoryId(db, input.category) : undefined;
  if (terms.length === 0 || (input.category && categoryId === undefined)) return { ...base, total: 0, capped: false, pageCount: 0, hits: [] };
  const { matches, capped } = await findMatches(db, {
    terms,
    statuses: input.statuses ?? ["published"],
    categoryId,
    ...range,
  });
  const offset = (input.page - 1) * input.pageSize;
  const ids = await orderMatches(db, matches, terms, input.now, offset);
  const cards = await getCardsForSearch(db, ids.slice(offset, offset + input.pageSize), input.now);
  const total = matches.length;
  return {
    ...base,
    total,
    capped,
    pageCount: Math.ceil(total / input.pageSize),
    hits: cards.map(({ card, text }) => ({ card, snippet: makeSnippet(text, terms) })),
  };
}

/**
 * The matches in result order: the newest CANDIDATES ranked by relevance and recency, any older
 * ones after them by date, so every page follows from the one before. A page that starts past the
 * ranked ones (`from`) needs no ranking.
 */
async function orderMatches(
  db: Kysely<Database>,
  matches: Array<{ id: number; publishedAt: string | null }>,
  terms: QueryTerm[],
  now: Date,
  from: number,
): Promise<number[]> {
  const byDate = matches.map((m) => m.id);
  const window = matches.slice(0, CANDIDATES);
  if (from >= window.length) return byDate;
  const [titles, idf] = await Promise.all([
    getTitlesForSearch(
      db,
      window.map((m) => m.id),
    ),
    // One word: every candidate has it, so its rarity changes nothing.
    terms.length > 1
      ? documentFrequencies(db, terms).then(({ docs, totalDocs }) => docs.map((n) => inverseDocumentFrequency(n, totalDocs)))
      : Promise.resolve(terms.map(() => 1)),
  ]);
  const candidates: Candidate[] = window.flatMap((m) => {
    const t = titles.get(m.id);
    return t ? [{ id: m.id, title: t.title, spot: t.spot, publishedAt: m.publishedAt }] : [];
  });
  return [...rankCandidates(candidates, terms, idf, now), ...byDate.slice(window.length)];
}
