// Workflow steps taken on articles (article_events, migration 0014): the only code touching that table.
// Written in the step's transaction (writeStep, publishDueArticles); read for the reporter's
// "Haberlerimde neler oldu" panel, the list's send-back reasons and the editor's notice.
import type { Kysely, Transaction } from "kysely";
import type { ArticleStatus, Database } from "../db/schema.ts";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export interface ArticleEventInput {
  articleId: number;
  /** A WorkflowAction ("publish" also for the scheduler's publication). */
  action: string;
  /** Null: the system. */
  actor: { id: number; name: string } | null;
  at: Date;
  reason?: string;
  scheduledAt?: string | null;
}

/** Adds one step, inside the transaction that took it. */
export async function recordArticleEvent(trx: Trx, event: ArticleEventInput): Promise<void> {
  await trx
    .insertInto("articleEvents")
    .values({
      articleId: event.articleId,
      action: event.action,
      actorId: event.actor?.id ?? null,
      actorLabel: event.actor?.name ?? "sistem",
      reason: event.reason ?? "",
      scheduledAt: event.scheduledAt ?? null,
      createdAt: event.at.toISOString(),
    })
    .execute();
}

/** A step as the newsroom shows it. Times are ISO 8601 UTC. */
export interface ArticleEvent {
  id: number;
  articleId: number;
  action: string;
  actorId: number | null;
  actorLabel: string;
  reason: string;
  scheduledAt: string | null;
  createdAt: string;
}

/** The latest step of each of `articleIds` that has one (by insertion order), keyed by article id. */
export async function latestEventsOf(db: Db, articleIds: readonly number[]): Promise<Map<number, ArticleEvent>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("articleEvents as e")
    .selectAll("e")
    .where("e.articleId", "in", [...articleIds])
    .where("e.id", "=", (eb) =>
      eb
        .selectFrom("articleEvents as l")
        .select((l) => l.fn.max("l.id").as("m"))
        .whereRef("l.articleId", "=", "e.articleId"),
    )
    .execute();
  return new Map(rows.map((r) => [r.articleId, r]));
}

/** A step on one of a user's articles, with what the panel needs of the article. */
export interface OwnerEvent extends ArticleEvent {
  title: string;
  slug: string;
  status: ArticleStatus;
  categorySlug: string;
}

/**
 * The newest `limit` steps of `actions` that someone other than `ownerId` (or the system) took on
 * articles `ownerId` owns, newest first.
 */
export async function listEventsOnOwnArticles(db: Db, ownerId: number, actions: readonly string[], limit: number): Promise<OwnerEvent[]> {
  return db
    .selectFrom("articleEvents as e")
    .innerJoin("articles as a", "a.id", "e.articleId")
    .innerJoin("categories as c", "c.id", "a.categoryId")
    .selectAll("e")
    .select(["a.title", "a.slug", "a.status", "c.slug as categorySlug"])
    .where("a.ownerId", "=", ownerId)
    .where((eb) => eb.or([eb("e.actorId", "is", null), eb("e.actorId", "!=", ownerId)]))
    .where("e.action", "in", [...actions])
    .orderBy("e.id", "desc")
    .limit(limit)
    .execute();
}
