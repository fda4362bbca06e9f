// Keeping the index in step with the articles: called inside the transaction that changes an article.
import { type Kysely, PostgresAdapter, type Transaction, sql } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";
import { analyze } from "./analyzer.ts";

export interface SearchDocument {
  id: number;
  title: string;
  spot: string;
  /** Plain text of the body. */
  bodyText: string;
  status: ArticleStatus;
  categoryId: number;
  publishedAt: string | null;
}

type Trx = Transaction<Database>;

/** Whether `db` talks to PostgreSQL (tsvector backend) rather than SQLite (FTS5). */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The analyzer's output for one field: folded words, and stems, each space-separated. */
function columns(text: string): { words: string; stems: string } {
  const tokens = analyze(text);
  return { words: tokens.map((t) => t.surface).join(" "), stems: tokens.flatMap((t) => t.stems).join(" ") };
}

/** Writes (or rewrites) the article's index entry, inside the transaction that changed the article. */
export async function indexArticle(trx: Trx, doc: SearchDocument): Promise<void> {
  const title = columns(doc.title);
  const spot = columns(doc.spot);
  const body = columns(doc.bodyText);
  const t = { title: title.words, spot: spot.words, body: body.words };
  const s = { title: title.stems, spot: spot.stems, body: body.stems };
  const row = { articleId: doc.id, status: doc.status, categoryId: doc.categoryId, publishedAt: doc.publishedAt };
  await trx
    .insertInto("searchDocuments")
    .values(row)
    .onConflict((oc) => oc.column("articleId").doUpdateSet({ status: doc.status, categoryId: doc.categoryId, publishedAt: doc.publishedAt }))
    .execute();
  if (isPostgres(trx)) {
    // Matching only (ranking is src/search/rank.ts): no positions or weights, so the value stays
    // small, and PostgreSQL tests it faster when it walks rows one by one.
    await sql`update search_documents set tsv =
        strip(to_tsvector('simple', ${[t.title, s.title, t.spot, s.spot, t.body, s.body].join(" ")}))
      where article_id = ${doc.id}`.execute(trx);
  } else {
    await sql`delete from search_fts where rowid = ${doc.id}`.execute(trx);
    // Remember every word, for expanding long prefixes (see migration 0005). No cache of words
    // already written: it would outlive a rolled-back transaction or a cleared index.
    const words = [...new Set(`${t.title} ${t.spot} ${t.body}`.split(" "))].filter((w) => w !== "");
    for (let i = 0; i < words.length; i += 400) {
      const chunk = words.slice(i, i + 400);
      await sql`insert or ignore into search_terms (term) values ${sql.join(chunk.map((w) => sql`(${w})`))}`.execute(trx);
    }
    await sql`insert into search_fts (rowid, title, spot, body, title_stems, spot_stems, body_stems)
      values (${doc.id}, ${t.title}, ${t.spot}, ${t.body}, ${s.title}, ${s.spot}, ${s.body})`.execute(trx);
  }
}

/** Drops the article's index entry, inside the transaction that deletes the article. */
export async function removeFromIndex(trx: Trx, articleId: number): Promise<void> {
  if (!isPostgres(trx)) await sql`delete from search_fts where rowid = ${articleId}`.execute(trx);
  await trx.deleteFrom("searchDocuments").where("articleId", "=", articleId).execute();
}

/** Empties the whole index (before a rebuild, see reindex.ts). */
export async function clearIndex(trx: Trx): Promise<void> {
  if (!isPostgres(trx)) {
    await sql`delete from search_fts`.execute(trx);
    await sql`delete from search_terms`.execute(trx);
  }
  await trx.deleteFrom("searchDocuments").execute();
}
