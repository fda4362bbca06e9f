import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArticle } from "../../test/fixtures.ts";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { installDefaults } from "../news/installDefaults.ts";
import * as store from "../news/redirectStore.ts";

/** The text of the page with tags removed, for checking what a reader sees in which order. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describeEachDatabase("reader pages", (get) => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    ids.oldWorld = await addArticle(db, { title: "Eski dünya haberi", category: "dunya", publishedAt: "2026-11-20T08:00:00.000Z", tags: ["Diplomasi"] });
    ids.world = await addArticle(db, {
      title: "Kudüs'te ateşkes görüşmeleri yeniden başladı",
      category: "dunya",
      source: "AA",
      spot: "Taraflar, arabulucuların çağrısıyla masaya döndü.",
      body: "<p>Görüşmeler sabah saatlerinde başladı.</p><h2>Arabulucular</h2><blockquote><p>“Umutluyuz” dedi.</p></blockquote>",
      publishedAt: "2026-11-26T12:22:00.000Z",
      contentUpdatedAt: "2026-11-26T14:05:00.000Z",
      tags: ["Kudüs", "Diplomasi"],
      image: { storageKey: "t/kudus", caption: "Görüşmelerin yapıldığı bina", credit: "AA", alt: "Bir binanın önünde bekleyen gazeteciler" },
    });
    ids.newWorld = await addArticle(db, { title: "Brüksel'de zirve sona erdi", category: "dunya", publishedAt: "2026-11-27T06:00:00.000Z" });
    ids.draft = await addArticle(db, { title: "Taslak haber", category: "dunya", status: "draft" });
    ids.lonely = await addArticle(db, { title: "Tek eğitim haberi", category: "egitim", publishedAt: "2026-11-25T06:00:00.000Z" });
    ids.headline = await addArticle(db, {
      title: "Manşetteki büyük haber",
      category: "gundem",
      headlineSlot: 1,
      breaking: true,
      publishedAt: "2026-11-27T10:00:00.000Z",
    });
    ids.expired = await addArticle(db, {
      title: "Süresi dolmuş son dakika",
      category: "gundem",
      breaking: true,
      breakingUntil: "2026-11-27T11:00:00.000Z",
      publishedAt: "2026-11-27T09:00:00.000Z",
    });
    for (let i = 0; i < 23; i++) {
      await addArticle(db, {
        title: `Spor haberi ${i + 1}`,
        category: "spor",
        publishedAt: new Date(Date.parse("2026-11-01T00:00:00Z") + i * 3_600_000).toISOString(),
        tags: ["Futbol"],
      });
    }
    await db.transaction().execute((trx) => store.addRedirect(trx, "/eski-site/haber/12345", ids.world ?? 0, new Date()));
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  const worldUrl = () => `/haber/dunya/kuduste-ateskes-gorusmeleri-yeniden-basladi-${ids.world}.html`;

  it("serves the article with every element in the order of DESIGN.md", async () => {
    const res = await t.app.inject(worldUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain('<html lang="tr">');
    const text = visibleText(res.body);
    const order = [
      "Dünya", // category label
      "AA 26.11.2026 15:22", // source and Istanbul time
      "Güncelleme: 26.11.2026 17:05",
      "Kudüs'te ateşkes görüşmeleri yeniden başladı", // headline
      "Taraflar, arabulucuların çağrısıyla masaya döndü.", // spot
      "Görüşmelerin yapıldığı bina [Fotoğraf: AA]", // caption and credit
      "Görüşmeler sabah saatlerinde başladı.", // body
      "Arabulucular",
      "Kudüs Diplomasi", // tags
      "İlgili Haberler",
      "Eski dünya haberi", // related by shared tag
      "Sıradaki Haber",
    ];
    let at = text.indexOf("İçeriğe geç");
    for (const piece of order) {
      const found = text.indexOf(piece, at);
      expect(found, `"${piece}" after position ${at}`).toBeGreaterThan(at);
      at = found;
    }
    expect(res.body).toMatch(/<h1 id="baslik-\d+" class="article-title">Kudüs'te ateşkes/);
    expect(res.body).toContain(`<a class="article-cat" href="/haber/dunya/">Dünya</a>`);
    expect(res.body).toContain('<link rel="canonical" href="https://haberci.test' + worldUrl());
    expect(res.body).toContain('alt="Bir binanın önünde bekleyen gazeteciler"');
    expect(res.body).toContain('srcset="/medya/t/kudus-480.webp 480w');
  });

  it("offers the next older article of the category as a plain link", async () => {
    const res = await t.app.inject(worldUrl());
    const teaser = /<aside class="next-teaser"[^>]*data-next-id="(\d+)"[\s\S]*?<a class="next-link[^"]*" href="([^"]+)"/.exec(res.body);
    expect(teaser?.[1]).toBe(String(ids.oldWorld));
    expect(teaser?.[2]).toBe(`/haber/dunya/eski-dunya-haberi-${ids.oldWorld}.html`);
  });

  it("wraps from the oldest article to the newest of the category, skipping drafts", async () => {
    const res = await t.app.inject(`/haber/dunya/eski-dunya-haberi-${ids.oldWorld}.html`);
    expect(res.body).toContain(`data-next-id="${ids.newWorld}"`);
    const lonely = await t.app.inject(`/haber/egitim/tek-egitim-haberi-${ids.lonely}.html`);
    expect(lonely.statusCode).toBe(200);
    expect(lonely.body).not.toContain("Sıradaki Haber");
  });

  it("shows no updated time for an article not edited after publication", async () => {
    const res = await t.app.inject(`/haber/dunya/eski-dunya-haberi-${ids.oldWorld}.html`);
    expect(res.body).not.toContain("Güncelleme");
  });

  it("answers 301 to the canonical address for a wrong slug or category", async () => {
    for (const wrong of [
      `/haber/dunya/eski-baslik-${ids.world}.html`,
      `/haber/spor/kuduste-ateskes-gorusmeleri-yeniden-basladi-${ids.world}.html`,
      `/haber/dunya/${ids.world}.html`,
    ]) {
      const res = await t.app.inject(wrong);
      expect(res.statusCode, wrong).toBe(301);
      expect(res.headers.location).toBe(worldUrl());
    }
  });

  it("redirects a recorded old path to the article", async () => {
    const res = await t.app.inject("/eski-site/haber/12345");
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(worldUrl());
  });

  it("never shows an unpublished article, as a page or as a fragment", async () => {
    const page = await t.app.inject(`/haber/dunya/taslak-haber-${ids.draft}.html`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain("Aradığınız sayfa bulunamadı");
    expect(page.body).toContain('<html lang="tr">');
    const fragment = await t.app.inject(`/haber-parca/${ids.draft}`);
    expect(fragment.statusCode).toBe(404);
  });

  it("serves the next article as a fragment with an h2 and its own teaser", async () => {
    const res = await t.app.inject(`/haber-parca/${ids.world}`);
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith("<article")).toBe(true);
    expect(res.body).toContain(`data-url="${worldUrl()}"`);
    expect(res.body).toMatch(/<h2 id="baslik-\d+" class="article-title">/);
    expect(res.body).not.toContain("<html");
    expect(res.body).toContain(`data-next-id="${ids.oldWorld}"`);
  });

  it("pages a category twenty articles at a time, newest first", async () => {
    const first = await t.app.inject("/haber/spor/");
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("Spor haberi 23");
    expect(first.body).not.toContain("Spor haberi 3<");
    expect(first.body).toContain('href="/haber/spor/2.sayfa.html"');
    const second = await t.app.inject("/haber/spor/2.sayfa.html");
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain("Spor haberi 1<");
    expect(second.body).not.toContain("Spor haberi 23");
    expect((await t.app.inject("/haber/spor/1.sayfa.html")).headers.location).toBe("/haber/spor/");
    expect((await t.app.inject("/haber/spor/3.sayfa.html")).statusCode).toBe(404);
    expect((await t.app.inject("/haber/yok-boyle/")).statusCode).toBe(404);
  });

  it("lists a tag's articles", async () => {
    const res = await t.app.inject("/etiket/diplomasi/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Etiket: Diplomasi");
    expect(res.body).toContain("Kudüs'te ateşkes");
    expect(res.body).toContain("Eski dünya haberi");
    expect((await t.app.inject("/etiket/olmayan-etiket/")).statusCode).toBe(404);
    expect((await t.app.inject("/etiket/diplomasi/?sayfa=abc")).statusCode).toBe(400);
  });

  it("puts headlines and live breaking news on the home page", async () => {
    const res = await t.app.inject("/");
    expect(res.statusCode).toBe(200);
    const strip = /<section class="breaking-strip"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? "";
    expect(strip).toContain("Manşetteki büyük haber");
    expect(strip).not.toContain("Süresi dolmuş son dakika");
    expect(/<section class="headlines"[\s\S]*?<\/section>/.exec(res.body)?.[0]).toContain("Manşetteki büyük haber");
    expect(res.body).toContain("Son Haberler");
    expect(res.body).toContain('href="/haber/spor/"');
    expect(res.body).not.toContain("Taslak haber");
  });

  it("lists breaking news on /son-dakika/", async () => {
    const res = await t.app.inject("/son-dakika/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Manşetteki büyük haber");
    expect(res.body).not.toContain("Süresi dolmuş son dakika");
  });

  it("answers unknown addresses with the Turkish 404 page", async () => {
    const res = await t.app.inject("/boyle-bir-sayfa-yok");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("Aradığınız sayfa bulunamadı");
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it("serves the bundled script and stylesheet with long caching", async () => {
    const home = await t.app.inject("/");
    const script = /<script type="module" src="([^"]+)"/.exec(home.body)?.[1] ?? "";
    const res = await t.app.inject(script);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("immutable");
    expect(res.body).toContain("Yükleniyor lütfen bekleyiniz");
  });
});

describe("reader pages when the database fails", () => {
  it("answer with the Turkish 500 page", async () => {
    const { connectDatabase } = await import("../db/connect.ts");
    const { migrateToLatest } = await import("../db/migrate.ts");
    const handle = await connectDatabase({ dialect: "sqlite", file: ":memory:" });
    await migrateToLatest(handle.db);
    const t = await buildTestApp(handle.db);
    await handle.db.schema.dropTable("article_tags").execute();
    await handle.db.schema.dropTable("articles").execute();
    const res = await t.app.inject("/");
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain("Bir sorun oluştu");
    expect(res.body).toContain('<html lang="tr">');
    await t.close();
    await handle.close();
  });
});
