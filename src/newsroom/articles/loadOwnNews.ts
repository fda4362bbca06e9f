// "Haberlerimde neler oldu": what others did to the signed-in user's articles (issue 13, review):
// sent back with a reason, scheduled for a time, published (with its public address), taken down.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { listEventsOnOwnArticles } from "../../news/articleEventStore.ts";
import { articlePath } from "../../news/slug.ts";
import type { Actor } from "../../news/workflow.ts";

/** How many of the newest events the panel shows. */
export const OWN_NEWS_COUNT = 8;

/** The steps the panel reports: what a reporter needs to know about (not their own submit/withdraw). */
export const OWN_NEWS_ACTIONS = ["return", "schedule", "unschedule", "publish", "unpublish"] as const;
export type OwnNewsKind = (typeof OWN_NEWS_ACTIONS)[number];

/** One line of the panel. Times are ISO 8601 UTC. */
export interface OwnNewsItem {
  kind: OwnNewsKind;
  articleId: number;
  title: string;
  /** Who took the step ("sistem" for the scheduler). */
  by: string;
  at: string;
  /** For "return": the editor's reason; else "". */
  reason: string;
  /** For "schedule": when it goes live. */
  scheduledAt: string | null;
  /** For "publish", while the article is still published: its address on the site. */
  publicUrl: string | null;
}

function isOwnNewsKind(action: string): action is OwnNewsKind {
  return (OWN_NEWS_ACTIONS as readonly string[]).includes(action);
}

/**
 * The newest OWN_NEWS_COUNT steps someone other than `actor` (an editor, or the scheduler) took on
 * articles `actor` owns, newest first: the panel on the newsroom's home page.
 */
export async function loadOwnNews(db: Kysely<Database>, actor: Actor): Promise<OwnNewsItem[]> {
  const events = await listEventsOnOwnArticles(db, actor.id, OWN_NEWS_ACTIONS, OWN_NEWS_COUNT);
  return events.flatMap((e) =>
    isOwnNewsKind(e.action)
      ? [
          {
            kind: e.action,
            articleId: e.articleId,
            title: e.title,
            by: e.actorLabel,
            at: e.createdAt,
            reason: e.reason,
            scheduledAt: e.action === "schedule" ? e.scheduledAt : null,
            publicUrl: e.action === "publish" && e.status === "published" ? articlePath(e.categorySlug, e.slug, e.articleId) : null,
          },
        ]
      : [],
  );
}
