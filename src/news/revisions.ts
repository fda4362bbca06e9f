import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, ArticleRevision, Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { newsEvents } from "./events.ts";
import { type FieldChange, diffSnapshots, parseRevision } from "./revisionSnapshot.ts";
import * as store from "./store.ts";
import { assertCanEdit, type Actor } from "./workflow.ts";
import { loadForChange, setTags, writeRevision } from "./writeSupport.ts";

export async function listArticleRevisions(db: Kysely<Database>, articleId: number): Promise<ArticleRevision[]> {
  return store.listRevisions(db, articleId);
}

/** Word-level differences from revision `from` to revision `to`. */
export async function compareRevisions(db: Kysely<Database>, articleId: number, from: number, to: number): Promise<FieldChange[]> {
  const [a, b] = await Promise.all([store.findRevision(db, articleId, from), store.findRevision(db, articleId, to)]);
  if (!a) throw new NotFoundError("Sürüm", from);
  if (!b) throw new NotFoundError("Sürüm", to);
  return diffSnapshots(parseRevision(a), parseRevision(b));
}

/** Makes an old revision's content current again, as a new version; nothing is overwritten. */
export async function restoreRevision(
  db: Kysely<Database>,
  { articleId, revision, version, actor, now }: { articleId: number; revision: number; version: number; actor: Actor; now: Date },
): Promise<Article> {
  const article = await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, articleId, version);
    assertCanEdit(current, actor);
    const old = await store.findRevision(trx, articleId, revision);
    if (!old) throw new NotFoundError("Sürüm", revision);
    const snap = parseRevision(old);
    const categories = await store.listCategories(trx);
    const sources = await store.listSources(trx);
    const updated = await store.updateArticleRow(trx, articleId, version, {
      title: snap.title,
      spot: snap.spot,
      body: snap.body,
      categoryId: categories.find((c) => c.slug === snap.fields.category)?.id ?? current.categoryId,
      sourceId: sources.find((s) => s.slug === snap.fields.source)?.id ?? current.sourceId,
      imageId: snap.fields.imageId,
      imageCaption: snap.fields.imageCaption,
      imageCredit: snap.fields.imageCredit,
      imageAlt: snap.fields.imageAlt,
      seoTitle: snap.fields.seoTitle,
      seoDescription: snap.fields.seoDescription,
      updatedAt: now.toISOString(),
      ...(current.status === "published" ? { contentUpdatedAt: now.toISOString() } : {}),
    });
    if (!updated) throw new NotFoundError("Haber", articleId);
    await setTags(trx, articleId, snap.fields.tags);
    await writeRevision(trx, updated, actor, now, `Sürüm ${revision} geri yüklendi`);
    await recordAudit(trx, { at: now, actor, action: "article_restored", subject: `haber #${articleId}`, detail: `sürüm ${revision}` });
    return updated;
  });
  newsEvents.emit("articleChanged", { articleId, status: article.status, categoryId: article.categoryId });
  return article;
}
