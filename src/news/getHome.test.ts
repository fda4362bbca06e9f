// What the home page shows: manşet, son dakika, latest, most read, and a block per category.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { DEFAULT_CATEGORIES } from "./categories.ts";
import { getHome } from "./getHome.ts";
import { installDefaults } from "./installDefaults.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000).toISOString();
const titles = (cards: Array<{ title: string }>) => cards.map((c) => c.title);

describeEachDatabase("getHome", (get) => {
  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    for (let i = 0; i < 14; i++) await addArticle(db, { title: `Gündem haberi ${i}`, publishedAt: hoursAgo(i + 1) });
    await addArticle(db, { title: "İkinci manşet", category: "spor", headlineSlot: 2, publishedAt: hoursAgo(30) });
    await addArticle(db, { title: "Birinci manşet", category: "spor", headlineSlot: 1, publishedAt: hoursAgo(31) });
    await addArticle(db, { title: "Manşetteki taslak", status: "draft", headlineSlot: 3 });
    await addArticle(db, { title: "Süresiz son dakika", category: "ekonomi", breaking: true, publishedAt: hoursAgo(32) });
    await addArticle(db, { title: "Süren son dakika", category: "ekonomi", breaking: true, breakingUntil: hoursAgo(-1), publishedAt: hoursAgo(33) });
    await addArticle(db, { title: "Biten son dakika", category: "ekonomi", breaking: true, breakingUntil: hoursAgo(1), publishedAt: hoursAgo(34) });
    const read = await addArticle(db, { title: "En çok okunan", category: "saglik", publishedAt: hoursAgo(40) });
    const old = await addArticle(db, { title: "Eskiden çok okunan", category: "saglik", publishedAt: hoursAgo(24 * 8) });
    await db.updateTable("articles").set({ viewCount: 500 }).where("id", "=", read).execute();
    await db.updateTable("articles").set({ viewCount: 9000 }).where("id", "=", old).execute();
  });

  it("shows the manşet in slot order, published articles only", async () => {
    expect(titles((await getHome(get().db, NOW)).headlines)).toEqual(["Birinci manşet", "İkinci manşet"]);
  });

  it("shows son dakika articles whose flag has no end or has not ended, newest first", async () => {
    expect(titles((await getHome(get().db, NOW)).breaking)).toEqual(["Süresiz son dakika", "Süren son dakika"]);
  });

  it("shows the latest 12, newest first", async () => {
    const latest = titles((await getHome(get().db, NOW)).latest);
    expect(latest).toHaveLength(12);
    expect(latest.slice(0, 3)).toEqual(["Gündem haberi 0", "Gündem haberi 1", "Gündem haberi 2"]);
  });

  it("ranks the most read of the last seven days only", async () => {
    const mostRead = titles((await getHome(get().db, NOW)).mostRead);
    expect(mostRead[0]).toBe("En çok okunan");
    expect(mostRead).not.toContain("Eskiden çok okunan");
  });

  it("gives each category with articles a block of its newest four, in the categories' order", async () => {
    const blocks = (await getHome(get().db, NOW)).blocks;
    const order = DEFAULT_CATEGORIES.map((c) => c.slug);
    const slugs = blocks.map((b) => b.category.slug);
    expect(slugs).toEqual(order.filter((slug) => slugs.includes(slug)));
    expect(slugs).toEqual(expect.arrayContaining(["gundem", "spor", "ekonomi", "saglik"]));
    expect(slugs).not.toContain("egitim");
    expect(titles(blocks.find((b) => b.category.slug === "gundem")?.articles ?? [])).toEqual([
      "Gündem haberi 0",
      "Gündem haberi 1",
      "Gündem haberi 2",
      "Gündem haberi 3",
    ]);
  });
});
