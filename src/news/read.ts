// Read use cases for the reader site and the public API: published articles only.
import { keepQuery } from "../http/redirect.ts";
import type { Kysely } from "kysely";
import type { Category, Database, Tag } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { bodyText } from "./articleInput.ts";
import { chooseNextArticle } from "./nextArticle.ts";
import * as store from "./store.ts";
import type { ArticleCard, ArticleFull, Page } from "./types.ts";
import type { ViewCounter } from "./viewCounter.ts";

type Db = Kysely<Database>;

export const PAGE_SIZE = 20;

export interface HomeData {
  headlines: ArticleCard[];
  breaking: ArticleCard[];
  latest: ArticleCard[];
  mostRead: ArticleCard[];
  blocks: Array<{ category: Category; articles: ArticleCard[] }>;
}

export async function getHome(db: Db, now: Date): Promise<HomeData> {
  const [headlines, breaking, latest, mostRead, categories] = await Promise.all([
    store.listHeadlines(db, now),
    store.listBreaking(db, now, 8),
    store.listPublished(db, { limit: 12, offset: 0 }, now),
    store.listMostRead(db, new Date(now.getTime() - 7 * 86_400_000), now, 6),
    store.listCategories(db),
  ]);
  const blocks = await Promise.all(
    categories.map(async (category) => ({
      category,
      articles: await store.listPublished(db, { categoryId: category.id, limit: 4, offset: 0 }, now),
    })),
  );
  return { headlines, breaking, latest, mostRead, blocks: blocks.filter((b) => b.articles.length > 0) };
}

export async function listCategories(db: Db): Promise<Category[]> {
  return store.listCategories(db);
}

async function pageOf(db: Db, filter: { categoryId?: number; tagId?: number }, page: number, limit: number, now: Date): Promise<Page<ArticleCard>> {
  const total = await store.countPublished(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / limit));
  const items = page > pageCount ? [] : await store.listPublished(db, { ...filter, limit, offset: (page - 1) * limit }, now);
  return { items, total, page, pageCount };
}

export async function getCategoryPage(
  db: Db,
  slug: string,
  page: number,
  now: Date,
): Promise<{ category: Category; page: Page<ArticleCard> }> {
  const category = await store.findCategoryBySlug(db, slug);
  if (!category) throw new NotFoundError("Kategori", slug);
  const result = await pageOf(db, { categoryId: category.id }, page, PAGE_SIZE, now);
  if (page > result.pageCount) throw new NotFoundError("Sayfa", page);
  return { category, page: result };
}

export async function getTagPage(db: Db, slug: string, page: number, now: Date): Promise<{ tag: Tag; page: Page<ArticleCard> }> {
  const tag = await store.findTagBySlug(db, slug);
  if (!tag) throw new NotFoundError("Etiket", slug);
  const result = await pageOf(db, { tagId: tag.id }, page, PAGE_SIZE, now);
  if (page > result.pageCount || result.total === 0) throw new NotFoundError("Etiket", slug);
  return { tag, page: result };
}

export async function getBreakingNews(db: Db, now: Date): Promise<ArticleCard[]> {
  return store.listBreaking(db, now, 50);
}

export interface ArticleView {
  article: ArticleFull;
  related: ArticleCard[];
  next: ArticleCard | null;
}

/** A published article with what its page shows around it. */
export async function getArticle(db: Db, id: number, now: Date): Promise<ArticleView> {
  const article = await store.findPublishedArticle(db, id, now);
  if (!article) throw new NotFoundError("Haber", id);
  const [related, older, newest] = await Promise.all([
    store.listRelated(db, id, 4, now),
    store.findOlderInCategory(db, { id, categoryId: article.categoryId, publishedAt: article.publishedAt }, now),
    store.findNewestInCategory(db, article.categoryId, now),
  ]);
  return { article, related, next: chooseNextArticle(id, older, newest) };
}

/** For the API: a page of published articles, filtered by category and tag slugs. */
export async function listArticles(
  db: Db,
  query: { category?: string; tag?: string; page: number; limit: number },
  now: Date,
): Promise<Page<ArticleFull>> {
  const filter: { categoryId?: number; tagId?: number } = {};
  if (query.category !== undefined) {
    const category = await store.findCategoryBySlug(db, query.category);
    if (!category) return { items: [], total: 0, page: query.page, pageCount: 1 };
    filter.categoryId = category.id;
  }
  if (query.tag !== undefined) {
    const tag = await store.findTagBySlug(db, query.tag);
    if (!tag) return { items: [], total: 0, page: query.page, pageCount: 1 };
    filter.tagId = tag.id;
  }
  const cards = await pageOf(db, filter, query.page, query.limit, now);
  const items = await store.findArticlesFull(
    db,
    cards.items.map((c) => c.id),
    now,
    true,
  );
  return { ...cards, items };
}

/**
 * Where an old address now lives (301), from `article_redirects`: a recorded path with its
 * query string (`/haber.php?id=777`) matches first, the query kept as it was part of the old
 * address; then the path alone, and the reader's query string (`utm_*`, `sayfa`) is carried
 * over. Undefined when nothing matches or the article is not published.
 */
export async function findRedirectTarget(db: Db, requestUrl: string, now: Date): Promise<string | undefined> {
  const path = requestUrl.split("?")[0] ?? "";
  const exact = path === requestUrl ? undefined : await store.findRedirect(db, requestUrl);
  const id = exact ?? (await store.findRedirect(db, path));
  if (id === undefined) return undefined;
  const url = (await store.findPublishedArticle(db, id, now))?.url;
  if (url === undefined) return undefined;
  return exact === undefined ? keepQuery(url, requestUrl) : url;
}

/** Counts a page view of a published article; anything else is not found. */
export async function recordArticleView(db: Db, views: ViewCounter, id: number): Promise<void> {
  if (!(await store.isPublished(db, id))) throw new NotFoundError("Haber", id);
  views.record(id);
}

/** Any article, as readers would see it once published: the newsroom's preview. */
export async function getArticlePreview(db: Db, id: number, now: Date): Promise<ArticleView> {
  const article = await store.findArticleFull(db, id, now, false);
  if (!article) throw new NotFoundError("Haber", id);
  return { article, related: [], next: null };
}

/** Cards for search results, in the order given, with the plain text that snippets are cut from. */
export async function getCardsForSearch(db: Db, ids: number[], now: Date): Promise<Array<{ card: ArticleCard; text: string }>> {
  const rows = await store.listCardsByIds(db, ids, now);
  const byId = new Map(rows.map((r) => [r.card.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ card: r.card, text: `${r.card.spot}\n${bodyText(r.body)}` }] : [];
  });
}

export async function getTitlesForSearch(db: Db, ids: number[]): Promise<Map<number, { title: string; spot: string }>> {
  return new Map((await store.listTitlesByIds(db, ids)).map((r) => [r.id, r]));
}

export async function findCategoryId(db: Db, slug: string): Promise<number | undefined> {
  return (await store.findCategoryBySlug(db, slug))?.id;
}
