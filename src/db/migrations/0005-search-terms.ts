// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// SQLite only: the words in the index, so that a prefix can be expanded to whole words with a
// B-tree range scan (FTS5's own prefix queries merge every matching list and grow with the corpus).
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create table search_terms (term text primary key) without rowid`.execute(db);
  await sql`create virtual table temp.search_vocab using fts5vocab(main, 'search_fts', 'row')`.execute(db);
  await sql`insert or ignore into search_terms (term) select term from temp.search_vocab`.execute(db);
  await sql`drop table temp.search_vocab`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
