// Bylines and author pages as readers see them: the byline on the article page (or the agency),
// /yazar/{slug}/ with the profile, the articles and their pages, and the cache dropping exactly the
// author pages a publish or a profile edit touches.
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { addActor, articleInput, bylineOf, profileStampOf } from "../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { PAGE_SIZE } from "../news/listPublishedArticles.ts";
import { createArticle } from "../news/saveArticle.ts";
import { saveAuthorProfile } from "../news/saveAuthorProfile.ts";
import type { Actor } from "../news/workflow.ts";

describeEachDatabase("bylines and author pages", (get) => {
  let t: TestApp;
  let editor: Actor;
  let reporter: Actor;
  const urls: Record<string, string> = {};

  const page = async (url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };
  const renders = () => t.app.pageCache?.stats().renders ?? 0;
  /** Whether `url` is answered from the cache (true) or rendered again (false). */
  const fromCache = async (url: string) => {
    const before = renders();
    await page(url);
    return renders() === before;
  };
  const jsonLdOf = (html: string): { author: unknown } => {
    const text = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
    return JSON.parse(text) as { author: unknown };
  };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Deniz Kaya");
    reporter = await addActor(db, "muhabir", "Çiğdem Işık");
    const two = await addArticle(db, { title: "İki imzalı haber", publishedAt: "2026-11-26T10:00:00.000Z", authors: ["Deniz Kaya", "Çiğdem Işık"] });
    const agency = await addArticle(db, { title: "Ajanstan gelen haber", source: "AA", publishedAt: "2026-11-26T11:00:00.000Z" });
    // Enough articles by Deniz Kaya for two pages, newest last.
    for (let i = 1; i <= PAGE_SIZE; i++) {
      await addArticle(db, {
        title: `Deniz'in haberi ${i}`,
        publishedAt: `2026-11-2${i <= 9 ? 4 : 5}T${String(i % 10).padStart(2, "0")}:00:00.000Z`,
        authors: ["Deniz Kaya"],
      });
    }
    await addArticle(db, { title: "Taslaktaki haber", status: "draft", authors: ["Deniz Kaya"] });
    t = await buildTestApp(db);
    const list = await page("/haber/gundem/");
    for (const [key, title] of [
      ["two", "İki imzalı haber"],
      ["agency", "Ajanstan gelen haber"],
    ] as const) {
      const id = key === "two" ? two : agency;
      urls[key] = new RegExp(`href="(/haber/gundem/[^"]+-${id}\\.html)"`).exec(list)?.[1] ?? "";
      expect(urls[key], title).not.toBe("");
    }
  });
  afterAll(async () => t.close());

  it("shows the byline with a link to each author page, in order, and names them in the JSON-LD", async () => {
    const html = await page(urls.two ?? "");
    expect(html).toContain(
      '<p class="article-byline">Haber: <a href="/yazar/deniz-kaya/" rel="author">Deniz Kaya</a> ve <a href="/yazar/cigdem-isik/" rel="author">Çiğdem Işık</a></p>',
    );
    expect(jsonLdOf(html).author).toEqual([
      { "@type": "Person", name: "Deniz Kaya", url: "https://haberci.test/yazar/deniz-kaya/" },
      { "@type": "Person", name: "Çiğdem Işık", url: "https://haberci.test/yazar/cigdem-isik/" },
    ]);
  });

  it("names the agency on an item without authors, as an Organization in the JSON-LD", async () => {
    const html = await page(urls.agency ?? "");
    expect(html).toContain('<p class="article-byline">Haber: <span class="article-agency">AA</span></p>');
    expect(html).not.toContain('rel="author"');
    expect(jsonLdOf(html).author).toEqual({ "@type": "Organization", name: "AA" });
  });

  it("shows the author page: profile, published articles newest first, pages, and the feed link", async () => {
    await saveAuthorProfile(get().db, {
      user: editor,
      input: { name: "Deniz Kaya", slug: "", title: "Ekonomi Editörü", bio: "Piyasaları izler.\nAnkara'da yaşar.", imageId: null, links: ["https://example.org/deniz"] },
      stamp: await profileStampOf(get().db, editor.id),
      actor: editor,
      now: TEST_NOW,
    });
    const first = await page("/yazar/deniz-kaya/");
    expect(first).toContain('<h1 id="yazar-adi" class="page-title">Deniz Kaya</h1>');
    expect(first).toContain('<p class="author-title">Ekonomi Editörü</p>');
    expect(first).toContain("Piyasaları izler.\nAnkara'da yaşar.");
    expect(first).toContain('<a href="https://example.org/deniz" rel="me">example.org</a>');
    expect(first).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Haberci Deniz Kaya haberleri (RSS)" href="https://haberci.test/rss/yazar/deniz-kaya.xml"/>',
    );
    // 21 published articles: 20 on page 1, newest first; the draft nowhere.
    const titles = [...first.matchAll(/<h3 class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(PAGE_SIZE);
    expect(titles[0]).toBe("İki imzalı haber");
    expect(first).not.toContain("Taslaktaki haber");
    expect(first).toContain('href="/yazar/deniz-kaya/2.sayfa.html"');
    const second = await page("/yazar/deniz-kaya/2.sayfa.html");
    expect(second).toContain("Deniz Kaya — Sayfa 2");
    expect([...second.matchAll(/<h3 class="card-title">/g)]).toHaveLength(1);
    expect(second).toContain("Deniz'in haberi 1<");
  });

  it("the author page and an article with a byline are valid HTML", async () => {
    // Preact writes `<!doctype html>` and self-closing void elements: a style choice, not an error.
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off", "void-style": "off" } });
    for (const url of ["/yazar/deniz-kaya/", "/yazar/deniz-kaya/2.sayfa.html", urls.two ?? ""]) {
      const report = await validator.validateString(await page(url));
      expect(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        url,
      ).toEqual([]);
    }
  });

  it("answers the site's 404 page for an unknown author or a page past the last, and redirects the other spellings", async () => {
    const unknown = await t.app.inject("/yazar/boyle-biri-yok/");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("bulunamadı");
    expect((await t.app.inject("/yazar/deniz-kaya/3.sayfa.html")).statusCode).toBe(404);
    expect((await t.app.inject("/yazar/deniz-kaya/bir-sey.html")).statusCode).toBe(404);
    const bare = await t.app.inject("/yazar/deniz-kaya");
    expect([bare.statusCode, bare.headers.location]).toEqual([301, "/yazar/deniz-kaya/"]);
    const one = await t.app.inject("/yazar/deniz-kaya/1.sayfa.html");
    expect([one.statusCode, one.headers.location]).toEqual([301, "/yazar/deniz-kaya/"]);
  });

  it("publishing an article by one author renders that author's page again, not another author's", async () => {
    const { db } = get();
    await page("/yazar/deniz-kaya/");
    await page("/yazar/cigdem-isik/");
    expect(await fromCache("/yazar/deniz-kaya/")).toBe(true);
    const draft = await createArticle(db, { input: articleInput({ title: "Çiğdem'in yeni haberi", authors: bylineOf(reporter) }), actor: reporter, now: TEST_NOW });
    // A draft is on no author page.
    expect(await fromCache("/yazar/cigdem-isik/")).toBe(true);
    await changeArticleStatus(db, { articleId: draft.id, action: "publish", actor: editor, now: new Date(TEST_NOW.getTime() + 60_000) });
    expect(await fromCache("/yazar/deniz-kaya/")).toBe(true);
    expect(await fromCache("/yazar/cigdem-isik/")).toBe(false);
    expect(await page("/yazar/cigdem-isik/")).toContain("Çiğdem'in yeni haberi");
  });

  it("a profile edit renders the author page and the pages with their byline again, and nothing else", async () => {
    const { db } = get();
    const two = urls.two ?? "";
    const agency = urls.agency ?? "";
    for (const url of ["/yazar/cigdem-isik/", two, agency, "/yazar/deniz-kaya/"]) await page(url);
    await saveAuthorProfile(db, {
      user: reporter,
      input: { name: "Çiğdem Işık Yılmaz", slug: "cigdem-isik", title: "", bio: "", imageId: null, links: [] },
      stamp: await profileStampOf(db, reporter.id),
      actor: reporter,
      now: TEST_NOW,
    });
    expect(await fromCache(agency)).toBe(true);
    expect(await fromCache("/yazar/deniz-kaya/")).toBe(true);
    expect(await page(two)).toContain(">Çiğdem Işık Yılmaz</a>");
    expect(await page("/yazar/cigdem-isik/")).toContain('class="page-title">Çiğdem Işık Yılmaz</h1>');
  });
});
