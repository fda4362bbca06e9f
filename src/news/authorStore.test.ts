// What the feeds and sitemaps read about authors: the authors who have published, with their
// latest publication, and an author's newest articles, whole, with their byline.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { findAuthorBySlug, freeAuthorSlug, listPublishingAuthors } from "./authorStore.ts";
import { installDefaults } from "./installDefaults.ts";
import { listAuthorArticles } from "./listPublishedArticles.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");

describeEachDatabase("author reads for feeds and sitemaps", (get) => {
  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    await addArticle(db, { title: "Eski ortak haber", publishedAt: "2026-11-20T09:00:00.000Z", authors: ["Zehra Ak", "Ömer Şen"] });
    await addArticle(db, { title: "Zehra'nın yeni haberi", publishedAt: "2026-11-26T09:00:00.000Z", authors: ["Zehra Ak"] });
    await addArticle(db, { title: "Ömer'in taslağı", status: "draft", authors: ["Ömer Şen"] });
    await addArticle(db, { title: "Kaldırılan haber", status: "unpublished", publishedAt: "2026-11-25T09:00:00.000Z", authors: ["Ömer Şen"] });
    await addArticle(db, { title: "Yalnız taslağı olan", status: "draft", authors: ["Taslak Yazar"] });
    await addArticle(db, { title: "Ajans haberi", source: "AA", publishedAt: "2026-11-26T10:00:00.000Z" });
  });

  it("lists the authors with a published article, by slug, with their latest publication time", async () => {
    expect(await listPublishingAuthors(get().db)).toEqual([
      { id: expect.any(Number), slug: "omer-sen", name: "Ömer Şen", lastPublishedAt: "2026-11-20T09:00:00.000Z" },
      { id: expect.any(Number), slug: "zehra-ak", name: "Zehra Ak", lastPublishedAt: "2026-11-26T09:00:00.000Z" },
    ]);
  });

  it("gives an author's published articles newest first, whole, with the byline in order", async () => {
    const zehra = await findAuthorBySlug(get().db, "zehra-ak");
    const articles = await listAuthorArticles(get().db, zehra?.id ?? 0, 50, NOW);
    expect(articles.map((a) => a.title)).toEqual(["Zehra'nın yeni haberi", "Eski ortak haber"]);
    expect(articles[1]?.authors.map((a) => [a.name, a.url])).toEqual([
      ["Zehra Ak", "/yazar/zehra-ak/"],
      ["Ömer Şen", "/yazar/omer-sen/"],
    ]);
    expect(articles[0]?.body).toContain("<p>");
    expect(await listAuthorArticles(get().db, 999_999, 50, NOW)).toEqual([]);
  });

  it("finds a free slug for a name another author already has", async () => {
    expect(await freeAuthorSlug(get().db, "Zehra Ak")).toBe("zehra-ak-2");
    const zehra = await findAuthorBySlug(get().db, "zehra-ak");
    expect(await freeAuthorSlug(get().db, "Zehra Ak", zehra?.id ?? null)).toBe("zehra-ak");
    expect(await freeAuthorSlug(get().db, "🔥")).toBe("");
  });
});
