import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { DEFAULT_CATEGORIES } from "./categories.ts";
import { loadDemoArticles } from "./demo/loadDemoArticles.ts";
import { installDefaults } from "./installDefaults.ts";
import { shareImagesOf } from "../media/pictureUrls.ts";
import { seedDemo } from "./seedDemo.ts";

describe("demo articles", () => {
  it("are at least 60, over every category, 200-700 words each, with sub-headings, quotes and tags", async () => {
    const articles = await loadDemoArticles();
    expect(articles.length).toBeGreaterThanOrEqual(60);
    for (const c of DEFAULT_CATEGORIES) {
      expect(articles.filter((a) => a.categorySlug === c.slug).length, c.slug).toBeGreaterThanOrEqual(3);
    }
    for (const a of articles) {
      const words = a.body
        .replace(/^(##|>)\s*/gm, "")
        .split(/\s+/)
        .filter(Boolean).length;
      expect(words, a.file).toBeGreaterThanOrEqual(200);
      expect(words, a.file).toBeLessThanOrEqual(700);
      expect(a.body, a.file).toMatch(/^## /m);
      expect(a.body, a.file).toMatch(/^> /m);
      expect(a.tags.length, a.file).toBeGreaterThanOrEqual(2);
      expect(["Haberci", "AA", "İHA", "DHA"], a.file).toContain(a.sourceName);
    }
    const titles = new Set(articles.map((a) => a.title));
    expect(titles.size).toBe(articles.length);
  });
});

describeEachDatabase("seedDemo", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-seed-"));
  const now = new Date("2026-11-27T12:00:00.000Z");
  beforeAll(async () => installDefaults(get().db));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("fills an empty database once, with pictures, headlines and breaking news", { timeout: 180_000 }, async () => {
    const { db } = get();
    const result = await seedDemo(db, { dataDir, now });
    expect(result).toMatchObject({ seeded: true, headlines: 5 });
    const rows = await db
      .selectFrom("articles")
      .innerJoin("images", "images.id", "articles.imageId")
      .select([
        "articles.publishedAt",
        "articles.headlineSlot",
        "articles.isBreaking",
        "articles.body",
        "images.storageKey",
        "images.variantWidths",
        "images.width",
        "images.height",
        "images.hasShareCrops",
      ])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(
      rows
        .filter((r) => r.headlineSlot !== null)
        .map((r) => r.headlineSlot)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(rows.some((r) => r.isBreaking === 1)).toBe(true);
    const times = rows.map((r) => Date.parse(r.publishedAt ?? ""));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(7 * 86_400_000); // spread over weeks
    for (const r of rows) {
      expect(r.body).toMatch(/<h2>/);
      expect(r.body).toMatch(/<blockquote>/);
      for (const w of r.variantWidths.split(",")) {
        expect(fs.existsSync(path.join(dataDir, "media", `${r.storageKey}-${w}.webp`))).toBe(true);
      }
      // Every demo picture is big enough for every share crop, the 16:9 one at least 1200 px wide.
      const share = shareImagesOf(r);
      expect(share?.wide?.width).toBeGreaterThanOrEqual(1200);
      expect(share?.og).toMatchObject({ width: 1200, height: 630 });
      for (const crop of Object.values(share ?? {})) expect(fs.existsSync(path.join(dataDir, crop?.url.replace("/medya/", "media/") ?? "-"))).toBe(true);
    }
    // Bylines: the newsroom's own stories by the demo writers (a few by two), agency items by nobody.
    const bylines = await db
      .selectFrom("articles")
      .innerJoin("sources", "sources.id", "articles.sourceId")
      .select((eb) => [
        "sources.name as source",
        eb
          .selectFrom("articleAuthors")
          .select((c) => c.fn.countAll<number | string>().as("n"))
          .whereRef("articleAuthors.articleId", "=", "articles.id")
          .as("authors"),
      ])
      .execute();
    const counts = bylines.map((b) => ({ agency: b.source !== "Haberci", authors: Number(b.authors) }));
    expect(counts.filter((c) => c.agency).every((c) => c.authors === 0)).toBe(true);
    expect(counts.filter((c) => !c.agency).every((c) => c.authors >= 1)).toBe(true);
    expect(counts.some((c) => c.authors === 2)).toBe(true);
    const writers = await db.selectFrom("authors").select(["name", "title", "bio"]).execute();
    expect(writers.length).toBeGreaterThanOrEqual(6);
    for (const w of writers) expect([w.title, w.bio].every((text) => text.length > 0)).toBe(true);
    expect(await seedDemo(db, { dataDir, now })).toEqual({ seeded: false, reason: "database already has articles" });
  });
});
