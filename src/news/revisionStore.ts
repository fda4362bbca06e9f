// Revisions (`article_revisions`): the only code touching that table. Every save adds one;
// nothing changes or deletes them but the article's deletion (cascade).
import type { Insertable, Kysely, Transaction } from "kysely";
import type { ArticleRevision, ArticleRevisionTable, Database } from "../db/schema.ts";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Adds one revision row (article, version, the snapshot, who and when). */
export async function addRevision(trx: Trx, row: Insertable<ArticleRevisionTable>): Promise<void> {
  await trx.insertInto("articleRevisions").values(row).execute();
}

/** Every revision of the article, newest version first. */
export async function listArticleRevisions(db: Db, articleId: number): Promise<ArticleRevision[]> {
  return db.selectFrom("articleRevisions").selectAll().where("articleId", "=", articleId).orderBy("version", "desc").execute();
}

export async function findRevision(db: Db, articleId: number, version: number): Promise<ArticleRevision | undefined> {
  return db.selectFrom("articleRevisions").selectAll().where("articleId", "=", articleId).where("version", "=", version).executeTakeFirst();
}
