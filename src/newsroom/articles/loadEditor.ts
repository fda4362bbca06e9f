// Loading the article editor: the article (or a blank one), the lists its selects offer, and
// what the actor may do with it.
import type { Kysely } from "kysely";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/schema.ts";
import { latestEventsOf } from "../../news/articleEventStore.ts";
import { variantPathsOf } from "../../media/pictureUrls.ts";
import { findImage } from "../../media/store.ts";
import { emptyArticleInput } from "../../news/articleInput.ts";
import { findAuthorOfUser, listAuthors } from "../../news/authorStore.ts";
import { loadArticleForViewing } from "../../news/loadArticleForEditing.ts";
import { articlePath } from "../../news/slug.ts";
import { listCategoriesAndSources } from "../../news/taxonomyStore.ts";
import { type Actor, type WorkflowAction, availableActions, canEdit, isEditor } from "../../news/workflow.ts";
import type { EditorData, EditorPicture } from "../views/EditorPage.tsx";

/** A library picture as the editor's picture field shows it, or null when there is none with that id. */
export async function loadEditorPicture(db: Kysely<Database>, imageId: number | null): Promise<EditorPicture | null> {
  const image = imageId === null ? undefined : await findImage(db, imageId);
  if (!image) return null;
  return {
    id: image.id,
    caption: image.caption,
    credit: image.credit,
    alt: image.alt,
    thumb: variantPathsOf(image)?.smallest ?? null,
    width: image.width,
    height: image.height,
  };
}

/**
 * A new article's form offers the steps its writer may take right after saving: a reporter sends it
 * to review; an editor publishes it now or schedules it (the "Yayın zamanı" field is there from the start).
 */
export function newArticleActions(actor: Actor): WorkflowAction[] {
  return isEditor(actor.role) ? ["publish", "schedule"] : ["submit"];
}

/** A new-article form's key (a random UUID): its saves create one draft, however many race (saveArticleFromForm). */
export function newDraftKey(): string {
  return randomUUID();
}

/**
 * The editor for article `articleId`, or for a new article when null (blank values in the first
 * category and source, with the actor's own profile as author). Throws NotFoundError for a missing article and ForbiddenError when the
 * actor may not view it (`canView`: another reporter's unpublished article). The buttons are the
 * workflow steps `availableActions` allows; the form is read-only unless `canEdit`; only editors
 * may set "Son dakika"; a published article links to its public address. A new article's form gets a
 * fresh draft key; a draft whose last step was a send-back carries who sent it back, when and why.
 * With `pickedImageId` (a choice made in the media picker without JavaScript) the form offers that library
 * picture as the main picture, its caption, credit and alt text filled in from the library (the article's
 * own copies, changed only when saved); an id with no picture leaves the picture as it was and says so.
 */
export async function loadEditor(
  db: Kysely<Database>,
  { articleId, actor, pickedImageId }: { articleId: number | null; actor: Actor; pickedImageId?: number },
): Promise<EditorData> {
  const [{ categories, sources }, authors, own, picked] = await Promise.all([
    listCategoriesAndSources(db),
    listAuthors(db),
    articleId === null ? findAuthorOfUser(db, actor.id) : undefined,
    pickedImageId === undefined ? undefined : findImage(db, pickedImageId),
  ]);
  const loaded = articleId === null ? null : await loadArticleForViewing(db, articleId, actor);
  const saved = loaded?.values ?? emptyArticleInput(categories[0]?.slug ?? "", sources[0]?.slug ?? "", own ? [own.slug] : []);
  const values = picked ? { ...saved, imageId: picked.id, imageCaption: picked.caption, imageCredit: picked.credit, imageAlt: picked.alt } : saved;
  const row = loaded?.article ?? null;
  const latest = row ? (await latestEventsOf(db, [row.id])).get(row.id) : undefined;
  const article = row && { id: row.id, slug: row.slug, status: row.status, version: row.version, updatedAt: row.updatedAt, scheduledAt: row.scheduledAt };
  const categorySlug = row ? (categories.find((c) => c.id === row.categoryId)?.slug ?? "") : "";
  return {
    article,
    values,
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    sources: sources.map((s) => ({ slug: s.slug, name: s.name })),
    authors: authorChoices(authors),
    picture: await loadEditorPicture(db, values.imageId),
    ...(pickedImageId === undefined ? {} : { picked: picked ? "found" : "missing" }),
    actions: row ? availableActions(row, actor) : newArticleActions(actor),
    canEdit: row ? canEdit(row, actor) : true,
    canSetBreaking: isEditor(actor.role),
    publicUrl: row?.status === "published" ? articlePath(categorySlug, row.slug, row.id) : null,
    version: row?.version ?? 1,
    draftKey: row ? null : newDraftKey(),
    returned: row?.status === "draft" && latest?.action === "return" ? { by: latest.actorLabel, at: latest.createdAt, reason: latest.reason } : null,
  };
}

/**
 * The editor's author options: each author's name, with their address after it when another author has the same
 * name ("Elif Karaca (elif-karaca-2)"): names need not be unique, addresses are.
 */
export function authorChoices(authors: ReadonlyArray<{ slug: string; name: string }>): Array<{ slug: string; name: string }> {
  const counts = new Map<string, number>();
  for (const a of authors) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  return authors.map((a) => ({ slug: a.slug, name: (counts.get(a.name) ?? 0) > 1 ? `${a.name} (${a.slug})` : a.name }));
}
