// The single author of each article before 0010 becomes its byline (article_authors), its revisions
// learn that byline, and articles.author_id is gone.
import { sql } from "kysely";
import { expect, it } from "vitest";
import { allTestDatabases, describeFor } from "../../../test/databases.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { parseRevision } from "../../news/revisionSnapshot.ts";
import { migrateToLatest } from "../migrate.ts";

for (const target of allTestDatabases) {
  describeFor(target)(`migration 0010-author-profiles [${target.name}]`, () => {
    it("moves articles.author_id into article_authors and into the revisions' fields, then drops the column", async () => {
      const handle = await target.open({ upTo: "0009-breaking-index" });
      try {
        const { db } = handle;
        await installDefaults(db);
        const category = await db.selectFrom("categories").select("id").where("slug", "=", "gundem").executeTakeFirstOrThrow();
        const source = await db.selectFrom("sources").select("id").executeTakeFirstOrThrow();
        const at = "2026-11-20T09:00:00.000Z";
        const author = (await sql<{ id: number }>`insert into authors (slug, name) values ('eski-yazar', 'Eski Yazar') returning id`.execute(db)).rows[0]?.id;
        const insertArticle = async (title: string, authorId: number | null) =>
          (
            await sql<{ id: number }>`
              insert into articles (slug, title, spot, body, category_id, source_id, author_id, status, created_at, updated_at, published_at)
              values (${title}, ${title}, '', '<p>x</p>', ${category.id}, ${source.id}, ${authorId}, 'published', ${at}, ${at}, ${at})
              returning id`.execute(db)
          ).rows[0]?.id ?? 0;
        const signed = await insertArticle("imzali", author ?? null);
        const agency = await insertArticle("ajans", null);
        for (const articleId of [signed, agency]) {
          await sql`
            insert into article_revisions (article_id, version, status, title, spot, body, fields, author_label, created_at)
            values (${articleId}, 1, 'published', 't', '', '', ${JSON.stringify({ category: "gundem", source: "haberci", tags: [] })}, 'sistem', ${at})
          `.execute(db);
        }

        await migrateToLatest(db);

        expect(await db.selectFrom("articleAuthors").select(["articleId", "authorId", "position"]).orderBy("articleId").execute()).toEqual([
          { articleId: signed, authorId: author, position: 0 },
        ]);
        const revisions = await db.selectFrom("articleRevisions").selectAll().orderBy("articleId").execute();
        expect(revisions.map((r) => parseRevision(r).fields.authors)).toEqual([["eski-yazar"], []]);
        expect(revisions.map((r) => parseRevision(r).fields.category)).toEqual(["gundem", "gundem"]);
        await expect(sql`select author_id from articles`.execute(db)).rejects.toThrow();
        expect(await db.selectFrom("authors").select(["slug", "title", "bio", "links", "userId"]).execute()).toEqual([
          { slug: "eski-yazar", title: "", bio: "", links: "[]", userId: null },
        ]);
      } finally {
        await handle.close();
      }
    });
  });
}
