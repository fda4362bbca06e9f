import { SingleBar } from "cli-progress";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { bodyText } from "../lib/htmlText.ts";
import { listForIndexing } from "../news/searchFeed.ts";
import { clearIndex, indexArticle } from "./index.ts";

/** Rebuilds the whole index, a batch per transaction; `onProgress(done, total)` after each batch. */
export async function reindexAll(db: Kysely<Database>, onProgress: (done: number, total: number) => void = () => {}): Promise<number> {
  const { n } = await db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  await db.transaction().execute((trx) => clearIndex(trx));
  onProgress(0, total);
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = await listForIndexing(db, after, 500);
    if (batch.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const a of batch) {
        await indexArticle(trx, { id: a.id, title: a.title, spot: a.spot, bodyText: bodyText(a.body), status: a.status, categoryId: a.categoryId, publishedAt: a.publishedAt });
      }
    });
    done += batch.length;
    after = batch.at(-1)?.id ?? after;
    onProgress(done, total);
  }
  return done;
}

/** A terminal progress bar: `update(done, total, payload)` as work goes on, `stop()` once at the end. */
export interface ProgressBar {
  update(done: number, total: number, payload?: Record<string, string>): void;
  stop(): void;
}

/**
 * `[██████░░░░] 60% 6000/10000` on stderr, drawn by cli-progress: redrawn in place at most ten
 * times a second on a terminal, a line every two seconds (and at start and stop) into a pipe or
 * log. `width` is the bar in characters; `suffix` is a cli-progress format tail whose `{name}`
 * tokens come from `update`'s payload, e.g. ` ({rate} art./s)`. The percentage is rounded down.
 * `update` fits `reindexAll`'s `onProgress`; `stop` draws the last state and ends the line.
 */
export function progressBar({ width = 30, suffix = "" }: { width?: number; suffix?: string } = {}): ProgressBar {
  const bar = new SingleBar({
    format: `[{bar}] {percentage}% {value}/{total}${suffix}`,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    barsize: width,
    stream: process.stderr,
    noTTYOutput: true,
  });
  let started = false;
  return {
    update(done, total, payload = {}) {
      if (!started) {
        started = true;
        bar.start(total, done, payload);
        return;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** After an upgrade that brought the index (or after a restore), index what is missing; cheap when complete. */
export async function ensureSearchIndex(db: Kysely<Database>, log: (line: string) => void = () => {}): Promise<void> {
  const [articles, indexed] = await Promise.all([
    db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("searchDocuments").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  if (Number(articles.n) !== Number(indexed.n)) {
    log(`Search index is incomplete (${indexed.n} of ${articles.n} articles): rebuilding it...`);
    const count = await reindexAll(db);
    await db.deleteFrom("searchReindexQueue").execute();
    log(`Indexed ${count} articles.`);
    return;
  }
  const queued = await reindexQueued(db);
  if (queued > 0) log(`Indexed ${queued} articles whose text a migration changed.`);
}

/** Indexes the articles a data migration queued in `search_reindex_queue`, then empties it; returns how many. */
export async function reindexQueued(db: Kysely<Database>): Promise<number> {
  const queue = await db.selectFrom("searchReindexQueue").select("articleId").orderBy("articleId").execute();
  for (const { articleId } of queue) {
    await db.transaction().execute(async (trx) => {
      // The first article with an id past articleId - 1 is that article, unless it was deleted since.
      const [a] = await listForIndexing(trx, articleId - 1, 1);
      if (a && a.id === articleId) {
        await indexArticle(trx, { id: a.id, title: a.title, spot: a.spot, bodyText: bodyText(a.body), status: a.status, categoryId: a.categoryId, publishedAt: a.publishedAt });
      }
      await trx.deleteFrom("searchReindexQueue").where("articleId", "=", articleId).execute();
    });
  }
  return queue.length;
}
