// Feeds and sitemaps as a feed reader and a crawler see them: every feed read by a real feed parser
// (@rowanmanning/feed-parser; JSON Feed checked against the 1.1 fields), every sitemap validated by
// xmllint against the sitemaps.org and Google schemas (test/fixtures/sitemaps), drafts and scheduled
// articles nowhere, and an unpublished article gone from every feed and sitemap on the next request.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW, TEST_PUBLIC_URL, buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { addActor } from "../../test/newsroomFixtures.ts";
import { XMLLINT, xmllintEnabled } from "../../test/xmllint.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { findArticleRow } from "../news/articleStore.ts";
import type { Actor } from "../news/workflow.ts";
import type { JsonFeed } from "./feedFormats.ts";

/** A title holding everything a careless XML writer breaks, and Turkish letters. */
const HARD_TITLE = "Ekonomi & piyasa <canlı> ]]> yorum ]]> 🚀 ğüşıöçİ Iğdır'da";
const HARD_SPOT = "Spot: fiyatlar & ücretler <yükseldi> ]]> 📈";

const SCHEMAS = path.resolve(import.meta.dirname, "../../test/fixtures/sitemaps");

/** xmllint's verdict on `xml` against the schema file `schema` (exit code 0 = valid) and its message. */
function validate(xml: string, schema: string): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-xsd-"));
  const file = path.join(dir, "doc.xml");
  fs.writeFileSync(file, xml);
  try {
    const output = execFileSync(XMLLINT, ["--noout", "--nonet", "--schema", path.join(SCHEMAS, schema), file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stderr?: string };
    return { ok: false, output: e.stderr ?? String(error) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase("feeds and sitemaps", (get) => {
  let t: TestApp;
  let editor: Actor;
  const ids = { hard: 0, other: 0, draft: 0, scheduled: 0 };

  const fetchOk = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: "GET", url, headers });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res;
  };

  /** Every feed the test articles appear in, or would. */
  const feedUrls = (format: "xml" | "atom" | "json") => [
    `/rss/tum-haberler.${format}`,
    `/rss/ekonomi.${format}`,
    `/rss/son-dakika.${format}`,
    `/rss/manset.${format}`,
    `/rss/etiket/piyasa.${format}`,
    `/rss/yazar/ayse-yilmaz.${format}`,
  ];
  const allFeeds = [...feedUrls("xml"), ...feedUrls("atom"), ...feedUrls("json")];
  const allSitemaps = ["/sitemap.xml", "/sitemap/haber-2026-11.xml", "/sitemap-news.xml", "/sitemap/etiketler.xml", "/sitemap/kategoriler.xml", "/sitemap/yazarlar.xml"];

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Deniz");
    ids.hard = await addArticle(db, {
      title: HARD_TITLE,
      spot: HARD_SPOT,
      category: "ekonomi",
      tags: ["Piyasa", "Enflasyon"],
      authors: ["Ayşe Yılmaz", "Can Öztürk"],
      breaking: true,
      headlineSlot: 1,
      publishedAt: "2026-11-26T09:00:00.000Z",
      contentUpdatedAt: "2026-11-27T10:30:00.000Z",
      body: '<p>Ayrıntılar <a href="/haber/ekonomi/">ekonomi</a> sayfasında.</p><script>alert(1)</script><style>p{}</style><p><img src="/medya/ic.jpg" alt="iç" onerror="x()"></p><iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>',
      image: { storageKey: "2026/11/piyasa", caption: "Borsa & salon", credit: "AA", alt: "Borsa salonu", hasFallback: true },
    });
    ids.other = await addArticle(db, {
      title: "Eski ekonomi haberi",
      category: "ekonomi",
      tags: ["Piyasa"],
      publishedAt: "2026-11-10T09:00:00.000Z",
      image: { storageKey: "2026/11/liman", caption: "Liman", credit: "İHA", alt: "Limanda gemiler", hasFallback: true, shareCrops: true },
    });
    ids.draft = await addArticle(db, { title: "Taslak ekonomi haberi", category: "ekonomi", tags: ["Piyasa"], status: "draft" });
    ids.scheduled = await addArticle(db, {
      title: "Zamanlanmış ekonomi haberi",
      category: "ekonomi",
      tags: ["Piyasa"],
      status: "scheduled",
      scheduledAt: "2026-11-28T09:00:00.000Z",
    });
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  it("RSS 2.0: every field of the item, read by a feed parser", async () => {
    const res = await fetchOk("/rss/ekonomi.xml");
    expect(res.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const feed = parseFeed(res.body);
    expect(feed.title).toBe("Ekonomi | Haberci");
    expect(feed.language).toBe("tr");
    expect(feed.self).toBe(`${TEST_PUBLIC_URL}/rss/ekonomi.xml`);
    const item = feed.items.find((i) => i.title === HARD_TITLE);
    expect(item, feed.items.map((i) => i.title).join(" | ")).toBeDefined();
    if (!item) return;
    expect(item.id).toBe(`${TEST_PUBLIC_URL}/h/${ids.hard}`);
    expect(item.url).toBe(`${TEST_PUBLIC_URL}/haber/ekonomi/ekonomi-piyasa-canli-yorum-gusioci-igdirda-${ids.hard}.html`);
    expect(item.description).toBe(HARD_SPOT);
    expect(item.published?.toISOString()).toBe("2026-11-26T09:00:00.000Z");
    expect(item.updated?.toISOString()).toBe("2026-11-27T10:30:00.000Z");
    expect(res.body).toContain("<pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate>");
    expect(item.categories.map((c) => c.term)).toEqual(["Ekonomi", "Piyasa", "Enflasyon"]);
    expect(item.authors.map((a) => a.name)).toEqual(["Ayşe Yılmaz, Can Öztürk"]);
    expect(res.body).toContain("<dc:creator>Ayşe Yılmaz, Can Öztürk</dc:creator>");
    // An item without a byline credits its source.
    expect(feed.items.find((i) => i.title === "Eski ekonomi haberi")?.authors.map((a) => a.name)).toEqual(["Haberci"]);
    // The body: whole, no script or style or event attribute, absolute addresses, the picture first.
    expect(item.content).toContain("Ayrıntılar");
    expect(item.content).toContain(`href="${TEST_PUBLIC_URL}/haber/ekonomi/"`);
    expect(item.content).toContain(`src="${TEST_PUBLIC_URL}/medya/ic.jpg"`);
    expect(item.content).toContain(`href="https://www.youtube-nocookie.com/embed/abc"`);
    expect(item.content).not.toMatch(/<script|<style|onerror|alert\(|<iframe/);
    expect(item.content).toMatch(/^<figure><img src="https:\/\/haberci\.test\/medya\/2026\/11\/piyasa\.jpg"/);
    // Media RSS: the JPEG, its size and credit.
    const image = item.mediaImages[0];
    expect(image?.url).toBe(`${TEST_PUBLIC_URL}/medya/2026/11/piyasa.jpg`);
    expect(image?.mimeType).toBe("image/jpeg");
    expect(res.body).toMatch(/<media:content [^>]*width="1200" height="675"/);
    expect(res.body).toContain("<media:credit>AA</media:credit>");
    // A picture with share crops goes as its 16:9 crop, at least 1200 px wide.
    const older = feed.items.find((i) => i.title === "Eski ekonomi haberi");
    expect(older?.mediaImages[0]?.url).toBe(`${TEST_PUBLIC_URL}/medya/2026/11/liman.16x9.jpg`);
    expect(res.body).toMatch(/<media:content [^>]*url="https:\/\/haberci\.test\/medya\/2026\/11\/liman\.16x9\.jpg"[^>]*width="1200" height="675"/);
    // Drafts and scheduled articles are in no feed.
    expect(feed.items.map((i) => i.title)).toEqual([HARD_TITLE, "Eski ekonomi haberi"]);
  });

  it("Atom: the same item, with its id, times, author and categories", async () => {
    const res = await fetchOk("/rss/ekonomi.atom");
    expect(res.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(res.body);
    expect(feed.self).toBe(`${TEST_PUBLIC_URL}/rss/ekonomi.atom`);
    const item = feed.items[0];
    expect(item?.title).toBe(HARD_TITLE);
    expect(item?.id).toBe(`${TEST_PUBLIC_URL}/h/${ids.hard}`);
    expect(item?.url).toBe(`${TEST_PUBLIC_URL}/haber/ekonomi/ekonomi-piyasa-canli-yorum-gusioci-igdirda-${ids.hard}.html`);
    expect(item?.description).toBe(HARD_SPOT);
    expect(item?.published?.toISOString()).toBe("2026-11-26T09:00:00.000Z");
    expect(item?.updated?.toISOString()).toBe("2026-11-27T10:30:00.000Z");
    expect(item?.content).toContain("Ayrıntılar");
    expect(item?.content).not.toMatch(/<script|<style|onerror/);
    expect(item?.authors).toEqual([
      { name: "Ayşe Yılmaz", email: null, url: `${TEST_PUBLIC_URL}/yazar/ayse-yilmaz/` },
      { name: "Can Öztürk", email: null, url: `${TEST_PUBLIC_URL}/yazar/can-ozturk/` },
    ]);
    expect(item?.categories.map((c) => c.label)).toEqual(["Ekonomi", "Piyasa", "Enflasyon"]);
    expect(feed.items).toHaveLength(2);
  });

  it("JSON Feed 1.1: version, feed_url, language and each item's fields", async () => {
    const res = await fetchOk("/rss/ekonomi.json");
    expect(res.headers["content-type"]).toBe("application/feed+json; charset=utf-8");
    const feed: JsonFeed = JSON.parse(res.body);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${TEST_PUBLIC_URL}/rss/ekonomi.json`);
    expect(feed.home_page_url).toBe(`${TEST_PUBLIC_URL}/haber/ekonomi/`);
    expect(feed.language).toBe("tr");
    expect(feed.hubs).toBeUndefined();
    const item = feed.items[0];
    expect(item).toMatchObject({
      id: `${TEST_PUBLIC_URL}/h/${ids.hard}`,
      title: HARD_TITLE,
      summary: HARD_SPOT,
      image: `${TEST_PUBLIC_URL}/medya/2026/11/piyasa.jpg`,
      date_published: "2026-11-26T09:00:00.000Z",
      date_modified: "2026-11-27T10:30:00.000Z",
      authors: [
        { name: "Ayşe Yılmaz", url: `${TEST_PUBLIC_URL}/yazar/ayse-yilmaz/` },
        { name: "Can Öztürk", url: `${TEST_PUBLIC_URL}/yazar/can-ozturk/` },
      ],
      tags: ["Ekonomi", "Piyasa", "Enflasyon"],
    });
    expect(item?.content_html).not.toMatch(/<script|<style/);
    expect(feed.items.map((i) => i.title)).toEqual([HARD_TITLE, "Eski ekonomi haberi"]);
  });

  it("the site, son dakika, manşet, tag and author feeds hold their articles, in every format, and parse", async () => {
    for (const url of allFeeds) {
      const res = await fetchOk(url);
      const titles = url.endsWith(".json") ? (JSON.parse(res.body) as JsonFeed).items.map((i) => i.title) : parseFeed(res.body).items.map((i) => i.title);
      expect(titles, url).toContain(HARD_TITLE);
      expect(titles, url).not.toContain("Taslak ekonomi haberi");
      expect(titles, url).not.toContain("Zamanlanmış ekonomi haberi");
    }
  });

  it("answers unknown feeds, tags and formats with 404", async () => {
    for (const url of [
      "/rss/boyle-kategori-yok.xml",
      "/rss/etiket/yok-boyle.xml",
      "/rss/ekonomi.rss",
      "/rss/EKONOMI.xml",
      "/rss/yazar/kimse.xml",
      "/rss/yazar/ayse-yilmaz.html",
    ]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
  });

  it("Last-Modified and ETag, and 304 for If-None-Match or If-Modified-Since", async () => {
    const first = await fetchOk("/rss/tum-haberler.xml");
    const lastModified = String(first.headers["last-modified"]);
    expect(new Date(lastModified).getTime()).toBe(Math.floor(TEST_NOW.getTime() / 1000) * 1000);
    expect(first.headers.etag).toMatch(/^"/);
    const byEtag = await t.app.inject({ url: "/rss/tum-haberler.xml", headers: { "if-none-match": String(first.headers.etag) } });
    expect(byEtag.statusCode).toBe(304);
    const byDate = await t.app.inject({ url: "/rss/tum-haberler.xml", headers: { "if-modified-since": lastModified } });
    expect(byDate.statusCode).toBe(304);
    const older = await t.app.inject({ url: "/rss/tum-haberler.xml", headers: { "if-modified-since": new Date(TEST_NOW.getTime() - 3_600_000).toUTCString() } });
    expect(older.statusCode).toBe(200);
    // If-None-Match decides when both are sent (RFC 9110 §13.1.3).
    const both = await t.app.inject({ url: "/rss/tum-haberler.xml", headers: { "if-none-match": '"other"', "if-modified-since": lastModified } });
    expect(both.statusCode).toBe(200);
  });

  it("pages name their feeds in <link rel=alternate>", async () => {
    const category = await fetchOk("/haber/ekonomi/");
    expect(category.body).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Haberci Ekonomi haberleri (RSS)" href="${TEST_PUBLIC_URL}/rss/ekonomi.xml"/>`,
    );
    expect(category.body).toContain(`href="${TEST_PUBLIC_URL}/rss/ekonomi.atom"`);
    expect(category.body).toContain(`href="${TEST_PUBLIC_URL}/rss/ekonomi.json"`);
    expect((await fetchOk("/")).body).toContain(`href="${TEST_PUBLIC_URL}/rss/tum-haberler.xml"`);
    expect((await fetchOk("/son-dakika/")).body).toContain(`href="${TEST_PUBLIC_URL}/rss/son-dakika.xml"`);
    expect((await fetchOk("/etiket/piyasa/")).body).toContain(`href="${TEST_PUBLIC_URL}/rss/etiket/piyasa.xml"`);
  });

  it("the permanent id address answers 301 with the article's current URL", async () => {
    const res = await t.app.inject(`/h/${ids.hard}`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/haber/ekonomi/ekonomi-piyasa-canli-yorum-gusioci-igdirda-${ids.hard}.html`);
    expect((await t.app.inject(`/h/${ids.draft}`)).statusCode).toBe(404);
    expect((await t.app.inject("/h/abc")).statusCode).toBe(404);
  });

  it("robots.txt names the sitemaps with absolute URLs and keeps the newsroom and fragments out", async () => {
    const res = await fetchOk("/robots.txt");
    expect(res.body).toContain("Disallow: /yonetim/\n");
    expect(res.body).toContain("Disallow: /haber-parca/\n");
    expect(res.body).toContain(`Sitemap: ${TEST_PUBLIC_URL}/sitemap.xml\n`);
  });

  it("the sitemap index lists every sitemap; the month and news sitemaps list the published articles", async () => {
    const index = (await fetchOk("/sitemap.xml")).body;
    expect(index).toContain(`<loc>${TEST_PUBLIC_URL}/sitemap/haber-2026-11.xml</loc><lastmod>2026-11-27T10:30:00.000Z</lastmod>`);
    expect(index).toContain(`<loc>${TEST_PUBLIC_URL}/sitemap/kategoriler.xml</loc>`);
    expect(index).toContain(`<loc>${TEST_PUBLIC_URL}/sitemap/etiketler.xml</loc>`);
    const month = (await fetchOk("/sitemap/haber-2026-11.xml")).body;
    expect(month).toContain(
      `<loc>${TEST_PUBLIC_URL}/haber/ekonomi/ekonomi-piyasa-canli-yorum-gusioci-igdirda-${ids.hard}.html</loc><lastmod>2026-11-27T10:30:00.000Z</lastmod>`,
    );
    // Only the address: Google no longer reads image:caption or image:title (deprecated in 2022).
    expect(month).toContain(`<image:image><image:loc>${TEST_PUBLIC_URL}/medya/2026/11/piyasa.jpg</image:loc></image:image>`);
    expect(month).not.toContain("<image:caption>");
    expect(month).toContain(
      `-${ids.other}.html</loc><lastmod>2026-11-10T09:00:00.000Z</lastmod><image:image><image:loc>${TEST_PUBLIC_URL}/medya/2026/11/liman.16x9.jpg</image:loc>`,
    );
    const news = (await fetchOk("/sitemap-news.xml")).body;
    expect(news).toContain("<news:publication><news:name>Haberci</news:name><news:language>tr</news:language></news:publication>");
    expect(news).toContain("<news:publication_date>2026-11-26T09:00:00.000Z</news:publication_date>");
    expect(news).toContain("<news:title>Ekonomi &amp; piyasa &lt;canlı&gt; ]]&gt; yorum ]]&gt; 🚀 ğüşıöçİ Iğdır'da</news:title>");
    // Older than 48 hours: not in the news sitemap.
    expect(news).not.toContain(`-${ids.other}.html`);
    expect((await fetchOk("/sitemap/etiketler.xml")).body).toContain(`<loc>${TEST_PUBLIC_URL}/etiket/piyasa/</loc>`);
    expect((await fetchOk("/sitemap/kategoriler.xml")).body).toContain(`<loc>${TEST_PUBLIC_URL}/haber/ekonomi/</loc>`);
    expect((await fetchOk("/sitemap/yazarlar.xml")).body).toContain(`<loc>${TEST_PUBLIC_URL}/yazar/ayse-yilmaz/</loc><lastmod>2026-11-26T09:00:00.000Z</lastmod>`);
    expect(index).toContain(`<loc>${TEST_PUBLIC_URL}/sitemap/yazarlar.xml</loc>`);
    for (const url of ["/sitemap/haber-2026-10.xml", "/sitemap/haber-2026-11-2.xml", "/sitemap/haber-2026-13.xml", "/sitemap/etiketler-2.xml", "/sitemap/yok.xml"]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
    for (const url of allSitemaps) {
      const body = (await fetchOk(url)).body;
      expect(body, url).not.toContain("aslak-ekonomi");
      expect(body, url).not.toContain("amanlanmis-ekonomi");
    }
  });

  describe.skipIf(!xmllintEnabled)("every sitemap type passes its XSD (xmllint)", () => {
    it.each([
      ["/sitemap.xml", "siteindex.xsd"],
      ["/sitemap/haber-2026-11.xml", "urlset.xsd"],
      ["/sitemap-news.xml", "urlset.xsd"],
      ["/sitemap/etiketler.xml", "urlset.xsd"],
      ["/sitemap/kategoriler.xml", "urlset.xsd"],
      ["/sitemap/yazarlar.xml", "urlset.xsd"],
    ])("%s against %s", async (url, schema) => {
      const result = validate((await fetchOk(url)).body, schema);
      expect(result.ok, result.output).toBe(true);
    });

    it("and the schemas refuse a broken one", () => {
      const broken = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>2026-11-27</lastmod></url></urlset>';
      expect(validate(broken, "urlset.xsd").ok).toBe(false);
    });
  });

  it("an unpublished article leaves every feed and sitemap on the next request", async () => {
    const { db } = get();
    // Every feed and sitemap is in the page cache now.
    for (const url of [...allFeeds, ...allSitemaps]) await fetchOk(url);
    const row = await findArticleRow(db, ids.hard);
    await changeArticleStatus(db, { articleId: ids.hard, action: "unpublish", actor: editor, now: TEST_NOW, version: row?.version ?? 0 });
    for (const url of allFeeds) {
      const res = await t.app.inject(url);
      // The tag's feed still answers (the tag exists); son dakika and manşet are empty now.
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain("Ekonomi &amp; piyasa");
      expect(res.body, url).not.toContain("Ekonomi & piyasa");
      expect(res.body, url).not.toContain(`/h/${ids.hard}`);
    }
    for (const url of allSitemaps) {
      const res = await t.app.inject(url);
      expect(res.body, url).not.toContain(`-${ids.hard}.html`);
    }
    // Its authors have no other published article: they leave the author sitemap.
    expect((await t.app.inject("/sitemap/yazarlar.xml")).body).not.toContain("/yazar/ayse-yilmaz/");
    expect((await t.app.inject(`/h/${ids.hard}`)).statusCode).toBe(404);
  });
});
