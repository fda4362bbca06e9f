import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, Database } from "../db/schema.ts";
import { type FieldChange, NotFoundError } from "../errors.ts";
import { updateArticleRow } from "./articleStore.ts";
import { changingArticle } from "./articleChange.ts";
import { loadForChange, refuseLostRace } from "./loadForChange.ts";
import { diffSnapshots, parseRevision } from "./revisionSnapshot.ts";
import { findRevision } from "./revisionStore.ts";
import { findAuthorsBySlugs, setArticleAuthors } from "./authorStore.ts";
import { listCategories, listSources, setArticleTagNames } from "./taxonomyStore.ts";
import { assertCanEdit, type Actor } from "./workflow.ts";
import { writeRevision } from "./writeRevision.ts";

/** Word-level differences from revision `from` to revision `to`; NotFoundError for a missing revision. */
export async function compareRevisions(db: Kysely<Database>, articleId: number, from: number, to: number): Promise<FieldChange[]> {
  const [a, b] = await Promise.all([findRevision(db, articleId, from), findRevision(db, articleId, to)]);
  if (!a) throw new NotFoundError("Sürüm", from);
  if (!b) throw new NotFoundError("Sürüm", to);
  return diffSnapshots(parseRevision(a), parseRevision(b));
}

/**
 * Makes an old revision's content current again, as a new version based on `version`; nothing is
 * overwritten. Throws NotFoundError, StaleVersionError (409; also when another save wins the
 * race), ForbiddenError.
 */
export async function restoreRevision(
  db: Kysely<Database>,
  { articleId, revision, version, actor, now, ip }: { articleId: number; revision: number; version: number; actor: Actor; now: Date; ip?: string | null },
): Promise<Article> {
  return changingArticle(db, articleId, async (trx) => {
    const current = await loadForChange(trx, articleId, version);
    assertCanEdit(current, actor);
    const old = await findRevision(trx, articleId, revision);
    if (!old) throw new NotFoundError("Sürüm", revision);
    const snap = parseRevision(old);
    const categories = await listCategories(trx);
    const sources = await listSources(trx);
    const updated =
      (await updateArticleRow(trx, articleId, version, {
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
      })) ?? (await refuseLostRace(trx, current));
    await setArticleTagNames(trx, articleId, snap.fields.tags);
    // Authors removed since are left out of the byline rather than refusing the restore.
    await setArticleAuthors(
      trx,
      articleId,
      (await findAuthorsBySlugs(trx, snap.fields.authors)).map((a) => a.id),
    );
    await writeRevision(trx, updated, actor, now, `Sürüm ${revision} geri yüklendi`);
    await recordAudit(trx, { at: now, actor, action: "article_restored", subject: `haber #${articleId}`, detail: `sürüm ${revision}`, ip: ip ?? null });
    return updated;
  });
}
