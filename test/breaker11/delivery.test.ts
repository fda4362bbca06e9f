// Breaker guards for the page cache (issue 11): content negotiation, validators and HEAD on hits and
// first renders, and requests of signed-in users neither served from nor stored in the cache.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addArticle } from "../fixtures.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";

describeEachDatabase("page cache seen by clients (breaker 11)", (get) => {
  let t: TestApp;
  const renders = () => t.app.pageCache?.stats().renders ?? 0;
  const get200 = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: "GET", url, headers });
    expect(res.statusCode, url).toBe(200);
    return res;
  };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    await addArticle(db, { title: "Ekonomi sayfasının haberi", category: "ekonomi", publishedAt: "2026-11-26T09:00:00.000Z" });
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  it("gives each Accept-Encoding the coding it accepts, with a Content-Length of the bytes sent, on a first render and on hits", async () => {
    const identity = (await get200("/haber/ekonomi/", { "accept-encoding": "identity" })).rawPayload;
    const cases: Array<[string, string | undefined]> = [
      ["br", "br"],
      ["gzip", "gzip"],
      ["*", "br"],
      ["gzip;q=0", undefined],
      ["gzip;q=0, br;q=0", undefined],
      ["br;q=0.5, gzip;q=1", "gzip"],
      ["garbage", undefined],
      ["", undefined],
    ];
    for (const [accept, coding] of cases) {
      const res = await get200("/haber/ekonomi/", { "accept-encoding": accept });
      expect(res.headers["content-encoding"], accept).toBe(coding);
      expect(Number(res.headers["content-length"]), accept).toBe(res.rawPayload.length);
      expect(res.headers.vary).toBe("Accept-Encoding");
      const body = coding === "br" ? brotliDecompressSync(res.rawPayload) : coding === "gzip" ? gunzipSync(res.rawPayload) : res.rawPayload;
      expect(body.equals(identity), accept).toBe(true);
    }
  });

  it("answers If-None-Match with 304 for its tag in any coding, weak or listed, and 200 for anything else", async () => {
    const first = await get200("/haber/ekonomi/");
    const tag = String(first.headers.etag).slice(1, -1);
    for (const inm of ["*", `"${tag}"`, `W/"${tag}"`, `"${tag}-br"`, `"${tag}-gz"`, `"nope", "${tag}"`]) {
      const res = await t.app.inject({ method: "GET", url: "/haber/ekonomi/", headers: { "if-none-match": inm, "accept-encoding": "br" } });
      expect(res.statusCode, inm).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers.etag).toBe(`"${tag}-br"`);
    }
    for (const inm of ["garbage", '""', '"', tag, `"${tag}-zz"`, `W/${tag}`]) {
      const res = await t.app.inject({ method: "GET", url: "/haber/ekonomi/", headers: { "if-none-match": inm } });
      expect(res.statusCode, inm).toBe(200);
    }
  });

  it("answers HEAD on a page never rendered with the headers a GET gets and no body", async () => {
    const head = await t.app.inject({ method: "HEAD", url: "/haber/spor/", headers: { "accept-encoding": "gzip" } });
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
    const got = await get200("/haber/spor/", { "accept-encoding": "gzip" });
    expect(head.headers.etag).toBe(got.headers.etag);
    expect(head.headers["content-length"]).toBe(String(got.rawPayload.length));
  });

  it("neither serves nor keeps pages for requests with a session cookie or an Authorization header", async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ["/haber/saglik/", { authorization: "Bearer whatever" }],
      ["/haber/yasam/", { cookie: "a=1; haberci_oturum=x" }],
    ];
    for (const [url, headers] of cases) {
      const before = renders();
      const signedIn = await t.app.inject({ method: "GET", url, headers });
      expect(signedIn.headers["cache-control"]).toBe("private, no-store");
      expect(signedIn.headers.etag).toBeUndefined();
      expect(renders()).toBe(before);
      // The anonymous reader after them renders: nothing was stored by the signed-in request.
      await get200(url);
      expect(renders()).toBe(before + 1);
      // And a signed-in request after a stored page still renders its own.
      const again = await t.app.inject({ method: "GET", url, headers });
      expect(again.headers["cache-control"]).toBe("private, no-store");
    }
  });
});
