// The sitemaps (sitemaps.org protocol 0.9; Google's image and news extensions): the index, a sitemap
// per month of published articles (split into parts of SITEMAP_MAX_URLS), the Google News sitemap,
// the category pages and the tag pages. Each use case returns the XML and its surrogate keys. Only
// published articles with a publication time are listed.
import type { Kysely } from "kysely";
import { AUTHOR_SITEMAP_KEY, LATEST_KEY, NEWS_SITEMAP_KEY, NEWS_SITEMAP_WINDOW_MS, TAG_SITEMAP_KEY, sitemapMonthKey } from "../cache/keys.ts";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { countTagsWithArticles, listPublishedBetween, listPublishedMonths, listPublishedSince, listTagsWithArticles } from "../news/sitemapStore.ts";
import { listPublishingAuthors } from "../news/authorStore.ts";
import { articlePath, authorPath, categoryPath, tagPath } from "../news/slug.ts";
import { loadTaxonomy } from "../news/taxonomyCache.ts";
import type { SyndicationSite } from "./loadFeed.ts";
import { AUTHOR_SITEMAP_PATH, CATEGORY_SITEMAP_PATH, SITEMAP_MAX_URLS, monthRange, monthSitemapPath, tagSitemapPath } from "./paths.ts";
import { renderSitemapIndex, renderUrlSet } from "./sitemapXml.ts";

type Db = Kysely<Database>;

/** A sitemap ready to send: its XML and the keys of what it lists. */
export interface BuiltSitemap {
  xml: string;
  keys: string[];
}

/** At most this many articles in the news sitemap (Google News sitemap guidelines). */
export const NEWS_SITEMAP_MAX = 1000;

function partsOf(count: number): number {
  return Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS));
}

/** A category's slug by id, from memory; articles of a category that no longer exists are left out. */
async function categorySlugs(db: Db): Promise<Map<number, string>> {
  return new Map((await loadTaxonomy(db)).categories.map((c) => [c.id, c.slug]));
}

/**
 * `/sitemap.xml`: the category and author sitemaps, every part of every month with published articles
 * (lastmod: the month's latest publication or edit) and the tag sitemap's parts. Two statements. Kept
 * until an article is published or unpublished (LATEST_KEY), or changes within a month or its tags.
 */
export async function buildSitemapIndex(db: Db, site: SyndicationSite): Promise<BuiltSitemap> {
  const [months, tagCount] = await Promise.all([listPublishedMonths(db), countTagsWithArticles(db)]);
  const entries: Array<{ url: string; lastmod?: string }> = [{ url: `${site.publicUrl}${CATEGORY_SITEMAP_PATH}` }, { url: `${site.publicUrl}${AUTHOR_SITEMAP_PATH}` }];
  for (const m of months) {
    for (let part = 1; part <= partsOf(m.count); part++) entries.push({ url: `${site.publicUrl}${monthSitemapPath(m.month, part)}`, lastmod: m.lastModified });
  }
  if (tagCount > 0) for (let part = 1; part <= partsOf(tagCount); part++) entries.push({ url: `${site.publicUrl}${tagSitemapPath(part)}` });
  return { xml: await renderSitemapIndex(entries), keys: [LATEST_KEY, TAG_SITEMAP_KEY, ...months.map((m) => sitemapMonthKey(m.month))] };
}

/**
 * One part (from 1) of the sitemap of `month` ("2026-11", UTC): its published articles, oldest first,
 * SITEMAP_MAX_URLS a part, each with lastmod (last edit of the text, else publication) and its picture
 * (image:image with its loc only: see SitemapArticle). One statement. NotFoundError for a month or part without
 * articles.
 */
export async function buildMonthSitemap(db: Db, site: SyndicationSite, month: string, part: number): Promise<BuiltSitemap> {
  const [slugs, articles] = await Promise.all([
    categorySlugs(db),
    listPublishedBetween(db, monthRange(month), { offset: (part - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS }),
  ]);
  if (articles.length === 0) throw new NotFoundError("Site haritası", month);
  const entries = articles.flatMap((a) => {
    const categorySlug = slugs.get(a.categoryId);
    if (categorySlug === undefined) return [];
    const image = a.image;
    return [
      {
        url: `${site.publicUrl}${articlePath(categorySlug, a.slug, a.id)}`,
        lastmod: a.modifiedAt,
        images: image ? [{ url: `${site.publicUrl}${image.path}` }] : [],
      },
    ];
  });
  return { xml: await renderUrlSet(entries, { images: true, news: false }), keys: [sitemapMonthKey(month)] };
}

/**
 * `/sitemap-news.xml`: articles published in the last 48 hours, newest first, at most 1,000, each with
 * news:publication (the site's name, language tr), news:publication_date and news:title. One statement.
 */
export async function buildNewsSitemap(db: Db, site: SyndicationSite, now: Date): Promise<BuiltSitemap> {
  const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS).toISOString();
  const [slugs, articles] = await Promise.all([categorySlugs(db), listPublishedSince(db, since, NEWS_SITEMAP_MAX)]);
  const entries = articles.flatMap((a) => {
    const categorySlug = slugs.get(a.categoryId);
    if (categorySlug === undefined) return [];
    return [
      {
        url: `${site.publicUrl}${articlePath(categorySlug, a.slug, a.id)}`,
        news: { publicationName: site.siteName, publishedAt: a.publishedAt, title: a.title },
      },
    ];
  });
  return { xml: await renderUrlSet(entries, { images: false, news: true }), keys: [NEWS_SITEMAP_KEY] };
}

/** `/sitemap/kategoriler.xml`: the home page, son dakika and every category's first page. From memory. */
export async function buildCategorySitemap(db: Db, site: SyndicationSite): Promise<BuiltSitemap> {
  const { categories } = await loadTaxonomy(db);
  const paths = ["/", "/son-dakika/", ...categories.map((c) => categoryPath(c.slug))];
  return {
    xml: await renderUrlSet(
      paths.map((p) => ({ url: `${site.publicUrl}${p}` })),
      { images: false, news: false },
    ),
    keys: [],
  };
}

/** One part (from 1) of the tag sitemap: the pages of tags with at least one published article. One statement. */
export async function buildTagSitemap(db: Db, site: SyndicationSite, part: number): Promise<BuiltSitemap> {
  const tags = await listTagsWithArticles(db, { offset: (part - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS });
  if (tags.length === 0 && part > 1) throw new NotFoundError("Site haritası", part);
  return {
    xml: await renderUrlSet(
      tags.map((t) => ({ url: `${site.publicUrl}${tagPath(t.slug)}` })),
      { images: false, news: false },
    ),
    keys: [TAG_SITEMAP_KEY],
  };
}

/**
 * `/sitemap/yazarlar.xml`: the pages of authors with at least one published article, lastmod their
 * latest publication. One statement. (Past SITEMAP_MAX_URLS authors the rest would need a second part.)
 */
export async function buildAuthorSitemap(db: Db, site: SyndicationSite): Promise<BuiltSitemap> {
  const authors = (await listPublishingAuthors(db)).slice(0, SITEMAP_MAX_URLS);
  const entries = authors.map((a) => ({ url: `${site.publicUrl}${authorPath(a.slug)}`, lastmod: a.lastPublishedAt }));
  return { xml: await renderUrlSet(entries, { images: false, news: false }), keys: [AUTHOR_SITEMAP_KEY] };
}
