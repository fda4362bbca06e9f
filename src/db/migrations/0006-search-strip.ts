// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// PostgreSQL only: the tsvector keeps no positions or weights any more. Ranking moved out of the
// database (src/search/rank.ts), and a smaller value is cheaper to test row by row.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`update search_documents set tsv = strip(tsv)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
