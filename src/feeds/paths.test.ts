import { describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../news/categories.ts";
import { RESERVED_FEED_NAMES, feedPath, monthRange, monthSitemapPath, parseFeedFile, parseSitemapFile, topLevelSubject } from "./paths.ts";

describe("feed addresses", () => {
  it("one scheme: /rss/{name} for the site, son dakika, manşet and categories, /rss/etiket and /rss/yazar below, the format by extension", () => {
    expect(feedPath({ kind: "all" }, "rss")).toBe("/rss/tum-haberler.xml");
    expect(feedPath({ kind: "breaking" }, "atom")).toBe("/rss/son-dakika.atom");
    expect(feedPath({ kind: "headlines" }, "json")).toBe("/rss/manset.json");
    expect(feedPath({ kind: "category", slug: "dunya" }, "rss")).toBe("/rss/dunya.xml");
    expect(feedPath({ kind: "tag", slug: "kudus" }, "json")).toBe("/rss/etiket/kudus.json");
    expect(feedPath({ kind: "author", slug: "ayse-yilmaz" }, "atom")).toBe("/rss/yazar/ayse-yilmaz.atom");
  });

  it("reads the file names it writes, and nothing else", () => {
    expect(parseFeedFile("dunya.xml")).toEqual({ name: "dunya", format: "rss" });
    expect(parseFeedFile("kultur-sanat.atom")).toEqual({ name: "kultur-sanat", format: "atom" });
    expect(parseFeedFile("son-dakika.json")).toEqual({ name: "son-dakika", format: "json" });
    for (const bad of ["dunya.rss", "Dunya.xml", "dunya", ".xml", "a--b.xml", "-a.xml", "dunya.xml.xml", "dünya.xml"]) expect(parseFeedFile(bad), bad).toBeNull();
  });

  it("no category can shadow the site, son dakika or manşet feed: their names are reserved and win", () => {
    const reserved: string[] = Object.values(RESERVED_FEED_NAMES);
    for (const c of DEFAULT_CATEGORIES) expect(reserved).not.toContain(c.slug);
    expect(topLevelSubject("manset")).toEqual({ kind: "headlines" });
    expect(topLevelSubject("son-dakika")).toEqual({ kind: "breaking" });
    expect(topLevelSubject("tum-haberler")).toEqual({ kind: "all" });
    expect(topLevelSubject("spor")).toEqual({ kind: "category", slug: "spor" });
  });
});

describe("sitemap addresses", () => {
  it("months and their parts, the tag sitemap's parts, the category sitemap", () => {
    expect(monthSitemapPath("2026-11")).toBe("/sitemap/haber-2026-11.xml");
    expect(monthSitemapPath("2026-11", 2)).toBe("/sitemap/haber-2026-11-2.xml");
    expect(parseSitemapFile("haber-2026-11.xml")).toEqual({ kind: "month", month: "2026-11", part: 1 });
    expect(parseSitemapFile("haber-2026-11-2.xml")).toEqual({ kind: "month", month: "2026-11", part: 2 });
    expect(parseSitemapFile("etiketler-3.xml")).toEqual({ kind: "tags", part: 3 });
    expect(parseSitemapFile("kategoriler.xml")).toEqual({ kind: "categories" });
    for (const bad of ["haber-2026-13.xml", "haber-2026-00.xml", "haber-2026-11-1.xml", "haber-2026-11-0.xml", "etiketler-1.xml", "haber-26-11.xml"]) {
      expect(parseSitemapFile(bad), bad).toBeNull();
    }
  });

  it("a month is a UTC range up to the next month's first instant", () => {
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z" });
  });
});
