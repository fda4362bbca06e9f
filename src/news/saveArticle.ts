import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { ConflictError, ForbiddenError } from "../errors.ts";
import type { ArticleInput } from "./articleInput.ts";
import { newsEvents } from "./events.ts";
import * as store from "./store.ts";
import { assertCanEdit, type Actor, isEditor } from "./workflow.ts";
import { loadForChange, resolveInput, setTags, writeRevision } from "./writeSupport.ts";

export interface CreateArticleInput {
  input: ArticleInput;
  actor: Actor;
  now: Date;
}

/** A new draft owned by its writer, with its first revision. */
export async function createArticle(db: Kysely<Database>, { input: raw, actor, now }: CreateArticleInput): Promise<Article> {
  if (raw.isBreaking && !isEditor(actor.role)) throw new ForbiddenError("Son dakika işaretini yalnızca editörler koyabilir.");
  return db.transaction().execute(async (trx) => {
    const { input, categoryId, sourceId, slug } = await resolveInput(trx, raw);
    const id = await store.insertArticle(trx, {
      slug,
      title: input.title,
      spot: input.spot,
      body: input.body,
      categoryId,
      sourceId,
      authorId: null,
      imageId: input.imageId,
      imageCaption: input.imageCaption,
      imageCredit: input.imageCredit,
      imageAlt: input.imageAlt,
      status: "draft",
      isBreaking: input.isBreaking ? 1 : 0,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      ownerId: actor.id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await setTags(trx, id, input.tags);
    const article = await store.findArticleRow(trx, id);
    if (!article) throw new Error("article vanished");
    await writeRevision(trx, article, actor, now, "Oluşturuldu");
    return article;
  });
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

/** Saves an edit. On a published article an editor's save goes live at once, with an updated time. */
export async function updateArticle(db: Kysely<Database>, { articleId, version, input: raw, actor, now, note }: UpdateArticleInput): Promise<Article> {
  const article = await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, articleId, version);
    assertCanEdit(current, actor);
    if (raw.isBreaking !== (current.isBreaking === 1) && !isEditor(actor.role)) {
      throw new ForbiddenError("Son dakika işaretini yalnızca editörler değiştirebilir.");
    }
    const { input, categoryId, sourceId, slug } = await resolveInput(trx, raw);
    const updated = await store.updateArticleRow(trx, articleId, version, {
      slug,
      title: input.title,
      spot: input.spot,
      body: input.body,
      categoryId,
      sourceId,
      imageId: input.imageId,
      imageCaption: input.imageCaption,
      imageCredit: input.imageCredit,
      imageAlt: input.imageAlt,
      isBreaking: input.isBreaking ? 1 : 0,
      breakingUntil: input.isBreaking ? current.breakingUntil : null,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      updatedAt: now.toISOString(),
      ...(current.status === "published" ? { contentUpdatedAt: now.toISOString() } : {}),
    });
    if (!updated) {
      // Another save won the race after we read the row: report what it changed.
      await loadForChange(trx, articleId, version);
      throw new ConflictError("Bu haber az önce başka biri tarafından değiştirildi. Sayfayı yenileyin.");
    }
    await setTags(trx, articleId, input.tags);
    await writeRevision(trx, updated, actor, now, note ?? "");
    return updated;
  });
  newsEvents.emit("articleChanged", { articleId: article.id, status: article.status, categoryId: article.categoryId });
  return article;
}
