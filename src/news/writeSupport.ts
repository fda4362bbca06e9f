// Steps shared by the write use cases (all run inside the caller's transaction).
import type { Kysely, Transaction } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.ts";
import { formatIstanbulTime } from "../ui/time.ts";
import type { ArticleInput } from "./articleInput.ts";
import { normaliseArticleInput } from "./articleInput.ts";
import { type FieldChange, type Snapshot, diffSnapshots, parseRevision, snapshotOf } from "./revisionSnapshot.ts";
import { indexArticle, type SearchDocument } from "../search/index.ts";
import { bodyText } from "./articleInput.ts";
import { slugify } from "./slug.ts";
import * as store from "./store.ts";
import type { Actor } from "./workflow.ts";

type Trx = Transaction<Database>;

/** A save based on a version that is no longer current. Carries what changed since. */
export class StaleVersionError extends ConflictError {
  constructor(
    readonly currentVersion: number,
    readonly changes: FieldChange[],
    by: string,
    at: string,
  ) {
    const what = changes.length > 0 ? ` Değişen alanlar: ${changes.map((c) => c.label).join(", ")}.` : "";
    super(
      `Bu haber siz düzenlerken ${by} tarafından ${formatIstanbulTime(at)} saatinde değiştirildi (sürüm ${currentVersion}).${what} ` +
        "Sizin değişiklikleriniz kaydedilmedi ama kaybolmadı: farkları inceleyip yeniden kaydedin.",
    );
  }
}

export async function resolveInput(trx: Trx, raw: ArticleInput) {
  const [categories, sources] = await Promise.all([store.listCategories(trx), store.listSources(trx)]);
  const input = normaliseArticleInput(raw, { categories: categories.map((c) => c.slug), sources: sources.map((s) => s.slug) });
  const category = categories.find((c) => c.slug === input.category);
  const source = sources.find((s) => s.slug === input.source);
  if (!category || !source) throw new InvalidInputError("Geçerli bir kategori ve kaynak seçin.");
  if (input.imageId !== null) {
    const image = await trx.selectFrom("images").select("id").where("id", "=", input.imageId).executeTakeFirst();
    if (!image) throw new InvalidInputError("Seçilen görsel bulunamadı.", { imageId: "Görsel bulunamadı." });
  }
  return { input, categoryId: category.id, sourceId: source.id, slug: slugify(input.title) };
}

export async function setTags(trx: Trx, articleId: number, names: string[]): Promise<void> {
  const ids: number[] = [];
  for (const name of names) ids.push((await store.ensureTag(trx, slugify(name), name)).id);
  await store.setArticleTags(trx, articleId, ids);
}

export async function currentSnapshot(trx: Trx, article: Article): Promise<Snapshot> {
  return currentSnapshotForRead(trx, article);
}

export async function currentSnapshotForRead(db: Kysely<Database>, article: Article): Promise<Snapshot> {
  const [categories, sources, tags] = await Promise.all([
    store.listCategories(db),
    store.listSources(db),
    store.tagNamesOf(db, article.id),
  ]);
  return snapshotOf(article, {
    category: categories.find((c) => c.id === article.categoryId)?.slug ?? "",
    source: sources.find((s) => s.id === article.sourceId)?.slug ?? "",
    tags,
  });
}

/** Every save ends here: the revision is written and the search index follows, in the same transaction. */
export async function writeRevision(trx: Trx, article: Article, actor: Actor | null, now: Date, note = ""): Promise<void> {
  await indexArticle(trx, searchDocumentOf(article));
  const snap = await currentSnapshot(trx, article);
  await store.addRevision(trx, {
    articleId: article.id,
    version: article.version,
    status: article.status,
    title: snap.title,
    spot: snap.spot,
    body: snap.body,
    fields: JSON.stringify(snap.fields),
    authorId: actor?.id ?? null,
    authorLabel: actor?.name ?? "sistem",
    note,
    createdAt: now.toISOString(),
  });
}

export function searchDocumentOf(article: Article): SearchDocument {
  return {
    id: article.id,
    title: article.title,
    spot: article.spot,
    bodyText: bodyText(article.body),
    status: article.status,
    categoryId: article.categoryId,
    publishedAt: article.publishedAt,
  };
}

/** Loads the article for a change based on `version`; throws 404, or 409 with what changed since. */
export async function loadForChange(trx: Trx, articleId: number, version: number | undefined): Promise<Article> {
  const article = await store.findArticleRow(trx, articleId);
  if (!article) throw new NotFoundError("Haber", articleId);
  if (version !== undefined && version !== article.version) {
    const [base, latest] = await Promise.all([store.findRevision(trx, articleId, version), store.findRevision(trx, articleId, article.version)]);
    const changes = base && latest ? diffSnapshots(parseRevision(base), parseRevision(latest)) : [];
    throw new StaleVersionError(article.version, changes, latest?.authorLabel ?? "başka bir kullanıcı", latest?.createdAt ?? article.updatedAt);
  }
  return article;
}
