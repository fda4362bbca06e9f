// Breaker (issue 12): settings text over the edge's bound (ads.txt over 64 KB, social profiles over 5,000
// characters) gets the bare "İstek geçersiz." page: no field message, and everything the admin typed is gone.
// The textarea has no maxlength, so a browser sends it as is.
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { type Session, signIn } from "../session.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";

function multipart(fields: Record<string, string>) {
  const boundary = `----breaker${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describeEachDatabase("breaker12: settings text over the limit", (get) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    await installDefaults(get().db);
    await addActor(get().db, "yonetici", "Ayar Yoneticisi");
    t = await buildTestApp(get().db);
    admin = await signIn(t.app, "ayaryoneticisi-yonetici@haberci.test", PASSWORD);
  });
  afterAll(async () => t?.close());

  it("takes an ads.txt of 2,500 seller lines (about 180 KB), the size large ad-supported sites publish", async () => {
    const lines = Array.from({ length: 2_500 }, (_, i) => `reklamagi${i}.com.tr, pub-${String(i).padStart(12, "0")}, RESELLER, f08c47fec0942fa0`);
    const res = await admin.post("/yonetim/ayarlar/ads-txt", { version: "0", text: lines.join("\n") });
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject("/ads.txt")).body).toContain("reklamagi2499.com.tr");
  });

  it("an ads.txt over 512 KB shows the settings form again with a Turkish message and the text kept", async () => {
    // 8,000 seller lines: about 580 KB.
    const lines = Array.from({ length: 8_000 }, (_, i) => `reklamagi${i}.com.tr, pub-${String(i).padStart(12, "0")}, RESELLER, f08c47fec0942fa0`);
    const res = await admin.post("/yonetim/ayarlar/ads-txt", { version: "1", text: lines.join("\n") });
    expect(res.statusCode).toBe(400);
    // Was: the generic "İstek geçersiz." page with a link to the article list; the 2,500 lines are lost.
    expect(res.body).toContain('action="/yonetim/ayarlar/ads-txt"');
    expect(res.body).toContain("reklamagi7999.com.tr");
    expect(res.body).toMatch(/class="field-error"|class="notice/);
  });

  it("social profiles over 5,000 characters get the field's message, not the bare error page", async () => {
    const profiles = Array.from({ length: 12 }, (_, i) => `https://www.ornek-sosyal-ag.com.tr/haberci/${"a".repeat(400)}${i}`).join("\n");
    const { payload, headers } = multipart({
      _csrf: admin.csrf,
      version: "0",
      logo: "mevcut",
      defaultShareImageId: "",
      socialProfiles: profiles,
      siteName: "Yeni Adımız",
    });
    const res = await t.app.inject({ method: "POST", url: "/yonetim/ayarlar/kimlik", headers: { ...headers, cookie: admin.cookie }, payload });
    expect(res.statusCode).toBe(400);
    // Was: "İstek geçersiz."; the new site name and the profiles typed are gone.
    expect(res.body).toContain('action="/yonetim/ayarlar/kimlik"');
    expect(res.body).toContain("Yeni Adımız");
    expect(res.body).toMatch(/id="socialProfiles-hata"|class="field-error"/);
  });
});
