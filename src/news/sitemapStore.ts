// What the sitemaps read from the news tables (feeds/ builds the XML). Reads only; each function is
// one statement, and the ones per request walk an index: articles_sitemap (status, published_at, id,
// and the columns shown: migration 0012) for a month's articles and for the last 48 hours. Only published articles with
// a publication time are listed: drafts, articles in review, scheduled and unpublished ones never.
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { preparedQuery } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { MEDIA_PREFIX, fallbackFileName, shareImagesOf } from "../media/pictureUrls.ts";

type Db = Kysely<Database>;

/** One published article as a sitemap lists it. */
export interface SitemapArticle {
  id: number;
  slug: string;
  categoryId: number;
  /** ISO, UTC. */
  publishedAt: string;
  /** The last edit of its text after publication (ISO, UTC), or the publication time. */
  modifiedAt: string;
  /**
   * Its picture's JPEG (path on the site, e.g. `/medya/2026/11/ab.jpg`); null without one. Only the
   * address: Google deprecated image:caption and image:title (Search Central blog, 6 May 2022,
   * "Spring cleaning: some sitemap extension tags are going away"; no effect since 6 August 2022).
   */
  image: { path: string } | null;
}

/** An article of the Google News sitemap. */
export interface NewsSitemapArticle {
  id: number;
  slug: string;
  categoryId: number;
  title: string;
  /** ISO, UTC. */
  publishedAt: string;
}

/** Published articles, one table: the start of each walk of the published range. */
function published(db: Db) {
  return db.selectFrom("articles as a").where("a.status", "=", "published").where("a.publishedAt", "is not", null);
}

// Only what a sitemap shows, and each value a parameter: a month of 30,000 rows is read and mapped
// in one pass (issue 12: a month's sitemap in under 500 ms).
const betweenQuery = preparedQuery((db, params: { from: string; to: string; offset: number; limit: number }) =>
  published(db)
    .leftJoin("images as i", "i.id", "a.imageId")
    .select([
      "a.id",
      "a.slug",
      "a.categoryId",
      "a.publishedAt",
      "a.contentUpdatedAt",
      "i.storageKey",
      "i.width",
      "i.height",
      "i.variantWidths",
      "i.hasFallback",
      "i.hasShareCrops",
    ])
    .where("a.publishedAt", ">=", params.from)
    .where("a.publishedAt", "<", params.to)
    .orderBy("a.publishedAt")
    .orderBy("a.id")
    .limit(params.limit)
    .offset(params.offset),
);

/**
 * Published articles with `from <= publishedAt < to` (ISO, UTC), oldest first, `limit` from `offset`:
 * one part of a monthly sitemap. One statement: a range of articles_sitemap, each row's
 * picture by primary key. The picture is its 16:9 share crop (a JPEG at least 1200 px wide), else
 * its JPEG fallback, as in the feeds (feeds/loadFeed.ts, feedImageOf).
 */
export async function listPublishedBetween(db: Db, range: { from: string; to: string }, page: { offset: number; limit: number }): Promise<SitemapArticle[]> {
  const rows = await betweenQuery(db, { ...range, ...page }, null);
  return rows.map((row) => {
    const publishedAt = row.publishedAt ?? range.from;
    return {
      id: row.id,
      slug: row.slug,
      categoryId: row.categoryId,
      publishedAt,
      modifiedAt: row.contentUpdatedAt && row.contentUpdatedAt > publishedAt ? row.contentUpdatedAt : publishedAt,
      image: row.storageKey ? imageOf({ ...row, storageKey: row.storageKey }) : null,
    };
  });
}

/** A sitemap row's picture: the 16:9 crop, else the JPEG fallback; null when neither was made. */
function imageOf(row: {
  storageKey: string;
  width: number | null;
  height: number | null;
  variantWidths: string | null;
  hasFallback: number | null;
  hasShareCrops: number | null;
}): SitemapArticle["image"] {
  const wide =
    row.width && row.height && row.variantWidths
      ? shareImagesOf({ storageKey: row.storageKey, width: row.width, height: row.height, variantWidths: row.variantWidths, hasShareCrops: row.hasShareCrops })?.wide
      : null;
  if (wide) return { path: wide.url };
  return row.hasFallback === 1 ? { path: `${MEDIA_PREFIX}${fallbackFileName(row.storageKey)}` } : null;
}

/** Published articles with `publishedAt >= since`, newest first, at most `limit`: the news sitemap. One statement. */
export async function listPublishedSince(db: Db, since: string, limit: number): Promise<NewsSitemapArticle[]> {
  const rows = await published(db)
    .select(["a.id", "a.slug", "a.categoryId", "a.title", "a.publishedAt"])
    .where("a.publishedAt", ">=", since)
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? since }));
}

/** One month (UTC) with published articles: how many, and the latest lastmod among them (ISO). */
export interface SitemapMonth {
  /** "2026-11". */
  month: string;
  count: number;
  lastModified: string;
}

/**
 * Every month (UTC) with published articles, oldest first, with the number of articles and the latest
 * publication or edit. One statement, grouping the whole published range of articles_status_published
 * (the sitemap index is built once per change and kept in the page cache).
 */
export async function listPublishedMonths(db: Db): Promise<SitemapMonth[]> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const month = pg ? sql<string>`to_char(a.published_at at time zone 'UTC', 'YYYY-MM')` : sql<string>`substr(a.published_at, 1, 7)`;
  const lastModified = sql<string>`max(coalesce(case when a.content_updated_at > a.published_at then a.content_updated_at end, a.published_at))`;
  const rows = await published(db)
    .select([month.as("month"), (eb) => eb.fn.countAll<number | string>().as("count"), lastModified.as("lastModified")])
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows.map((r) => ({
    month: r.month,
    count: Number(r.count),
    lastModified: typeof r.lastModified === "string" ? r.lastModified : new Date(r.lastModified).toISOString(),
  }));
}

/** How many tags have at least one published article. One statement. */
export async function countTagsWithArticles(db: Db): Promise<number> {
  const { n } = await tagsWithArticles(db)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Tags with at least one published article, in id order, `limit` from `offset`. One statement. */
export async function listTagsWithArticles(db: Db, page: { offset: number; limit: number }): Promise<Array<{ slug: string; name: string }>> {
  return tagsWithArticles(db).select(["t.slug", "t.name"]).orderBy("t.id").limit(page.limit).offset(page.offset).execute();
}

function tagsWithArticles(db: Db) {
  return db
    .selectFrom("tags as t")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("articleTags as at")
          .innerJoin("articles as a", "a.id", "at.articleId")
          .select("at.articleId")
          .whereRef("at.tagId", "=", "t.id")
          .where("a.status", "=", "published")
          .where("a.publishedAt", "is not", null),
      ),
    );
}
