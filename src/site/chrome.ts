import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { listCategories } from "../news/read.ts";
import type { Assets } from "../ui/assets.ts";
import type { Chrome } from "../ui/Layout.tsx";

export const SITE_NAME = "Haberci";

/** What every page's header and footer need. Falls back to no categories when the database fails. */
export async function loadChrome(db: Kysely<Database>, assets: Assets, publicUrl: string): Promise<Chrome> {
  const categories = await listCategories(db).catch(() => []);
  return {
    siteName: SITE_NAME,
    publicUrl,
    scriptUrl: assets.scriptUrl,
    styleUrl: assets.styleUrl,
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
  };
}
