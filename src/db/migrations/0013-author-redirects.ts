// Landed migrations are never edited: add a new file instead.
import type { Kysely } from "kysely";

// An author who changes their address keeps their old one working: /yazar/{old}/ answers 301 to the new
// page (like an article's old address). A later author who takes the old address takes it over.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("author_redirects")
    .addColumn("old_slug", "text", (c) => c.primaryKey())
    .addColumn("author_id", "integer", (c) => c.notNull().references("authors.id").onDelete("cascade"))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
