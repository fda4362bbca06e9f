// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// Honest view counts (news/viewCounter.ts): a reader's view of an article counts once per 30 minutes.
// `article_view_marks` remembers that a view was counted, under a keyed hash of (the day's salt, client
// address, user agent, article id) and nothing else: no address, no user agent, not even the article.
// Rows are deleted once they expire. `view_salts` holds the day's random salt, shared by every instance on
// one database so the same reader gets the same hash wherever the beacon lands; past days' salts are
// deleted, after which the day's hashes can no longer be tied to anyone.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? "timestamptz" : "text";

  await db.schema
    .createTable("article_view_marks")
    .addColumn("key_hash", "text", (c) => c.primaryKey().check(sql`length(key_hash) = 32`))
    .addColumn("seen_at", ts, (c) => c.notNull())
    .addColumn("expires_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("article_view_marks_expiry").on("article_view_marks").column("expires_at").execute();

  await db.schema
    .createTable("view_salts")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("salt", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
