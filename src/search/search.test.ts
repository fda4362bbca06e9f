import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { InvalidInputError } from "../errors.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createArticle, updateArticle } from "../news/saveArticle.ts";
import type { Actor } from "../news/workflow.ts";
import { parseQuery } from "./analyzer.ts";
import { documentFrequencies } from "./backends.ts";
import { isPostgres } from "./index.ts";
import { reindexAll } from "./reindex.ts";
import { searchArticles } from "./searchArticles.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

describeEachDatabase("search", (get) => {
  let t: TestApp;
  let editor: Actor;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Arama Editor");
    ids.istanbul = await addArticle(db, {
      title: "İstanbul'da trafik yoğunluğu arttı",
      category: "turkiye",
      spot: "Köprülerde uzun kuyruklar oluştu.",
      body: "<p>Sabah saatlerinde İstanbul'da yoğunluk yaşandı.</p>",
      publishedAt: daysAgo(1),
    });
    ids.isparta = await addArticle(db, {
      title: "ISPARTA'NIN GÜL HASADI REKOR KIRDI",
      category: "ekonomi",
      spot: "Üreticiler memnun.",
      body: "<p>Isparta'nın gül bahçelerinde hasat sürüyor.</p>",
      publishedAt: daysAgo(2),
    });
    ids.igdir = await addArticle(db, {
      title: "Iğdır'da kayısı ihracatı başladı",
      category: "ekonomi",
      spot: "İlk tırlar yola çıktı.",
      body: "<p>Iğdır'dan Rusya'ya kayısı gönderimi yapıldı.</p>",
      publishedAt: daysAgo(3),
    });
    ids.kudus = await addArticle(db, {
      title: "Kudüs'te tarihi çeşme onarıldı",
      category: "dunya",
      spot: "Osmanlı dönemi çeşme yeniden akıyor.",
      body: "<p>Restorasyon iki yıl sürdü.</p>",
      publishedAt: daysAgo(4),
    });
    ids.nato = await addArticle(db, {
      title: "NATO'nun kış tatbikatı sona erdi",
      category: "dunya",
      spot: "Müttefikler soğukta çalıştı.",
      body: "<p>Tatbikatın başlatılmasını geçen ay liderler kararlaştırmıştı.</p>",
      publishedAt: daysAgo(5),
    });
    ids.gorusme = await addArticle(db, {
      title: "Bakanlar bir araya geldi",
      category: "gundem",
      spot: "Taraflar masaya oturdu.",
      body: "<p>Görüşmelerinin ardından ortak açıklama yapıldı.</p>",
      publishedAt: daysAgo(6),
    });
    // Ranking: the same word in a title beats it in a body; a fresh story beats an old one.
    ids.titleHit = await addArticle(db, {
      title: "Deprem tatbikatı yapıldı",
      category: "egitim",
      spot: "Okullarda hazırlık.",
      body: "<p>Öğrenciler katıldı.</p>",
      publishedAt: daysAgo(40),
    });
    ids.bodyHit = await addArticle(db, {
      title: "Okullarda güvenlik haftası",
      category: "egitim",
      spot: "Etkinlikler sürüyor.",
      body: "<p>Hafta boyunca deprem konusu da işlendi.</p>",
      publishedAt: daysAgo(40),
    });
    ids.oldDeprem = await addArticle(db, {
      title: "Deprem bölgesinde yeni konutlar",
      category: "turkiye",
      spot: "Anahtarlar teslim edildi.",
      body: "<p>Konutlar tamamlandı.</p>",
      publishedAt: daysAgo(300),
    });
    ids.newDeprem = await addArticle(db, {
      title: "Deprem bölgesinde yeni okullar",
      category: "turkiye",
      spot: "Dersler başladı.",
      body: "<p>Okullar tamamlandı.</p>",
      publishedAt: daysAgo(1),
    });
    ids.draft = await addArticle(db, { title: "Kudüs taslak haberi", category: "dunya", status: "draft" });
    for (let i = 0; i < 25; i++)
      await addArticle(db, {
        title: `Ekonomi bülteni ${i + 1}`,
        category: "ekonomi",
        body: "<p>Piyasalarda enflasyon beklentisi izleniyor.</p>",
        publishedAt: daysAgo(10 + i),
      });
    t = await buildTestApp(get().db);
  });
  afterAll(async () => t.close());

  const found = async (q: string, extra: Partial<Parameters<typeof searchArticles>[1]> = {}) =>
    (await searchArticles(get().db, { q, page: 1, pageSize: 20, now: NOW, ...extra })).hits.map((h) => h.card.id);

  it.each([
    ["istanbul", "istanbul"],
    ["İSTANBUL", "istanbul"],
    ["ISTANBUL", "istanbul"],
    ["ISPARTA", "isparta"],
    ["ısparta", "isparta"],
    ["igdir", "igdir"],
    ["IĞDIR", "igdir"],
    ["kudus", "kudus"],
    ["Kudüs'te", "kudus"],
    ["rusya", "igdir"],
    ["NATO'nun", "nato"],
    ["nato", "nato"],
    ["görüşme", "gorusme"],
    ["gorusme", "gorusme"],
    ["başlat", "nato"],
    ["baslat", "nato"],
    ["iğdır kayısı", "igdir"],
    ["ihrac", "igdir"],
    ["depremler", "titleHit"],
    ["kayısılar", "igdir"],
  ])("%s finds the right article", async (q, key) => {
    expect(await found(q)).toContain(ids[key]);
  });

  it("matches the last word as a prefix only while it is being typed", async () => {
    expect(await found("başlat")).toContain(ids.nato);
    expect(await found("başlat ")).not.toContain(ids.nato);
  });

  it("requires every word", async () => {
    expect(await found("istanbul kayısı")).toEqual([]);
  });

  it("ranks a title match above a body match, and this week's story above last year's", async () => {
    const deprem = await found("deprem ");
    expect(deprem.indexOf(ids.titleHit ?? 0)).toBeLessThan(deprem.indexOf(ids.bodyHit ?? 0));
    expect(deprem.indexOf(ids.newDeprem ?? 0)).toBeLessThan(deprem.indexOf(ids.oldDeprem ?? 0));
  });

  it("filters by category and date range, and never shows drafts to readers", async () => {
    expect(await found("deprem", { category: "egitim" })).toEqual(expect.arrayContaining([ids.titleHit, ids.bodyHit]));
    expect(await found("deprem", { category: "egitim" })).not.toContain(ids.newDeprem);
    expect(await found("deprem", { from: daysAgo(10).slice(0, 10) })).toEqual([ids.newDeprem]);
    expect(await found("deprem", { from: daysAgo(300).slice(0, 10), to: daysAgo(300).slice(0, 10) })).toEqual([ids.oldDeprem]);
    expect(await found("kudüs")).not.toContain(ids.draft);
    expect(await found("kudüs", { statuses: ["draft", "published"] })).toContain(ids.draft);
  });

  it("counts whole Istanbul days: an article published at 00:30 Istanbul time is on that day", async () => {
    const { db } = get();
    // 2026-11-19T21:30Z is 20 November, 00:30 in Istanbul.
    const late = await addArticle(db, { title: "Gece yarısı meteor yağmuru izlendi", category: "gundem", publishedAt: "2026-11-19T21:30:00.000Z" });
    expect(await found("meteor yağmuru", { from: "2026-11-20", to: "2026-11-20" })).toEqual([late]);
    expect(await found("meteor yağmuru", { to: "2026-11-19" })).toEqual([]);
    expect(await found("meteor yağmuru", { from: "2026-11-21" })).toEqual([]);
  });

  it.each([
    [{ from: "0000-01-01" }, ["from"]],
    [{ to: "0000-12-31" }, ["to"]],
    [{ from: "2031-02-30" }, ["from"]],
    [{ from: "2031-13-01", to: "10000-01-01" }, ["from", "to"]],
    [{ from: "dün" }, ["from"]],
  ])("refuses the impossible day filter %j before the database sees it", async (filters, fields) => {
    const search = searchArticles(get().db, { q: "deprem", page: 1, pageSize: 20, now: NOW, ...filters });
    await expect(search).rejects.toBeInstanceOf(InvalidInputError);
    await expect(search).rejects.toMatchObject({ fields: Object.fromEntries(fields.map((f) => [f, expect.stringContaining("YYYY-AA-GG")])) });
  });

  it("accepts the ends of the year range", async () => {
    expect(await found("deprem", { from: "1900-01-01", to: "9999-12-31" })).toContain(ids.newDeprem);
  });

  it("follows publish, edit and unpublish at once", async () => {
    const { db } = get();
    const a = await createArticle(db, { input: articleInput({ title: "Kırşehir'de jeotermal sera", spot: "Sera açıldı." }), actor: editor, now: NOW });
    expect(await found("kirsehir jeotermal")).toEqual([]);
    const live = await changeArticleStatus(db, { articleId: a.id, action: "publish", actor: editor, now: NOW });
    expect(await found("kirsehir jeotermal")).toEqual([a.id]);
    const edited = await updateArticle(db, {
      articleId: a.id,
      version: live.version,
      input: articleInput({ title: "Kırşehir'de termal otel", spot: "Otel açıldı." }),
      actor: editor,
      now: NOW,
    });
    expect(await found("jeotermal")).toEqual([]);
    expect(await found("termal otel")).toEqual([a.id]);
    await changeArticleStatus(db, { articleId: a.id, action: "unpublish", actor: editor, now: NOW, version: edited.version });
    expect(await found("termal otel")).toEqual([]);
  });

  it("rebuilds the whole index on demand", async () => {
    const progress: number[] = [];
    const count = await reindexAll(get().db, (done) => progress.push(done));
    expect(count).toBeGreaterThan(30);
    expect(progress.at(-1)).toBe(count);
    expect(await found("kudus")).toContain(ids.kudus);
  });

  it("answers the search page with highlighted snippets in the original text, the query kept in the box", async () => {
    const res = await t.app.inject(`/arama?q=${encodeURIComponent("iğdır rusya")}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<mark>Iğdır&#39;dan</mark> <mark>Rusya&#39;ya</mark>");
    expect(res.body).toMatch(/<input id="arama-sayfa" type="search" name="q" value="iğdır rusya"/);
    expect(res.body).toMatch(/<input id="arama" type="search" name="q" placeholder="Haberlerde ara" maxLength="200" value="iğdır rusya"/i);
    expect(res.body).toContain("1 haber bulundu.");
  });

  it("pages results twenty at a time", async () => {
    const first = await t.app.inject("/arama?q=enflasyon");
    expect(first.body).toContain("25 haber bulundu.");
    expect(first.body).toContain('href="/arama?q=enflasyon&amp;sayfa=2"');
    const second = await t.app.inject("/arama?q=enflasyon&sayfa=2");
    expect((second.body.match(/<li><article class="card card-row[^"]*">/g) ?? []).length).toBe(5);
  });

  it("walks every match exactly once across pages, in ranked order", async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await found("enflasyon", { page, pageSize: 10 })));
    expect(pages).toHaveLength(25);
    expect(new Set(pages).size).toBe(25);
    expect(pages).toEqual(await found("enflasyon", { pageSize: 30 }));
  });

  it("knows a common word from a rare one, for weighing words in ranking", async () => {
    const { db } = get();
    // PostgreSQL reads word frequencies from its own statistics, which ANALYZE (or autovacuum) gathers.
    if (isPostgres(db)) await sql`analyze search_documents`.execute(db);
    const { docs, totalDocs } = await documentFrequencies(db, parseQuery("enflasyon kudüs "));
    expect(totalDocs).toBeGreaterThan(30);
    expect(docs[0]).toBeGreaterThanOrEqual(20);
    expect(docs[0]).toBeGreaterThan((docs[1] ?? 0) * 5);
  });

  it("reads short prefixes from the prefix index and long ones from the word list", async () => {
    expect(await found("kud")).toContain(ids.kudus);
    expect(await found("KUD")).toContain(ids.kudus);
    expect(await found("ığd")).toContain(ids.igdir);
    expect(await found("tatbika")).toEqual(expect.arrayContaining([ids.nato, ids.titleHit]));
  });

  it.each([
    "",
    "   ",
    '"',
    "*",
    "NEAR(",
    "OR",
    "AND",
    '"istanbul',
    "ist*",
    "NEAR(istanbul trafik)",
    "istanbul OR nato",
    "(((",
    "!!!???",
    "a".repeat(300),
    "istanbul ".repeat(60),
  ])("gives a normal page for the odd query %j", async (q) => {
    const res = await t.app.inject(`/arama?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="tr">');
    const api = await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(api.statusCode).toBe(200);
  });

  it("filters the page by date range, and refuses a malformed or impossible date with a Turkish page", async () => {
    const recent = await t.app.inject(`/arama?q=deprem&baslangic=${daysAgo(2).slice(0, 10)}`);
    expect(recent.body).toContain("1 haber bulundu.");
    expect(recent.body).toContain("Deprem bölgesinde yeni okullar");
    for (const day of ["dün", "0000-01-01", "2031-02-30"]) {
      const odd = await t.app.inject(`/arama?q=deprem&baslangic=${encodeURIComponent(day)}`);
      expect(odd.statusCode).toBe(400);
      expect(odd.body).toContain('<html lang="tr">');
    }
  });

  it("has a helpful empty state", async () => {
    const res = await t.app.inject("/arama?q=zzzyyyxxx");
    expect(res.body).toContain("“zzzyyyxxx” ile eşleşen haber bulunamadı.");
    expect((await t.app.inject("/arama")).body).toContain("Aramak istediğiniz sözcükleri yazın.");
  });

  it("answers the API with total and items", async () => {
    const res = await t.app.inject("/api/v1/search?q=kudus&category=dunya");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: ids.kudus, title: "Kudüs'te tarihi çeşme onarıldı", category: { slug: "dunya", name: "Dünya" } });
    expect(body.items[0].url).toMatch(/^https:\/\/haberci\.test\/haber\/dunya\/kuduste-tarihi-cesme-onarildi-\d+\.html$/);
    expect(body.items[0].snippet).toBe("Osmanlı dönemi çeşme yeniden akıyor. Restorasyon iki yıl sürdü.");
    const dated = await t.app.inject(`/api/v1/search?q=deprem&from=${daysAgo(2).slice(0, 10)}&to=${daysAgo(0).slice(0, 10)}`);
    expect(dated.json().items.map((i: { id: number }) => i.id)).toEqual([ids.newDeprem]);
    expect((await t.app.inject("/api/v1/search?q=x&from=dün")).statusCode).toBe(400);
  });
});
