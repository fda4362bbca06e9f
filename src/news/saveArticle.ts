import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import type { ArticleInput } from "./articleInput.ts";
import { changingArticle } from "./articleChange.ts";
import type { Actor } from "./workflow.ts";
import { loadForChange } from "./loadForChange.ts";
import { resolveArticleInput } from "./resolveArticleInput.ts";
import { assertMayCreate, assertMayEdit, writeEdit, writeNewArticle } from "./writeArticle.ts";

export interface CreateArticleInput {
  input: ArticleInput;
  actor: Actor;
  now: Date;
  /** With no authors in `input`: true (default) credits the writer; false makes an agency item (the source signs it). */
  creditWriter?: boolean;
}

/** A new draft owned by its writer, with its first revision. */
export async function createArticle(db: Kysely<Database>, { input: raw, actor, now, creditWriter = true }: CreateArticleInput): Promise<Article> {
  assertMayCreate(raw, actor);
  return changingArticle(db, null, async (trx) => writeNewArticle(trx, await resolveArticleInput(trx, raw), actor, now, creditWriter));
}

export interface UpdateArticleInput {
  articleId: number;
  /** The version the edit was based on; a stale one is refused with 409. */
  version: number;
  input: ArticleInput;
  actor: Actor;
  now: Date;
  note?: string;
}

/**
 * Saves an edit based on `version` (the API's PATCH): a stale version is refused with
 * StaleVersionError (409) and what changed since. On a published article an editor's save goes
 * live at once, with an updated time. The editor form saves through `saveArticleFromForm`,
 * which merges instead.
 */
export async function updateArticle(db: Kysely<Database>, { articleId, version, input: raw, actor, now, note }: UpdateArticleInput): Promise<Article> {
  return changingArticle(db, articleId, async (trx) => {
    const current = await loadForChange(trx, articleId, version);
    assertMayEdit(current, raw, actor);
    const resolved = await resolveArticleInput(trx, raw);
    return writeEdit(trx, current, resolved, actor, now, note ?? "");
  });
}
