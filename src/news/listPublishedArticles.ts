// Lists of published articles: category and tag pages, the breaking-news page, the API's list.
// Each asks at most two statements: the total and the page (issue 11); categories come from memory.
import type { Kysely } from "kysely";
import type { Category, Database, Tag } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { type AuthorPageProfile, findAuthorRedirect, findAuthorWithCount } from "./authorStore.ts";
import { countPublished, findTagWithCount, listBreaking, listPublished, listPublishedFull } from "./cardStore.ts";
import { loadTaxonomy } from "./taxonomyCache.ts";
import type { ArticleCard, ArticleFull, Page } from "./types.ts";

type Db = Kysely<Database>;

/** Articles per category or tag page. */
export const PAGE_SIZE = 20;

function pageCountOf(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}

/** Page `page` (from 1) of a category's published articles, newest first. Throws NotFoundError for an unknown category or a page past the last. */
export async function getCategoryPage(db: Db, slug: string, page: number, now: Date): Promise<{ category: Category; page: Page<ArticleCard> }> {
  const category = (await loadTaxonomy(db)).categoryBySlug.get(slug);
  if (!category) throw new NotFoundError("Kategori", slug);
  // Both at once: a page past the last simply comes back empty.
  const [total, items] = await Promise.all([
    countPublished(db, { categoryId: category.id }),
    listPublished(db, { categoryId: category.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, now),
  ]);
  const pageCount = pageCountOf(total, PAGE_SIZE);
  if (page > pageCount) throw new NotFoundError("Sayfa", page);
  return { category, page: { items, total, page, pageCount } };
}

/** Page `page` (from 1) of a tag's published articles. Throws NotFoundError for an unknown tag, a tag with no published article, or a page past the last. */
export async function getTagPage(db: Db, slug: string, page: number, now: Date): Promise<{ tag: Tag; page: Page<ArticleCard> }> {
  const found = await findTagWithCount(db, slug, {});
  if (!found) throw new NotFoundError("Etiket", slug);
  const { tag, total } = found;
  const pageCount = pageCountOf(total, PAGE_SIZE);
  if (page > pageCount || total === 0) throw new NotFoundError("Etiket", slug);
  const items = await listPublished(db, { tagId: tag.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, now);
  return { tag, page: { items, total, page, pageCount } };
}

/**
 * Page `page` (from 1) of an author's page: the profile and their published articles, newest first
 * (card shape, as category pages). Two statements. Throws NotFoundError for an unknown slug or a
 * page past the last; an author with no published article has an empty first page.
 */
export async function getAuthorPage(
  db: Db,
  slug: string,
  page: number,
  now: Date,
): Promise<{ author: AuthorPageProfile; page: Page<ArticleCard> } | { movedTo: string }> {
  const found = await findAuthorWithCount(db, slug);
  if (!found) {
    // An address the author gave up: their page is now elsewhere.
    const current = await findAuthorRedirect(db, slug);
    if (current) return { movedTo: current };
    throw new NotFoundError("Yazar", slug);
  }
  const { author, total } = found;
  const pageCount = pageCountOf(total, PAGE_SIZE);
  if (page > pageCount) throw new NotFoundError("Sayfa", page);
  const items = total === 0 ? [] : await listPublished(db, { authorId: author.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, now);
  return { author, page: { items, total, page, pageCount } };
}

/**
 * For the feeds: an author's newest published articles, whole (body, tags and authors included),
 * newest first. One statement; an unknown author id gives an empty list.
 */
export async function listAuthorArticles(db: Db, authorId: number, limit: number, now: Date): Promise<ArticleFull[]> {
  return listPublishedFull(db, { authorId, limit, offset: 0 }, now);
}

/** The breaking-news page: up to 50 articles whose flag is on now, newest first. */
export async function getBreakingNews(db: Db, now: Date): Promise<ArticleCard[]> {
  return listBreaking(db, now, 50);
}

/**
 * For the API: a page of published articles, filtered by category and tag slugs. Two statements at most.
 * `filter` gives the ids the slugs stand for, or is null when a slug names no category or tag (an empty page).
 */
export async function listArticles(
  db: Db,
  query: { category?: string; tag?: string; page: number; limit: number },
  now: Date,
): Promise<Page<ArticleFull> & { filter: { categoryId?: number; tagId?: number } | null }> {
  const none = { items: [], total: 0, page: query.page, pageCount: 1, filter: null };
  const filter: { categoryId?: number; tagId?: number } = {};
  if (query.category !== undefined) {
    const category = (await loadTaxonomy(db)).categoryBySlug.get(query.category);
    if (!category) return none;
    filter.categoryId = category.id;
  }
  let total: number;
  if (query.tag !== undefined) {
    const found = await findTagWithCount(db, query.tag, filter);
    if (!found) return none;
    filter.tagId = found.tag.id;
    total = found.total;
  } else {
    total = await countPublished(db, filter);
  }
  const pageCount = pageCountOf(total, query.limit);
  const items = query.page > pageCount ? [] : await listPublishedFull(db, { ...filter, limit: query.limit, offset: (query.page - 1) * query.limit }, now);
  return { items, total, page: query.page, pageCount, filter };
}
