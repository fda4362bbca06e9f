// The newsroom's article list: whose articles, which status, and a search that finds drafts too.
import type { Kysely } from "kysely";
import { ARTICLE_STATUSES, type ArticleStatus, type Database } from "../../db/schema.ts";
import { listForNewsroom } from "../../news/articleStore.ts";
import { type Actor, isEditor } from "../../news/workflow.ts";
import { searchArticles } from "../../search/searchArticles.ts";
import type { ArticleListRow } from "../views/ArticleListPage.tsx";

/** How many articles the list shows, and how many search hits it looks at. */
export const LIST_SIZE = 100;

/** A row of `listForNewsroom` as the list shows it: `isBreaking` read as a boolean, unused columns left out. */
export function toListRow(row: Omit<ArticleListRow, "isBreaking"> & { isBreaking: number }): ArticleListRow {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    updatedAt: row.updatedAt,
    scheduledAt: row.scheduledAt,
    categoryName: row.categoryName,
    ownerName: row.ownerName,
    headlineSlot: row.headlineSlot,
    isBreaking: row.isBreaking === 1,
  };
}

/**
 * The articles `actor` sees in the newsroom list, at most LIST_SIZE. Reporters see their own
 * articles, editors the whole newsroom (DESIGN.md, roles). `status` narrows to one status.
 * Without a query (`query` trimmed empty) the list is last changed first; with one, the search
 * runs over every newsroom status (drafts too) and the list keeps the search's relevance order.
 * `now` is the clock the search needs for what counts as published.
 */
export async function listArticles(
  db: Kysely<Database>,
  { status, query, actor, now }: { status: ArticleStatus | undefined; query: string; actor: Actor; now: Date },
): Promise<ArticleListRow[]> {
  const q = query.trim();
  let ids: number[] | undefined;
  if (q !== "") {
    const found = await searchArticles(db, { q, page: 1, pageSize: LIST_SIZE, now, statuses: status ? [status] : ARTICLE_STATUSES });
    ids = found.hits.map((h) => h.card.id);
  }
  const rows = await listForNewsroom(db, { status, ids, ownerId: isEditor(actor.role) ? undefined : actor.id, limit: LIST_SIZE });
  const ordered = ids ? ids.flatMap((id) => rows.filter((r) => r.id === id)) : rows;
  return ordered.map(toListRow);
}
