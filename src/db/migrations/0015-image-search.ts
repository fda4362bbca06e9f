// Landed migrations are never edited: add a new file instead.
import type { Kysely } from "kysely";

// The media picker searches the library (media/librarySearch.ts): each picture keeps its caption, credit
// and alt text folded in `search_text`, and pictures are listed newest first through `images_created`, so a
// search reads the newest rows in index order and stops when its page is full.
//
// The fold as it was when this migration landed (media/librarySearch.ts foldForLibrary), written out here so
// later changes to that rule do not change what this migration does.
function fold(text: string): string {
  return text.toLocaleLowerCase("tr-TR").replace(/ı/g, "i").normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("images")
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("images_created").on("images").columns(["created_at", "id"]).execute();
  await db.schema.createIndex("images_uploader_created").on("images").columns(["uploaded_by", "created_at"]).execute();
  let after = 0;
  for (;;) {
    const rows: Array<{ id: number; caption: string; credit: string; alt: string }> = await db
      .selectFrom("images")
      .select(["id", "caption", "credit", "alt"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      await db
        .updateTable("images")
        .set({ search_text: fold(`${row.caption} ${row.credit} ${row.alt}`) })
        .where("id", "=", row.id)
        .execute();
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
