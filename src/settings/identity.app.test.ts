// The site's identity as readers, crawlers and admins see it: structured data and share cards of every page type,
// favicons, the manifest, ads.txt, and the settings page with its checks and their effect (both databases).
import crypto from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TEST_PUBLIC_URL, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle, writeFixtureImage } from "../../test/fixtures.ts";
import { PASSWORD, addActor } from "../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../test/session.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { encodeIco } from "./ico.ts";

/** Every JSON-LD block of a page, parsed. */
function jsonLdOf(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>);
}
const blockOf = (html: string, type: string) => jsonLdOf(html).find((b) => b["@type"] === type);
/** The content of each `<meta property|name="key">`, in order. */
function metaOf(html: string, key: string): string[] {
  return [...html.matchAll(new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`, "g"))].map((m) =>
    (m[1] ?? "").replace(/&amp;/g, "&"),
  );
}

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----haberci${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const filePart = file
    ? [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logoFile"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
        file.data,
        Buffer.from("\r\n"),
      ]
    : [];
  return {
    payload: Buffer.concat([...parts, ...filePart, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#123456"/></svg>';

describeEachDatabase("site identity", (get) => {
  let t: TestApp;
  let admin: Session;
  let editor: Session;
  let withPicture: string;
  let withoutPicture: string;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    t = await buildTestApp(db);
    await writeFixtureImage(t.dataDir, "2026/11/kopru");
    await addArticle(db, {
      title: "Köprüde bakım çalışması başladı",
      category: "gundem",
      tags: ["Ulaşım", "İstanbul"],
      contentUpdatedAt: "2026-11-20T11:30:00.000Z",
      image: { storageKey: "2026/11/kopru", caption: "Köprü", credit: "AA", alt: "Köprüde çalışan ekipler", shareCrops: true },
    });
    await addArticle(db, { title: "Meclis yeni haftada bütçeyi görüşecek", category: "gundem", tags: ["Bütçe"] });
    await addActor(db, "yonetici", "Ayse Yonetici");
    await addActor(db, "editor", "Emre Editor");
    admin = await signIn(t.app, "ayseyonetici-yonetici@haberci.test", PASSWORD);
    editor = await signIn(t.app, "emreeditor-editor@haberci.test", PASSWORD);
    const home = await t.app.inject({ url: "/" });
    const links = [...home.body.matchAll(/href="(\/haber\/gundem\/[^"]+\.html)"/g)].map((m) => m[1] ?? "");
    withPicture = links.find((l) => l.includes("koprude")) ?? "";
    withoutPicture = links.find((l) => l.includes("meclis")) ?? "";
  });
  afterAll(async () => t?.close());

  describe("with no settings saved", () => {
    it("describes an article with a picture: its three crops, times with offset, section, keywords, publisher logo", async () => {
      const res = await t.app.inject({ url: withPicture });
      expect(res.statusCode).toBe(200);
      const article = blockOf(res.body, "NewsArticle");
      expect(article).toMatchObject({
        "@context": "https://schema.org",
        headline: "Köprüde bakım çalışması başladı",
        description: expect.any(String),
        datePublished: "2026-11-20T12:00:00+03:00",
        dateModified: "2026-11-20T14:30:00+03:00",
        articleSection: "Gündem",
        keywords: "Ulaşım, İstanbul",
        isAccessibleForFree: true,
        mainEntityOfPage: { "@type": "WebPage", "@id": `${TEST_PUBLIC_URL}${withPicture}` },
        publisher: { "@type": "Organization", name: "Haberci", logo: { "@type": "ImageObject", url: expect.stringMatching(/\/marka\/icon-512\.[0-9a-f]{10}\.png$/) } },
      });
      expect(article?.image).toEqual([
        { "@type": "ImageObject", url: `${TEST_PUBLIC_URL}/medya/2026/11/kopru.16x9.jpg`, width: "1200", height: "675" },
        { "@type": "ImageObject", url: `${TEST_PUBLIC_URL}/medya/2026/11/kopru.4x3.jpg`, width: "900", height: "675" },
        { "@type": "ImageObject", url: `${TEST_PUBLIC_URL}/medya/2026/11/kopru.1x1.jpg`, width: "675", height: "675" },
      ]);
      expect(blockOf(res.body, "BreadcrumbList")).toMatchObject({
        itemListElement: [
          { position: 1, name: "Ana Sayfa", item: `${TEST_PUBLIC_URL}/` },
          { position: 2, name: "Gündem", item: `${TEST_PUBLIC_URL}/haber/gundem/` },
          { position: 3, name: "Köprüde bakım çalışması başladı", item: `${TEST_PUBLIC_URL}${withPicture}` },
        ],
      });
      // The crops named exist and have the sizes given.
      for (const crop of ["16x9", "4x3", "1x1", "og"]) {
        const file = await t.app.inject({ url: `/medya/2026/11/kopru.${crop}.jpg` });
        expect(file.statusCode).toBe(200);
        expect(file.headers["content-type"]).toBe("image/jpeg");
      }
    });

    it("gives an article with a picture its 1200×630 card, article times, section and one tag property per tag", async () => {
      const html = (await t.app.inject({ url: withPicture })).body;
      expect(metaOf(html, "og:image")).toEqual([`${TEST_PUBLIC_URL}/medya/2026/11/kopru.og.jpg`]);
      expect(metaOf(html, "og:image:width")).toEqual(["1200"]);
      expect(metaOf(html, "og:image:height")).toEqual(["630"]);
      expect(metaOf(html, "og:image:alt")).toEqual(["Köprüde çalışan ekipler"]);
      expect(metaOf(html, "og:type")).toEqual(["article"]);
      expect(metaOf(html, "article:published_time")).toEqual(["2026-11-20T12:00:00+03:00"]);
      expect(metaOf(html, "article:modified_time")).toEqual(["2026-11-20T14:30:00+03:00"]);
      expect(metaOf(html, "article:section")).toEqual(["Gündem"]);
      expect(metaOf(html, "article:tag")).toEqual(["Ulaşım", "İstanbul"]);
      expect(metaOf(html, "twitter:card")).toEqual(["summary_large_image"]);
      expect(metaOf(html, "twitter:title")).toEqual(["Köprüde bakım çalışması başladı | Haberci"]);
      expect(metaOf(html, "twitter:description")).toHaveLength(1);
      expect(metaOf(html, "twitter:image")).toEqual([`${TEST_PUBLIC_URL}/medya/2026/11/kopru.og.jpg`]);
      expect(metaOf(html, "robots")).toEqual(["max-image-preview:large"]);
    });

    it("uses the site's default share images for an article without a picture", async () => {
      const html = (await t.app.inject({ url: withoutPicture })).body;
      const images = blockOf(html, "NewsArticle")?.image;
      expect(images).toEqual([
        expect.objectContaining({ url: expect.stringMatching(/\/marka\/paylasim-wide\.[0-9a-f]{10}\.jpg$/), width: "1920", height: "1080" }),
        expect.objectContaining({ url: expect.stringMatching(/paylasim-standard/), width: "1440", height: "1080" }),
        expect.objectContaining({ url: expect.stringMatching(/paylasim-square/), width: "1080", height: "1080" }),
      ]);
      const card = metaOf(html, "og:image")[0] ?? "";
      expect(card).toMatch(/\/marka\/paylasim-og\.[0-9a-f]{10}\.jpg$/);
      const file = await t.app.inject({ url: card.replace(TEST_PUBLIC_URL, "") });
      expect(file.statusCode).toBe(200);
      expect(file.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(await sharp(file.rawPayload).metadata()).toMatchObject({ format: "jpeg", width: 1200, height: 630 });
      expect(metaOf(html, "og:image:alt")).toEqual(["Haberci"]);
    });

    it("gives a category page its breadcrumbs and the home page the WebSite with its search and the organisation", async () => {
      const category = (await t.app.inject({ url: "/haber/gundem/" })).body;
      expect(blockOf(category, "BreadcrumbList")).toMatchObject({
        itemListElement: [
          { position: 1, name: "Ana Sayfa", item: `${TEST_PUBLIC_URL}/` },
          { position: 2, name: "Gündem", item: `${TEST_PUBLIC_URL}/haber/gundem/` },
        ],
      });
      const home = (await t.app.inject({ url: "/" })).body;
      expect(blockOf(home, "WebSite")).toEqual({
        "@context": "https://schema.org",
        "@type": "WebSite",
        name: "Haberci",
        url: `${TEST_PUBLIC_URL}/`,
        inLanguage: "tr-TR",
        potentialAction: {
          "@type": "SearchAction",
          target: { "@type": "EntryPoint", urlTemplate: `${TEST_PUBLIC_URL}/arama?q={search_term_string}` },
          "query-input": "required name=search_term_string",
        },
      });
      expect(blockOf(home, "NewsMediaOrganization")).toMatchObject({
        name: "Haberci",
        url: `${TEST_PUBLIC_URL}/`,
        logo: { url: expect.stringContaining("/marka/icon-512.") },
      });
      expect(blockOf(home, "NewsMediaOrganization")).not.toHaveProperty("sameAs");
      expect(metaOf(home, "robots")).toEqual(["max-image-preview:large"]);
      // Search pages and 404s stay out of the index.
      expect(metaOf((await t.app.inject({ url: "/arama?q=köprü" })).body, "robots")).toEqual(["noindex"]);
      expect(metaOf((await t.app.inject({ url: "/yok-boyle-bir-sayfa" })).body, "robots")).toEqual(["noindex"]);
    });

    it("serves the favicons, the apple-touch-icon and the manifest; /ads.txt is a 404", async () => {
      const ico = await t.app.inject({ url: "/favicon.ico" });
      expect(ico.statusCode).toBe(200);
      expect(ico.headers["content-type"]).toBe("image/x-icon");
      // ICONDIR: reserved 0, type 1 (icon), three images (16, 32, 48), each a PNG.
      expect([ico.rawPayload.readUInt16LE(0), ico.rawPayload.readUInt16LE(2), ico.rawPayload.readUInt16LE(4)]).toEqual([0, 1, 3]);
      expect([ico.rawPayload[6], ico.rawPayload[22], ico.rawPayload[38]]).toEqual([16, 32, 48]);
      const firstOffset = ico.rawPayload.readUInt32LE(18);
      expect(ico.rawPayload.subarray(firstOffset, firstOffset + 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const touch = await t.app.inject({ url: "/apple-touch-icon.png" });
      expect(await sharp(touch.rawPayload).metadata()).toMatchObject({ format: "png", width: 180, height: 180 });
      expect((await t.app.inject({ url: "/favicon.svg" })).headers["content-type"]).toMatch(/^image\/svg\+xml/);

      const home = (await t.app.inject({ url: "/" })).body;
      for (const rel of [
        'rel="icon" href="/marka/favicon\\.[0-9a-f]{10}\\.ico"',
        'rel="icon" href="/marka/favicon\\.[0-9a-f]{10}\\.svg" type="image/svg\\+xml"',
        'rel="apple-touch-icon" href="/marka/apple-touch-icon\\.[0-9a-f]{10}\\.png"',
        'rel="manifest" href="/site.webmanifest"',
      ]) {
        expect(home).toMatch(new RegExp(`<link ${rel}`));
      }
      expect(metaOf(home, "theme-color")).toEqual(["#c8102e"]);
      const manifest = await t.app.inject({ url: "/site.webmanifest" });
      expect(manifest.headers["content-type"]).toMatch(/^application\/manifest\+json/);
      const m = manifest.json<{ name: string; short_name: string; icons: Array<{ src: string; sizes: string; type: string }> } & Record<string, unknown>>();
      expect(m).toMatchObject({ name: "Haberci", short_name: "Haberci", start_url: "/", display: "standalone", theme_color: "#c8102e", background_color: "#ffffff" });
      expect(m.icons.map((i) => i.sizes)).toEqual(["192x192", "512x512"]);
      for (const icon of m.icons) expect((await t.app.inject({ url: icon.src })).statusCode).toBe(200);

      expect((await t.app.inject({ url: "/ads.txt" })).statusCode).toBe(404);
    });
  });

  describe("the settings page", () => {
    const identityForm = (session: Session, fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) => {
      const { payload, headers } = multipart(
        { _csrf: session.csrf, version: "0", logo: "mevcut", defaultShareImageId: "", socialProfiles: "", siteName: "Haberci", ...fields },
        file,
      );
      return t.app.inject({ method: "POST", url: "/yonetim/ayarlar/kimlik", headers: { ...headers, cookie: session.cookie }, payload });
    };
    const versionOn = (html: string, action: string) => new RegExp(`action="${action}"[\\s\\S]*?name="version" value="(\\d+)"`).exec(html)?.[1] ?? "";

    it("is for admins only, and every save needs the form's CSRF token", async () => {
      expect((await editor.get("/yonetim/ayarlar")).statusCode).toBe(403);
      expect((await identityForm(editor, { siteName: "Ele Geçirilmiş" })).statusCode).toBe(403);
      expect((await admin.post("/yonetim/ayarlar/ads-txt", { version: "0", text: "x" }, { csrf: "yanlis" })).statusCode).toBe(403);
      expect((await t.app.inject({ url: "/" })).body).not.toContain("Ele Geçirilmiş");
    });

    it("refuses bad values with Turkish messages per field and keeps what was typed; nothing changes", async () => {
      const res = await identityForm(
        admin,
        { siteName: "   ", socialProfiles: "http://x.com/haberci\nhttps://www.instagram.com/haberci" },
        { name: "logo.svg", type: "image/svg+xml", data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Site adını yazın.");
      expect(res.body).toContain("Adres https:// ile başlamalı: http://x.com/haberci");
      expect(res.body).toContain("SVG logo betik");
      expect(res.body).toContain("https://www.instagram.com/haberci");
      expect(blockOf((await t.app.inject({ url: "/" })).body, "NewsMediaOrganization")).toMatchObject({ name: "Haberci" });
      const unknownPicture = await identityForm(admin, { defaultShareImageId: "999999" });
      expect(unknownPicture.statusCode).toBe(400);
      expect(unknownPicture.body).toContain("Seçilen görsel kütüphanede yok.");
    });

    it("puts the name, the SVG logo and the social profiles on every page and in the structured data, dropping cached pages", async () => {
      // Cached before the save.
      await t.app.inject({ url: "/" });
      await t.app.inject({ url: withPicture });
      await t.app.inject({ url: "/site.webmanifest" });
      const page = await admin.get("/yonetim/ayarlar");
      expect(page.statusCode).toBe(200);
      const res = await identityForm(
        admin,
        {
          version: versionOn(page.body, "/yonetim/ayarlar/kimlik"),
          siteName: "Kuzey Ekspres Haber Ajansı",
          socialProfiles: "https://x.com/kuzeyekspres\nhttps://www.youtube.com/@kuzeyekspres",
        },
        { name: "logo.svg", type: "image/svg+xml", data: Buffer.from(LOGO_SVG) },
      );
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe("/yonetim/ayarlar?mesaj=ayarlar");

      const home = (await t.app.inject({ url: "/" })).body;
      const organisation = blockOf(home, "NewsMediaOrganization");
      expect(organisation).toMatchObject({
        name: "Kuzey Ekspres Haber Ajansı",
        sameAs: ["https://x.com/kuzeyekspres", "https://www.youtube.com/@kuzeyekspres"],
        logo: { url: expect.stringMatching(/\/marka\/logo\.[0-9a-f]{10}\.svg$/) },
      });
      expect(blockOf(home, "WebSite")).toMatchObject({ name: "Kuzey Ekspres Haber Ajansı" });
      expect(home).toContain("<title>Kuzey Ekspres Haber Ajansı — ");
      const logoUrl = String((organisation?.logo as { url: string }).url).replace(TEST_PUBLIC_URL, "");
      expect(home).toContain(`<img src="${logoUrl}"`);
      const logo = await t.app.inject({ url: logoUrl });
      expect(logo.statusCode).toBe(200);
      expect(logo.headers["content-type"]).toBe("image/svg+xml");
      expect(logo.headers["content-security-policy"]).toContain("sandbox");
      expect(logo.body).toBe(LOGO_SVG);

      const article = (await t.app.inject({ url: withPicture })).body;
      expect(blockOf(article, "NewsArticle")).toMatchObject({ publisher: { name: "Kuzey Ekspres Haber Ajansı", logo: { url: `${TEST_PUBLIC_URL}${logoUrl}` } } });
      expect(metaOf(article, "og:site_name")).toEqual(["Kuzey Ekspres Haber Ajansı"]);
      const manifest = (await t.app.inject({ url: "/site.webmanifest" })).json<{ name: string; short_name: string }>();
      expect(manifest).toMatchObject({ name: "Kuzey Ekspres Haber Ajansı", short_name: "Kuzey" });

      const audit = await admin.get("/yonetim/denetim");
      expect(audit.body).toContain("Site ayarları değişti");
    });

    it("takes a library picture as the default share image of articles without one", async () => {
      const page = await admin.get("/yonetim/ayarlar");
      const { db } = get();
      const image = await db.selectFrom("images").select("id").where("storageKey", "=", "2026/11/kopru").executeTakeFirstOrThrow();
      const res = await identityForm(admin, {
        version: versionOn(page.body, "/yonetim/ayarlar/kimlik"),
        siteName: "Kuzey Ekspres Haber Ajansı",
        defaultShareImageId: String(image.id),
      });
      expect(res.statusCode, res.body).toBe(303);
      const html = (await t.app.inject({ url: withoutPicture })).body;
      expect(metaOf(html, "og:image")).toEqual([`${TEST_PUBLIC_URL}/medya/2026/11/kopru.og.jpg`]);
      expect((blockOf(html, "NewsArticle")?.image as Array<{ url: string }>).map((i) => i.url)).toEqual([
        `${TEST_PUBLIC_URL}/medya/2026/11/kopru.16x9.jpg`,
        `${TEST_PUBLIC_URL}/medya/2026/11/kopru.4x3.jpg`,
        `${TEST_PUBLIC_URL}/medya/2026/11/kopru.1x1.jpg`,
      ]);
      // The logo was kept ("mevcut").
      expect(blockOf((await t.app.inject({ url: "/" })).body, "NewsMediaOrganization")).toMatchObject({ logo: { url: expect.stringContaining("/marka/logo.") } });
    });

    it("takes a PNG logo into the media library, and removes the logo again on request", async () => {
      const png = await sharp({ create: { width: 600, height: 200, channels: 4, background: "#00000000" } })
        .png()
        .toBuffer();
      let page = await admin.get("/yonetim/ayarlar");
      const saved = await identityForm(
        admin,
        { version: versionOn(page.body, "/yonetim/ayarlar/kimlik"), siteName: "Kuzey Ekspres Haber Ajansı" },
        { name: "logo.png", type: "image/png", data: png },
      );
      expect(saved.statusCode, saved.body).toBe(303);
      const row = await get().db.selectFrom("images").selectAll().where("alt", "=", "Kuzey Ekspres Haber Ajansı logosu").executeTakeFirstOrThrow();
      const home = (await t.app.inject({ url: "/" })).body;
      // The WebP variant (it keeps the transparency a JPEG would lose), with its own size.
      expect(blockOf(home, "NewsMediaOrganization")).toMatchObject({ logo: { url: `${TEST_PUBLIC_URL}/medya/${row.storageKey}-600.webp`, width: "600", height: "200" } });
      expect(home).toContain(`<img src="/medya/${row.storageKey}-600.webp" alt height="40" width="120"/>`);

      page = await admin.get("/yonetim/ayarlar");
      expect(
        (await identityForm(admin, { version: versionOn(page.body, "/yonetim/ayarlar/kimlik"), siteName: "Kuzey Ekspres Haber Ajansı", logo: "yok" })).statusCode,
      ).toBe(303);
      const after = (await t.app.inject({ url: "/" })).body;
      expect(after).not.toContain(`/medya/${row.storageKey}-600.webp`);
      expect(blockOf(after, "NewsMediaOrganization")).toMatchObject({ logo: { url: expect.stringContaining("/marka/icon-512.") } });
    });

    it("refuses a save made from an older version of the form (409), keeping what was typed", async () => {
      const res = await identityForm(admin, { version: "1", siteName: "Eski Sekmeden Kayıt" });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("başka biri tarafından değiştirildi");
      expect(res.body).toContain("Eski Sekmeden Kayıt");
      expect(blockOf((await t.app.inject({ url: "/" })).body, "WebSite")).toMatchObject({ name: "Kuzey Ekspres Haber Ajansı" });
    });

    it("serves ads.txt as plain text once saved, through the page cache, and a 404 again when emptied", async () => {
      const page = await admin.get("/yonetim/ayarlar");
      const text = "google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0   \r\n\r\nornekreklam.com.tr, 12345, RESELLER\n\n";
      const saved = await admin.post("/yonetim/ayarlar/ads-txt", { version: versionOn(page.body, "/yonetim/ayarlar/ads-txt"), text });
      expect(saved.statusCode, saved.body).toBe(303);
      const ads = await t.app.inject({ url: "/ads.txt" });
      expect(ads.statusCode).toBe(200);
      expect(ads.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(ads.body).toBe("google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0\n\nornekreklam.com.tr, 12345, RESELLER\n");
      expect(String(ads.headers["surrogate-key"])).toContain("ads-txt");
      const again = await t.app.inject({ url: "/ads.txt", headers: { "if-none-match": String(ads.headers.etag) } });
      expect(again.statusCode).toBe(304);

      const page2 = await admin.get("/yonetim/ayarlar");
      expect((await admin.post("/yonetim/ayarlar/ads-txt", { version: versionOn(page2.body, "/yonetim/ayarlar/ads-txt"), text: "" })).statusCode).toBe(303);
      expect((await t.app.inject({ url: "/ads.txt" })).statusCode).toBe(404);
    });
  });
});

describe("ICO container", () => {
  it("refuses an empty icon or a size it cannot store", () => {
    expect(() => encodeIco([])).toThrow(RangeError);
    expect(() => encodeIco([{ png: Buffer.alloc(1), width: 300, height: 300 }])).toThrow(RangeError);
    expect(encodeIco([{ png: Buffer.alloc(3), width: 256, height: 256 }]).readUInt8(6)).toBe(0);
  });
});
