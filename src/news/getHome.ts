// The home page's use case.
import type { Kysely } from "kysely";
import type { Category, Database } from "../db/schema.ts";
import { listBreaking, listHeadlines, listMostRead, listPublished } from "./cardStore.ts";
import { listCategories } from "./taxonomyStore.ts";
import type { ArticleCard } from "./types.ts";

type Db = Kysely<Database>;

export interface HomeData {
  headlines: ArticleCard[];
  breaking: ArticleCard[];
  latest: ArticleCard[];
  mostRead: ArticleCard[];
  blocks: Array<{ category: Category; articles: ArticleCard[] }>;
}

/**
 * Everything the home page shows: the manşet (up to 10 slots), up to 8 breaking articles, the
 * latest 12, the 6 most read of the last 7 days, and 4 articles of each category that has any.
 */
export async function getHome(db: Db, now: Date): Promise<HomeData> {
  const [headlines, breaking, latest, mostRead, categories] = await Promise.all([
    listHeadlines(db, now),
    listBreaking(db, now, 8),
    listPublished(db, { limit: 12, offset: 0 }, now),
    listMostRead(db, new Date(now.getTime() - 7 * 86_400_000), now, 6),
    listCategories(db),
  ]);
  const blocks = await Promise.all(
    categories.map(async (category) => ({
      category,
      articles: await listPublished(db, { categoryId: category.id, limit: 4, offset: 0 }, now),
    })),
  );
  return { headlines, breaking, latest, mostRead, blocks: blocks.filter((b) => b.articles.length > 0) };
}
