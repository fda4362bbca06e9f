// The media picker through the routes: searching the library (words with or without Turkish letters,
// uploader, upload days, pages), a bad day as a field error, choosing a picture (the library's caption,
// credit and alt filled in), overriding them per article without touching the library, uploading from
// the picker (form and script), and an animated GIF that still moves in what readers get.
import crypto from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestApp, buildTestApp } from "../../../test/app.ts";
import { describeEachDatabase } from "../../../test/databases.ts";
import { PASSWORD, addActor } from "../../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../../test/session.ts";
import { DAY_MESSAGE } from "../../lib/time.ts";
import { findImage, insertImage } from "../../media/store.ts";
import { uploadImage } from "../../media/uploadImage.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import type { Actor } from "../../news/workflow.ts";
import { PICKER_PAGE_SIZE } from "./searchLibrary.ts";

function multipart(fields: Record<string, string>, file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----haberci${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.gif"\r\nContent-Type: image/gif\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** The values of the editor form's text inputs and selects, as a browser would post them back. */
function formValues(html: string): Record<string, string> {
  const form = /<form[^>]*id="article-form"[^>]*>([^]*?)<\/form>/.exec(html)?.[1] ?? "";
  const decode = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[1] ?? "")?.[1];
    const type = /\btype="([^"]+)"/.exec(m[1] ?? "")?.[1] ?? "text";
    if (name && name !== "_csrf" && type !== "checkbox" && type !== "radio" && type !== "datetime-local")
      out[name] = decode(/\bvalue="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "");
  }
  for (const m of form.matchAll(/<textarea[^>]*\bname="([^"]+)"[^>]*>([^]*?)<\/textarea>/g)) out[m[1] ?? ""] = decode(m[2] ?? "");
  for (const m of form.matchAll(/<select[^>]*\bname="([^"]+)"[^>]*>([^]*?)<\/select>/g)) {
    out[m[1] ?? ""] = decode(/<option[^>]*value="([^"]*)"[^>]*selected[^>]*>/.exec(m[2] ?? "")?.[1] ?? "");
  }
  return out;
}

/** The ids of the pictures a picker page offers, in order. */
const offered = (html: string) => [...html.matchAll(/name="gorsel" value="(\d+)"/g)].map((m) => Number(m[1]));

describeEachDatabase("the media picker", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let photographer: Actor;
  let session: Session;
  let editorSession: Session;
  const ids = { square: 0, sea: 0, old: 0 };
  let png: Buffer;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Secici Muhabir");
    photographer = await addActor(db, "muhabir", "Foto Muhabir");
    await addActor(db, "editor", "Secici Editor");
    t = await buildTestApp(db);
    session = await signIn(t.app, "secicimuhabir-muhabir@haberci.test", PASSWORD);
    editorSession = await signIn(t.app, "secicieditor-editor@haberci.test", PASSWORD);
    png = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#557799" } })
      .png()
      .toBuffer();
    const upload = (caption: string, credit: string, alt: string, actor: Actor, now: Date) =>
      uploadImage(db, { data: png, caption, credit, alt, actor, now, dataDir: t.dataDir, maxBytes: 20 * 1_048_576 });
    ids.old = (await upload("Eski arşiv fotoğrafı", "Arşiv", "Siyah beyaz bir sokak", photographer, new Date("2026-01-10T09:00:00Z"))).id;
    ids.square = (await upload("Kızılay Meydanı'nda ŞENLİK", "AA", "Meydanda toplanan kalabalık", reporter, new Date("2026-11-20T09:00:00Z"))).id;
    ids.sea = (await upload("İzmir Körfezi", "DHA", "Körfezde yelkenliler", photographer, new Date("2026-11-25T09:00:00Z"))).id;
  });
  afterAll(async () => t?.close());

  it("finds pictures by caption, credit and alt words typed with or without Turkish letters, newest first", async () => {
    expect(offered((await session.get("/yonetim/medya/sec")).body)).toEqual([ids.sea, ids.square, ids.old]);
    const folded = await session.get("/yonetim/medya/sec?q=kizilay+senlik");
    expect(folded.statusCode).toBe(200);
    expect(offered(folded.body)).toEqual([ids.square]);
    expect(offered((await session.get(`/yonetim/medya/sec?q=${encodeURIComponent("KÖRFEZ")}`)).body)).toEqual([ids.sea]);
    expect(offered((await session.get("/yonetim/medya/sec?q=dha")).body)).toEqual([ids.sea]);
    expect(offered((await session.get("/yonetim/medya/sec?q=yelkenli")).body)).toEqual([ids.sea]);
    const none = await session.get("/yonetim/medya/sec?q=%25");
    expect(offered(none.body)).toEqual([ids.sea, ids.square, ids.old]);
    expect((await session.get("/yonetim/medya/sec?q=deprem")).body).toContain("Bu aramaya uyan görsel yok.");
  });

  it("filters by uploader and by upload days in Istanbul", async () => {
    expect(offered((await session.get(`/yonetim/medya/sec?yukleyen=${photographer.id}`)).body)).toEqual([ids.sea, ids.old]);
    expect(offered((await session.get("/yonetim/medya/sec?bas=2026-11-01&bit=2026-11-20")).body)).toEqual([ids.square]);
    expect(offered((await session.get("/yonetim/medya/sec?bas=2026-11-21&yukleyen=")).body)).toEqual([ids.sea]);
    const page = (await session.get(`/yonetim/medya/sec?yukleyen=${photographer.id}`)).body;
    expect(page).toContain(`<option value="${photographer.id}" selected>Foto Muhabir</option>`);
  });

  it.each([
    ["an impossible day", "bas=2026-02-30", "bas"],
    ["a day in another shape", "bit=30.11.2026", "bit"],
    ["a year out of range", "bas=0000-01-01", "bas"],
  ])("answers %s with the form and a Turkish field error, not an error page", async (_name, query, field) => {
    const res = await session.get(`/yonetim/medya/sec?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`id="${field}-hata"`);
    expect(res.body).toContain(DAY_MESSAGE.replace(/–/g, "–"));
    expect(res.body).toContain(`aria-describedby="${field}-hata"`);
    expect(offered(res.body)).toEqual([ids.sea, ids.square, ids.old]);
  });

  it("pages through a large library, a page at a time", async () => {
    const { db } = get();
    const extra: number[] = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i <= PICKER_PAGE_SIZE; i++) {
        const createdAt = new Date(Date.UTC(2025, 5, 1, 0, i)).toISOString();
        extra.push(
          await insertImage(trx, {
            storageKey: `2025/06/sayfa${i}`,
            width: 640,
            height: 360,
            variantWidths: "320,640",
            caption: `Sayfa denemesi ${i}`,
            credit: "Arşiv",
            alt: "Deneme",
            uploadedBy: reporter.id,
            createdAt,
          }),
        );
      }
    });
    const first = await session.get("/yonetim/medya/sec?q=sayfa+denemesi");
    expect(offered(first.body)).toEqual([...extra].reverse().slice(0, PICKER_PAGE_SIZE));
    expect(first.body).toContain('href="/yonetim/medya/sec?q=sayfa+denemesi&amp;sayfa=2"');
    const second = await session.get("/yonetim/medya/sec?q=sayfa+denemesi&sayfa=2");
    expect(offered(second.body)).toEqual([extra[0]]);
    expect(second.body).toContain('rel="prev"');
    expect(second.body).not.toContain('rel="next"');
    expect(offered((await session.get("/yonetim/medya/sec?sayfa=2")).body)).toContain(extra[1]);
    expect((await session.get("/yonetim/medya/sec?sayfa=501")).statusCode).toBe(400);
  });

  it("fills in the library's caption, credit and alt text when a picture is chosen, and keeps the article's own on save", async () => {
    const chosen = await session.get(`/yonetim/haber/yeni?gorsel=${ids.square}`);
    expect(chosen.statusCode).toBe(200);
    const values = formValues(chosen.body);
    expect(values).toMatchObject({ imageId: String(ids.square), imageCaption: "Kızılay Meydanı'nda ŞENLİK", imageCredit: "AA", imageAlt: "Meydanda toplanan kalabalık" });
    expect(chosen.body).toContain("Görsel seçildi");

    // The article overrides the caption and credit; the library keeps its own.
    const saved = await session.post("/yonetim/haber/yeni", {
      ...values,
      title: "Kızılay'da bayram coşkusu",
      spot: "Meydan sabahtan doldu.",
      body: "<p>Kutlamalar akşama kadar sürdü.</p>",
      imageCaption: "Kutlamalara katılanlar",
      imageCredit: "Haberci",
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const editorUrl = saved.headers.location?.split("?")[0] ?? "";
    const again = formValues((await session.get(editorUrl)).body);
    expect(again).toMatchObject({ imageId: String(ids.square), imageCaption: "Kutlamalara katılanlar", imageCredit: "Haberci", imageAlt: "Meydanda toplanan kalabalık" });
    expect(await findImage(get().db, ids.square)).toMatchObject({ caption: "Kızılay Meydanı'nda ŞENLİK", credit: "AA" });

    // Choosing another picture for the saved article offers the other picture's text.
    const other = formValues((await session.get(`${editorUrl}?gorsel=${ids.sea}`)).body);
    expect(other).toMatchObject({ imageId: String(ids.sea), imageCaption: "İzmir Körfezi", imageCredit: "DHA", title: "Kızılay'da bayram coşkusu" });
    expect((await session.get(`${editorUrl}?gorsel=2147483000`)).body).toContain("Seçilen görsel kütüphanede bulunamadı");
  });

  it("shows a missing alt text next to the picture, near the top, with a link to it from the notice", async () => {
    const res = await session.post("/yonetim/haber/yeni", {
      title: "Körfezde yelken yarışı",
      spot: "Yarış rüzgârla başladı.",
      body: "<p>Tekneler öğlen döndü.</p>",
      category: "gundem",
      source: "haberci",
      imageId: String(ids.sea),
      imageAlt: "",
    });
    expect(res.statusCode).toBe(400);
    const body = res.body;
    expect(body).toContain('<a href="#imageAlt">Alternatif metin: ');
    expect(body).toMatch(/id="imageAlt"[^>]*aria-invalid="true"[^>]*aria-describedby="imageAlt-hata"/);
    // The picture's fields come before the body in the form.
    expect(body.indexOf('id="imageAlt-hata"')).toBeLessThan(body.indexOf('id="body"'));
    expect(body.indexOf('id="imageAlt"')).toBeGreaterThan(body.indexOf('id="spot"'));
  });

  it("uploads from the picker: a form goes back to the editor with the picture chosen, a script gets the picture", async () => {
    const form = multipart({ _csrf: session.csrf, caption: "Yeni çekim", credit: "Haberci", alt: "Yağmurda şemsiyeler" }, png);
    const res = await t.app.inject({ method: "POST", url: "/yonetim/medya/sec", headers: { ...form.headers, cookie: session.cookie }, payload: form.payload });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toMatch(/^\/yonetim\/haber\/yeni\?gorsel=\d+$/);
    const chosen = formValues((await session.get(res.headers.location ?? "")).body);
    expect(chosen).toMatchObject({ imageCaption: "Yeni çekim", imageAlt: "Yağmurda şemsiyeler" });

    const script = multipart({ _csrf: session.csrf, caption: "Sürüklenen", credit: "AA", alt: "Sürüklenen bir fotoğraf" }, png);
    const json = await t.app.inject({
      method: "POST",
      url: "/yonetim/medya/sec",
      headers: { ...script.headers, cookie: session.cookie, accept: "application/json" },
      payload: script.payload,
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()).toMatchObject({ image: { caption: "Sürüklenen", credit: "AA", alt: "Sürüklenen bir fotoğraf", uploader: "Secici Muhabir", width: 640 } });
    expect(json.json().image.srcset).toMatch(/-320\.webp 320w, .*-640\.webp 640w$/);

    const noAlt = multipart({ _csrf: session.csrf, caption: "Eksik" }, png);
    const refused = await t.app.inject({
      method: "POST",
      url: "/yonetim/medya/sec",
      headers: { ...noAlt.headers, cookie: session.cookie, accept: "application/json", "x-csrf-token": session.csrf },
      payload: noAlt.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: "invalid_input", fields: { alt: expect.stringContaining("Alternatif metin") } } });

    const noAltForm = multipart({ _csrf: session.csrf, caption: "Eksik bilgi", haber: "" }, png);
    const page = await t.app.inject({ method: "POST", url: "/yonetim/medya/sec", headers: { ...noAltForm.headers, cookie: session.cookie }, payload: noAltForm.payload });
    expect(page.statusCode).toBe(400);

    const withoutCsrf = multipart({ alt: "Jetonsuz" }, png);
    const forbidden = await t.app.inject({
      method: "POST",
      url: "/yonetim/medya/sec",
      headers: { ...withoutCsrf.headers, cookie: session.cookie, accept: "application/json" },
      payload: withoutCsrf.payload,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("keeps the form's picture fields after a refused picker upload", async () => {
    const noAltForm = multipart({ _csrf: session.csrf, caption: "Eksik bilgi", credit: "AA" }, png);
    const page = await t.app.inject({ method: "POST", url: "/yonetim/medya/sec", headers: { ...noAltForm.headers, cookie: session.cookie }, payload: noAltForm.payload });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('id="alt-hata"');
    expect(page.body).toContain('value="Eksik bilgi"');
  });

  it("serves readers an animated GIF as a moving picture, in the article and in the body", async () => {
    const frames = await Promise.all(
      ["#aa0000", "#00aa00", "#0000aa", "#aaaa00"].map((background) =>
        sharp({ create: { width: 400, height: 300, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif({ delay: [150, 150, 150, 150] })
      .toBuffer();
    const upload = multipart({ _csrf: session.csrf, caption: "Dönen rüzgâr gülü", credit: "Haberci", alt: "Dönen bir rüzgâr gülü" }, gif);
    const uploaded = await t.app.inject({
      method: "POST",
      url: "/yonetim/medya/sec",
      headers: { ...upload.headers, cookie: session.cookie, accept: "application/json", "x-csrf-token": session.csrf },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const image = uploaded.json().image as { id: number; src: string; srcset: string; width: number; height: number };
    const figure = `<figure><img src="${image.src}" srcset="${image.srcset}" sizes="(max-width: 760px) 100vw, 760px" width="${image.width}" height="${image.height}" alt="Dönen bir rüzgâr gülü" /><figcaption>Dönen rüzgâr gülü <small>[Fotoğraf: Haberci]</small></figcaption></figure>`;
    const saved = await editorSession.post("/yonetim/haber/yeni", {
      title: "Rüzgâr gülleri yeniden döndü",
      spot: "Tepedeki türbinler onarıldı.",
      body: `<p>Onarım iki hafta sürdü.</p>${figure}`,
      category: "gundem",
      source: "haberci",
      imageId: String(image.id),
      imageCaption: "Dönen rüzgâr gülü",
      imageCredit: "Haberci",
      imageAlt: "Dönen bir rüzgâr gülü",
      action: "publish",
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const articleId = /\/yonetim\/haber\/(\d+)/.exec(saved.headers.location ?? "")?.[1];
    const page = await t.app.inject({ url: `/h/${articleId}` });
    const reader = page.statusCode === 301 || page.statusCode === 308 ? await t.app.inject({ url: page.headers.location ?? "" }) : page;
    expect(reader.statusCode).toBe(200);
    // The body's figure, caption and credit reach the reader.
    expect(reader.body).toMatch(
      /<figure><img src="\/medya\/[^"]+-400\.webp" srcset="[^"]+"[^>]*alt="Dönen bir rüzgâr gülü"[^>]*\/?><figcaption>Dönen rüzgâr gülü <small>\[Fotoğraf: Haberci\]<\/small><\/figcaption><\/figure>/,
    );
    // Every WebP the reader may fetch for it has all four frames.
    const sources = new Set([...reader.body.matchAll(/(\/medya\/[^" ,]+\.webp)/g)].map((m) => m[1] ?? ""));
    expect(sources.size).toBeGreaterThan(0);
    for (const source of sources) {
      const res = await t.app.inject({ url: source });
      expect(res.statusCode).toBe(200);
      const meta = await sharp(res.rawPayload, { animated: true }).metadata();
      expect(meta.pages, path.basename(source)).toBe(4);
    }
  });
});
