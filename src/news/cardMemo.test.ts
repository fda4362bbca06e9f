// Cards remembered between reader pages (cardMemo.ts) are never shown stale: a save (new version),
// a son dakika flag (no new version) and a renamed category all show on the next read.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { updateArticleRow, setBreaking } from "./articleStore.ts";
import { listBreaking, listHomeCards } from "./cardStore.ts";
import { installDefaults } from "./installDefaults.ts";
import { forgetTaxonomy, loadTaxonomy } from "./taxonomyCache.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");

describeEachDatabase("remembered cards", (get) => {
  let id = 0;
  let categoryIds: number[] = [];
  const latest = async (now = NOW) =>
    (await listHomeCards(get().db, { categoryIds, breaking: 8, latest: 5, mostRead: 0, perCategory: 2 }, new Date(now.getTime() - 86_400_000), now)).latest;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    id = await addArticle(db, { title: "Köprü açıldı", category: "gundem", publishedAt: "2026-11-27T09:00:00.000Z" });
    categoryIds = (await loadTaxonomy(db)).categories.map((c) => c.id);
  });

  it("reads only the picks once their cards are remembered", async () => {
    let statements = 0;
    const counted = get().db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements += 1;
        return args.result;
      },
    });
    await listBreaking(counted, NOW, 5);
    await listHomeCards(counted, { categoryIds, breaking: 8, latest: 5, mostRead: 0, perCategory: 2 }, new Date(NOW.getTime() - 86_400_000), NOW);
    statements = 0;
    expect(
      (await listHomeCards(counted, { categoryIds, breaking: 8, latest: 5, mostRead: 0, perCategory: 2 }, new Date(NOW.getTime() - 86_400_000), NOW)).latest,
    ).toHaveLength(1);
    expect(statements).toBe(1);
  });

  it("shows a saved title on the next read", async () => {
    const { db } = get();
    expect((await latest())[0]?.title).toBe("Köprü açıldı");
    const row = await db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    await db.transaction().execute((trx) => updateArticleRow(trx, id, row.version, { title: "Köprü trafiğe açıldı" }));
    expect((await latest())[0]?.title).toBe("Köprü trafiğe açıldı");
  });

  it("shows the son dakika flag as it is now, though setting it makes no new version", async () => {
    const { db } = get();
    expect((await latest())[0]?.isBreaking).toBe(false);
    await db.transaction().execute((trx) => setBreaking(trx, id, true, "2026-11-27T13:00:00.000Z"));
    expect((await latest())[0]?.isBreaking).toBe(true);
    expect((await listBreaking(db, NOW, 5)).map((c) => c.id)).toEqual([id]);
    // Its end passes with time alone.
    expect((await latest(new Date("2026-11-27T13:30:00.000Z")))[0]?.isBreaking).toBe(false);
  });

  it("shows a renamed category's name and address once the taxonomy changes", async () => {
    const { db } = get();
    expect((await latest())[0]?.category.name).toBe("Gündem");
    await db.updateTable("categories").set({ name: "Güncel", slug: "guncel" }).where("slug", "=", "gundem").execute();
    forgetTaxonomy();
    const card = (await latest())[0];
    expect(card?.category).toEqual({ slug: "guncel", name: "Güncel" });
    expect(card?.url).toMatch(/^\/haber\/guncel\//);
  });
});
