// Lists of published articles: category and tag pages, the breaking-news page, the API's list.
import type { Kysely } from "kysely";
import type { Category, Database, Tag } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { countPublished, findArticlesFull, listBreaking, listPublished } from "./cardStore.ts";
import { findCategoryBySlug, findTagBySlug } from "./taxonomyStore.ts";
import type { ArticleCard, ArticleFull, Page } from "./types.ts";

type Db = Kysely<Database>;

/** Articles per category or tag page. */
export const PAGE_SIZE = 20;

/** One page of the filtered published cards, with the total and the page count (at least 1). */
async function pageOf(db: Db, filter: { categoryId?: number; tagId?: number }, page: number, limit: number, now: Date): Promise<Page<ArticleCard>> {
  const total = await countPublished(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / limit));
  const items = page > pageCount ? [] : await listPublished(db, { ...filter, limit, offset: (page - 1) * limit }, now);
  return { items, total, page, pageCount };
}

/** Page `page` (from 1) of a category's published articles, newest first. Throws NotFoundError for an unknown category or a page past the last. */
export async function getCategoryPage(db: Db, slug: string, page: number, now: Date): Promise<{ category: Category; page: Page<ArticleCard> }> {
  const category = await findCategoryBySlug(db, slug);
  if (!category) throw new NotFoundError("Kategori", slug);
  const result = await pageOf(db, { categoryId: category.id }, page, PAGE_SIZE, now);
  if (page > result.pageCount) throw new NotFoundError("Sayfa", page);
  return { category, page: result };
}

/** Page `page` (from 1) of a tag's published articles. Throws NotFoundError for an unknown tag, a tag with no published article, or a page past the last. */
export async function getTagPage(db: Db, slug: string, page: number, now: Date): Promise<{ tag: Tag; page: Page<ArticleCard> }> {
  const tag = await findTagBySlug(db, slug);
  if (!tag) throw new NotFoundError("Etiket", slug);
  const result = await pageOf(db, { tagId: tag.id }, page, PAGE_SIZE, now);
  if (page > result.pageCount || result.total === 0) throw new NotFoundError("Etiket", slug);
  return { tag, page: result };
}

/** The breaking-news page: up to 50 articles whose flag is on now, newest first. */
export async function getBreakingNews(db: Db, now: Date): Promise<ArticleCard[]> {
  return listBreaking(db, now, 50);
}

/** For the API: a page of published articles, filtered by category and tag slugs. */
export async function listArticles(db: Db, query: { category?: string; tag?: string; page: number; limit: number }, now: Date): Promise<Page<ArticleFull>> {
  const filter: { categoryId?: number; tagId?: number } = {};
  if (query.category !== undefined) {
    const category = await findCategoryBySlug(db, query.category);
    if (!category) return { items: [], total: 0, page: query.page, pageCount: 1 };
    filter.categoryId = category.id;
  }
  if (query.tag !== undefined) {
    const tag = await findTagBySlug(db, query.tag);
    if (!tag) return { items: [], total: 0, page: query.page, pageCount: 1 };
    filter.tagId = tag.id;
  }
  const cards = await pageOf(db, filter, query.page, query.limit, now);
  const items = await findArticlesFull(
    db,
    cards.items.map((c) => c.id),
    now,
    true,
  );
  return { ...cards, items };
}
