// The newsroom's article list: whose articles, which status, category, author and days, a search
// that finds drafts too, an order, and pages that reach every article.
import type { Kysely } from "kysely";
import { ARTICLE_STATUSES, type ArticleStatus, type Database } from "../../db/schema.ts";
import { refuseInvalidDays } from "../../errors.ts";
import { istanbulDayRange } from "../../lib/time.ts";
import { latestEventsOf } from "../../news/articleEventStore.ts";
import { type NewsroomListFilter, countForNewsroom, listForNewsroom } from "../../news/articleStore.ts";
import { authorsOfArticles, findAuthorBySlug, listAuthors } from "../../news/authorStore.ts";
import { loadTaxonomy } from "../../news/taxonomyCache.ts";
import { type Actor, isEditor } from "../../news/workflow.ts";
import { searchArticles } from "../../search/searchArticles.ts";
import type { ArticleListRow } from "../views/ArticleListPage.tsx";
import type { ArticleListOrder } from "./schemas.ts";

/** Articles on one page of the list. */
export const LIST_PAGE_SIZE = 50;

/** How many search hits a text query looks at (the search's relevance order, then the filters). */
export const SEARCH_LIMIT = 500;

export interface ArticleListInput {
  status?: ArticleStatus;
  /** Words to search for, drafts included; blank for none. */
  query: string;
  categorySlug?: string;
  authorSlug?: string;
  /** Last changed on or after / on or before these Istanbul days (YYYY-MM-DD). */
  from?: string;
  to?: string;
  order?: ArticleListOrder;
  /** 1-based; past the last page shows the last page. */
  page: number;
  actor: Actor;
  /** The clock the search needs for what counts as published. */
  now: Date;
}

export interface ArticleListData {
  rows: ArticleListRow[];
  /** Articles matching the filters, on every page. */
  total: number;
  page: number;
  pageCount: number;
  order: ArticleListOrder;
  /** What the filter form offers. */
  categories: Array<{ slug: string; name: string }>;
  authors: Array<{ slug: string; name: string }>;
}

/** A row of `listForNewsroom` as the list shows it: `isBreaking` read as a boolean, the byline and a send-back's reason added. */
export function toListRow(
  row: Omit<ArticleListRow, "isBreaking" | "authors" | "publishedAt" | "returnReason"> & { isBreaking: number; publishedAt: string | null },
  authors: ArticleListRow["authors"] = [],
  returnReason: string | null = null,
): ArticleListRow {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    categoryName: row.categoryName,
    ownerName: row.ownerName,
    headlineSlot: row.headlineSlot,
    isBreaking: row.isBreaking === 1,
    authors,
    returnReason,
  };
}

/**
 * One page (LIST_PAGE_SIZE) of the articles `actor` sees in the newsroom list. Reporters see their
 * own articles, editors the whole newsroom (DESIGN.md, roles). Status, category, byline author and
 * last-change days narrow it; an unknown category or author slug matches nothing. Without a query
 * the list is ordered by `order` (last change first by default); with one, the search runs over
 * every newsroom status (drafts too), looks at its SEARCH_LIMIT best hits, and keeps their relevance
 * order unless another order is asked for. Throws InvalidInputError for an impossible day.
 */
export async function listArticles(db: Kysely<Database>, input: ArticleListInput): Promise<ArticleListData> {
  const range = istanbulDayRange(input.from, input.to);
  refuseInvalidDays(range.invalid);
  const q = input.query.trim();
  const order: ArticleListOrder = input.order ?? (q === "" ? "changed-desc" : "relevance");
  const [{ categories }, authors] = await Promise.all([loadTaxonomy(db), listAuthors(db)]);
  const options = { categories: categories.map((c) => ({ slug: c.slug, name: c.name })), authors: authors.map((a) => ({ slug: a.slug, name: a.name })) };

  const category = input.categorySlug === undefined ? undefined : categories.find((c) => c.slug === input.categorySlug);
  const author = input.authorSlug === undefined ? undefined : await findAuthorBySlug(db, input.authorSlug);
  if ((input.categorySlug !== undefined && !category) || (input.authorSlug !== undefined && !author)) {
    return { rows: [], total: 0, page: 1, pageCount: 1, order, ...options };
  }

  let ranked: number[] | undefined;
  if (q !== "") {
    const found = await searchArticles(db, { q, page: 1, pageSize: SEARCH_LIMIT, now: input.now, statuses: input.status ? [input.status] : ARTICLE_STATUSES });
    ranked = found.hits.map((h) => h.card.id);
  }
  const filter: NewsroomListFilter = {
    status: input.status,
    ownerId: isEditor(input.actor.role) ? undefined : input.actor.id,
    categoryId: category?.id,
    authorId: author?.id,
    changedFrom: range.from,
    changedBefore: range.to,
    ids: ranked,
  };
  const total = await countForNewsroom(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const offset = (page - 1) * LIST_PAGE_SIZE;

  let rows: Awaited<ReturnType<typeof listForNewsroom>>;
  if (ranked && order === "relevance") {
    // Relevance is the search's order: filter every hit, then cut the page in that order.
    const matching = await listForNewsroom(db, { ...filter, limit: SEARCH_LIMIT });
    const byId = new Map(matching.map((r) => [r.id, r]));
    rows = ranked.flatMap((id) => byId.get(id) ?? []).slice(offset, offset + LIST_PAGE_SIZE);
  } else {
    rows = await listForNewsroom(db, { ...filter, order: order === "relevance" ? "changed-desc" : order, limit: LIST_PAGE_SIZE, offset });
  }
  const ids = rows.map((r) => r.id);
  const [bylines, latest] = await Promise.all([authorsOfArticles(db, ids), latestEventsOf(db, ids)]);
  const returnReason = (r: { id: number; status: ArticleStatus }) => {
    const event = latest.get(r.id);
    return r.status === "draft" && event?.action === "return" ? event.reason : null;
  };
  return { rows: rows.map((r) => toListRow(r, bylines.get(r.id) ?? [], returnReason(r))), total, page, pageCount, order, ...options };
}
