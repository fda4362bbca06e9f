// The version check every write use case starts with, and the answer to a write that lost the race.
import type { Transaction } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { ConflictError, NotFoundError, StaleVersionError } from "../errors.ts";
import { findArticleRow } from "./articleStore.ts";
import { diffSnapshots, parseRevision } from "./revisionSnapshot.ts";
import { findRevision } from "./revisionStore.ts";

/**
 * Loads the article for a change based on `version` (undefined: any version). Throws
 * NotFoundError, or StaleVersionError (409) carrying the word diff from revision `version` to
 * the current one, who made the current one and when.
 */
export async function loadForChange(trx: Transaction<Database>, articleId: number, version: number | undefined): Promise<Article> {
  const article = await findArticleRow(trx, articleId);
  if (!article) throw new NotFoundError("Haber", articleId);
  if (version !== undefined && version !== article.version) {
    const [base, latest] = await Promise.all([findRevision(trx, articleId, version), findRevision(trx, articleId, article.version)]);
    const changes = base && latest ? diffSnapshots(parseRevision(base), parseRevision(latest)) : [];
    throw new StaleVersionError(article.version, changes, latest?.authorLabel ?? "başka bir kullanıcı", latest?.createdAt ?? article.updatedAt);
  }
  return article;
}

/**
 * For a conditional update (`where version = current.version`) that matched no row: another
 * write won the race after `current` was read. Always throws, and always a 409 (or 404 when the
 * article is gone): StaleVersionError with what the other write changed, or ConflictError when
 * the version is unchanged.
 */
export async function refuseLostRace(trx: Transaction<Database>, current: Article): Promise<never> {
  await loadForChange(trx, current.id, current.version);
  throw new ConflictError("Bu haber az önce başka biri tarafından değiştirildi. Sayfayı yenileyin.");
}
