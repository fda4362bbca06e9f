// Rows stored before the edge normalised text are brought to NFC, and their articles found by search again.
import { expect, it } from "vitest";
import { allTestDatabases, describeFor } from "../../../test/databases.ts";
import { migrateToLatest } from "../migrate.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { ensureSearchIndex } from "../../search/reindex.ts";
import { searchArticles } from "../../search/searchArticles.ts";

for (const target of allTestDatabases) {
  describeFor(target)(`migration 0007-nfc-text [${target.name}]`, () => {
    it("normalises decomposed titles and control characters, and search finds the article after the next start", async () => {
      const handle = await target.open({ upTo: "0006-search-strip" });
      try {
        const { db } = handle;
        await installDefaults(db);
        const category = await db.selectFrom("categories").select("id").where("slug", "=", "gundem").executeTakeFirstOrThrow();
        const source = await db.selectFrom("sources").select("id").executeTakeFirstOrThrow();
        const at = "2026-11-20T09:00:00.000Z";
        const title = "Gökçeada açıklarında şişe postası bulundu".normalize("NFD");
        const { id } = await db
          .insertInto("articles")
          .values({
            slug: "gokceada-aciklarinda-sise-postasi-bulundu",
            title,
            spot: "Kıyıya\u0007 vuran şişe".normalize("NFD"),
            body: "<p>Şişenin içinde bir mektup vardı.</p>",
            categoryId: category.id,
            sourceId: source.id,
            imageId: null,
            imageCaption: "",
            imageCredit: "",
            imageAlt: "",
            status: "published",
            seoTitle: null,
            seoDescription: null,
            breakingUntil: null,
            headlineSlot: null,
            createdAt: at,
            updatedAt: at,
            publishedAt: at,
            contentUpdatedAt: null,
            scheduledAt: null,
            ownerId: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db.insertInto("tags").values({ slug: "gokceada", name: "Gökçeada".normalize("NFD") }).execute();

        await migrateToLatest(db);
        const row = await db.selectFrom("articles").select(["title", "spot"]).where("id", "=", id).executeTakeFirstOrThrow();
        expect(row.title).toBe("Gökçeada açıklarında şişe postası bulundu");
        expect(row.spot).toBe("Kıyıya vuran şişe");
        const tag = await db.selectFrom("tags").select("name").where("slug", "=", "gokceada").executeTakeFirstOrThrow();
        expect(tag.name).toBe("Gökçeada");
        expect(await db.selectFrom("searchReindexQueue").select("articleId").execute()).toEqual([{ articleId: id }]);

        await ensureSearchIndex(db);
        expect(await db.selectFrom("searchReindexQueue").select("articleId").execute()).toEqual([]);
        for (const q of ["gökçeada", "gokceada", "şişe"]) {
          const result = await searchArticles(db, { q, page: 1, pageSize: 20, now: new Date("2026-11-27T12:00:00Z") });
          expect(result.hits.map((h) => h.card.id), q).toContain(id);
        }
      } finally {
        await handle.close();
      }
    });
  });
}
