// Old addresses of articles, answered with a permanent redirect.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { keepQuery } from "../lib/redirect.ts";
import { findPublishedArticle } from "./cardStore.ts";
import { findRedirect } from "./redirectStore.ts";

/**
 * Where an old address now lives (301), from `article_redirects`: a recorded path with its
 * query string (`/haber.php?id=777`) matches first, the query kept as it was part of the old
 * address; then the path alone, and the reader's query string (`utm_*`, `sayfa`) is carried
 * over. Undefined when nothing matches or the article is not published. `articleId` names the
 * article the answer depends on (its surrogate key, for caches that keep the redirect).
 */
export async function findRedirectTarget(db: Kysely<Database>, requestUrl: string, now: Date): Promise<{ location: string; articleId: number } | undefined> {
  const path = requestUrl.split("?")[0] ?? "";
  const exact = path === requestUrl ? undefined : await findRedirect(db, requestUrl);
  const id = exact ?? (await findRedirect(db, path));
  if (id === undefined) return undefined;
  const url = (await findPublishedArticle(db, id, now))?.url;
  if (url === undefined) return undefined;
  return { location: exact === undefined ? keepQuery(url, requestUrl) : url, articleId: id };
}

/** The current address of published article `id` (its permanent id address answers with it), or undefined. One statement. */
export async function findArticleUrl(db: Kysely<Database>, id: number, now: Date): Promise<string | undefined> {
  return (await findPublishedArticle(db, id, now))?.url;
}
