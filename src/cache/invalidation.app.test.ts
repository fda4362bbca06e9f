// The page cache seen from outside: a publish, an edit and an unpublish reach every page that shows the
// article on the very next request, while pages that do not show it are not rendered again.
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { PASSWORD, addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { signIn } from "../../test/session.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createArticle, updateArticle } from "../news/saveArticle.ts";
import { setBreakingFlag } from "../news/homeControl.ts";
import { expireBreakingNews } from "../news/publishDueArticles.ts";
import type { Actor } from "../news/workflow.ts";
import { createApiToken } from "../newsroom/apiTokens.ts";

const METRICS_TOKEN = "test-metrics-token-0123456789";

describeEachDatabase("page cache and exact invalidation", (get) => {
  let t: TestApp;
  let editor: Actor;
  let sportsUrl: string;
  /** What the app asked the CDN to drop, one list per change. */
  const purged: string[][] = [];

  const renders = () => t.app.pageCache?.stats().renders ?? 0;
  /** haberci_page_renders_total summed over routes, as Prometheus would read it. */
  const scrapeRenders = async () => {
    const res = await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    return [...res.body.matchAll(/^haberci_page_renders_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  };
  const page = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: "GET", url, headers });
    expect(res.statusCode, url).toBe(200);
    return res;
  };

  /** Every page a gündem article tagged "Kar" appears on, or would. */
  const affected = ["/", "/haber/gundem/", "/etiket/kar/", "/son-dakika/", "/api/v1/articles", "/api/v1/articles?category=gundem", "/arama?q=kar"];

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Deniz");
    await addArticle(db, { title: "Gündemde eski haber", category: "gundem", publishedAt: "2026-11-26T08:00:00.000Z", tags: ["Kar"] });
    await addArticle(db, { title: "Spor sayfasının haberi", category: "spor", publishedAt: "2026-11-26T09:00:00.000Z" });
    t = await buildTestApp(db, { metricsToken: METRICS_TOKEN, purge: (keys) => purged.push([...keys]) });
    const list = await page("/haber/spor/");
    sportsUrl = /href="(\/haber\/spor\/[^"]+\.html)"/.exec(list.body)?.[1] ?? "";
    expect(sportsUrl).not.toBe("");
  });
  afterAll(async () => t.close());

  it("answers a second request from memory, compressed, with a validator and surrogate keys", async () => {
    const first = await page("/haber/spor/", { "accept-encoding": "br, gzip" });
    const before = renders();
    const second = await page("/haber/spor/", { "accept-encoding": "br, gzip" });
    expect(renders()).toBe(before);
    expect(second.headers["content-encoding"]).toBe("br");
    expect(second.headers.vary).toBe("Accept-Encoding");
    expect(Number(second.headers["content-length"])).toBe(second.rawPayload.length);
    expect(brotliDecompressSync(second.rawPayload).toString()).toContain("Spor sayfasının haberi");
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(String(second.headers["surrogate-key"]).split(" ")).toEqual(expect.arrayContaining(["category-5", "weather", "site"]));
    expect(String(second.headers["cache-tag"]).split(",")).toEqual(expect.arrayContaining(["category-5", "site"]));
    expect(second.headers["cache-control"]).toMatch(/s-maxage=\d+/);
    expect(second.headers["cache-control"]).toMatch(/stale-if-error=\d+/);
    // Security headers stored with the page come back on hits.
    expect(second.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(second.headers["permissions-policy"]).toContain("camera=()");

    // A tracking parameter on a shared link finds the same entry.
    const shared = await page("/haber/spor/?utm_source=twitter&fbclid=abc", { "accept-encoding": "br, gzip" });
    expect(shared.headers.etag).toBe(second.headers.etag);
    expect(renders()).toBe(before);
    const head = await t.app.inject({ method: "HEAD", url: "/haber/spor/" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(renders()).toBe(before);

    const identity = await page("/haber/spor/");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body).toContain("Spor sayfasının haberi");

    const notModified = await t.app.inject({ method: "GET", url: "/haber/spor/", headers: { "if-none-match": String(second.headers.etag), "accept-encoding": "br" } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe("");
    expect(notModified.headers.etag).toBe(second.headers.etag);
  });

  it("never caches an answer for a signed-in request", async () => {
    const token = await createApiToken(get().db, { userId: editor.id, name: "test", actor: null, now: TEST_NOW });
    await page("/api/v1/articles");
    const before = renders();
    const res = await page("/api/v1/articles", { authorization: `Bearer ${token}` });
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["surrogate-key"]).toBeUndefined();
    await page("/api/v1/articles", { authorization: `Bearer ${token}` });
    expect(t.app.pageCache?.stats().hits).toBeGreaterThan(0);
    expect(renders()).toBe(before);
  });

  it("keeps nothing of the newsroom: its pages and the preview are rendered for each request", async () => {
    const { db } = get();
    const draft = await createArticle(db, { input: articleInput({ title: "Önizlemedeki taslak" }), actor: editor, now: TEST_NOW });
    const session = await signIn(t.app, "deniz-editor@haberci.test", PASSWORD);
    const entries = t.app.pageCache?.stats().entries;
    for (const url of ["/yonetim/", `/yonetim/haber/${draft.id}/onizleme`, `/yonetim/haber/${draft.id}/onizleme`]) {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: session.cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["surrogate-key"], url).toBeUndefined();
      expect(String(res.headers["cache-control"]), url).toMatch(/no-store/);
    }
    expect(t.app.pageCache?.stats().entries).toBe(entries);
  });

  it("shows a publish, an edit and an unpublish on every affected page at the next request, and renders no unrelated page", async () => {
    const { db } = get();
    for (const url of [...affected, "/haber/spor/", sportsUrl]) await page(url);

    const article = await createArticle(db, { input: articleInput({ title: "Kar yağışı kenti beyaza bürüdü", tags: ["Kar"] }), actor: editor, now: TEST_NOW });
    // A draft changes nothing readers see: the home page is still a hit.
    let before = renders();
    await page("/");
    expect(renders()).toBe(before);

    purged.length = 0;
    const published = await changeArticleStatus(db, { articleId: article.id, action: "publish", actor: editor, now: TEST_NOW });
    // The CDN is told the same keys: the article, its category, its tag, every-article lists.
    expect(purged).toEqual([expect.arrayContaining([`article-${article.id}`, "category-1", "latest", "search"])]);
    await setBreakingFlag(db, { articleId: article.id, isBreaking: true, until: new Date(TEST_NOW.getTime() + 3_600_000), actor: editor, now: TEST_NOW });
    for (const url of affected) expect((await page(url)).body, url).toContain("Kar yağışı kenti beyaza bürüdü");
    // Its own page, the "Sıradaki Haber" fragment and the API's answer.
    const own = [`/haber-parca/${article.id}`, `/api/v1/articles/${article.id}`];
    for (const url of own) expect((await page(url)).body, url).toContain("Kar yağışı kenti beyaza bürüdü");

    before = renders();
    expect((await page("/haber/spor/")).body).not.toContain("Kar yağışı");
    expect((await page(sportsUrl)).statusCode).toBe(200);
    expect(renders(), "pages of another category are not rendered again").toBe(before);

    await updateArticle(db, {
      articleId: article.id,
      version: published.version,
      input: articleInput({ title: "Kar yağışı ikinci gününde", tags: ["Kar"], isBreaking: true }),
      actor: editor,
      now: TEST_NOW,
    });
    for (const url of [...affected, ...own]) {
      const body = (await page(url)).body;
      expect(body, url).toContain("Kar yağışı ikinci gününde");
      expect(body, url).not.toContain("Kar yağışı kenti beyaza bürüdü");
    }
    before = renders();
    await page("/haber/spor/");
    expect(renders()).toBe(before);

    const current = await db.selectFrom("articles").select("version").where("id", "=", article.id).executeTakeFirstOrThrow();
    await changeArticleStatus(db, { articleId: article.id, action: "unpublish", actor: editor, now: TEST_NOW, version: current.version });
    for (const url of affected) expect((await page(url)).body, url).not.toContain("Kar yağışı ikinci gününde");
    for (const url of own) expect((await t.app.inject({ method: "GET", url })).statusCode, url).toBe(404);
  });

  it("renders a just-changed page once for hundreds of concurrent readers, and counts each render in /metrics", async () => {
    const { db } = get();
    const id = await addArticle(db, { title: "Meclis bütçeyi görüşüyor", category: "gundem", publishedAt: "2026-11-27T07:00:00.000Z" });
    const url = `/haber-parca/${id}`;
    await page(url);
    const row = await db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    await updateArticle(db, { articleId: id, version: row.version, input: articleInput({ title: "Meclis bütçeyi kabul etti" }), actor: editor, now: TEST_NOW });
    const metricsBefore = await scrapeRenders();
    const before = renders();
    const answers = await Promise.all(Array.from({ length: 300 }, () => t.app.inject({ method: "GET", url })));
    expect(renders() - before).toBe(1);
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    // Those that came while it rendered may have had the previous bytes (within the grace period); the rest have the new ones.
    expect(answers.filter((a) => a.body.includes("Meclis bütçeyi kabul etti")).length).toBeGreaterThan(0);
    expect((await page(url)).body).toContain("Meclis bütçeyi kabul etti");
    expect((await scrapeRenders()) - metricsBefore).toBe(1);
  });

  it("never lets the previous bytes be kept downstream: answers given during a re-render say no-store", async () => {
    const { db } = get();
    const id = await addArticle(db, { title: "Köprü trafiğe açıldı", category: "gundem", publishedAt: "2026-11-27T06:30:00.000Z" });
    const url = `/haber-parca/${id}`;
    expect((await page(url)).headers["cache-control"]).toMatch(/^public/);
    const row = await db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    await updateArticle(db, { articleId: id, version: row.version, input: articleInput({ title: "Köprü yarın trafiğe açılıyor" }), actor: editor, now: TEST_NOW });
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.app.inject({ method: "GET", url })));
    for (const a of answers) {
      if (a.body.includes("Köprü trafiğe açıldı")) expect(a.headers["cache-control"]).toBe("no-store");
      else expect(a.headers["cache-control"]).toMatch(/^public/);
    }
  });

  it("answers a 304 from a fresh render without the body's length, and reads coding names in any case", async () => {
    const { db } = get();
    await addArticle(db, { title: "Eğitimde yeni dönem", category: "egitim", publishedAt: "2026-11-27T05:00:00.000Z" });
    const res = await t.app.inject({ method: "GET", url: "/haber/egitim/", headers: { "if-none-match": "*", "accept-encoding": "br" } });
    expect(res.statusCode).toBe(304);
    expect(res.headers["content-length"]).toBeUndefined();
    // HEAD too, on a page just changed (rendered fresh for it).
    await addArticle(db, { title: "Okullarda kar tatili", category: "egitim", publishedAt: "2026-11-27T05:30:00.000Z" });
    const id = await addArticle(db, { title: "Sınav takvimi açıklandı", category: "egitim", publishedAt: "2026-11-27T05:40:00.000Z" });
    const head = await t.app.inject({ method: "HEAD", url: `/haber-parca/${id}`, headers: { "if-none-match": "*", "accept-encoding": "br" } });
    expect(head.statusCode).toBe(304);
    const gzip = await page("/haber/egitim/", { "accept-encoding": "GZIP" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
  });

  it("keeps an article's old address as a redirect: a crowd on it after a title change costs one render", async () => {
    const { db } = get();
    const id = await addArticle(db, { title: "Liman genişletiliyor", category: "ekonomi", publishedAt: "2026-11-27T04:00:00.000Z" });
    const list = await page("/haber/ekonomi/");
    const oldUrl = new RegExp(`href="(/haber/ekonomi/[^"]+-${id}\\.html)"`).exec(list.body)?.[1] ?? "";
    expect(oldUrl).not.toBe("");
    const row = await db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    await updateArticle(db, {
      articleId: id,
      version: row.version,
      input: articleInput({ title: "Liman genişletme ihalesi yapıldı", category: "ekonomi" }),
      actor: editor,
      now: TEST_NOW,
    });
    const before = renders();
    const answers = await Promise.all(Array.from({ length: 200 }, () => t.app.inject({ method: "GET", url: oldUrl })));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([301]));
    expect(new Set(answers.map((a) => a.headers.location))).toEqual(new Set([`/haber/ekonomi/liman-genisletme-ihalesi-yapildi-${id}.html`]));
    expect(String(answers[0]?.headers["surrogate-key"])).toContain(`article-${id}`);
    expect(renders() - before).toBe(1);
    // Whoever comes first with a query string cannot plant it in everyone's redirect.
    const row2 = await db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    await updateArticle(db, {
      articleId: id,
      version: row2.version,
      input: articleInput({ title: "Liman ihalesi sonuçlandı", category: "ekonomi" }),
      actor: editor,
      now: TEST_NOW,
    });
    const planted = await t.app.inject({ method: "GET", url: `${oldUrl}?utm_source=x&gizli=saldirgan` });
    expect(planted.headers.location).toContain("gizli=saldirgan");
    const plain = await t.app.inject({ method: "GET", url: oldUrl });
    expect(plain.headers.location).toBe(`/haber/ekonomi/liman-ihalesi-sonuclandi-${id}.html`);
  });

  it("keeps each article's Sıradaki Haber right when a neighbour leaves and comes back, moves in, or arrives", async () => {
    const { db } = get();
    const nextId = async (url: string) => /data-next-id="(\d+)"/.exec((await page(url)).body)?.[1];
    const a = await addArticle(db, { title: "Sağlık A", category: "saglik", publishedAt: "2026-11-26T12:00:00.000Z" });
    const b = await addArticle(db, { title: "Sağlık B", category: "saglik", publishedAt: "2026-11-26T11:00:00.000Z" });
    const c = await addArticle(db, { title: "Sağlık C", category: "saglik", publishedAt: "2026-11-26T10:00:00.000Z" });
    expect(await nextId(`/haber-parca/${a}`)).toBe(String(b));
    let version = (await db.selectFrom("articles").select("version").where("id", "=", b).executeTakeFirstOrThrow()).version;
    const off = await changeArticleStatus(db, { articleId: b, action: "unpublish", actor: editor, now: TEST_NOW, version });
    expect(await nextId(`/haber-parca/${a}`)).toBe(String(c));
    await changeArticleStatus(db, { articleId: b, action: "publish", actor: editor, now: TEST_NOW, version: off.version });
    expect(await nextId(`/haber-parca/${a}`)).toBe(String(b));
    // The only article of a category gets a teaser once a second one is published there.
    const alone = await addArticle(db, { title: "Yaşamın tek haberi", category: "yasam", publishedAt: "2026-11-26T09:00:00.000Z" });
    expect(await nextId(`/haber-parca/${alone}`)).toBeUndefined();
    const draft = await createArticle(db, { input: articleInput({ title: "Yaşamın ikinci haberi", category: "yasam" }), actor: editor, now: TEST_NOW });
    await changeArticleStatus(db, { articleId: draft.id, action: "publish", actor: editor, now: TEST_NOW });
    expect(await nextId(`/haber-parca/${alone}`)).toBe(String(draft.id));
    version = (await db.selectFrom("articles").select("version").where("id", "=", c).executeTakeFirstOrThrow()).version;
    expect(version).toBeGreaterThan(0);
  });

  it("drops the son dakika strip when its time runs out", async () => {
    const { db } = get();
    const id = await addArticle(db, { title: "Deprem bölgesinden son dakika", category: "gundem", publishedAt: "2026-11-27T11:00:00.000Z" });
    await setBreakingFlag(db, { articleId: id, isBreaking: true, until: new Date(TEST_NOW.getTime() + 60_000), actor: editor, now: TEST_NOW });
    expect((await page("/son-dakika/")).body).toContain("Deprem bölgesinden son dakika");
    expect(await expireBreakingNews(db, new Date(TEST_NOW.getTime() + 61_000))).toEqual([id]);
    expect((await page("/son-dakika/")).body).not.toContain("Deprem bölgesinden son dakika");
  });
});
