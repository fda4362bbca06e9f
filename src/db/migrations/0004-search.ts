// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? "timestamptz" : "text";
  await db.schema
    .createTable("search_documents")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("category_id", "integer", (c) => c.notNull())
    .addColumn("published_at", ts)
    .execute();
  await db.schema.createIndex("search_documents_status_published").on("search_documents").columns(["status", "published_at"]).execute();
  if (pg) {
    await sql`alter table search_documents add column tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  } else {
    // Columns hold the analyzer's output (folded surface forms, stems); rowid is the article id.
    await sql`create virtual table search_fts using fts5(
      title, spot, body, title_stems, spot_stems, body_stems,
      tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4'
    )`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
