// Loading the article editor: the article (or a blank one), the lists its selects offer, and
// what the actor may do with it.
import type { Kysely } from "kysely";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/schema.ts";
import { latestEventsOf } from "../../news/articleEventStore.ts";
import { listImages } from "../../media/store.ts";
import { emptyArticleInput } from "../../news/articleInput.ts";
import { findAuthorOfUser, listAuthors } from "../../news/authorStore.ts";
import { loadArticleForViewing } from "../../news/loadArticleForEditing.ts";
import { articlePath } from "../../news/slug.ts";
import { listCategoriesAndSources } from "../../news/taxonomyStore.ts";
import { type Actor, type WorkflowAction, availableActions, canEdit, isEditor } from "../../news/workflow.ts";
import type { EditorData } from "../views/EditorPage.tsx";

/** How many of the newest library pictures the editor's picture select offers. */
export const EDITOR_IMAGE_COUNT = 100;

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
 */
export async function loadEditor(db: Kysely<Database>, { articleId, actor }: { articleId: number | null; actor: Actor }): Promise<EditorData> {
  const [{ categories, sources }, images, authors, own] = await Promise.all([
    listCategoriesAndSources(db),
    listImages(db, EDITOR_IMAGE_COUNT, 0),
    listAuthors(db),
    articleId === null ? findAuthorOfUser(db, actor.id) : undefined,
  ]);
  const loaded = articleId === null ? null : await loadArticleForViewing(db, articleId, actor);
  const row = loaded?.article ?? null;
  const latest = row ? (await latestEventsOf(db, [row.id])).get(row.id) : undefined;
  const article = row && { id: row.id, slug: row.slug, status: row.status, version: row.version, updatedAt: row.updatedAt, scheduledAt: row.scheduledAt };
  const categorySlug = row ? (categories.find((c) => c.id === row.categoryId)?.slug ?? "") : "";
  return {
    article,
    values: loaded?.values ?? emptyArticleInput(categories[0]?.slug ?? "", sources[0]?.slug ?? "", own ? [own.slug] : []),
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    sources: sources.map((s) => ({ slug: s.slug, name: s.name })),
    authors: authorChoices(authors),
    images: images.map((i) => ({ id: i.id, caption: i.caption, alt: i.alt })),
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
