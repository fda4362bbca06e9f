// An article's revision history, and optionally the differences between two of its revisions.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { loadArticleForViewing } from "../../news/loadArticleForEditing.ts";
import { listArticleRevisions } from "../../news/revisionStore.ts";
import { compareRevisions } from "../../news/revisions.ts";
import { type Actor, canEdit } from "../../news/workflow.ts";
import type { RevisionsPageProps } from "../views/RevisionsPage.tsx";

/**
 * The revisions page for article `articleId`, newest revision first; with both `a` and `b` (revision
 * numbers) the word-level changes from `a` to `b`. Only someone who may view the article sees it
 * (NotFoundError, ForbiddenError as `loadArticleForViewing`); restoring is offered to those who may
 * edit it (`canEdit`).
 */
export async function loadRevisions(
  db: Kysely<Database>,
  { articleId, actor, a, b }: { articleId: number; actor: Actor; a: number | undefined; b: number | undefined },
): Promise<Omit<RevisionsPageProps, "chrome">> {
  const { article } = await loadArticleForViewing(db, articleId, actor);
  const revisions = await listArticleRevisions(db, article.id);
  const compare = a && b ? { from: a, to: b, changes: await compareRevisions(db, article.id, a, b) } : undefined;
  return {
    articleId: article.id,
    title: article.title,
    currentVersion: article.version,
    revisions: revisions.map((r) => ({ version: r.version, authorLabel: r.authorLabel, createdAt: r.createdAt, status: r.status, note: r.note })),
    compare,
    canRestore: canEdit(article, actor),
    published: article.status === "published",
  };
}
