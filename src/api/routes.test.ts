import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { installDefaults } from "../news/installDefaults.ts";

describeEachDatabase("public read API", (get) => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    ids.a = await addArticle(db, {
      title: "İzmir'de liman genişliyor",
      category: "ekonomi",
      source: "DHA",
      tags: ["İzmir", "Liman"],
      publishedAt: "2026-11-26T08:00:00.000Z",
      contentUpdatedAt: "2026-11-26T10:30:00.000Z",
      image: { storageKey: "t/liman", caption: "Limandaki vinçler", credit: "DHA", alt: "Konteyner yüklü gemi" },
    });
    ids.b = await addArticle(db, { title: "Borsa güne yükselişle başladı", category: "ekonomi", publishedAt: "2026-11-27T07:00:00.000Z" });
    ids.c = await addArticle(db, { title: "İzmir'de maç heyecanı", category: "spor", tags: ["İzmir"], publishedAt: "2026-11-25T07:00:00.000Z" });
    ids.draft = await addArticle(db, { title: "Yayımlanmamış taslak", category: "ekonomi", status: "draft" });
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  it("lists published articles newest first, with total and page", async () => {
    const res = await t.app.inject("/api/v1/articles");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.page).toBe(1);
    expect(body.items.map((a: { id: number }) => a.id)).toEqual([ids.b, ids.a, ids.c]);
  });

  it("filters by category and tag slug, and pages with limit", async () => {
    const byCategory = (await t.app.inject("/api/v1/articles?category=ekonomi")).json();
    expect(byCategory.items.map((a: { id: number }) => a.id)).toEqual([ids.b, ids.a]);
    const byTag = (await t.app.inject("/api/v1/articles?tag=izmir")).json();
    expect(byTag.total).toBe(2);
    expect(byTag.items.map((a: { id: number }) => a.id)).toEqual([ids.a, ids.c]);
    const paged = (await t.app.inject("/api/v1/articles?limit=2&page=2")).json();
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.items.map((a: { id: number }) => a.id)).toEqual([ids.c]);
    const none = (await t.app.inject("/api/v1/articles?category=olmayan")).json();
    expect(none).toEqual({ items: [], total: 0, page: 1 });
  });

  it("gives one article with every field, the canonical url and ISO 8601 times", async () => {
    const res = await t.app.inject(`/api/v1/articles/${ids.a}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: ids.a,
      title: "İzmir'de liman genişliyor",
      spot: "İzmir'de liman genişliyor ile ilgili ayrıntılar haberimizde.",
      url: `https://haberci.test/haber/ekonomi/izmirde-liman-genisliyor-${ids.a}.html`,
      category: { slug: "ekonomi", name: "Ekonomi" },
      tags: [
        { slug: "izmir", name: "İzmir" },
        { slug: "liman", name: "Liman" },
      ],
      source: { slug: "dha", name: "DHA" },
      // An agency item: no byline.
      authors: [],
      publishedAt: "2026-11-26T08:00:00.000Z",
      updatedAt: "2026-11-26T10:30:00.000Z",
      image: {
        url: "https://haberci.test/medya/t/liman-800.webp",
        srcset: "https://haberci.test/medya/t/liman-480.webp 480w, https://haberci.test/medya/t/liman-800.webp 800w, https://haberci.test/medya/t/liman-1200.webp 1200w",
        width: 1200,
        height: 675,
        alt: "Konteyner yüklü gemi",
        caption: "Limandaki vinçler",
        credit: "DHA",
      },
    });
  });

  it("answers 404 with a JSON error for unknown and unpublished ids", async () => {
    for (const id of [999999, ids.draft]) {
      const res = await t.app.inject(`/api/v1/articles/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/json");
      expect(res.json().error.code).toBe("not_found");
      expect(res.json().error.message).toMatch(/bulunamadı/);
    }
  });

  it("answers 400 with field errors for bad query strings", async () => {
    for (const query of ["limit=0", "limit=51", "page=abc", "category=Büyük Harf", "page=-1"]) {
      const res = await t.app.inject(`/api/v1/articles?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("invalid_input");
      expect(Object.keys(res.json().error.fields).length).toBeGreaterThan(0);
    }
    expect((await t.app.inject("/api/v1/articles/abc")).statusCode).toBe(400);
    expect((await t.app.inject("/api/v1/yok")).json().error.code).toBe("not_found");
  });

  it("counts page views of published articles only, once per reader, never for bots or prefetches", async () => {
    const BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const beacon = (id: number | undefined, remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/views`, remoteAddress, headers: { "user-agent": BROWSER, ...headers } });
    expect((await beacon(ids.c, "203.0.113.7")).statusCode).toBe(204);
    expect((await beacon(ids.c, "203.0.113.7")).statusCode).toBe(204); // a reload: not counted again
    expect((await beacon(ids.c, "198.51.100.23")).statusCode).toBe(204); // another reader
    expect((await beacon(ids.c, "66.249.66.1", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" })).statusCode).toBe(204);
    expect((await beacon(ids.c, "192.0.2.44", { "sec-purpose": "prefetch;prerender" })).statusCode).toBe(204);
    expect((await beacon(ids.c, "192.0.2.45", { purpose: "prefetch" })).statusCode).toBe(204);
    expect((await beacon(ids.draft, "203.0.113.7")).statusCode).toBe(404);
    await t.views.flush();
    const { viewCount } = await get()
      .db.selectFrom("articles")
      .select("viewCount")
      .where("id", "=", ids.c ?? 0)
      .executeTakeFirstOrThrow();
    expect(viewCount).toBe(2);
    const home = await t.app.inject("/");
    const mostRead = /<section aria-labelledby="en-cok-okunanlar"[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? "";
    expect(mostRead.indexOf("İzmir'de maç heyecanı")).toBeGreaterThan(-1);
    expect(mostRead.indexOf("İzmir'de maç heyecanı")).toBeLessThan(mostRead.indexOf("Borsa güne"));
  });
});
