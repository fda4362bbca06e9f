// The künye as admins, reporters and readers meet it (both databases): the form with its checks and stale-save
// refusal, /kunye/ and /iletisim/ with what was saved (and nothing invented before), the footer links of every
// reader page type, the admins' warning on every newsroom page, and the cached pages dropped after a save.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { PASSWORD, addActor } from "../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../test/session.ts";
import { installDefaults } from "../news/installDefaults.ts";

const FORM = {
  owner: "Kuzey Medya Yayıncılık A.Ş.",
  editorInChief: "Gülşen Aydoğdu",
  address: "Atatürk Bulvarı No: 12\nÇankaya / Ankara",
  email: "iletisim@kuzeymedya.com.tr",
  phone: "+90 312 555 00 00",
  eTebligat: "kuzeymedya@hs01.kep.tr",
  hostName: "Anadolu Sunucu Hizmetleri Ltd. Şti.",
  hostAddress: "Teknopark İstanbul, Pendik / İstanbul",
};
const EMPTY_ROWS = { contactRole: ["", "", ""], contactName: ["", "", ""], contactReach: ["", "", ""] };

const versionOn = (html: string) => /name="version" value="([0-9]+)"/.exec(html)?.[1] ?? "";
const WARNING = "Künye eksik.";

describeEachDatabase("künye", (get) => {
  let t: TestApp;
  let admin: Session;
  let editor: Session;
  let reporter: Session;
  let articleUrl: string;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    t = await buildTestApp(db);
    await addArticle(db, { title: "Köprüde bakım çalışması başladı", category: "gundem", tags: ["Ulaşım"], authors: ["Deniz Kaya"] });
    await addActor(db, "yonetici", "Ayse Yonetici");
    await addActor(db, "editor", "Emre Editor");
    await addActor(db, "muhabir", "Murat Muhabir");
    admin = await signIn(t.app, "ayseyonetici-yonetici@haberci.test", PASSWORD);
    editor = await signIn(t.app, "emreeditor-editor@haberci.test", PASSWORD);
    reporter = await signIn(t.app, "muratmuhabir-muhabir@haberci.test", PASSWORD);
    const home = await t.app.inject({ url: "/" });
    articleUrl = /href="(\/haber\/gundem\/[^"]+\.html)"/.exec(home.body)?.[1] ?? "";
  });
  afterAll(async () => t?.close());

  it("links Künye and İletişim from the footer of every reader page type", async () => {
    expect(articleUrl).not.toBe("");
    const pages = [
      "/",
      articleUrl,
      "/haber/gundem/",
      "/etiket/ulasim/",
      "/yazar/deniz-kaya/",
      "/son-dakika/",
      "/arama?q=k%C3%B6pr%C3%BC",
      "/hava-durumu/",
      "/hava-durumu/ankara/",
      "/kunye/",
      "/iletisim/",
      "/yok-boyle-sayfa",
    ];
    for (const url of pages) {
      const res = await t.app.inject({ url });
      expect([200, 404], url).toContain(res.statusCode);
      const footer = res.body.slice(res.body.indexOf('<footer class="site-footer">'));
      expect(footer, url).toContain('<a href="/kunye/">Künye</a>');
      expect(footer, url).toContain('<a href="/iletisim/">İletişim</a>');
    }
  });

  describe("before anything is saved", () => {
    it("shows /kunye/ and /iletisim/ without invented details", async () => {
      for (const url of ["/kunye/", "/iletisim/"]) {
        const res = await t.app.inject({ url });
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain("Bu bilgiler henüz girilmedi.");
        expect(res.body).not.toContain("<dl");
        expect(String(res.headers["surrogate-key"]).split(" ")).toContain("kunye");
      }
      expect((await t.app.inject({ url: "/kunye" })).headers.location).toBe("/kunye/");
    });

    it("warns admins on every newsroom page, naming the missing details and linking the form", async () => {
      for (const url of ["/yonetim/", "/yonetim/medya", "/yonetim/ayarlar", "/yonetim/kunye"]) {
        const res = await admin.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(WARNING);
        expect(res.body, url).toContain("Sorumlu müdür, İş yeri adresi");
        expect(res.body, url).toContain('<a href="/yonetim/kunye">Künyeyi tamamlayın</a>');
      }
    });

    it("does not warn reporters or editors, nor let them see or save the form", async () => {
      for (const session of [editor, reporter]) {
        const home = await session.get("/yonetim/");
        expect(home.statusCode).toBe(200);
        expect(home.body).not.toContain(WARNING);
        expect(home.body).not.toContain("/yonetim/kunye");
        expect((await session.get("/yonetim/kunye")).statusCode).toBe(403);
        expect((await session.post("/yonetim/kunye", { version: "0", ...FORM, ...EMPTY_ROWS })).statusCode).toBe(403);
      }
      expect((await t.app.inject({ url: "/yonetim/kunye" })).statusCode).toBe(303);
    });
  });

  describe("saving", () => {
    it("refuses bad fields with Turkish messages beside them, keeps what was typed and saves nothing", async () => {
      const res = await admin.post("/yonetim/kunye", {
        version: "0",
        ...FORM,
        email: "iletisim(at)kuzeymedya",
        eTebligat: "kuzeymedya@gmail.com",
        phone: "bizi arayın",
        contactRole: ["Haber Müdürü", "", ""],
        contactName: ["", "", ""],
        contactReach: ["", "", ""],
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Künye kaydedilmedi: işaretli alanları düzeltin.");
      expect(res.body).toMatch(/id="email-hata">Geçerli bir e-posta adresi girin/);
      expect(res.body).toMatch(/id="eTebligat-hata">KEP adresi \(ör\. haberci@hs01\.kep\.tr\)/);
      expect(res.body).toMatch(/id="phone-hata">Geçerli bir telefon numarası girin/);
      expect(res.body).toMatch(/id="contact-0-hata">Görev ve ad birlikte girilmeli\./);
      expect(res.body).toContain('value="iletisim(at)kuzeymedya"');
      expect(res.body).toContain('value="Haber Müdürü"');
      expect(res.body).toContain("Gülşen Aydoğdu");
      expect(versionOn(res.body)).toBe("0");
      expect((await t.app.inject({ url: "/kunye/" })).body).toContain("Bu bilgiler henüz girilmedi.");
    });

    it("saves the künye: /kunye/ and /iletisim/ show it at once (cached pages dropped), the warning goes, the save is audited", async () => {
      // Both pages are in the page cache now, rendered with nothing saved.
      expect((await t.app.inject({ url: "/kunye/" })).body).toContain("Bu bilgiler henüz girilmedi.");
      expect((await t.app.inject({ url: "/iletisim/" })).body).toContain("Bu bilgiler henüz girilmedi.");
      const homeBefore = await t.app.inject({ url: "/" });
      for (const url of ["/kunye/", "/iletisim/", "/"]) expect(t.app.pageCache?.fresh(url), url).toBeDefined();

      const form = await admin.get("/yonetim/kunye");
      expect(form.body).toContain('name="contactRole"');
      const saved = await admin.post("/yonetim/kunye", {
        version: versionOn(form.body),
        ...FORM,
        contactRole: ["Genel Yayın Yönetmeni", "", "Haber Müdürü"],
        contactName: ["Mert Çelik", "", "Ece Şahin"],
        contactReach: ["mert@kuzeymedya.com.tr", "", "+90 312 555 00 01"],
      });
      expect(saved.statusCode, saved.body).toBe(303);
      expect(saved.headers.location).toBe("/yonetim/kunye?mesaj=kunye");
      // The save dropped exactly the künye's pages.
      expect(t.app.pageCache?.fresh("/kunye/")).toBeUndefined();
      expect(t.app.pageCache?.fresh("/iletisim/")).toBeUndefined();
      expect(t.app.pageCache?.fresh("/")).toBeDefined();

      const kunye = await t.app.inject({ url: "/kunye/" });
      expect(kunye.body).not.toContain("Bu bilgiler henüz girilmedi.");
      expect(kunye.body).toContain("<h1>Künye</h1>");
      expect(kunye.body).toContain("<dt>Sahibi</dt><dd><span>Kuzey Medya Yayıncılık A.Ş.</span></dd>");
      expect(kunye.body).toContain("<dt>Sorumlu müdür</dt><dd><span>Gülşen Aydoğdu</span></dd>");
      expect(kunye.body).toContain("<span>Atatürk Bulvarı No: 12<br/></span><span>Çankaya / Ankara</span>");
      expect(kunye.body).toContain('<a href="mailto:iletisim@kuzeymedya.com.tr">iletisim@kuzeymedya.com.tr</a>');
      expect(kunye.body).toContain('<a href="tel:+903125550000">+90\u00a0312\u00a0555\u00a000\u00a000</a>');
      expect(kunye.body).toContain("kuzeymedya@hs01.kep.tr");
      expect(kunye.body).toContain("Anadolu Sunucu Hizmetleri Ltd. Şti.");
      expect(kunye.body).toContain("<dt>Genel Yayın Yönetmeni</dt>");
      expect(kunye.body).toContain('<a href="tel:+903125550001">+90\u00a0312\u00a0555\u00a000\u00a001</a>');

      const contact = await t.app.inject({ url: "/iletisim/" });
      expect(contact.body).toContain("<h1>İletişim</h1>");
      for (const detail of [
        "Kuzey Medya Yayıncılık A.Ş.",
        "Çankaya / Ankara",
        "iletisim@kuzeymedya.com.tr",
        "+90\u00a0312\u00a0555\u00a000\u00a000",
        "kuzeymedya@hs01.kep.tr",
        "Teknopark İstanbul",
      ])
        expect(contact.body).toContain(detail);

      // Other pages only link the künye: their cached bytes stay.
      expect((await t.app.inject({ url: "/" })).headers.etag).toBe(homeBefore.headers.etag);

      const page = await admin.get("/yonetim/kunye?mesaj=kunye");
      expect(page.body).toContain("Künye kaydedildi.");
      expect(page.body).not.toContain(WARNING);
      expect(page.body).toContain('value="Mert Çelik"');
      const audit = await get().db.selectFrom("auditLog").select(["action", "detail"]).where("subject", "=", "kunye").execute();
      expect(audit).toEqual([{ action: "settings_changed", detail: "künye tam" }]);
    });

    it("refuses a save made from an older version of the form (409), keeping what was typed", async () => {
      const res = await admin.post("/yonetim/kunye", { version: "0", ...FORM, editorInChief: "Eski Sekmeden Müdür", ...EMPTY_ROWS });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("başka biri tarafından değiştirildi");
      expect(res.body).toContain('value="Eski Sekmeden Müdür"');
      expect(versionOn(res.body)).toBe("1");
      expect((await t.app.inject({ url: "/kunye/" })).body).toContain("Gülşen Aydoğdu");
    });

    it("warns again when a required detail is emptied, naming only that one", async () => {
      const form = await admin.get("/yonetim/kunye");
      const saved = await admin.post("/yonetim/kunye", { version: versionOn(form.body), ...FORM, eTebligat: "", ...EMPTY_ROWS });
      expect(saved.statusCode).toBe(303);
      const home = await admin.get("/yonetim/");
      expect(home.body).toContain(
        `${WARNING}</strong> Basın Kanunu'na göre sitede gösterilmesi zorunlu şu bilgiler girilmedi: Elektronik tebligat adresi (KEP ya da UETS).`,
      );
      expect((await editor.get("/yonetim/")).body).not.toContain(WARNING);
      const kunye = await t.app.inject({ url: "/kunye/" });
      expect(kunye.body).not.toContain("Elektronik tebligat adresi");
      expect(kunye.body).not.toContain("Genel Yayın Yönetmeni");
    });
  });
});
