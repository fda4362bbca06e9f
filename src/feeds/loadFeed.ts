// A feed's content: the newest 50 items of what it follows, as a FeedDocument, and the surrogate keys
// of everything it shows. One or two statements: a category comes from memory, a tag or an author is
// looked up.
import type { Kysely } from "kysely";
import { BREAKING_KEY, HEADLINES_KEY, LATEST_KEY, articleKeys, authorKey, bylineKeys, categoryKey, tagKey } from "../cache/keys.ts";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { FALLBACK_WIDTH } from "../media/storage.ts";
import { listBreakingFull, listHeadlinesFull, listPublishedFull } from "../news/cardStore.ts";
import { findAuthorBySlug } from "../news/authorStore.ts";
import { articleIdPath, authorPath, categoryPath, tagPath } from "../news/slug.ts";
import { listAuthorArticles } from "../news/listPublishedArticles.ts";
import { loadTaxonomy } from "../news/taxonomyCache.ts";
import { findTagBySlug } from "../news/taxonomyStore.ts";
import type { ArticleFull } from "../news/types.ts";
import { feedBodyHtml, leadFigureHtml } from "./feedBody.ts";
import type { FeedDocument, FeedEntry, FeedImage } from "./feedFormats.ts";
import { type FeedSubject, feedPaths } from "./paths.ts";

/** Items per feed. */
export const FEED_SIZE = 50;

/** What every feed and sitemap needs to know of the site. */
export interface SyndicationSite {
  /** Absolute, no trailing slash (PUBLIC_URL). */
  publicUrl: string;
  siteName: string;
  /** The WebSub hub named in every feed (WEBSUB_HUB_URL), or null. */
  hubUrl: string | null;
}

/**
 * The JPEG a feed shows for an article's picture, with its size, credit and caption: the 16:9 share
 * crop (at least 1200 px wide; media/shareCrops.ts), else, for a picture too small for it or stored
 * before crops existed, the JPEG fallback (up to FALLBACK_WIDTH wide, the original's proportions).
 */
export function feedImageOf(article: Pick<ArticleFull, "picture" | "share" | "imageCaption" | "imageCredit">, publicUrl: string): FeedImage | null {
  const picture = article.picture;
  if (!picture) return null;
  const text = { credit: article.imageCredit, caption: article.imageCaption, alt: picture.alt };
  const wide = article.share?.wide;
  if (wide) return { url: `${publicUrl}${wide.url}`, width: wide.width, height: wide.height, ...text };
  if (!picture.fallback) return null;
  const width = Math.min(picture.width, FALLBACK_WIDTH);
  return { url: `${publicUrl}${picture.fallback}`, width, height: Math.round((picture.height * width) / picture.width), ...text };
}

/** One article as a feed item. */
export function toFeedEntry(article: ArticleFull, publicUrl: string): FeedEntry {
  const image = feedImageOf(article, publicUrl);
  const published = new Date(article.publishedAt);
  return {
    id: `${publicUrl}${articleIdPath(article.id)}`,
    url: `${publicUrl}${article.url}`,
    title: article.title,
    summary: article.spot,
    contentHtml: (image ? leadFigureHtml(image) : "") + feedBodyHtml(article.body, publicUrl),
    image,
    categories: [
      { name: article.category.name, term: article.category.slug, url: `${publicUrl}${categoryPath(article.category.slug)}` },
      ...article.tags.map((t) => ({ name: t.name, term: t.slug, url: `${publicUrl}${tagPath(t.slug)}` })),
    ],
    // The byline, else the source (an agency item credits the agency).
    authors: article.authors.length > 0 ? article.authors.map((a) => ({ name: a.name, url: `${publicUrl}${a.url}` })) : [{ name: article.source.name }],
    published,
    updated: article.updatedAt ? new Date(article.updatedAt) : published,
  };
}

interface Listing {
  title: string;
  description: string;
  homePath: string;
  key: string;
  items: ArticleFull[];
}

async function listingOf(db: Kysely<Database>, subject: FeedSubject, now: Date): Promise<Listing> {
  const limit = { limit: FEED_SIZE, offset: 0 };
  switch (subject.kind) {
    case "all":
      return { title: "Son haberler", description: "En yeni haberler.", homePath: "/", key: LATEST_KEY, items: await listPublishedFull(db, limit, now) };
    case "breaking":
      return {
        title: "Son Dakika",
        description: "Son dakika gelişmeleri.",
        homePath: "/son-dakika/",
        key: BREAKING_KEY,
        items: await listBreakingFull(db, now, FEED_SIZE),
      };
    case "headlines":
      return {
        title: "Manşet",
        description: "Ana sayfanın manşetindeki haberler, sırasıyla.",
        homePath: "/",
        key: HEADLINES_KEY,
        items: await listHeadlinesFull(db, now, FEED_SIZE),
      };
    case "category": {
      const category = (await loadTaxonomy(db)).categoryBySlug.get(subject.slug);
      if (!category) throw new NotFoundError("Kategori", subject.slug);
      return {
        title: category.name,
        description: `${category.name} kategorisindeki en yeni haberler.`,
        homePath: categoryPath(category.slug),
        key: categoryKey(category.id),
        items: await listPublishedFull(db, { ...limit, categoryId: category.id }, now),
      };
    }
    case "tag": {
      const tag = await findTagBySlug(db, subject.slug);
      if (!tag) throw new NotFoundError("Etiket", subject.slug);
      return {
        title: `Etiket: ${tag.name}`,
        description: `${tag.name} ile ilgili en yeni haberler.`,
        homePath: tagPath(tag.slug),
        key: tagKey(tag.id),
        items: await listPublishedFull(db, { ...limit, tagId: tag.id }, now),
      };
    }
    case "author": {
      const author = await findAuthorBySlug(db, subject.slug);
      if (!author) throw new NotFoundError("Yazar", subject.slug);
      return {
        title: author.name,
        description: `${author.name} imzalı en yeni haberler.`,
        homePath: authorPath(author.slug),
        key: authorKey(author.id),
        items: await listAuthorArticles(db, author.id, FEED_SIZE, now),
      };
    }
  }
}

/**
 * The feed of `subject`: its newest FEED_SIZE published articles (the manşet in slot order) as a
 * FeedDocument, with the surrogate keys of its list, of every article in it and of their authors' bylines. Throws NotFoundError
 * for an unknown category or tag.
 */
export async function loadFeed(db: Kysely<Database>, subject: FeedSubject, site: SyndicationSite, now: Date): Promise<{ doc: FeedDocument; keys: string[] }> {
  const listing = await listingOf(db, subject, now);
  const items = listing.items.map((a) => toFeedEntry(a, site.publicUrl));
  const self = feedPaths(subject);
  const newest = Math.max(...items.map((i) => i.updated.getTime()));
  const doc: FeedDocument = {
    title: `${listing.title} | ${site.siteName}`,
    description: listing.description,
    homeUrl: `${site.publicUrl}${listing.homePath}`,
    selfUrls: { rss: `${site.publicUrl}${self.rss}`, atom: `${site.publicUrl}${self.atom}`, json: `${site.publicUrl}${self.json}` },
    hubUrl: site.hubUrl,
    updated: items.length > 0 ? new Date(newest) : now,
    publisher: { name: site.siteName, url: `${site.publicUrl}/` },
    items,
  };
  // Items name their authors (and link their pages): a profile edit must reach the feed too.
  const bylines = [...new Set(listing.items.flatMap((a) => bylineKeys(a.authors)))];
  return { doc, keys: [listing.key, ...articleKeys(listing.items), ...bylines] };
}
