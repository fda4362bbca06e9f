import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { bodyText } from "../news/articleInput.ts";
import { listForIndexing } from "../news/store.ts";
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

/** `[██████░░░░] 60% 6000/10000` */
export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total}`;
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
