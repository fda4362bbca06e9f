import { describe, expect, it } from "vitest";
import type { ArticleFacts } from "../news/events.ts";
import { changedFeeds, publishBody } from "./websub.ts";

const published: ArticleFacts = {
  visible: true,
  categoryId: 3,
  sourceId: 1,
  tagIds: [7, 8],
  authorIds: [5],
  breaking: false,
  breakingUntil: null,
  headline: false,
  publishedAt: "2026-11-27T09:00:00.000Z",
};

describe("changedFeeds", () => {
  it("a draft changes no feed", () => {
    expect(changedFeeds({ before: null, after: { ...published, visible: false } })).toEqual([]);
  });

  it("a publish or unpublish changes the site feed and its category, tags and authors; son dakika and manşet when flagged", () => {
    expect(changedFeeds({ before: null, after: published })).toEqual([
      { kind: "all" },
      { kind: "category", id: 3 },
      { kind: "tag", id: 7 },
      { kind: "tag", id: 8 },
      { kind: "author", id: 5 },
    ]);
    expect(changedFeeds({ before: { ...published, breaking: true, headline: true }, after: { ...published, visible: false } })).toContainEqual({ kind: "breaking" });
    expect(changedFeeds({ before: { ...published, headline: true }, after: null })).toContainEqual({ kind: "headlines" });
  });

  it("a move names the feeds it left and the ones it entered", () => {
    const feeds = changedFeeds({ before: published, after: { ...published, categoryId: 4, tagIds: [9] } });
    expect(feeds).toEqual(
      expect.arrayContaining([
        { kind: "category", id: 3 },
        { kind: "category", id: 4 },
        { kind: "tag", id: 7 },
        { kind: "tag", id: 9 },
      ]),
    );
  });
});

describe("publishBody", () => {
  it("hub.mode=publish and one hub.url per topic, form-encoded", () => {
    expect(publishBody(["https://a.test/rss/x.xml?a=1&b=2", "https://a.test/rss/y.xml"])).toBe(
      "hub.mode=publish&hub.url=https%3A%2F%2Fa.test%2Frss%2Fx.xml%3Fa%3D1%26b%3D2&hub.url=https%3A%2F%2Fa.test%2Frss%2Fy.xml",
    );
  });
});
