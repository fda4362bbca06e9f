import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { DEFAULT_CATEGORIES, DEFAULT_SOURCES } from "./categories.ts";
import { forgetTaxonomy } from "./taxonomyCache.ts";
import { insertCategory, insertSource, listCategories, listSources } from "./taxonomyStore.ts";

/** Gives a new site its categories and sources; leaves a site that has any alone. */
export async function installDefaults(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if ((await listCategories(trx)).length === 0) {
      for (const [position, c] of DEFAULT_CATEGORIES.entries()) await insertCategory(trx, { ...c, position });
    }
    if ((await listSources(trx)).length === 0) {
      for (const s of DEFAULT_SOURCES) await insertSource(trx, s);
    }
  });
  forgetTaxonomy(); // reader pages hold the categories and sources in memory
}
