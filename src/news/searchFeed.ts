// What news gives the search feature: the text to index, titles to rank, cards to show, and a
// category's id. Search never queries the news tables itself. Reads only (any status: the
// newsroom searches drafts too; search/searchArticles.ts filters by status in its index).
import type { Kysely } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";
import { bodyText } from "../lib/htmlText.ts";
import type { SearchDocument } from "../search/index.ts";
import { cardQuery, toCard } from "./cardQuery.ts";
import { findCategoryBySlug } from "./taxonomyStore.ts";
import type { ArticleCard } from "./types.ts";

type Db = Kysely<Database>;

/**
 * Cards for search results (any status), in the order of `ids` (unknown ids are skipped), each
 * with the plain text snippets are cut from: the spot, a line break, the body as text.
 */
export async function getCardsForSearch(db: Db, ids: number[], now: Date): Promise<Array<{ card: ArticleCard; text: string }>> {
  if (ids.length === 0) return [];
  const rows = await cardQuery(db).select(["a.body", "a.status"]).where("a.id", "in", ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const card = toCard(r, now);
    return [{ card, text: `${card.spot}\n${bodyText(r.body)}` }];
  });
}

/** Title and spot of the given articles (any status) by id, for ranking search matches; the body is not read. */
export async function getTitlesForSearch(db: Db, ids: number[]): Promise<Map<number, { title: string; spot: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("articles").select(["id", "title", "spot"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The id of the category with this slug, if there is one. */
export async function findCategoryId(db: Db, slug: string): Promise<number | undefined> {
  return (await findCategoryBySlug(db, slug))?.id;
}

/** What the index keeps of an article. */
export interface IndexableArticle {
  id: number;
  title: string;
  spot: string;
  body: string;
  status: ArticleStatus;
  categoryId: number;
  publishedAt: string | null;
}

/** Every article with an id above `afterId`, in id order, up to `limit`: what the search index is rebuilt from, a batch at a time. */
export async function listForIndexing(db: Db, afterId: number, limit: number): Promise<IndexableArticle[]> {
  return db
    .selectFrom("articles")
    .select(["id", "title", "spot", "body", "status", "categoryId", "publishedAt"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** The article (a row, or a listForIndexing item) as the search index takes it: the body as plain text. */
export function searchDocumentOf(article: IndexableArticle): SearchDocument {
  return {
    id: article.id,
    title: article.title,
    spot: article.spot,
    bodyText: bodyText(article.body),
    status: article.status,
    categoryId: article.categoryId,
    publishedAt: article.publishedAt,
  };
}
