// Reads for the newsroom: an article as the editor form shows it, and the lists.
import type { Kysely } from "kysely";
import type { Article, ArticleStatus, Database } from "../db/schema.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import type { ArticleInput } from "./articleInput.ts";
import * as store from "./store.ts";
import type { ArticleFull } from "./types.ts";
import { type Actor, canView, isEditor } from "./workflow.ts";
import { currentSnapshotForRead } from "./writeSupport.ts";

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

/**
 * A whole article, any status, for an API caller with a newsroom token, as long as `canView`
 * lets them see it. An article they may not see answers NotFoundError, exactly as it does for
 * the public: the token reveals neither its status nor that it exists.
 */
export async function getArticleForActor(db: Kysely<Database>, id: number, actor: Actor, now: Date): Promise<ArticleFull> {
  const row = await store.findArticleRow(db, id);
  const article = row && canView(row, actor) ? await store.findArticleFull(db, id, now, false) : undefined;
  if (!article) throw new NotFoundError("Haber", id);
  return article;
}

export async function loadArticleForEditing(db: Kysely<Database>, id: number): Promise<{ article: Article; values: ArticleInput }> {
  const article = await store.findArticleRow(db, id);
  if (!article) throw new NotFoundError("Haber", id);
  const snap = await currentSnapshotForRead(db, article);
  return { article, values: { title: snap.title, spot: snap.spot, body: snap.body, ...snap.fields } };
}

export async function listForNewsroom(db: Kysely<Database>, filter: { status?: ArticleStatus; ownerId?: number; ids?: number[]; limit?: number; offset?: number }) {
  return store.listNewsroomArticles(db, { ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
}

export async function listCategoriesAndSources(db: Kysely<Database>) {
  const [categories, sources] = await Promise.all([store.listCategories(db), store.listSources(db)]);
  return { categories, sources };
}

/**
 * Up to 10 tags whose slug starts with `prefix` (already a slug), in slug order. Reporters are
 * offered only tags of published articles or of their own (a tag used only on another
 * reporter's draft would leak what that draft is about); editors every tag.
 */
export async function suggestTags(db: Kysely<Database>, prefix: string, actor: Actor) {
  return store.suggestTags(db, prefix, 10, isEditor(actor.role) ? null : { ownerId: actor.id });
}
