// Breaker (issue 12, settings): an SVG logo is recognised by its first 1,024 bytes (settingsRules.looksLikeSvg), so
// a valid, harmless SVG that opens with a longer comment (a licence or trademark notice, editor metadata) is sent to
// the raster picture check and refused with "Bu dosya türü desteklenmiyor. JPEG, PNG, WebP, AVIF ya da GIF
// yükleyin.", although the form asks for "SVG ya da PNG".
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { type Session, signIn } from "../session.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";

describeEachDatabase("breaker12: an SVG logo with a long opening comment", (get) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    await installDefaults(get().db);
    await addActor(get().db, "yonetici", "Svg Yoneticisi");
    t = await buildTestApp(get().db);
    admin = await signIn(t.app, "svgyoneticisi-yonetici@haberci.test", PASSWORD);
  });
  afterAll(async () => t?.close());

  it("is accepted as an SVG logo", async () => {
    const notice = "Bu logo Anadolu Postası'nın tescilli markasıdır; izinsiz kullanılamaz. ".repeat(20);
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${notice} -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#123456"/></svg>`;
    const boundary = `----breaker${crypto.randomBytes(8).toString("hex")}`;
    const fields = { _csrf: admin.csrf, version: "0", logo: "mevcut", defaultShareImageId: "", socialProfiles: "", siteName: "Anadolu Postası" };
    const payload = Buffer.concat([
      ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logoFile"; filename="logo.svg"\r\nContent-Type: image/svg+xml\r\n\r\n${svg}\r\n`),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: "/yonetim/ayarlar/kimlik",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: admin.cookie },
      payload,
    });
    // Was: 400 "Desteklenmeyen tür." / "Bu dosya türü desteklenmiyor. JPEG, PNG, WebP, AVIF ya da GIF yükleyin."
    expect(res.statusCode, res.body.replace(/<[^>]+>/g, " ").slice(-600)).toBe(303);
    expect((await t.app.inject("/")).body).toMatch(/<a class="logo" href="\/"[^>]*><img src="\/marka\/logo\.[0-9a-f]{10}\.svg"/);
  });
});
