// Landed migrations are never edited: add a new file instead.
import type { Kysely } from "kysely";

// Text typed on a Mac could arrive decomposed (NFD: `o` + U+0308) and with control characters;
// since this release every request's text is normalised at the edge (src/http/edgeText.ts).
// This brings the rows stored before it to the same form, and queues the articles whose text
// changed for the search index (`ensureSearchIndex` indexes them at the next start).
// The rule is written out here, not imported, so this migration keeps meaning what it meant.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
function normalise(text: string): string {
  return text.toWellFormed().replace(CONTROLS, "").normalize("NFC");
}

const TEXT_COLUMNS: Record<string, string[]> = {
  // camelCase: the connection's CamelCasePlugin maps them to the snake_case columns and back.
  articles: ["title", "spot", "body", "imageCaption", "imageCredit", "imageAlt", "seoTitle", "seoDescription"],
  tags: ["name"],
  images: ["caption", "credit", "alt"],
  users: ["name"],
};

const BATCH = 500;

/** Normalises every text column of `table`, a batch of rows at a time; returns the ids of the rows changed. */
async function normaliseTable(db: Kysely<any>, table: string, columns: string[]): Promise<number[]> {
  const changedIds: number[] = [];
  let after = 0;
  for (;;) {
    const rows: Array<Record<string, unknown>> = await db
      .selectFrom(table)
      .select(["id", ...columns])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return changedIds;
    for (const row of rows) {
      const id = Number(row.id);
      const update: Record<string, string> = {};
      for (const column of columns) {
        const value = row[column];
        if (typeof value === "string" && normalise(value) !== value) update[column] = normalise(value);
      }
      if (Object.keys(update).length > 0) {
        await db.updateTable(table).set(update).where("id", "=", id).execute();
        changedIds.push(id);
      }
    }
    after = Number(rows.at(-1)?.id ?? after);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("search_reindex_queue")
    .addColumn("article_id", "integer", (c) => c.primaryKey())
    .execute();
  for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
    const changed = await normaliseTable(db, table, columns);
    if (table === "articles" && changed.length > 0) {
      for (let i = 0; i < changed.length; i += BATCH) {
        await db
          .insertInto("search_reindex_queue")
          .values(changed.slice(i, i + BATCH).map((id) => ({ articleId: id })))
          .execute();
      }
    }
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
