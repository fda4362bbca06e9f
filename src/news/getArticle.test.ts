// One article: for readers (published only, with related and next), the newsroom preview, and API callers with a token.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { NotFoundError } from "../errors.ts";
import { getArticle, getArticleForActor, getArticlePreview } from "./getArticle.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000).toISOString();

describeEachDatabase("getArticle", (get) => {
  const ids = { newest: 0, middle: 0, oldest: 0, alone: 0, draft: 0, otherCategory: 0 };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    ids.newest = await addArticle(db, { title: "Spor en yeni", category: "spor", tags: ["Futbol"], publishedAt: hoursAgo(1) });
    ids.middle = await addArticle(db, { title: "Spor orta", category: "spor", tags: ["Futbol"], publishedAt: hoursAgo(2) });
    ids.oldest = await addArticle(db, { title: "Spor en eski", category: "spor", tags: ["Basketbol"], publishedAt: hoursAgo(3) });
    ids.otherCategory = await addArticle(db, { title: "Ekonomide futbol kulüpleri", category: "ekonomi", tags: ["Futbol"], publishedAt: hoursAgo(4) });
    ids.alone = await addArticle(db, { title: "Eğitimde tek haber", category: "egitim", publishedAt: hoursAgo(5) });
    ids.draft = await addArticle(db, { title: "Spor taslak", category: "spor", status: "draft" });
  });

  it("gives readers a published article with the articles sharing its tags", async () => {
    const view = await getArticle(get().db, ids.newest, NOW);
    expect(view.article).toMatchObject({ id: ids.newest, title: "Spor en yeni", status: "published" });
    expect(view.related.map((a) => a.id).sort()).toEqual([ids.middle, ids.otherCategory].sort());
  });

  it("offers as next the next older article of the same category, or else the category's newest", async () => {
    expect((await getArticle(get().db, ids.newest, NOW)).next?.id).toBe(ids.middle);
    expect((await getArticle(get().db, ids.middle, NOW)).next?.id).toBe(ids.oldest);
    expect((await getArticle(get().db, ids.oldest, NOW)).next?.id).toBe(ids.newest);
    expect((await getArticle(get().db, ids.alone, NOW)).next).toBeNull();
  });

  it("hides drafts from readers, but not from the preview", async () => {
    await expect(getArticle(get().db, ids.draft, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getArticle(get().db, 999_999, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getArticlePreview(get().db, ids.draft, NOW)).article.title).toBe("Spor taslak");
  });

  it("lets a token's user see what canView allows, and answers 404 for the rest as for the public", async () => {
    const reporter: Actor = await addActor(get().db, "muhabir", "Okur Muhabir");
    const other: Actor = await addActor(get().db, "muhabir", "Baska Okur");
    const editor: Actor = await addActor(get().db, "editor", "Okur Editor");
    const own = await createArticle(get().db, { input: articleInput({ title: "Muhabirin taslağı" }), actor: reporter, now: NOW });
    expect((await getArticleForActor(get().db, own.id, reporter, NOW)).status).toBe("draft");
    expect((await getArticleForActor(get().db, own.id, editor, NOW)).title).toBe("Muhabirin taslağı");
    await expect(getArticleForActor(get().db, own.id, other, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getArticleForActor(get().db, ids.newest, other, NOW)).id).toBe(ids.newest);
  });
});
