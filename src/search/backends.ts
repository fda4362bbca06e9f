// One interface, two engines: SQLite FTS5 and PostgreSQL tsvector. Both see only analyzer output,
// so Turkish letters, case and apostrophes behave the same on both.
import { type Kysely, sql } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";
import type { QueryTerm } from "./analyzer.ts";
import { isPostgres } from "./index.ts";

export interface MatchFilter {
  terms: QueryTerm[];
  statuses: ArticleStatus[];
  categoryId?: number;
  from?: Date;
  to?: Date;
  now: Date;
  limit: number;
  offset: number;
}

/**
 * FTS5 query: every word must match, as itself or as a stem; the last word also as a prefix,
 * spelled out as the indexed words that start with it (`completions`).
 */
export function ftsQuery(terms: QueryTerm[], completions: string[] = []): string {
  return terms
    .map((t) => {
      const words = new Set([t.surface, ...t.stems, ...(t.prefix ? completions : [])]);
      return `(${[...words].map((w) => `"${w}"`).join(" OR ")})`;
    })
    .join(" AND ");
}

/** How many indexed words a prefix may stand for; the shortest come first. */
export const MAX_COMPLETIONS = 64;

async function completionsOf(db: Kysely<Database>, prefix: string): Promise<string[]> {
  // Words are [a-z0-9]; "{" sorts after all of them.
  const rows = await sql<{ term: string }>`select term from search_terms where term >= ${prefix} and term < ${`${prefix}{`}
    order by length(term), term limit ${MAX_COMPLETIONS}`.execute(db);
  return rows.rows.map((r) => r.term);
}

/** The same for PostgreSQL's to_tsquery('simple', …). */
export function tsQuery(terms: QueryTerm[]): string {
  return terms
    .map((t) => {
      const alternatives = [`${t.surface}${t.prefix ? ":*" : ""}`, ...t.stems.filter((s) => s !== t.surface)];
      return `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}

// A story from this week outranks an equally relevant one from last year: up to twice the score for today.
const RECENCY_DAYS = 7;

/**
 * Ranking reads at most this many matches, the newest first (article ids grow with time), so a
 * word found in half a million articles costs no more than a rare one. Older matches beyond the
 * window are not shown for such words; a news search prefers the recent ones anyway.
 */
export const CANDIDATES = 500;

/** Totals are counted up to here ("1.000'den fazla"), for the same reason. */
export const COUNT_CAP = 1000;

export interface Matches {
  ids: number[];
  total: number;
  /** More matches than COUNT_CAP: `total` is the cap. */
  capped: boolean;
}

export async function findMatches(db: Kysely<Database>, f: MatchFilter): Promise<Matches> {
  if (f.terms.length === 0) return { ids: [], total: 0, capped: false };
  const nowIso = f.now.toISOString();
  const filters = sql`d.status in (${sql.join(f.statuses)})
      ${f.categoryId !== undefined ? sql`and d.category_id = ${f.categoryId}` : sql``}
      ${f.from ? sql`and d.published_at >= ${f.from.toISOString()}` : sql``}
      ${f.to ? sql`and d.published_at < ${f.to.toISOString()}` : sql``}`;
  if (isPostgres(db)) {
    const q = tsQuery(f.terms);
    const match = sql`d.tsv @@ to_tsquery('simple', ${q}) and ${filters}`;
    const [rows, count] = await Promise.all([
      sql<{ id: number }>`select c.article_id as id from (
          select d.article_id, d.published_at, ts_rank('{0.1, 0.25, 0.5, 1.0}'::float4[], d.tsv, to_tsquery('simple', ${q})) as r
          from search_documents d where ${match}
          order by d.article_id desc limit ${CANDIDATES}
        ) c
        order by c.r * (1.0 + ${RECENCY_DAYS}::float8 / (${RECENCY_DAYS}::float8 + greatest(0, extract(epoch from (${nowIso}::timestamptz - coalesce(c.published_at, ${nowIso}::timestamptz))) / 86400.0))) desc,
          c.published_at desc nulls last, c.article_id desc
        limit ${f.limit} offset ${f.offset}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from (select 1 from search_documents d where ${match} limit ${COUNT_CAP + 1}) x`.execute(db),
    ]);
    const n = Number(count.rows[0]?.n ?? 0);
    return { ids: rows.rows.map((r) => r.id), total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  }
  const last = f.terms.at(-1);
  const q = ftsQuery(f.terms, last?.prefix ? await completionsOf(db, last.surface) : []);
  const match = sql`search_fts match ${q} and ${filters}`;
  const rows = await sql<{ id: number }>`select c.id from (
      select d.article_id as id, d.published_at, bm25(search_fts, 10.0, 4.0, 1.0, 5.0, 2.0, 0.5) as r
      from search_fts join search_documents d on d.article_id = search_fts.rowid
      where ${match}
      order by search_fts.rowid desc limit ${CANDIDATES}
    ) c
    order by c.r * (1.0 + ${sql.lit(RECENCY_DAYS)} / (${sql.lit(RECENCY_DAYS)} + max(0.0, julianday(${nowIso}) - julianday(coalesce(c.published_at, ${nowIso}))))),
      c.published_at desc, c.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  const count = await sql<{ n: number }>`select count(*) as n from (
      select 1 from search_fts join search_documents d on d.article_id = search_fts.rowid
      where ${match} limit ${COUNT_CAP + 1}
    )`.execute(db);
  const n = Number(count.rows[0]?.n ?? 0);
  return { ids: rows.rows.map((r) => r.id), total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
