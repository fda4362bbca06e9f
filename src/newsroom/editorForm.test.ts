// The editor form, autosave, tag suggestions and the token read of an article, through the
// routes: a refused action changes nothing, no save reverts another's edit, reporters read only
// what they may (issue 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TEST_NOW, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD, addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../test/session.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createArticle } from "../news/saveArticle.ts";
import type { Actor } from "../news/workflow.ts";
import { createApiToken } from "./apiTokens.ts";

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The values a browser would post back from a rendered editor form (text fields, hidden version). */
export function formValues(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  const form = /<form[^>]*id="article-form"[^>]*>([^]*?)<\/form>/.exec(html)?.[1] ?? "";
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = /\bname="([^"]+)"/.exec(attrs)?.[1];
    const type = /\btype="([^"]+)"/.exec(attrs)?.[1] ?? "text";
    if (!name || name === "_csrf" || type === "radio" || type === "checkbox" || type === "datetime-local") continue;
    out[name] = decode(/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? "");
  }
  for (const m of form.matchAll(/<textarea[^>]*\bname="([^"]+)"[^>]*>([^]*?)<\/textarea>/g)) out[m[1] ?? ""] = decode(m[2] ?? "");
  for (const m of form.matchAll(/<select[^>]*\bname="([^"]+)"[^>]*>([^]*?)<\/select>/g)) {
    out[m[1] ?? ""] = decode(/<option[^>]*value="([^"]*)"[^>]*selected[^>]*>/.exec(m[2] ?? "")?.[1] ?? "");
  }
  return out;
}

describeEachDatabase("editor form and reads through the routes", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let otherReporter: Actor;
  let editor: Actor;
  let reporterSession: Session;
  let editorA: Session;
  let editorB: Session;
  const tokens = { reporter: "", editor: "" };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Form Muhabir");
    otherReporter = await addActor(db, "muhabir", "Diger Muhabir");
    editor = await addActor(db, "editor", "Sekme Editor");
    await addActor(db, "editor", "Ikinci Editor");
    tokens.reporter = await createApiToken(db, { userId: reporter.id, name: "test", actor: null, now: TEST_NOW });
    tokens.editor = await createApiToken(db, { userId: editor.id, name: "test", actor: null, now: TEST_NOW });
    t = await buildTestApp(db);
    reporterSession = await signIn(t.app, "formmuhabir-muhabir@haberci.test", PASSWORD);
    editorA = await signIn(t.app, "sekmeeditor-editor@haberci.test", PASSWORD);
    editorB = await signIn(t.app, "ikincieditor-editor@haberci.test", PASSWORD);
  });
  afterAll(async () => t?.close());

  const stored = async (id: number) =>
    get().db.selectFrom("articles").select(["title", "spot", "body", "status", "version", "scheduledAt"]).where("id", "=", id).executeTakeFirstOrThrow();
  const draft = async (owner: Actor, title: string) => (await createArticle(get().db, { input: articleInput({ title }), actor: owner, now: TEST_NOW })).id;
  const form = (extra: Record<string, string>) => ({
    title: "Ankara'da mevsimin ilk karı",
    spot: "Başkentte sabah saatlerinde kar yağışı başladı.",
    body: "<p>Kar yağışı öğleye kadar sürdü.</p>",
    category: "gundem",
    source: "haberci",
    tags: "Ankara, Kar",
    ...extra,
  });

  describe("a refused action changes nothing", () => {
    it("answers a reporter's publish with 403 and keeps the old title and version", async () => {
      const id = await draft(reporter, "Muhabirin ilk başlığı");
      const before = await stored(id);
      const res = await reporterSession.post(`/yonetim/haber/${id}`, form({ title: "Muhabirin yeni başlığı", version: "1", action: "publish" }));
      expect(res.statusCode).toBe(403);
      expect(await stored(id)).toEqual(before);
    });

    it.each([
      ["2031-02-30T10:00", "Geçerli bir tarih ve saat girin"],
      ["2026-12-01T23:60", "Geçerli bir tarih ve saat girin"],
      ["2026-12-01T24:00", "Geçerli bir tarih ve saat girin"],
      ["now", "Geçerli bir tarih ve saat girin"],
      ["2026-11-27T14:00", "Geçmiş bir zaman seçilemez"],
      ["2027-11-28T10:00", "En çok bir yıl ileriye zamanlanabilir"],
      ["9999-01-01T10:00", "En çok bir yıl ileriye zamanlanabilir"],
    ])("answers schedule at %s with 400, saves nothing and shows the form as typed", async (at, message) => {
      const id = await draft(editor, "Zamanlama başlığı");
      const before = await stored(id);
      const res = await editorA.post(`/yonetim/haber/${id}`, form({ title: "Kaydedilmemesi gereken başlık", version: "1", action: "schedule", at }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      const shown = formValues(res.body);
      expect(shown).toMatchObject({ title: "Kaydedilmemesi gereken başlık", version: "1" });
      expect(res.body).toContain(`name="at" value="${at}"`);
      expect(await stored(id)).toEqual(before);
    });

    it("schedules a valid time with the form's changes in one go", async () => {
      const id = await draft(editor, "Zamanlanan haber");
      const res = await editorA.post(`/yonetim/haber/${id}`, form({ title: "Yarın yayında", version: "1", action: "schedule", at: "2026-11-28T09:30" }));
      expect(res.statusCode).toBe(303);
      expect(await stored(id)).toMatchObject({ title: "Yarın yayında", status: "scheduled", version: 3, scheduledAt: "2026-11-28T06:30:00.000Z" });
    });

    it("refuses an API schedule more than one year ahead with 400, changing nothing", async () => {
      const id = await draft(editor, "API zamanlama");
      for (const at of ["9999-01-01T00:00:00Z", "2027-11-27T12:00:01Z"]) {
        const res = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/publish`, headers: auth(tokens.editor), payload: { at } });
        expect(res.statusCode, at).toBe(400);
        expect(res.json().error.fields.at).toContain("bir yıl");
      }
      expect(await stored(id)).toMatchObject({ status: "draft", version: 1 });
      const ok = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/publish`, headers: auth(tokens.editor), payload: { at: "2027-11-27T12:00:00Z" } });
      expect(ok.statusCode).toBe(200);
    });
  });

  it("lets a reporter withdraw their article from review on the read-only form, saving none of its fields", async () => {
    const id = await draft(reporter, "Onaydaki muhabir haberi");
    await changeArticleStatus(get().db, { articleId: id, action: "submit", actor: reporter, now: TEST_NOW });
    const pageHtml = (await reporterSession.get(`/yonetim/haber/${id}`)).body;
    // The step's button sits outside the disabled fieldset, so the browser can press it.
    expect(pageHtml).toMatch(
      /<fieldset disabled[^]*<\/fieldset><p class="autosave-status"[^]*<button type="submit" name="action" value="withdraw">Onaydan geri çek<\/button>/,
    );
    expect(pageHtml).not.toContain('value="save"');
    const res = await reporterSession.post(`/yonetim/haber/${id}`, { version: formValues(pageHtml).version ?? "", action: "withdraw" });
    expect(res.statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ status: "draft", title: "Onaydaki muhabir haberi", version: 3 });
  });

  it("answers a step on a stale read-only form with 409 and the current version to retry on", async () => {
    const id = await draft(reporter, "Geri çekilecek haber");
    await changeArticleStatus(get().db, { articleId: id, action: "submit", actor: reporter, now: TEST_NOW });
    const stale = await reporterSession.post(`/yonetim/haber/${id}`, { version: "1", action: "withdraw" });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("değiştirildi (sürüm 2)");
    expect(formValues(stale.body)).toMatchObject({ version: "2", title: "Geri çekilecek haber" });
    expect(await stored(id)).toMatchObject({ status: "review", version: 2 });
  });

  describe("no lost edit", () => {
    it("two tabs: B's stale save shows the merged form; B's next Kaydet keeps A's spot", async () => {
      const id = await draft(editor, "İki sekme haberi");
      const opened = formValues((await editorB.get(`/yonetim/haber/${id}`)).body);
      expect(opened.version).toBe("1");
      // Tab A changes the spot.
      const a = await editorA.post(`/yonetim/haber/${id}`, {
        ...formValues((await editorA.get(`/yonetim/haber/${id}`)).body),
        spot: "A sekmesinin spotu.",
        action: "save",
      });
      expect(a.statusCode).toBe(303);
      // Tab B changes title and body on version 1.
      const conflict = await editorB.post(`/yonetim/haber/${id}`, { ...opened, title: "B sekmesinin başlığı", body: "<p>B sekmesinin metni.</p>", action: "save" });
      expect(conflict.statusCode).toBe(409);
      expect(conflict.body).toContain("Kaydedilmedi: haber sizden önce değişti");
      expect(conflict.body).toContain("Değişen alanlar: Spot");
      expect(conflict.body).toContain("Sizden sonra yapılan değişiklikler forma işlendi: Spot.");
      expect(conflict.body).not.toContain('name="resolve.');
      const merged = formValues(conflict.body);
      expect(merged).toMatchObject({ version: "2", title: "B sekmesinin başlığı", spot: "A sekmesinin spotu.", body: "<p>B sekmesinin metni.</p>" });
      expect(await stored(id)).toMatchObject({ version: 2, title: "İki sekme haberi" });
      // B presses Kaydet on the re-shown form.
      const saved = await editorB.post(`/yonetim/haber/${id}`, { ...merged, action: "save" });
      expect(saved.statusCode).toBe(303);
      expect(await stored(id)).toMatchObject({ version: 3, title: "B sekmesinin başlığı", spot: "A sekmesinin spotu.", body: "<p>B sekmesinin metni.</p>" });
    });

    it("a field both tabs changed is shown with both values and a mine/theirs choice that works as a plain form", async () => {
      const id = await draft(editor, "Çakışan başlık");
      const opened = formValues((await editorB.get(`/yonetim/haber/${id}`)).body);
      await editorA.post(`/yonetim/haber/${id}`, { ...opened, title: "A'nın başlığı", action: "save" });
      const conflict = await editorB.post(`/yonetim/haber/${id}`, { ...opened, title: "B'nin başlığı", spot: "B'nin spotu.", action: "save" });
      expect(conflict.statusCode).toBe(409);
      expect(conflict.body).toContain("Başlık: ikiniz de değiştirdiniz");
      expect(conflict.body).toContain('<dd data-theirs="title">A\'nın başlığı</dd>');
      expect(conflict.body).toContain('type="radio" id="resolve.title-mine" name="resolve.title" value="mine" required');
      expect(conflict.body).toContain('name="resolve.title" value="theirs"');
      const merged = formValues(conflict.body);
      expect(merged).toMatchObject({ title: "B'nin başlığı", spot: "B'nin spotu.", version: "2" });
      const saved = await editorB.post(`/yonetim/haber/${id}`, { ...merged, "resolve.title": "theirs", action: "save" });
      expect(saved.statusCode).toBe(303);
      expect(await stored(id)).toMatchObject({ version: 3, title: "A'nın başlığı", spot: "B'nin spotu." });
    });

    it("refuses a resolution value other than mine or theirs", async () => {
      const id = await draft(editor, "Geçersiz seçim");
      const res = await editorA.post(`/yonetim/haber/${id}`, form({ version: "1", action: "save", "resolve.title": "ikisi" }));
      expect(res.statusCode).toBe(400);
      expect(await stored(id)).toMatchObject({ version: 1 });
    });

    it("a stale autosave answers 409 JSON and reverts nothing", async () => {
      const id = await draft(editor, "Otomatik kayıt çakışması");
      const opened = formValues((await editorB.get(`/yonetim/haber/${id}`)).body);
      await editorA.post(`/yonetim/haber/${id}`, { ...opened, spot: "A'nın spotu.", action: "save" });
      const res = await editorB.post(`/yonetim/haber/${id}/otomatik-kayit`, { ...opened, title: "B otomatik" }, { accept: "application/json" });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: "conflict", message: expect.stringContaining("Değişen alanlar: Spot") });
      expect(await stored(id)).toMatchObject({ version: 2, title: "Otomatik kayıt çakışması", spot: "A'nın spotu." });
    });
  });

  describe("reporters read only what they may", () => {
    it("GET /api/v1/articles/:id with a reporter's token answers 404 for another reporter's draft or scheduled article", async () => {
      const othersDraft = await draft(otherReporter, "Başkasının taslağı");
      const othersScheduled = await draft(otherReporter, "Başkasının zamanlanmış haberi");
      await changeArticleStatus(get().db, { articleId: othersScheduled, action: "schedule", actor: editor, now: TEST_NOW, at: new Date("2026-12-01T09:00:00Z") });
      for (const id of [othersDraft, othersScheduled]) {
        const res = await t.app.inject({ url: `/api/v1/articles/${id}`, headers: auth(tokens.reporter) });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe("not_found");
        expect(res.body).not.toContain("Başkasının");
        // Editors still read them, with status and version.
        const asEditor = await t.app.inject({ url: `/api/v1/articles/${id}`, headers: auth(tokens.editor) });
        expect(asEditor.statusCode).toBe(200);
        expect(asEditor.json()).toHaveProperty("status");
      }
    });

    it("GET /api/v1/articles/:id with a reporter's token shows their own draft and others' published articles", async () => {
      const own = await draft(reporter, "Kendi taslağım");
      const ownRes = await t.app.inject({ url: `/api/v1/articles/${own}`, headers: auth(tokens.reporter) });
      expect(ownRes.statusCode).toBe(200);
      expect(ownRes.json()).toMatchObject({ status: "draft", version: 1 });
      const published = await draft(otherReporter, "Başkasının yayındaki haberi");
      await changeArticleStatus(get().db, { articleId: published, action: "publish", actor: editor, now: TEST_NOW });
      const pubRes = await t.app.inject({ url: `/api/v1/articles/${published}`, headers: auth(tokens.reporter) });
      expect(pubRes.statusCode).toBe(200);
      expect(pubRes.json()).toMatchObject({ title: "Başkasının yayındaki haberi", status: "published" });
    });

    it("tag suggestions do not reveal tags used only on another reporter's draft", async () => {
      const { db } = get();
      await createArticle(db, { input: articleInput({ title: "Gizli taslak", tags: ["Zeytinburnu gizli soruşturma"] }), actor: otherReporter, now: TEST_NOW });
      await createArticle(db, { input: articleInput({ title: "Kendi etiketim", tags: ["Zeytinburnu pazarı"] }), actor: reporter, now: TEST_NOW });
      const live = await createArticle(db, { input: articleInput({ title: "Yayındaki etiket", tags: ["Zeytinburnu sahili"] }), actor: otherReporter, now: TEST_NOW });
      await changeArticleStatus(db, { articleId: live.id, action: "publish", actor: editor, now: TEST_NOW });
      const names = async (s: Session) => ((await s.get("/yonetim/etiketler?q=zeytin")).json().items as Array<{ name: string }>).map((i) => i.name);
      expect((await names(reporterSession)).sort()).toEqual(["Zeytinburnu pazarı", "Zeytinburnu sahili"]);
      expect((await names(editorA)).sort()).toEqual(["Zeytinburnu gizli soruşturma", "Zeytinburnu pazarı", "Zeytinburnu sahili"]);
    });
  });

  describe("an article without stored history (seeded or imported)", () => {
    it("shows a stale save's differing fields as choices, on the current version, and the next Kaydet keeps both tabs' work", async () => {
      const { db } = get();
      const id = await draft(editor, "Geçmişi olmayan haber");
      // Seeded and imported articles have no revision for their first version.
      await db.deleteFrom("articleRevisions").where("articleId", "=", id).execute();
      const a = await editorA.post(`/yonetim/haber/${id}`, form({ title: "Geçmişi olmayan haber", spot: "A sekmesinin spotu.", version: "1", action: "save" }));
      expect(a.statusCode).toBe(303);
      const b = await editorB.post(`/yonetim/haber/${id}`, form({ title: "B sekmesinin başlığı", version: "1", action: "save" }));
      expect(b.statusCode).toBe(409);
      const shown = formValues(b.body);
      expect(shown.version).toBe("2");
      // Who changed what is unknown: both differing fields are offered as a choice, nothing is taken silently.
      expect(b.body).toContain('name="resolve.title"');
      expect(b.body).toContain('name="resolve.spot"');
      expect(b.body).toContain("A sekmesinin spotu.");
      const again = await editorB.post(
        `/yonetim/haber/${id}`,
        form({ title: "B sekmesinin başlığı", version: "2", action: "save", "resolve.title": "mine", "resolve.spot": "theirs" }),
      );
      expect(again.statusCode).toBe(303);
      const row = await stored(id);
      expect(row.title).toBe("B sekmesinin başlığı");
      expect(row.spot).toBe("A sekmesinin spotu.");
    });
  });
});
