// Steps shared by the write use cases (all run inside the caller's transaction).
import type { Kysely, Transaction } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, Database } from "../db/schema.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { formatIstanbulTime } from "../lib/time.ts";
import type { ArticleInput } from "./articleInput.ts";
import { normaliseArticleInput } from "./articleInput.ts";
import { type FieldChange, type Snapshot, diffSnapshots, parseRevision, snapshotOf } from "./revisionSnapshot.ts";
import { indexArticle, type SearchDocument } from "../search/index.ts";
import { bodyText } from "./articleInput.ts";
import { slugify } from "../lib/slug.ts";
import * as store from "./store.ts";
import { type Actor, type WorkflowAction, STATUS_LABELS, assertCanEdit, isEditor } from "./workflow.ts";

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

/** An input checked against the known categories, sources and images: what an edit writes. */
export interface ResolvedInput {
  input: ArticleInput;
  categoryId: number;
  sourceId: number;
  slug: string;
}

/** Normalises and checks `raw` (InvalidInputError with Turkish messages per field). */
export async function resolveInput(trx: Trx, raw: ArticleInput): Promise<ResolvedInput> {
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

/** The article columns an input sets, on creation and on every edit. */
function contentColumns({ input, categoryId, sourceId, slug }: ResolvedInput) {
  return {
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
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
  };
}

/** Throws ForbiddenError when a reporter's new article carries the breaking flag (editors only). */
export function assertMayCreate(input: ArticleInput, actor: Actor): void {
  if (input.isBreaking && !isEditor(actor.role)) throw new ForbiddenError("Son dakika işaretini yalnızca editörler koyabilir.");
}

/** Inserts a new draft owned by `actor`, with its tags, first revision and search index. */
export async function writeNewArticle(trx: Trx, resolved: ResolvedInput, actor: Actor, now: Date): Promise<Article> {
  const id = await store.insertArticle(trx, {
    ...contentColumns(resolved),
    authorId: null,
    status: "draft",
    ownerId: actor.id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await setTags(trx, id, resolved.input.tags);
  const article = await store.findArticleRow(trx, id);
  if (!article) throw new Error("article vanished");
  await writeRevision(trx, article, actor, now, "Oluşturuldu");
  return article;
}

/** Throws ForbiddenError when `actor` may not save `input` over `current`: not theirs to edit, or a reporter changing the breaking flag. */
export function assertMayEdit(current: Article, input: ArticleInput, actor: Actor): void {
  assertCanEdit(current, actor);
  if (input.isBreaking !== (current.isBreaking === 1) && !isEditor(actor.role)) {
    throw new ForbiddenError("Son dakika işaretini yalnızca editörler değiştirebilir.");
  }
}

/**
 * Writes an edit over `current` (only if it is still at `current.version`), with its tags, revision
 * and search index. On a published article the edit goes live at once, with an updated time.
 * Permissions and the version must have been checked; a row changed meanwhile gives StaleVersionError.
 */
export async function writeEdit(trx: Trx, current: Article, resolved: ResolvedInput, actor: Actor, now: Date, note: string): Promise<Article> {
  const updated = await store.updateArticleRow(trx, current.id, current.version, {
    ...contentColumns(resolved),
    breakingUntil: resolved.input.isBreaking ? current.breakingUntil : null,
    updatedAt: now.toISOString(),
    ...(current.status === "published" ? { contentUpdatedAt: now.toISOString() } : {}),
  });
  if (!updated) {
    // Another save won the race after we read the row: report what it changed.
    await loadForChange(trx, current.id, current.version);
    throw new ConflictError("Bu haber az önce başka biri tarafından değiştirildi. Sayfayı yenileyin.");
  }
  await setTags(trx, current.id, resolved.input.tags);
  await writeRevision(trx, updated, actor, now, note);
  return updated;
}

const AUDITED = { publish: "article_published", schedule: "article_scheduled", unpublish: "article_unpublished" } as const;

export interface WorkflowStep {
  action: WorkflowAction;
  /** The status `assertTransition` allowed for this action. */
  to: Article["status"];
  /** For "schedule": the time `assertScheduleTime` accepted. */
  at: Date | null;
  actor: Actor;
  now: Date;
  ip?: string | null;
}

/**
 * Moves `current` along the workflow (only if it is still at `current.version`): status, times,
 * revision and, for publish/schedule/unpublish, the audit entry. The transition and the schedule
 * time must have been checked by the caller.
 */
export async function writeStep(trx: Trx, current: Article, step: WorkflowStep): Promise<Article> {
  const { action, to, actor, now } = step;
  const stamp = now.toISOString();
  const updated = await store.updateArticleRow(trx, current.id, current.version, {
    status: to,
    updatedAt: stamp,
    scheduledAt: to === "scheduled" ? (step.at?.toISOString() ?? null) : null,
    ...(to === "published" ? { publishedAt: current.publishedAt ?? stamp } : {}),
    ...(to === "published" && current.publishedAt ? { contentUpdatedAt: stamp } : {}),
    ...(to === "unpublished" ? { headlineSlot: null } : {}),
  });
  if (!updated) throw new InvalidInputError("Haber az önce değişti; sayfayı yenileyip tekrar deneyin.");
  await writeRevision(trx, updated, actor, now, STATUS_LABELS[to]);
  if (action === "publish" || action === "schedule" || action === "unpublish") {
    await recordAudit(trx, {
      at: now,
      actor,
      action: AUDITED[action],
      subject: `haber #${current.id}`,
      detail: action === "schedule" ? `${current.title} — ${updated.scheduledAt}` : current.title,
      ip: step.ip,
    });
  }
  return updated;
}
