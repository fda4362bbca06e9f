import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, Database } from "../db/schema.ts";
import { newsEvents } from "./events.ts";
import { claimScheduled, listDueScheduled } from "./articleStore.ts";
import { writeRevision } from "./writeRevision.ts";

/**
 * Publishes every scheduled article whose time has come. Each row is claimed with a
 * conditional UPDATE, so with several processes on one database each article is
 * published exactly once.
 */
export async function publishDueArticles(db: Kysely<Database>, now: Date): Promise<Article[]> {
  const published: Article[] = [];
  for (const id of await listDueScheduled(db, now, 50)) {
    const article = await db.transaction().execute(async (trx) => {
      const claimed = await claimScheduled(trx, id, now);
      if (!claimed) return undefined; // another process got it
      await writeRevision(trx, claimed, null, now, "Zamanlanmış yayın");
      await recordAudit(trx, { at: now, actor: null, action: "article_published", subject: `haber #${id}`, detail: `${claimed.title} (zamanlanmış)` });
      return claimed;
    });
    if (article) {
      published.push(article);
      newsEvents.emit("articleChanged", { articleId: article.id, status: article.status, categoryId: article.categoryId });
    }
  }
  return published;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Runs publishDueArticles now (catching up after downtime) and then every `everyMs`. */
export function startScheduler(
  db: Kysely<Database>,
  options: { everyMs?: number; now?: () => Date; onError?: (e: unknown) => void; onPublished?: (a: Article) => void } = {},
): Scheduler {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return; // a slow round is still going: skip this one
    running = publishDueArticles(db, now())
      .then((list) => list.forEach((a) => options.onPublished?.(a)))
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
