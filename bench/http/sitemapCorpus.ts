// The corpus of `bench:http --only sitemap-month`: one month holding N published articles, each with a
// picture row (a JPEG fallback and share crops, as uploads make; no files), written through the news and media stores and
// indexed for search like every save (the app rebuilds a partial index at start-up). Titles and spots
// come from the search benchmark's generator; bodies are one short line, to keep the fill short.
import { slugify } from "../../src/lib/slug.ts";
import { insertImage } from "../../src/media/store.ts";
import { insertArticle } from "../../src/news/articleStore.ts";
import { indexArticle } from "../../src/search/index.ts";
import { generateArticle } from "../corpus.ts";
import { fillEmptyCorpus } from "../corpusWriter.ts";

const SEED = 20_261_130;
const BATCH = 2000;

/**
 * Migrates `databaseUrl` and, when it holds no articles, writes `count` published articles spread
 * evenly over `month` ("2020-01", UTC), each with a picture. Returns how many were written.
 */
export async function fillMonthForSitemap(databaseUrl: string, month: string, count: number): Promise<number> {
  return fillEmptyCorpus(databaseUrl, async (db, target) => {
    const start = Date.parse(`${month}-01T00:00:00.000Z`);
    // 28 days: inside every month.
    const step = Math.floor((28 * 86_400_000) / count);
    for (let from = 0; from < count; from += BATCH) {
      await db.transaction().execute(async (trx) => {
        for (let i = from; i < Math.min(count, from + BATCH); i++) {
          const a = generateArticle(i, { seed: SEED, count, now: new Date(start + 28 * 86_400_000) });
          const categoryId = target.categories.get(a.categorySlug);
          if (categoryId === undefined) throw new Error(`unknown category ${a.categorySlug}`);
          const publishedAt = new Date(start + i * step).toISOString();
          const imageId = await insertImage(trx, {
            storageKey: `${month.replace("-", "/")}/bench-${i}`,
            width: 1600,
            height: 900,
            variantWidths: "320,640,960,1280,1600",
            hasFallback: 1,
            // As uploads make them: the sitemap shows the 16:9 crop, and the start-up backfill skips these.
            hasShareCrops: 1,
            caption: `${a.title.slice(0, 60)} (arşiv)`,
            credit: "Haberci",
            alt: a.title.slice(0, 80),
            createdAt: publishedAt,
          });
          const id = await insertArticle(trx, {
            slug: slugify(a.title),
            title: a.title,
            spot: a.spot,
            body: "<p>Arşiv haberi.</p>",
            categoryId,
            sourceId: target.sourceId,
            imageId,
            imageCaption: `${a.title.slice(0, 60)} (arşiv)`,
            imageCredit: "Haberci",
            imageAlt: a.title.slice(0, 80),
            status: "published",
            createdAt: publishedAt,
            updatedAt: publishedAt,
            publishedAt,
          });
          await indexArticle(trx, { id, title: a.title, spot: a.spot, bodyText: "Arşiv haberi.", status: "published", categoryId, publishedAt });
        }
      });
    }
    return count;
  });
}
