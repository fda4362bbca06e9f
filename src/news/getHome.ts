// The home page's use case.
import type { Kysely } from "kysely";
import type { Category, Database } from "../db/schema.ts";
import { listHomeCards } from "./cardStore.ts";
import { loadTaxonomy } from "./taxonomyCache.ts";
import type { ArticleCard } from "./types.ts";

type Db = Kysely<Database>;

export interface HomeData {
  headlines: ArticleCard[];
  breaking: ArticleCard[];
  latest: ArticleCard[];
  mostRead: ArticleCard[];
  blocks: Array<{ category: Category; articles: ArticleCard[] }>;
}

/** How far back "en çok okunanlar" looks, in milliseconds: seven days. */
const MOST_READ_WINDOW_MS = 7 * 86_400_000;

/**
 * Everything the home page shows: the manşet (up to 10 slots), up to 8 breaking articles, the
 * latest 12, the 6 most read of the last 7 days, and 4 articles of each category that has any,
 * in menu order. One statement; the categories come from memory (taxonomyCache.ts).
 */
export async function getHome(db: Db, now: Date): Promise<HomeData> {
  const { categories } = await loadTaxonomy(db);
  const cards = await listHomeCards(
    db,
    { categoryIds: categories.map((c) => c.id), breaking: 8, latest: 12, mostRead: 6, perCategory: 4 },
    new Date(now.getTime() - MOST_READ_WINDOW_MS),
    now,
  );
  const blocks = categories.map((category, i) => ({ category, articles: cards.byCategory[i] ?? [] }));
  return { headlines: cards.headlines, breaking: cards.breaking, latest: cards.latest, mostRead: cards.mostRead, blocks: blocks.filter((b) => b.articles.length > 0) };
}
