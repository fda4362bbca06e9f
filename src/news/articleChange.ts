// Every write to an article goes through `changingArticle`, so each one announces what it changed
// (the article's facts before and after), once, after commit.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { findArticleRow } from "./articleStore.ts";
import { type ArticleFacts, newsEvents } from "./events.ts";
import { authorsOfArticles } from "./authorStore.ts";
import { tagsOfArticles } from "./taxonomyStore.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What readers can see of article `id` (ArticleFacts), or null when it does not exist.
 * Three indexed reads: the row, its tag ids and its author ids.
 */
export async function readArticleFacts(db: Db, id: number): Promise<ArticleFacts | null> {
  const row = await findArticleRow(db, id);
  if (!row) return null;
  const tags = (await tagsOfArticles(db, [id])).get(id) ?? [];
  const authors = (await authorsOfArticles(db, [id])).get(id) ?? [];
  return {
    visible: row.status === "published",
    categoryId: row.categoryId,
    sourceId: row.sourceId,
    tagIds: tags.map((t) => t.id).sort((x, y) => x - y),
    authorIds: authors.map((a) => a.id).sort((x, y) => x - y),
    breaking: row.isBreaking === 1,
    breakingUntil: row.isBreaking === 1 ? row.breakingUntil : null,
    headline: row.headlineSlot !== null,
    publishedAt: row.publishedAt,
  };
}

/**
 * Runs `write` in one transaction, reading the article's facts before it and after it, and emits
 * `articleChanged` after commit — never when `write` throws or returns null (nothing changed, e.g.
 * another instance claimed the work). `articleId` null means the write creates the article; its id
 * is then taken from the result.
 */
export async function changingArticle<T extends { id: number } | void | null>(
  db: Kysely<Database>,
  articleId: number | null,
  write: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // Read before the transaction, so a write that must take SQLite's write lock first (claiming a scheduled
  // article) still does. Should another change land in between, its own event names what this one misses.
  const before = articleId === null ? null : await readArticleFacts(db, articleId);
  const { result, change } = await db.transaction().execute(async (trx) => {
    const written = await write(trx);
    if (written === null) return { result: written, change: null };
    const id = articleId ?? (written as { id: number }).id;
    return { result: written, change: { articleId: id, before, after: await readArticleFacts(trx, id) } };
  });
  if (change) newsEvents.emit("articleChanged", change, "local");
  return result;
}
