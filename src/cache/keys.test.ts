import { describe, expect, it } from "vitest";
import type { ArticleFacts } from "../news/events.ts";
import { keysForChange, keysForSettingsChange } from "./keys.ts";

const published: ArticleFacts = {
  visible: true,
  categoryId: 1,
  sourceId: 2,
  tagIds: [10, 11],
  authorIds: [20],
  breaking: false,
  breakingUntil: null,
  headline: false,
  publishedAt: "2026-11-20T09:00:00.000Z",
};
const draft: ArticleFacts = { ...published, visible: false };

/** Long after the publication: the news sitemap is not touched. */
const LATER = new Date("2026-11-27T12:00:00.000Z");
const keysOf = (before: ArticleFacts | null, after: ArticleFacts | null, now = LATER) => keysForChange({ articleId: 7, before, after }, now).sort();

describe("keysForChange", () => {
  it("publishing touches the article and every list it enters", () => {
    expect(keysOf(draft, published)).toEqual([
      "article-7",
      "author-20",
      "category-1",
      "latest",
      "search",
      "sitemap-2026-11",
      "sitemap-authors",
      "sitemap-tags",
      "source-2",
      "tag-10",
      "tag-11",
    ]);
  });

  it("unpublishing or deleting touches the lists it leaves", () => {
    expect(keysOf(published, draft)).toEqual(keysOf(draft, published));
    expect(keysOf(published, null)).toEqual(keysOf(draft, published));
  });

  it("editing the text of a published article touches only what shows it, and search", () => {
    expect(keysOf(published, published)).toEqual(["article-7", "search", "sitemap-2026-11"]);
  });

  it("editing a draft touches nothing readers see", () => {
    expect(keysOf(draft, { ...draft, categoryId: 3, tagIds: [] })).toEqual(["article-7"]);
    expect(keysOf(null, draft)).toEqual(["article-7"]);
  });

  it("moving a published article touches both categories, and the tags that changed", () => {
    expect(keysOf(published, { ...published, categoryId: 4, tagIds: [11, 12] })).toEqual([
      "article-7",
      "category-1",
      "category-4",
      "search",
      "sitemap-2026-11",
      "sitemap-tags",
      "tag-10",
      "tag-12",
    ]);
  });

  it("changing the byline of a published article touches the authors it gained or lost, not the one it kept", () => {
    expect(keysOf(published, { ...published, authorIds: [20, 21] })).toEqual(["article-7", "author-21", "search", "sitemap-2026-11", "sitemap-authors"]);
    expect(keysOf(published, { ...published, authorIds: [] })).toEqual(["article-7", "author-20", "search", "sitemap-2026-11", "sitemap-authors"]);
    // A draft's byline is on no author page.
    expect(keysOf(draft, { ...draft, authorIds: [21] })).toEqual(["article-7"]);
  });

  it("the son dakika flag and its end time, and the manşet, touch their lists", () => {
    const breaking = { ...published, breaking: true, breakingUntil: "2026-11-29T20:00:00.000Z" };
    expect(keysOf(published, breaking)).toContain("breaking");
    expect(keysOf(breaking, published)).toContain("breaking");
    expect(keysOf(breaking, { ...breaking, breakingUntil: null })).toContain("breaking");
    expect(keysOf(published, { ...published, headline: true })).toContain("headlines");
    // A draft with the flag is on no list.
    expect(keysOf(draft, { ...draft, breaking: true })).toEqual(["article-7"]);
  });

  it("sitemaps: the months it is listed in before and after, and the news sitemap within 48 hours of its publication", () => {
    const moved = { ...published, publishedAt: "2026-10-31T23:00:00.000Z" };
    expect(keysOf(published, moved)).toEqual(expect.arrayContaining(["sitemap-2026-10", "sitemap-2026-11"]));
    expect(keysOf(published, published)).not.toContain("sitemap-news");
    expect(keysOf(published, published, new Date("2026-11-22T08:00:00.000Z"))).toContain("sitemap-news");
    expect(keysOf(draft, published, new Date("2026-11-20T10:00:00.000Z"))).toContain("sitemap-news");
    expect(keysOf(published, draft, new Date("2026-11-20T10:00:00.000Z"))).toContain("sitemap-news");
    // A draft is in no sitemap, and a title edit leaves the tag sitemap alone.
    expect(keysOf(draft, { ...draft, categoryId: 9 }, new Date("2026-11-20T10:00:00.000Z"))).toEqual(["article-7"]);
    expect(keysOf(published, published)).not.toContain("sitemap-tags");
  });
});

describe("keysForSettingsChange", () => {
  it("the site's identity touches every page, ads.txt only itself", () => {
    expect(keysForSettingsChange(["identity"])).toEqual(["site"]);
    expect(keysForSettingsChange(["ads_txt"])).toEqual(["ads-txt"]);
    expect(keysForSettingsChange(["ads_txt", "identity"]).sort()).toEqual(["ads-txt", "site"]);
  });
  it("the künye touches only /kunye/ and /iletisim/; a section not known here touches every page", () => {
    expect(keysForSettingsChange(["kunye"])).toEqual(["kunye"]);
    expect(keysForSettingsChange(["yeni_bolum"])).toEqual(["site"]);
  });
});
