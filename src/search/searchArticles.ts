import type { Kysely } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";
import { findCategoryId, getCardsForSearch } from "../news/read.ts";
import type { ArticleCard } from "../news/types.ts";
import { MAX_QUERY_LENGTH, parseQuery } from "./analyzer.ts";
import { findMatches } from "./backends.ts";
import { makeSnippet } from "./snippet.ts";

export interface SearchInput {
  q: string;
  category?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
  now: Date;
  /** Readers see published articles; the newsroom searches every status. */
  statuses?: ArticleStatus[];
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

const ALL: ArticleStatus[] = ["draft", "review", "scheduled", "published", "unpublished"];
export const NEWSROOM_STATUSES = ALL;

/** Turkish-aware search; an empty, odd or huge query gets an ordinary (possibly empty) answer. */
export async function searchArticles(db: Kysely<Database>, input: SearchInput): Promise<SearchResult> {
  const query = input.q.trim();
  // Untrimmed: a space after the last word means the reader finished it (no prefix match).
  const terms = parseQuery(input.q);
  const base = { query: query.slice(0, MAX_QUERY_LENGTH), truncated: query.length > MAX_QUERY_LENGTH, page: input.page };
  const categoryId = input.category ? await findCategoryId(db, input.category) : undefined;
  if (terms.length === 0 || (input.category && categoryId === undefined)) return { ...base, total: 0, capped: false, pageCount: 0, hits: [] };
  const { ids, total, capped } = await findMatches(db, {
    terms,
    statuses: input.statuses ?? ["published"],
    categoryId,
    from: input.from,
    to: input.to,
    now: input.now,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const cards = await getCardsForSearch(db, ids, input.now);
  return {
    ...base,
    total,
    capped,
    pageCount: Math.ceil(total / input.pageSize),
    hits: cards.map(({ card, text }) => ({ card, snippet: makeSnippet(text, terms) })),
  };
}
