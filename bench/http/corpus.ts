// Fills a database with N generated articles for `bench:http --articles N`: the search benchmark's
// generator (bench/corpus.ts) written through the same store and index calls bench/search.ts makes.
import { connectDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { parseDatabaseUrl } from "../../src/config.ts";
import { bodyText } from "../../src/lib/htmlText.ts";
import { progressBar } from "../../src/lib/progressBar.ts";
import { slugify } from "../../src/lib/slug.ts";
import { countArticles, insertArticle } from "../../src/news/articleStore.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { listCategories, listSources } from "../../src/news/taxonomyStore.ts";
import { indexArticle } from "../../src/search/index.ts";
import { type CorpusOptions, generateArticle } from "../corpus.ts";

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
  const handle = await connectDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const db = handle.db;
    await migrateToLatest(db);
    await installDefaults(db);
    if ((await countArticles(db)) > 0) return 0;
    const categories = new Map((await listCategories(db)).map((c) => [c.slug, c.id]));
    const source = (await listSources(db)).find((s) => s.slug === "haberci");
    if (!source) throw new Error("the default source haberci is missing");
    const options: CorpusOptions = { seed: SEED, count, now };
    const bar = progressBar({ width: 20 });
    for (let start = 0; start < count; start += BATCH) {
      const end = Math.min(count, start + BATCH);
      await db.transaction().execute(async (trx) => {
        for (let i = start; i < end; i++) {
          const a = generateArticle(i, options);
          const categoryId = categories.get(a.categorySlug);
          if (categoryId === undefined) throw new Error(`unknown category ${a.categorySlug}`);
          const id = await insertArticle(trx, {
            slug: slugify(a.title),
            title: a.title,
            spot: a.spot,
            body: a.body,
            categoryId,
            sourceId: source.id,
            authorId: null,
            imageId: null,
            imageCaption: "",
            imageCredit: "",
            imageAlt: "",
            status: "published",
            createdAt: a.publishedAt,
            updatedAt: a.publishedAt,
            publishedAt: a.publishedAt,
          });
          await indexArticle(trx, { id, title: a.title, spot: a.spot, bodyText: bodyText(a.body), status: "published", categoryId, publishedAt: a.publishedAt });
        }
      });
      bar.update(end, count);
    }
    bar.stop();
    return count;
  } finally {
    await handle.close();
  }
}
