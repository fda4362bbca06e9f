import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { addViews } from "./articleStore.ts";
import { isPublished } from "./cardStore.ts";

export interface ViewCounter {
  record(articleId: number): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Page views are counted in memory and written in one transaction every few seconds,
 * so reading an article never waits on a write.
 */
export function createViewCounter(db: Kysely<Database>, everyMs = 5_000, onError: (e: unknown) => void = () => {}): ViewCounter {
  let pending = new Map<number, number>();
  const flush = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await db.transaction().execute((trx) => addViews(trx, batch));
    } catch (error) {
      onError(error);
    }
  };
  const timer = setInterval(() => void flush(), everyMs);
  timer.unref();
  return {
    record(articleId) {
      pending.set(articleId, (pending.get(articleId) ?? 0) + 1);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** Counts a page view of a published article (in `views`, written later); anything else is NotFoundError. */
export async function recordArticleView(db: Kysely<Database>, views: ViewCounter, id: number): Promise<void> {
  if (!(await isPublished(db, id))) throw new NotFoundError("Haber", id);
  views.record(id);
}
