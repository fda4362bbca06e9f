// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// The sitemaps read every published article of a month (up to 50,000 rows) and those of the last 48
// hours (news/sitemapStore.ts). Through articles_status_published each row is then read from the
// table, where the columns a sitemap needs lie after the body: a long body's overflow pages are
// walked for each row. This index holds those columns, so the walk never leaves it (a covering index:
// trailing columns on SQLite, INCLUDE on PostgreSQL).
export async function up(db: Kysely<any>): Promise<void> {
  const shown = ["category_id", "slug", "title", "content_updated_at", "image_id", "image_caption", "image_alt"];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create index articles_sitemap on articles (status, published_at, id) include (${sql.join(shown.map((c) => sql.ref(c)))})`.execute(db);
    return;
  }
  await db.schema
    .createIndex("articles_sitemap")
    .on("articles")
    .columns(["status", "published_at", "id", ...shown])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
