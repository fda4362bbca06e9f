// PAGE_CACHE_MB=0: this instance keeps nothing, but browsers and CDNs are still told how long to keep
// pages and under which keys (a CDN in front may do all the caching).
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { installDefaults } from "../news/installDefaults.ts";

describeEachDatabase("page cache turned off", (get) => {
  let t: TestApp;
  beforeAll(async () => {
    await installDefaults(get().db);
    await addArticle(get().db, { title: "Kültür sayfasının haberi", category: "kultur-sanat", publishedAt: "2026-11-26T09:00:00.000Z" });
    t = await buildTestApp(get().db, { pageCache: { maxMegabytes: 0 } });
  });
  afterAll(async () => t.close());

  it("keeps nothing, yet sends Cache-Control and the surrogate keys", async () => {
    const res = await t.app.inject({ method: "GET", url: "/haber/kultur-sanat/" });
    expect(res.statusCode).toBe(200);
    expect(t.app.pageCache).toBeNull();
    expect(res.headers["cache-control"]).toMatch(/^public, .*s-maxage=\d+/);
    expect(String(res.headers["surrogate-key"]).split(" ")).toEqual(expect.arrayContaining(["category-7", "site"]));
    expect(res.headers["cache-tag"]).toContain("category-7");
    const signedIn = await t.app.inject({ method: "GET", url: "/haber/kultur-sanat/", headers: { authorization: "Bearer x" } });
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
  });
});
