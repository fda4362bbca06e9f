// Writing an article's content: a new draft, or an edit over the current row. Both run inside
// the caller's transaction, after the caller has checked permissions and the version.
import type { Transaction } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { ForbiddenError } from "../errors.ts";
import type { ArticleInput } from "./articleInput.ts";
import { findArticleRow, insertArticle, updateArticleRow } from "./articleStore.ts";
import { refuseLostRace } from "./loadForChange.ts";
import type { ResolvedInput } from "./resolveArticleInput.ts";
import { ensureAuthorForUser, setArticleAuthors } from "./authorStore.ts";
import { setArticleTagNames } from "./taxonomyStore.ts";
import { type Actor, assertCanEdit, isEditor } from "./workflow.ts";
import { writeRevision } from "./writeRevision.ts";

type Trx = Transaction<Database>;

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

/**
 * Inserts a new draft owned by `actor`, with its tags, authors, first revision ("Oluşturuldu") and
 * search index. Without authors the byline is the actor's own profile (created when they have none),
 * unless `creditWriter` is false: then it is an agency item, signed by its source. `draftKey`: the
 * new-article form's key (unique: a second insert with it fails, see saveArticleFromForm).
 */
export async function writeNewArticle(trx: Trx, resolved: ResolvedInput, actor: Actor, now: Date, creditWriter = true, draftKey: string | null = null): Promise<Article> {
  const id = await insertArticle(trx, {
    ...contentColumns(resolved),
    status: "draft",
    ownerId: actor.id,
    draftKey,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await setArticleTagNames(trx, id, resolved.input.tags);
  const writer = creditWriter ? [await ensureAuthorForUser(trx, actor)] : [];
  await setArticleAuthors(trx, id, resolved.authorIds.length > 0 ? resolved.authorIds : writer);
  const article = await findArticleRow(trx, id);
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
 * Writes an edit over `current` (only if it is still at `current.version`), with its tags, authors, revision
 * and search index. On a published article the edit goes live at once, with an updated time.
 * Permissions and the version must have been checked; a row changed meanwhile gives
 * StaleVersionError (409, refuseLostRace).
 */
export async function writeEdit(trx: Trx, current: Article, resolved: ResolvedInput, actor: Actor, now: Date, note: string): Promise<Article> {
  const updated =
    (await updateArticleRow(trx, current.id, current.version, {
      ...contentColumns(resolved),
      breakingUntil: resolved.input.isBreaking ? current.breakingUntil : null,
      updatedAt: now.toISOString(),
      ...(current.status === "published" ? { contentUpdatedAt: now.toISOString() } : {}),
    })) ?? (await refuseLostRace(trx, current));
  await setArticleTagNames(trx, current.id, resolved.input.tags);
  await setArticleAuthors(trx, current.id, resolved.authorIds);
  await writeRevision(trx, updated, actor, now, note);
  return updated;
}
