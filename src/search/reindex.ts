import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { countArticles } from "../news/articleStore.ts";
import { listForIndexing, searchDocumentOf } from "../news/searchFeed.ts";
import { clearIndex, indexArticle } from "./index.ts";

/** Rebuilds the whole index, a batch per transaction; `onProgress(done, total)` after each batch. */
export async function reindexAll(db: Kysely<Database>, onProgress: (done: number, total: number) => void = () => {}): Promise<number> {
  const total = await countArticles(db);
  await db.transaction().execute((trx) => clearIndex(trx));
  onProgress(0, total);
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = await listForIndexing(db, after, 500);
    if (batch.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const a of batch) {
        await indexArticle(trx, searchDocumentOf(a));
      }
    });
    done += batch.length;
    after = batch.at(-1)?.id ?? after;
    onProgress(done, total);
  }
  return done;
}

/** After an upgrade that brought the index (or after a restore), index what is missing; cheap when complete. */
export async function ensureSearchIndex(db: Kysely<Database>, log: (line: string) => void = () => {}): Promise<void> {
  const [articles, indexed] = await Promise.all([
    countArticles(db),
    db
      .selectFrom("searchDocuments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  if (articles !== Number(indexed.n)) {
    log(`Search index is incomplete (${indexed.n} of ${articles} articles): rebuilding it...`);
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
        await indexArticle(trx, searchDocumentOf(a));
      }
      await trx.deleteFrom("searchReindexQueue").where("articleId", "=", articleId).execute();
    });
  }
  return queue.length;
}
