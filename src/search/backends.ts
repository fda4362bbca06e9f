// One interface, two engines: SQLite FTS5 and PostgreSQL tsvector. Both see only analyzer output,
// so Turkish letters, case and apostrophes behave the same on both.
import { type Kysely, sql } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";
import type { QueryTerm } from "./analyzer.ts";
import { isPostgres } from "./index.ts";

export interface MatchFilter {
  terms: QueryTerm[];
  statuses: readonly ArticleStatus[];
  categoryId?: number;
  from?: Date;
  to?: Date;
}

/** Prefix lengths the FTS5 table keeps an index for (migration 0004: prefix = '2 3 4'). */
export const INDEXED_PREFIX_MAX = 4;

/**
 * FTS5 query: every word must match, as itself or as a stem; the last word also as a prefix. A
 * short prefix is read from FTS5's prefix index (`"ist"*`); a longer one, which FTS5 would answer
 * by merging every word that starts with it, is spelled out as those words (`completions`).
 */
export function ftsQuery(terms: QueryTerm[], completions: string[] = []): string {
  return terms
    .map((t) => {
      const indexed = t.prefix && t.surface.length <= INDEXED_PREFIX_MAX;
      const words = new Set([t.surface, ...t.stems, ...(t.prefix && !indexed ? completions : [])]);
      return `(${[...words].map((w) => `"${w}"`).join(" OR ")}${indexed ? ` OR "${t.surface}"*` : ""})`;
    })
    .join(" AND ");
}

/** How many indexed words a long prefix may stand for; the shortest come first. */
export const MAX_COMPLETIONS = 64;

async function completionsOf(db: Kysely<Database>, term: QueryTerm | undefined): Promise<string[]> {
  if (!term?.prefix || term.surface.length <= INDEXED_PREFIX_MAX) return [];
  // Folded words are [a-z0-9] but for other scripts; "\u{10FFFF}" sorts after any of them.
  const rows = await sql<{ term: string }>`select term from search_terms where term >= ${term.surface} and term < ${`${term.surface}\u{10FFFF}`}
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

/**
 * Ranking reads at most this many matches, the newest first (article ids grow with time), so a
 * word found in half a million articles costs no more than a rare one. Older matches follow the
 * ranked ones by date; a news search prefers the recent ones anyway.
 */
export const CANDIDATES = 300;

/** Totals are counted up to here ("500'den fazla"), for the same reason. */
export const COUNT_CAP = 500;

/** Word rarity is measured over the newest this many articles… */
export const RARITY_WINDOW = 20_000;
/** …and counted up to here: past it (one article in 20), a word is simply common. */
export const RARITY_CAP = 1000;

export interface Matches {
  /** The newest matches, newest first: up to COUNT_CAP of them. */
  matches: Array<{ id: number; publishedAt: string | null }>;
  /** More matches than COUNT_CAP. */
  capped: boolean;
}

function filtersSql(f: MatchFilter) {
  return sql`d.status in (${sql.join(f.statuses)})
      ${f.categoryId !== undefined ? sql`and d.category_id = ${f.categoryId}` : sql``}
      ${f.from ? sql`and d.published_at >= ${f.from.toISOString()}` : sql``}
      ${f.to ? sql`and d.published_at < ${f.to.toISOString()}` : sql``}`;
}

/**
 * The newest matches of every query word (up to COUNT_CAP + 1, which tells whether there are
 * more): one walk down the index in id order, which stops as soon as it has enough.
 */
export async function findMatches(db: Kysely<Database>, f: MatchFilter): Promise<Matches> {
  if (f.terms.length === 0) return { matches: [], capped: false };
  const filters = filtersSql(f);
  let rows: Array<{ id: number; publishedAt: string | null }>;
  if (isPostgres(db)) {
    rows = (
      await sql<{ id: number; publishedAt: string | null }>`select d.article_id as id, d.published_at as "publishedAt"
        from search_documents d where d.tsv @@ to_tsquery('simple', ${tsQuery(f.terms)}) and ${filters}
        order by d.article_id desc limit ${COUNT_CAP + 1}`.execute(db)
    ).rows;
  } else {
    const q = ftsQuery(f.terms, await completionsOf(db, f.terms.at(-1)));
    rows = (
      await sql<{ id: number; publishedAt: string | null }>`select d.article_id as id, d.published_at as "publishedAt"
        from search_fts join search_documents d on d.article_id = search_fts.rowid
        where search_fts match ${q} and ${filters}
        order by search_fts.rowid desc limit ${COUNT_CAP + 1}`.execute(db)
    ).rows;
  }
  return { matches: rows.slice(0, COUNT_CAP), capped: rows.length > COUNT_CAP };
}

/**
 * How rare each term is: in how many of the newest RARITY_WINDOW indexed articles (any status) it
 * occurs, counted up to RARITY_CAP. Bounded work at any archive size, and the newest articles are
 * the language readers search in.
 */
export async function documentFrequencies(db: Kysely<Database>, terms: QueryTerm[]): Promise<{ docs: number[]; totalDocs: number }> {
  if (isPostgres(db)) return postgresDocumentFrequencies(db, terms);
  const newest = await sql<{ n: number | null }>`select max(article_id) as n from search_documents`.execute(db);
  const last = Number(newest.rows[0]?.n ?? 0);
  const after = Math.max(0, last - RARITY_WINDOW);
  const docs: number[] = [];
  for (const term of terms) {
    const one = [term];
    const count = await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts
          where search_fts match ${ftsQuery(one, await completionsOf(db, term))} and rowid > ${after}
          order by rowid desc limit ${RARITY_CAP})`.execute(db);
    docs.push(Number(count.rows[0]?.n ?? 0));
  }
  // Ids grow by one per article: the window holds about this many (fewer where some were deleted).
  return { docs, totalDocs: last - after };
}

/**
 * PostgreSQL keeps word frequencies itself: ANALYZE samples the tsvector column into
 * `most_common_elems`. Counting matches instead would read every tsvector from TOAST. A word not
 * among the most common is rare; before the first ANALYZE every word weighs the same.
 */
async function postgresDocumentFrequencies(db: Kysely<Database>, terms: QueryTerm[]): Promise<{ docs: number[]; totalDocs: number }> {
  const [stats, newest] = await Promise.all([
    sql<{ elems: string[] | null; freqs: number[] | null }>`select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
      from pg_stats where schemaname = current_schema() and tablename = 'search_documents' and attname = 'tsv'`.execute(db),
    sql<{ n: number | null }>`select max(article_id) as n from search_documents`.execute(db),
  ]);
  const totalDocs = Number(newest.rows[0]?.n ?? 0);
  const elems = stats.rows[0]?.elems ?? [];
  const freqs = stats.rows[0]?.freqs ?? [];
  const share = new Map(elems.map((e, i) => [e, freqs[i] ?? 0]));
  const docs = terms.map((t) => {
    let f = Math.max(0, ...[t.surface, ...t.stems].map((w) => share.get(w) ?? 0));
    if (t.prefix)
      f = Math.max(
        f,
        elems.reduce((sum, e, i) => sum + (e.startsWith(t.surface) ? (freqs[i] ?? 0) : 0), 0),
      );
    return Math.round(Math.min(1, f) * totalDocs);
  });
  return { docs, totalDocs };
}
