// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// Share crops (media/shareCrops.ts): images get a flag saying their JPEG crops were made; rows stored before
// this start at 0 and are filled in by `haberci crops` or the background pass at start-up.
//
// Site settings (settings/): one row per section (`identity`, `ads_txt`, later `imprint` for the künye), the
// section's fields as JSON checked by the section's TypeBox schema on every read and write. A new section needs
// no migration; `version` guards against a stale save.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? "timestamptz" : "text";
  await db.schema
    .alterTable("images")
    .addColumn("has_share_crops", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("images_without_share_crops").on("images").column("id").where(sql.ref("has_share_crops"), "=", sql.lit(0)).execute();
  await db.schema
    .createTable("site_settings")
    .addColumn("section", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
