// An article as the editor form shows it.
import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import type { ArticleInput } from "./articleInput.ts";
import { findArticleRow } from "./articleStore.ts";
import { type Actor, canView } from "./workflow.ts";
import { articleSnapshot } from "./writeRevision.ts";

/** The article row and the editor form's values for it (the current revision's snapshot). Throws NotFoundError. */
export async function loadArticleForEditing(db: Kysely<Database>, id: number): Promise<{ article: Article; values: ArticleInput }> {
  const article = await findArticleRow(db, id);
  if (!article) throw new NotFoundError("Haber", id);
  const snap = await articleSnapshot(db, article);
  return { article, values: { title: snap.title, spot: snap.spot, body: snap.body, ...snap.fields } };
}

/**
 * The article as the editor form shows it, for someone who may view it (`canView`): editors
 * any, reporters their own and published ones. Throws NotFoundError, or ForbiddenError
 * ("Bu haber size ait değil.") for another reporter's unpublished article.
 */
export async function loadArticleForViewing(db: Kysely<Database>, id: number, actor: Actor): Promise<{ article: Article; values: ArticleInput }> {
  const loaded = await loadArticleForEditing(db, id);
  if (!canView(loaded.article, actor)) throw new ForbiddenError("Bu haber size ait değil.");
  return loaded;
}
