import { repeatEvery } from "../lib/repeatEvery.ts";
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
  return repeatEvery(
    options.everyMs ?? 1000,
    async () => (await publishDueArticles(db, now())).forEach((a) => options.onPublished?.(a)),
    (e) => options.onError?.(e),
  );
}
