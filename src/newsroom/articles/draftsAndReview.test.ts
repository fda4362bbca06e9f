// Issue 13 in the newsroom, through the app: a new article autosaved from its first save (once per
// form key, however the saves race), a send-back that needs a reason the reporter then sees, and a
// read-only view the server will not save.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { describeEachDatabase } from "../../../test/databases.ts";
import { PASSWORD, addActor, articleInput } from "../../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../../test/session.ts";
import { changeArticleStatus } from "../../news/changeArticleStatus.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { publishDueArticles } from "../../news/publishDueArticles.ts";
import { createArticle } from "../../news/saveArticle.ts";
import type { Actor } from "../../news/workflow.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const JSON_ACCEPT = { accept: "application/json" };

const form = (extra: Record<string, string> = {}) => ({
  title: "Erzurum'da kayak sezonu açıldı",
  spot: "",
  body: "",
  category: "turkiye",
  source: "haberci",
  tags: "",
  version: "1",
  ...extra,
});

describeEachDatabase("drafts from the first keystroke, send-back reasons, read-only views", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let editor: Actor;
  let asReporter: Session;
  let asEditor: Session;
  let keyCount = 0;
  /** A fresh form key, shaped as the editor page makes them. */
  const newKey = () => `00000000-0000-4000-8000-${String(++keyCount).padStart(12, "0")}`;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Taslak Muhabir");
    editor = await addActor(db, "editor", "Taslak Editor");
    t = await buildTestApp(db);
    asReporter = await signIn(t.app, "taslakmuhabir-muhabir@haberci.test", PASSWORD);
    asEditor = await signIn(t.app, "taslakeditor-editor@haberci.test", PASSWORD);
  });
  afterAll(async () => t.close());

  const articlesWithKey = (key: string) => get().db.selectFrom("articles").select(["id", "title", "version", "ownerId"]).where("draftKey", "=", key).execute();

  it("offers a new article form with a draft key and an autosave address, and the schedule field for editors", async () => {
    const page = (await asEditor.get("/yonetim/haber/yeni")).body;
    expect(page).toMatch(/name="draftKey" value="[0-9a-f-]{36}"/);
    expect(page).toContain('data-autosave-url="/yonetim/haber/yeni/otomatik-kayit"');
    expect(page).toContain('name="at"');
    expect(page).toContain("Kaydet ve zamanla");
  });

  it("creates the draft on the first autosave, then saves onto it; racing saves with one key make one article", async () => {
    const key = newKey();
    const first = await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form(), draftKey: key }, JSON_ACCEPT);
    expect(first.statusCode).toBe(200);
    const created = first.json<{ id: number; version: number; editUrl: string; autosaveUrl: string; savedAt: string }>();
    expect(created).toMatchObject({ version: 1, editUrl: `/yonetim/haber/${created.id}`, autosaveUrl: `/yonetim/haber/${created.id}/otomatik-kayit` });
    expect(await articlesWithKey(key)).toEqual([{ id: created.id, title: "Erzurum'da kayak sezonu açıldı", version: 1, ownerId: reporter.id }]);

    // The answer was lost; the page retries with the same key: the same draft is saved, not a second one.
    const retry = await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ spot: "Pistler hazır." }), draftKey: key }, JSON_ACCEPT);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: created.id, version: 2 });

    // Two first saves of another form at once.
    const raceKey = newKey();
    const answers = await Promise.all(
      ["Yarışan kayıt bir", "Yarışan kayıt iki", "Yarışan kayıt üç"].map((title) =>
        asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ title }), draftKey: raceKey }, JSON_ACCEPT),
      ),
    );
    const rows = await articlesWithKey(raceKey);
    expect(rows).toHaveLength(1);
    for (const answer of answers) {
      expect([200, 409]).toContain(answer.statusCode); // a loser meets the winner's save as a conflict, never a silent overwrite
      if (answer.statusCode === 200) expect(answer.json().id).toBe(rows[0]?.id);
    }

    // "Kaydet" from the same form (no JavaScript had the new address yet) saves onto the same draft too.
    const submitted = await asReporter.post("/yonetim/haber/yeni", { ...form({ title: "Erzurum'da sezon açıldı" }), version: "2", draftKey: key, action: "save" });
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`/yonetim/haber/${created.id}?mesaj=kaydedildi`);
    expect(await articlesWithKey(key)).toEqual([{ id: created.id, title: "Erzurum'da sezon açıldı", version: 3, ownerId: reporter.id }]);
  });

  it("never lets a first autosave undo a later save: an old version meets a 409", async () => {
    const key = newKey();
    const first = (await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ title: "Sürüm koruması" }), draftKey: key }, JSON_ACCEPT)).json<{
      id: number;
    }>();
    await asReporter.post(`/yonetim/haber/${first.id}/otomatik-kayit`, { ...form({ title: "Sürüm koruması", spot: "İkinci kayıt." }), version: "1" }, JSON_ACCEPT);
    const stale = await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ title: "Sürüm koruması", spot: "Eski." }), draftKey: key }, JSON_ACCEPT);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    const row = await get().db.selectFrom("articles").select(["spot", "version"]).where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ spot: "İkinci kayıt.", version: 2 });
  });

  it("refuses a new-article autosave without a key or title, and another user's key, creating nothing", async () => {
    const before = await get()
      .db.selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect((await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", form(), JSON_ACCEPT)).statusCode).toBe(400);
    expect((await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form(), draftKey: "bozuk-anahtar" }, JSON_ACCEPT)).statusCode).toBe(400);
    const noTitle = await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ title: "" }), draftKey: newKey() }, JSON_ACCEPT);
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.message).toContain("işaretli alanları düzeltin");
    const after = await get()
      .db.selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const key = newKey();
    await asReporter.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ title: "Muhabirin anahtarı" }), draftKey: key }, JSON_ACCEPT);
    const theirs = await asEditor.post("/yonetim/haber/yeni/otomatik-kayit", { ...form({ title: "Başkasının anahtarı" }), draftKey: key }, JSON_ACCEPT);
    expect(theirs.statusCode).toBe(400);
    expect((await articlesWithKey(key)).map((r) => r.title)).toEqual(["Muhabirin anahtarı"]);
  });

  it("sends back only with a reason: an empty one re-shows the form with the field error and the typed text", async () => {
    const id = (await createArticle(get().db, { input: articleInput({ title: "Gerekçeli iade" }), actor: reporter, now: NOW })).id;
    const inReview = await changeArticleStatus(get().db, { articleId: id, action: "submit", actor: reporter, now: NOW });
    const base = { ...form({ title: "Gerekçeli iade", spot: "Editörün düzelttiği spot." }), version: String(inReview.version), action: "return" };

    const empty = await asEditor.post(`/yonetim/haber/${id}`, { ...base, returnReason: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Muhabirin neyi düzeltmesi gerektiğini yazın.");
    expect(empty.body).toContain("Editörün düzelttiği spot.");
    expect(empty.body).toMatch(/id="returnReason"[^>]*aria-invalid="true"/);
    expect((await get().db.selectFrom("articles").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("review");

    const long = await asEditor.post(`/yonetim/haber/${id}`, { ...base, returnReason: "ç".repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("ç".repeat(1001)); // kept to be shortened

    const sent = await asEditor.post(`/yonetim/haber/${id}`, { ...base, returnReason: "  Valinin sözlerini tırnak içine alın.  " });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/yonetim/haber/${id}?mesaj=return`);

    // The reporter sees it in the editor, in their list and in "Haberlerimde neler oldu".
    const editorPage = (await asReporter.get(`/yonetim/haber/${id}`)).body;
    expect(editorPage).toContain("Editör düzeltme istedi");
    expect(editorPage).toContain("Taslak Editor bu haberi 27.11.2026 15:00 tarihinde geri gönderdi:");
    expect(editorPage).toContain("Valinin sözlerini tırnak içine alın.</blockquote>");
    const home = (await asReporter.get("/yonetim/")).body;
    expect(home).toContain("Geri gönderildi: Valinin sözlerini tırnak içine alın.");
    expect(home).toContain("Haberlerimde neler oldu");
    expect(home).toContain("Neden: Valinin sözlerini tırnak içine alın.");

    const audit = await get().db.selectFrom("auditLog").select(["action", "detail"]).where("subject", "=", `haber #${id}`).execute();
    expect(audit).toEqual([{ action: "article_returned", detail: "Gerekçeli iade — Valinin sözlerini tırnak içine alın." }]);
  });

  it("tells the reporter on the newsroom home that their article was scheduled and published, with times and a link", async () => {
    const db = get().db;
    const scheduledId = (await createArticle(db, { input: articleInput({ title: "Zamanlanan muhabir haberi" }), actor: reporter, now: NOW })).id;
    await changeArticleStatus(db, { articleId: scheduledId, action: "schedule", actor: editor, now: NOW, at: new Date("2026-11-28T06:30:00.000Z") });
    const publishedId = (await createArticle(db, { input: articleInput({ title: "Yayımlanan muhabir haberi" }), actor: reporter, now: NOW })).id;
    await changeArticleStatus(db, { articleId: publishedId, action: "publish", actor: editor, now: NOW });
    const home = (await asReporter.get("/yonetim/")).body;
    expect(home).toMatch(/Zamanlanan muhabir haberi<\/a>: Taslak Editor 28\.11\.2026 09:30 için zamanladı/);
    expect(home).toMatch(
      new RegExp(`Yayımlanan muhabir haberi</a>: Taslak Editor yayımladı\\. <a href="/haber/[a-z-]+/yayimlanan-muhabir-haberi-${publishedId}\\.html">Sitede gör</a>`),
    );
    // When its time comes, the scheduler publishes it, and the panel says so with a link.
    await publishDueArticles(db, new Date("2026-11-28T06:31:00.000Z"));
    const later = (await asReporter.get("/yonetim/")).body;
    expect(later).toMatch(new RegExp(`Zamanlanan muhabir haberi</a>: zamanında yayımlandı\\. <a href="/haber/[a-z-]+/zamanlanan-muhabir-haberi-${scheduledId}\\.html">`));
    // The editor did these; their own home shows nothing about others' articles.
    expect((await asEditor.get("/yonetim/")).body).not.toContain("Haberlerimde neler oldu");
  });

  it("shows a reporter's article in review read-only, and refuses to save it by form or autosave", async () => {
    const id = (await createArticle(get().db, { input: articleInput({ title: "Salt okunur haber" }), actor: reporter, now: NOW })).id;
    const inReview = await changeArticleStatus(get().db, { articleId: id, action: "submit", actor: reporter, now: NOW });
    const page = (await asReporter.get(`/yonetim/haber/${id}`)).body;
    expect(page).toContain("yalnızca görüntülüyorsunuz");
    expect(page).toContain("<fieldset disabled");
    expect(page).toContain('data-read-only="true"');
    expect(page).not.toContain("data-autosave-url");
    expect(page).not.toMatch(/value="save"/);

    const changed = { ...form({ title: "Salt okunur haber değişti" }), version: String(inReview.version) };
    expect((await asReporter.post(`/yonetim/haber/${id}`, { ...changed, action: "save" })).statusCode).toBe(403);
    expect((await asReporter.post(`/yonetim/haber/${id}/otomatik-kayit`, changed, JSON_ACCEPT)).statusCode).toBe(403);
    const row = await get().db.selectFrom("articles").select(["title", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Salt okunur haber", version: inReview.version });
  });
});
