import { describe, expect, it } from "vitest";
import type { ArticleFacts } from "../news/events.ts";
import { keysForChange, keysForSettingsChange } from "./keys.ts";

const published: ArticleFacts = { visible: true, categoryId: 1, sourceId: 2, tagIds: [10, 11], authorIds: [20], breaking: false, breakingUntil: null, headline: false };
const draft: ArticleFacts = { ...published, visible: false };

const keysOf = (before: ArticleFacts | null, after: ArticleFacts | null) => keysForChange({ articleId: 7, before, after }).sort();

describe("keysForChange", () => {
  it("publishing touches the article and every list it enters", () => {
    expect(keysOf(draft, published)).toEqual(["article-7", "author-20", "category-1", "latest", "search", "source-2", "tag-10", "tag-11"]);
  });

  it("unpublishing or deleting touches the lists it leaves", () => {
    expect(keysOf(published, draft)).toEqual(keysOf(draft, published));
    expect(keysOf(published, null)).toEqual(keysOf(draft, published));
  });

  it("editing the text of a published article touches only what shows it, and search", () => {
    expect(keysOf(published, published)).toEqual(["article-7", "search"]);
  });

  it("editing a draft touches nothing readers see", () => {
    expect(keysOf(draft, { ...draft, categoryId: 3, tagIds: [] })).toEqual(["article-7"]);
    expect(keysOf(null, draft)).toEqual(["article-7"]);
  });

  it("moving a published article touches both categories, and the tags that changed", () => {
    expect(keysOf(published, { ...published, categoryId: 4, tagIds: [11, 12] })).toEqual(["article-7", "category-1", "category-4", "search", "tag-10", "tag-12"]);
  });

  it("changing the byline of a published article touches the authors it gained or lost, not the one it kept", () => {
    expect(keysOf(published, { ...published, authorIds: [20, 21] })).toEqual(["article-7", "author-21", "search"]);
    expect(keysOf(published, { ...published, authorIds: [] })).toEqual(["article-7", "author-20", "search"]);
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
});

describe("keysForSettingsChange", () => {
  it("the site's identity touches every page, ads.txt only itself", () => {
    expect(keysForSettingsChange(["identity"])).toEqual(["site"]);
    expect(keysForSettingsChange(["ads_txt"])).toEqual(["ads-txt"]);
    expect(keysForSettingsChange(["ads_txt", "identity"]).sort()).toEqual(["ads-txt", "site"]);
  });
});
