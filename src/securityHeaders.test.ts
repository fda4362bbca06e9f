// Security headers (helmet plus Permissions-Policy), as a browser receives them on the reader site, the API docs
// and pictures; HSTS only when the site is served over https.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../test/app.ts";
import { describeEachDatabase } from "../test/databases.ts";
import { addArticle } from "../test/fixtures.ts";
import { buildApp } from "./app.ts";
import { storeImageVariants } from "./media/storage.ts";
import { installDefaults } from "./news/installDefaults.ts";
import { slugify } from "./lib/slug.ts";
import { articlePath } from "./news/slug.ts";
import { createViewCounter } from "./news/viewCounter.ts";

/** The CSP as a map of directive → sources. */
function csp(header: string | string[] | number | undefined): Map<string, string[]> {
  return new Map(
    String(header ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name ?? "", sources]),
  );
}

describeEachDatabase("security headers", (get) => {
  let t: TestApp;
  let articleUrl = "";
  const title = "Gökçeada açıklarında şişe postası bulundu";

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    t = await buildTestApp(db);
    await storeImageVariants(
      t.dataDir,
      "t/sise",
      await sharp({ create: { width: 640, height: 360, channels: 3, background: "#336699" } })
        .png()
        .toBuffer(),
    );
    const id = await addArticle(db, {
      title,
      category: "gundem",
      body: '<p>Şişe kıyıya vurdu.</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Video" width="560" height="315"></iframe><p><img src="https://foto.example.org/sise.jpg" alt="Şişe"></p>',
      image: { storageKey: "t/sise", caption: "Kıyıdaki şişe", credit: "AA", alt: "Kumda duran bir şişe" },
    });
    articleUrl = articlePath("gundem", slugify(title), id);
  });
  afterAll(async () => t?.close());

  it("sends the CSP, framing, referrer, nosniff, Permissions-Policy and HSTS headers on a reader page", async () => {
    const res = await t.app.inject("/");
    expect(res.statusCode).toBe(200);
    const policy = csp(res.headers["content-security-policy"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(String(res.headers["permissions-policy"]).split(/,\s*/)).toEqual(
      expect.arrayContaining(["camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"]),
    );
    expect(res.headers["cross-origin-embedder-policy"]).toBeUndefined();
  });

  it("needs no inline script on reader pages: every script is a file or JSON-LD data, and no element has an on* handler", async () => {
    for (const url of ["/", articleUrl, "/haber/gundem/", "/arama?q=%C5%9Fi%C5%9Fe", "/hava-durumu/", "/bulunmayan-sayfa/"]) {
      const res = await t.app.inject(url);
      expect(res.headers["content-security-policy"], url).toContain("script-src 'self'");
      for (const tag of res.body.match(/<script\b[^>]*>/g) ?? []) expect(tag, url).toMatch(/\bsrc=|type="application\/ld\+json"/);
      expect(res.body, url).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    }
  });

  it("lets an article show its YouTube embed and pictures from other sites", async () => {
    const res = await t.app.inject(articleUrl);
    expect(res.statusCode).toBe(200);
    const policy = csp(res.headers["content-security-policy"]);
    const frameHosts = [...res.body.matchAll(/<iframe[^>]*src="(https:\/\/[^/"]+)/g)].map((m) => m[1]);
    expect(frameHosts).toEqual(["https://www.youtube-nocookie.com"]);
    for (const host of frameHosts) expect(policy.get("frame-src")).toContain(host);
    expect(policy.get("img-src")).toEqual(expect.arrayContaining(["'self'", "data:", "https:"]));
    expect(res.headers["cross-origin-embedder-policy"]).toBeUndefined();
  });

  it("serves pictures to other sites (feed readers, partners) and keeps pages same-origin", async () => {
    const picture = await t.app.inject("/medya/t/sise-640.webp");
    expect(picture.statusCode).toBe(200);
    expect(picture.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(picture.headers["x-content-type-options"]).toBe("nosniff");
    expect((await t.app.inject("/")).headers["cross-origin-resource-policy"]).toBe("same-origin");
  });

  it("keeps the API documentation page working: its only style is inline CSS, which the policy allows, and it has no script", async () => {
    const res = await t.app.inject("/api/v1/docs");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<table>");
    expect(res.body).not.toMatch(/<script/i);
    expect(csp(res.headers["content-security-policy"]).get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("sends the headers on error responses too", async () => {
    for (const res of [await t.app.inject("/bulunmayan-sayfa/"), await t.app.inject("/api/v1/bulunmayan")]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
      expect(res.headers["permissions-policy"]).toContain("camera=()");
    }
  });

  it("sends no HSTS when the site is served over plain http", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-http-"));
    const views = createViewCounter(get().db, { everyMs: 60_000 });
    const app = await buildApp({ db: get().db, dataDir, publicUrl: "http://localhost:3000", views });
    try {
      const res = await app.inject("/");
      expect(res.statusCode).toBe(200);
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      expect(res.headers["content-security-policy"]).toContain("form-action 'self'");
    } finally {
      await app.close();
      await views.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
