// Breaker (issue 12, site identity): a PNG logo uploaded on /yonetim/ayarlar joins the media library, and pages use
// its JPEG fallback (at most 1280 px wide) while the structured data gives the original's size; and a PNG logo's
// transparent background becomes an opaque JPEG.
import crypto from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { type Session, signIn } from "../session.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----breaker${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const filePart = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logoFile"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from("\r\n"),
  ];
  return {
    payload: Buffer.concat([...parts, ...filePart, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase("breaker12: an uploaded PNG logo", (get) => {
  let t: TestApp;
  let admin: Session;

  const uploadLogo = async (data: Buffer, version: string) => {
    const { payload, headers } = multipart(
      { _csrf: admin.csrf, version, logo: "mevcut", defaultShareImageId: "", socialProfiles: "", siteName: "Anadolu Postası" },
      { name: "logo.png", type: "image/png", data },
    );
    const res = await t.app.inject({ method: "POST", url: "/yonetim/ayarlar/kimlik", headers: { ...headers, cookie: admin.cookie }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  };
  const organisationLogo = async () => {
    const html = (await t.app.inject("/")).body;
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1] ?? "null") as { "@type": string; logo?: { url: string; width?: string; height?: string } },
    );
    return blocks.find((b) => b["@type"] === "NewsMediaOrganization")?.logo;
  };
  const fetchImage = async (url: string) => {
    const res = await t.app.inject(new URL(url).pathname);
    expect(res.statusCode).toBe(200);
    return sharp(res.rawPayload).metadata();
  };

  beforeAll(async () => {
    await installDefaults(get().db);
    await addActor(get().db, "yonetici", "Logo Yoneticisi");
    t = await buildTestApp(get().db);
    admin = await signIn(t.app, "logoyoneticisi-yonetici@haberci.test", PASSWORD);
  });
  afterAll(async () => t?.close());

  it("the NewsMediaOrganization logo's width and height are those of the file it names", async () => {
    const wide = await sharp({ create: { width: 2000, height: 400, channels: 4, background: { r: 200, g: 16, b: 46, alpha: 1 } } })
      .png()
      .toBuffer();
    await uploadLogo(wide, "0");
    const logo = await organisationLogo();
    expect(logo?.url).toBeTruthy();
    const file = await fetchImage(logo?.url ?? "");
    // Was: "2000"×"400" for a 1280×256 JPEG.
    expect([Number(logo?.width), Number(logo?.height)]).toEqual([file.width, file.height]);
  });

  it("a transparent PNG logo stays transparent in the page header", async () => {
    const mark = await sharp({ create: { width: 600, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: Buffer.from('<svg width="600" height="120"><rect x="10" y="10" width="580" height="100" rx="20" fill="#c8102e"/></svg>') }])
      .png()
      .toBuffer();
    await uploadLogo(mark, "1");
    const html = (await t.app.inject("/")).body;
    const src = /<a class="logo" href="\/"[^>]*><img src="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(src).not.toBe("");
    const file = await fetchImage(`https://haberci.test${src}`);
    // Was: a JPEG (no alpha): the logo sits in a white box on any background that is not white.
    expect(file.hasAlpha).toBe(true);
  });
});
