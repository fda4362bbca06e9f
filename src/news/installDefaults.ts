import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { DEFAULT_CATEGORIES, DEFAULT_SOURCES } from "./categories.ts";
import { forgetTaxonomy } from "./taxonomyCache.ts";
import { insertDefaultTaxonomy, listCategories, listSources } from "./taxonomyStore.ts";

/** Gives a new site its categories and sources; leaves a site that has any alone. */
export async function installDefaults(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [categories, sources] = await Promise.all([listCategories(trx), listSources(trx)]);
    await insertDefaultTaxonomy(trx, {
      categories: categories.length === 0 ? DEFAULT_CATEGORIES.map((c, position) => ({ ...c, position })) : [],
      sources: sources.length === 0 ? [...DEFAULT_SOURCES] : [],
    });
  });
  forgetTaxonomy(); // reader pages hold the categories and sources in memory
}
