// Landed migrations are never edited: add a new file instead.
import { type Kysely, sql } from "kysely";

// Son dakika lists (the home strip, /son-dakika/) walk the flagged articles newest first. Without
// this index they walked every published article by articles_status_published until enough
// flagged ones turned up: the whole table when few are flagged. Partial, so it holds only flagged
// articles; breaking_until is in it so that expired flags are skipped without reading rows.
// Queries must say `is_breaking = 1` as a literal for SQLite to use it (news/cardStore.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("articles_breaking")
    .on("articles")
    .columns(["status", "published_at", "id", "breaking_until"])
    .where(sql.ref("is_breaking"), "=", sql.lit(1))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
