// Old addresses of articles (`article_redirects`): the only code touching that table.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/** The article an old path (or path with query string) now stands for. */
export async function findRedirect(db: Kysely<Database>, oldPath: string): Promise<number | undefined> {
  const row = await db.selectFrom("articleRedirects").select("articleId").where("oldPath", "=", oldPath).executeTakeFirst();
  return row?.articleId;
}

/** Records `oldPath` as an old address of the article; a path recorded before now points to this one. */
export async function addRedirect(trx: Transaction<Database>, oldPath: string, articleId: number, at: Date): Promise<void> {
  await trx
    .insertInto("articleRedirects")
    .values({ oldPath, articleId, createdAt: at.toISOString() })
    .onConflict((oc) => oc.column("oldPath").doUpdateSet({ articleId }))
    .execute();
}
