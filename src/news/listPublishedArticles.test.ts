// Lists of published articles: category and tag pages, the son dakika page, the API's filtered list.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { NotFoundError } from "../errors.ts";
import { installDefaults } from "./installDefaults.ts";
import { PAGE_SIZE, getBreakingNews, getCategoryPage, getTagPage, listArticles } from "./listPublishedArticles.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000).toISOString();

describeEachDatabase("listPublishedArticles", (get) => {
  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    for (let i = 0; i <= PAGE_SIZE; i++)
      await addArticle(db, { title: `Spor haberi ${i}`, category: "spor", tags: i % 2 === 0 ? ["Futbol"] : [], publishedAt: hoursAgo(i + 1) });
    await addArticle(db, { title: "Spor taslağı", category: "spor", tags: ["Futbol", "Voleybol"], status: "draft" });
    await addArticle(db, { title: "Ekonomide son dakika", category: "ekonomi", tags: ["Futbol"], breaking: true, publishedAt: hoursAgo(50) });
  });

  it("pages a category's published articles newest first, and refuses a page past the last", async () => {
    const first = await getCategoryPage(get().db, "spor", 1, NOW);
    expect(first.category.slug).toBe("spor");
    expect(first.page).toMatchObject({ total: PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.page.items).toHaveLength(PAGE_SIZE);
    expect(first.page.items[0]?.title).toBe("Spor haberi 0");
    const second = await getCategoryPage(get().db, "spor", 2, NOW);
    expect(second.page.items.map((a) => a.title)).toEqual([`Spor haberi ${PAGE_SIZE}`]);
    await expect(getCategoryPage(get().db, "spor", 3, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows an empty first page for a category without articles, and 404 for an unknown one", async () => {
    expect((await getCategoryPage(get().db, "egitim", 1, NOW)).page).toMatchObject({ items: [], total: 0, pageCount: 1 });
    await expect(getCategoryPage(get().db, "yok-boyle", 1, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists a tag's published articles across categories, and 404s a tag with none published", async () => {
    const futbol = await getTagPage(get().db, "futbol", 1, NOW);
    expect(futbol.tag.name).toBe("Futbol");
    expect(futbol.page.total).toBe(Math.floor(PAGE_SIZE / 2) + 2);
    expect(futbol.page.items.map((a) => a.title)).not.toContain("Spor taslağı");
    await expect(getTagPage(get().db, "voleybol", 1, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTagPage(get().db, "yok-boyle", 1, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the son dakika articles", async () => {
    expect((await getBreakingNews(get().db, NOW)).map((a) => a.title)).toEqual(["Ekonomide son dakika"]);
  });

  it("filters the API's list by category and tag, and gives an empty list for an unknown one", async () => {
    const both = await listArticles(get().db, { category: "ekonomi", tag: "futbol", page: 1, limit: 5 }, NOW);
    expect(both.items.map((a) => a.title)).toEqual(["Ekonomide son dakika"]);
    expect(both.items[0]?.tags.map((t) => t.slug)).toEqual(["futbol"]);
    const limited = await listArticles(get().db, { page: 2, limit: 5 }, NOW);
    expect(limited).toMatchObject({ total: PAGE_SIZE + 2, page: 2 });
    expect(limited.items.map((a) => a.title)).toEqual(["Spor haberi 5", "Spor haberi 6", "Spor haberi 7", "Spor haberi 8", "Spor haberi 9"]);
    expect(await listArticles(get().db, { category: "yok-boyle", page: 1, limit: 5 }, NOW)).toMatchObject({ items: [], total: 0 });
    expect(await listArticles(get().db, { tag: "yok-boyle", page: 1, limit: 5 }, NOW)).toMatchObject({ items: [], total: 0 });
  });
});
