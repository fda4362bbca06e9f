// Fills a database with N generated articles for `bench:http --articles N`: the search benchmark's
// generator (bench/corpus.ts) written through the same store and index calls bench/search.ts makes.
import { progressBar } from "../../src/lib/progressBar.ts";
import type { CorpusOptions } from "../corpus.ts";
import { fillEmptyCorpus, writeGeneratedArticle } from "../corpusWriter.ts";

/** The search benchmark's seed, so `--articles N` serves the same texts that bench:search searches. */
const SEED = 20_261_127;
const BATCH = 2000;

/**
 * Migrates `databaseUrl` (sqlite:FILE or postgres://…) and, when it holds no articles, writes `count`
 * published articles spread over the two years before `now`, each indexed for search in the same
 * transaction (as every newsroom save does). A database that already has articles is left as it is.
 * Returns how many articles were written (0 when it left the database alone).
 */
export async function fillWithGeneratedArticles(databaseUrl: string, count: number, now: Date): Promise<number> {
  return fillEmptyCorpus(databaseUrl, async (db, target) => {
    const options: CorpusOptions = { seed: SEED, count, now };
    const bar = progressBar({ width: 20 });
    for (let start = 0; start < count; start += BATCH) {
      const end = Math.min(count, start + BATCH);
      await db.transaction().execute(async (trx) => {
        for (let i = start; i < end; i++) await writeGeneratedArticle(trx, i, options, target);
      });
      bar.update(end, count);
    }
    bar.stop();
    return count;
  });
}
