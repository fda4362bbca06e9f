// What readers see of articles: published cards and lists, whole articles (also the newsroom's
// preview), related and next articles. Reads only; they take the Kysely instance.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { cardQuery, publishedCards, toCard } from "./cardQuery.ts";
import { tagsOfArticles } from "./taxonomyStore.ts";
import type { ArticleCard, ArticleFull } from "./types.ts";

type Db = Kysely<Database>;

export async function findPublishedArticle(db: Db, id: number, now: Date): Promise<ArticleFull | undefined> {
  return findArticleFull(db, id, now, true);
}

/** The whole article as readers would see it; `publishedOnly: false` is for the newsroom's preview. */
export async function findArticleFull(db: Db, id: number, now: Date, publishedOnly: boolean): Promise<ArticleFull | undefined> {
  return (await findArticlesFull(db, [id], now, publishedOnly))[0];
}

/** Whole articles for several ids in two queries (rows, then tags), in the order of `ids`. */
export async function findArticlesFull(db: Db, ids: number[], now: Date, publishedOnly: boolean): Promise<ArticleFull[]> {
  if (ids.length === 0) return [];
  const rows = await (publishedOnly ? publishedCards(db) : cardQuery(db))
    .innerJoin("sources as s", "s.id", "a.sourceId")
    .leftJoin("authors as au", "au.id", "a.authorId")
    .select([
      "a.body",
      "a.status",
      "a.version",
      "a.categoryId",
      "a.contentUpdatedAt",
      "a.imageCaption",
      "a.imageCredit",
      "a.seoTitle",
      "a.seoDescription",
      "s.slug as sourceSlug",
      "s.name as sourceName",
      "au.name as authorName",
    ])
    .where("a.id", "in", ids)
    .execute();
  const tags = await tagsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  const byId = new Map(
    rows.map((row) => {
      const updatedAt = row.contentUpdatedAt && row.publishedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null;
      const full: ArticleFull = {
        ...toCard(row, now),
        slug: row.slug,
        body: row.body,
        status: row.status,
        version: row.version,
        categoryId: row.categoryId,
        source: { slug: row.sourceSlug, name: row.sourceName },
        author: row.authorName,
        updatedAt,
        imageCaption: row.imageCaption,
        imageCredit: row.imageCredit,
        seoTitle: row.seoTitle,
        seoDescription: row.seoDescription,
        tags: tags.get(row.id) ?? [],
      };
      return [row.id, full] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface ListFilter {
  categoryId?: number;
  tagId?: number;
  excludeIds?: number[];
  limit: number;
  offset: number;
}

function filtered(db: Db, filter: Omit<ListFilter, "limit" | "offset">) {
  let q = publishedCards(db);
  if (filter.categoryId !== undefined) q = q.where("a.categoryId", "=", filter.categoryId);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where((eb) => eb.exists(eb.selectFrom("articleTags as ft").select("ft.articleId").whereRef("ft.articleId", "=", "a.id").where("ft.tagId", "=", tagId)));
  }
  if (filter.excludeIds && filter.excludeIds.length > 0) q = q.where("a.id", "not in", filter.excludeIds);
  return q;
}

export async function listPublished(db: Db, filter: ListFilter, now: Date): Promise<ArticleCard[]> {
  const rows = await filtered(db, filter).orderBy("a.publishedAt", "desc").orderBy("a.id", "desc").limit(filter.limit).offset(filter.offset).execute();
  return rows.map((r) => toCard(r, now));
}

export async function countPublished(db: Db, filter: Omit<ListFilter, "limit" | "offset">): Promise<number> {
  const { n } = await filtered(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function listHeadlines(db: Db, now: Date): Promise<ArticleCard[]> {
  const rows = await publishedCards(db).where("a.headlineSlot", "is not", null).orderBy("a.headlineSlot").limit(10).execute();
  return rows.map((r) => toCard(r, now));
}

export async function listBreaking(db: Db, now: Date, limit: number): Promise<ArticleCard[]> {
  const rows = await publishedCards(db)
    .where("a.isBreaking", "=", 1)
    .where((eb) => eb.or([eb("a.breakingUntil", "is", null), eb("a.breakingUntil", ">", now.toISOString())]))
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => toCard(r, now));
}

export async function listMostRead(db: Db, since: Date, now: Date, limit: number): Promise<ArticleCard[]> {
  const rows = await publishedCards(db)
    .where("a.publishedAt", ">=", since.toISOString())
    .orderBy("a.viewCount", "desc")
    .orderBy("a.publishedAt", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => toCard(r, now));
}

/** The next older published article of the category, by (publishedAt, id). */
export async function findOlderInCategory(db: Db, current: { id: number; categoryId: number; publishedAt: string }, now: Date): Promise<ArticleCard | undefined> {
  const row = await publishedCards(db)
    .where("a.categoryId", "=", current.categoryId)
    .where((eb) => eb.or([eb("a.publishedAt", "<", current.publishedAt), eb.and([eb("a.publishedAt", "=", current.publishedAt), eb("a.id", "<", current.id)])]))
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .executeTakeFirst();
  return row ? toCard(row, now) : undefined;
}

export async function findNewestInCategory(db: Db, categoryId: number, now: Date): Promise<ArticleCard | undefined> {
  const row = await publishedCards(db).where("a.categoryId", "=", categoryId).orderBy("a.publishedAt", "desc").orderBy("a.id", "desc").executeTakeFirst();
  return row ? toCard(row, now) : undefined;
}

/** Published articles sharing the most tags with this one, newest first among equals. */
export async function listRelated(db: Db, articleId: number, limit: number, now: Date): Promise<ArticleCard[]> {
  const ownTags = db.selectFrom("articleTags").select("tagId").where("articleId", "=", articleId);
  const rows = await publishedCards(db)
    .where("a.id", "!=", articleId)
    .where("a.id", "in", (eb) => eb.selectFrom("articleTags as rt").select("rt.articleId").where("rt.tagId", "in", ownTags))
    .orderBy(
      (eb) =>
        eb
          .selectFrom("articleTags as st")
          .select((s) => s.fn.countAll().as("shared"))
          .whereRef("st.articleId", "=", "a.id")
          .where("st.tagId", "in", ownTags),
      "desc",
    )
    .orderBy("a.publishedAt", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => toCard(r, now));
}

/** Whether the article exists and is published (any publication time). */
export async function isPublished(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom("articles").select("id").where("id", "=", id).where("status", "=", "published").executeTakeFirst();
  return row !== undefined;
}
