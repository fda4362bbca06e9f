import { repeatEvery } from "../lib/repeatEvery.ts";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, Database } from "../db/schema.ts";
import { changingArticle } from "./articleChange.ts";
import { recordArticleEvent } from "./articleEventStore.ts";
import { claimScheduled, clearExpiredBreaking, listDueScheduled, listExpiredBreaking } from "./articleStore.ts";
import { writeRevision } from "./writeRevision.ts";

/**
 * Publishes every scheduled article whose time has come. Each row is claimed with a
 * conditional UPDATE, so with several processes on one database each article is
 * published exactly once.
 */
export async function publishDueArticles(db: Kysely<Database>, now: Date): Promise<Article[]> {
  const published: Article[] = [];
  for (const id of await listDueScheduled(db, now, 50)) {
    const article = await changingArticle(db, id, async (trx) => {
      const claimed = await claimScheduled(trx, id, now);
      if (!claimed) return null; // another process got it
      await writeRevision(trx, claimed, null, now, "Zamanlanmış yayın");
      await recordAudit(trx, { at: now, actor: null, action: "article_published", subject: `haber #${id}`, detail: `${claimed.title} (zamanlanmış)` });
      await recordArticleEvent(trx, { articleId: id, action: "publish", actor: null, at: now });
      return claimed;
    });
    if (article) published.push(article);
  }
  return published;
}

/**
 * Turns off every son dakika flag whose time (`breakingUntil`) has come, so the change is an event
 * like any other: pages and the CDN drop the strip at once, on every instance. Each flag is cleared
 * with a conditional UPDATE, so with several processes only one announces it. Returns the ids cleared.
 */
export async function expireBreakingNews(db: Kysely<Database>, now: Date): Promise<number[]> {
  const cleared: number[] = [];
  for (const id of await listExpiredBreaking(db, now, 50)) {
    const article = await changingArticle(db, id, async (trx) => (await clearExpiredBreaking(trx, id, now)) ?? null);
    if (article) cleared.push(article.id);
  }
  return cleared;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Runs publishDueArticles and expireBreakingNews now (catching up after downtime) and then every `everyMs`. */
export function startScheduler(
  db: Kysely<Database>,
  options: { everyMs?: number; now?: () => Date; onError?: (e: unknown) => void; onPublished?: (a: Article) => void } = {},
): Scheduler {
  const now = options.now ?? (() => new Date());
  return repeatEvery(
    options.everyMs ?? 1000,
    async () => {
      (await publishDueArticles(db, now())).forEach((a) => options.onPublished?.(a));
      await expireBreakingNews(db, now());
    },
    (e) => options.onError?.(e),
  );
}
