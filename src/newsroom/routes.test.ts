import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD, addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { type Session, cookieValue, signIn, signInForm } from "../../test/session.ts";
import type { Role } from "../db/schema.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { readHeadlineOrder } from "../news/homeControl.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createArticle } from "../news/saveArticle.ts";
import type { Actor } from "../news/workflow.ts";
import { createApiToken } from "./apiTokens.ts";
import { setUserDisabled } from "./users.ts";

const ROLES: Role[] = ["muhabir", "editor", "yonetici"];
const NOW = new Date("2026-11-27T12:00:00.000Z");

const articleForm = (extra: Record<string, string> = {}) => ({
  title: "Kırşehir'de jeotermal sera açıldı",
  spot: "Yeni sera 40 kişiye iş sağlayacak.",
  body: "<p>Sera bugün açıldı.</p>",
  category: "turkiye",
  source: "haberci",
  tags: "Kırşehir, Tarım",
  ...extra,
});

describeEachDatabase("newsroom routes and permissions", (get) => {
  let t: TestApp;
  const actors = {} as Record<Role, Actor>;
  const sessions = {} as Record<Role, Session>;
  const tokens = {} as Record<Role, string>;
  let someoneElse: Actor;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    for (const role of ROLES) {
      actors[role] = await addActor(db, role, `Kisi ${role}`);
      tokens[role] = await createApiToken(db, { userId: actors[role].id, name: "test", actor: null, now: NOW });
    }
    someoneElse = await addActor(db, "muhabir", "Baska Muhabir");
    t = await buildTestApp(db);
    for (const role of ROLES) sessions[role] = await signIn(t.app, `kisi${role}-${role}@haberci.test`, PASSWORD);
  });
  afterAll(async () => t.close());

  const statusOf = async (id: number) =>
    await get().db.selectFrom("articles").select(["status", "version", "isBreaking", "headlineSlot"]).where("id", "=", id).executeTakeFirstOrThrow();
  const draftOf = async (owner: Actor, title = "Taslak haber") => (await createArticle(get().db, { input: articleInput({ title }), actor: owner, now: NOW })).id;
  const publishedOf = async (title = "Yayındaki haber") => {
    const id = await draftOf(actors.editor, title);
    await changeArticleStatus(get().db, { articleId: id, action: "publish", actor: actors.editor, now: NOW, ip: "192.0.2.1" });
    return id;
  };

  // Each row: an action, and the status each role gets. A refused action must answer 403 and change nothing.
  const matrix: Array<{
    name: string;
    expect: Record<Role, number>;
    run: (s: Session, role: Role) => Promise<{ statusCode: number }>;
    unchanged?: (role: Role) => Promise<void>;
  }> = [
    { name: "see the article list", expect: { muhabir: 200, editor: 200, yonetici: 200 }, run: (s) => s.get("/yonetim/") },
    { name: "open a new article form", expect: { muhabir: 200, editor: 200, yonetici: 200 }, run: (s) => s.get("/yonetim/haber/yeni") },
    { name: "create a draft", expect: { muhabir: 303, editor: 303, yonetici: 303 }, run: (s) => s.post("/yonetim/haber/yeni", { ...articleForm(), action: "save" }) },
    {
      name: "edit and send their own draft to review",
      expect: { muhabir: 303, editor: 303, yonetici: 303 },
      run: async (s, role) => s.post(`/yonetim/haber/${await draftOf(actors[role])}`, { ...articleForm(), version: "1", action: "submit" }),
    },
    {
      name: "open someone else's draft",
      expect: { muhabir: 403, editor: 200, yonetici: 200 },
      run: async (s) => s.get(`/yonetim/haber/${await draftOf(someoneElse)}`),
    },
    {
      name: "edit someone else's draft",
      expect: { muhabir: 403, editor: 303, yonetici: 303 },
      run: async (s) => s.post(`/yonetim/haber/${await draftOf(someoneElse)}`, { ...articleForm(), version: "1", action: "save" }),
    },
    {
      name: "publish",
      expect: { muhabir: 403, editor: 303, yonetici: 303 },
      run: async (s, role) => {
        const id = await draftOf(actors[role]);
        const res = await s.post(`/yonetim/haber/${id}`, { ...articleForm(), version: "1", action: "publish" });
        if (res.statusCode === 403) expect((await statusOf(id)).status).toBe("draft");
        return res;
      },
    },
    {
      name: "schedule",
      expect: { muhabir: 403, editor: 303, yonetici: 303 },
      run: async (s, role) => {
        const id = await draftOf(actors[role]);
        const res = await s.post(`/yonetim/haber/${id}`, { ...articleForm(), version: "1", action: "schedule", at: "2027-01-05T09:30" });
        if (res.statusCode === 403) expect((await statusOf(id)).status).toBe("draft");
        else expect(await statusOf(id)).toMatchObject({ status: "scheduled" });
        return res;
      },
    },
    {
      name: "unpublish",
      expect: { muhabir: 403, editor: 303, yonetici: 303 },
      run: async (s) => {
        const id = await publishedOf();
        const { version } = await statusOf(id);
        const res = await s.post(`/yonetim/haber/${id}`, { ...articleForm(), version: String(version), action: "unpublish" });
        if (res.statusCode === 403) expect(await statusOf(id)).toMatchObject({ status: "published", version });
        return res;
      },
    },
    {
      name: "set the breaking flag",
      expect: { muhabir: 403, editor: 303, yonetici: 303 },
      run: async (s) => {
        const id = await publishedOf();
        const res = await s.post(`/yonetim/haber/${id}/son-dakika`, { breaking: "1", until: "" });
        expect((await statusOf(id)).isBreaking).toBe(res.statusCode === 303 ? 1 : 0);
        return res;
      },
    },
    {
      name: "order the headline slots",
      expect: { muhabir: 403, editor: 303, yonetici: 303 },
      run: async (s) => {
        const id = await publishedOf();
        const res = await s.post("/yonetim/manset", { slot: [String(id)], stamp: (await readHeadlineOrder(get().db)).stamp });
        expect((await statusOf(id)).headlineSlot).toBe(res.statusCode === 303 ? 1 : null);
        return res;
      },
    },
    { name: "open the headline page", expect: { muhabir: 403, editor: 200, yonetici: 200 }, run: (s) => s.get("/yonetim/manset") },
    { name: "open the media library", expect: { muhabir: 200, editor: 200, yonetici: 200 }, run: (s) => s.get("/yonetim/medya") },
    { name: "see users", expect: { muhabir: 403, editor: 403, yonetici: 200 }, run: (s) => s.get("/yonetim/kullanicilar") },
    {
      name: "add a user",
      expect: { muhabir: 403, editor: 403, yonetici: 303 },
      run: async (s, role) => {
        const email = `yeni-${role}@haberci.test`;
        const res = await s.post("/yonetim/kullanicilar", { name: "Yeni Kişi", email, role: "editor", password: "yeni-parola-123" });
        const row = await get().db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
        expect(row !== undefined).toBe(res.statusCode === 303);
        return res;
      },
    },
    {
      name: "change a role",
      expect: { muhabir: 403, editor: 403, yonetici: 303 },
      run: async (s) => {
        const res = await s.post(`/yonetim/kullanicilar/${someoneElse.id}/rol`, { role: "editor" });
        const row = await get().db.selectFrom("users").select("role").where("id", "=", someoneElse.id).executeTakeFirstOrThrow();
        expect(row.role).toBe(res.statusCode === 303 ? "editor" : "muhabir");
        await get().db.updateTable("users").set({ role: "muhabir" }).where("id", "=", someoneElse.id).execute();
        return res;
      },
    },
    {
      name: "create an API token",
      expect: { muhabir: 403, editor: 403, yonetici: 200 },
      run: (s) => s.post(`/yonetim/kullanicilar/${someoneElse.id}/anahtar`, { name: "CMS" }),
    },
    { name: "read the audit log", expect: { muhabir: 403, editor: 403, yonetici: 200 }, run: (s) => s.get("/yonetim/denetim") },
    // The same rules through the JSON API, with each role's token.
    {
      name: "API: create a draft",
      expect: { muhabir: 201, editor: 201, yonetici: 201 },
      run: (_s, role) =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/articles",
          headers: { authorization: `Bearer ${tokens[role]}` },
          payload: { title: "API haberi", category: "dunya" },
        }),
    },
    {
      name: "API: publish",
      expect: { muhabir: 403, editor: 200, yonetici: 200 },
      run: async (_s, role) => {
        const id = await draftOf(actors[role]);
        const res = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/publish`, headers: { authorization: `Bearer ${tokens[role]}` }, payload: {} });
        expect((await statusOf(id)).status).toBe(res.statusCode === 200 ? "published" : "draft");
        return res;
      },
    },
    {
      name: "API: unpublish",
      expect: { muhabir: 403, editor: 200, yonetici: 200 },
      run: async (_s, role) => {
        const id = await publishedOf();
        const res = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/unpublish`, headers: { authorization: `Bearer ${tokens[role]}` } });
        expect((await statusOf(id)).status).toBe(res.statusCode === 200 ? "unpublished" : "published");
        return res;
      },
    },
  ];

  for (const row of matrix) {
    for (const role of ROLES) {
      it(`${role} ${row.expect[role] === 403 ? "may not" : "may"} ${row.name}`, async () => {
        const res = await row.run(sessions[role], role);
        expect(res.statusCode).toBe(row.expect[role]);
      });
    }
  }

  it("records where every person's action in the matrix came from: the audit log has the IP on each of their rows", async () => {
    const rows = await get().db.selectFrom("auditLog").select(["action", "ip"]).where("actorId", "is not", null).execute();
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["headlines_changed", "breaking_changed", "user_added", "user_role_changed", "token_created", "article_published"]),
    );
    expect(rows.filter((r) => r.ip === null).map((r) => r.action)).toEqual([]);
  });

  it("sends visitors without a session to the sign-in page, and refuses their posts", async () => {
    const res = await t.app.inject("/yonetim/haber/yeni");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/yonetim/giris?sonra=%2Fyonetim%2Fhaber%2Fyeni");
    const post = await t.app.inject({ method: "POST", url: "/yonetim/haber/yeni", payload: articleForm() });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe("/yonetim/giris");
  });

  it("refuses a form post without the session's CSRF token, creating nothing", async () => {
    const before = (await get().db.selectFrom("articles").select("id").execute()).length;
    expect((await sessions.editor.post("/yonetim/haber/yeni", articleForm(), { csrf: null })).statusCode).toBe(403);
    expect((await sessions.editor.post("/yonetim/haber/yeni", articleForm(), { csrf: sessions.muhabir.csrf })).statusCode).toBe(403);
    expect((await get().db.selectFrom("articles").select("id").execute()).length).toBe(before);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax and Secure behind https", async () => {
    const res = await signInForm(t.app, "kisieditor-editor@haberci.test", PASSWORD);
    const cookie = res.cookies.find((c) => c.name === "haberci_oturum");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true, path: "/yonetim" });
  });

  it("says in Turkish when the password is wrong, and locks sign-in after repeated failures (429)", async () => {
    const wrong = await signInForm(t.app, "kisimuhabir-muhabir@haberci.test", "yanlis-parola", "10.0.0.50");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("E-posta adresi ya da parola hatalı.");
    for (let i = 0; i < 4; i++) await signInForm(t.app, "kisimuhabir-muhabir@haberci.test", "yanlis-parola", "10.0.0.50");
    const locked = await signInForm(t.app, "kisimuhabir-muhabir@haberci.test", PASSWORD, "10.0.0.51");
    expect(locked.statusCode).toBe(429);
    expect(locked.headers["retry-after"]).toBeDefined();
    expect(locked.body).toContain("Çok fazla başarısız giriş denemesi");
    const audit = await get().db.selectFrom("auditLog").select("action").where("subject", "=", "kisimuhabir-muhabir@haberci.test").execute();
    expect(audit.map((a) => a.action)).toContain("sign_in_failed");
    expect(audit.map((a) => a.action)).toContain("sign_in_locked");
  });

  it("filters, orders and pages the article list from its form, and refuses an impossible day in Turkish", async () => {
    const editor = sessions.editor;
    // Blank fields, as the GET form sends them, mean no filter.
    const blank = await editor.get("/yonetim/?q=&kategori=&yazar=&bas=&bit=&sirala=&sayfa=1");
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain('name="kategori"');
    expect(blank.body).toContain("Süzgeçleri temizle");
    const filtered = await editor.get("/yonetim/?kategori=spor&bas=2026-11-01&bit=2026-11-30&sirala=ilk-degisiklik&sayfa=2");
    expect(filtered.statusCode).toBe(200);
    const impossible = await editor.get("/yonetim/?bas=2031-02-30");
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain("Geçerli bir gün girin");
    expect((await editor.get("/yonetim/?bas=dun")).statusCode).toBe(400);
    expect((await editor.get("/yonetim/?sirala=rastgele")).statusCode).toBe(400);
    expect((await editor.get("/yonetim/?sayfa=0")).statusCode).toBe(400);
  });

  it("keeps the add-user form filled (the password aside) when the address is taken", async () => {
    const admin = sessions.yonetici;
    const email = "iki-kez@haberci.test";
    expect((await admin.post("/yonetim/kullanicilar", { name: "İlk Kişi", email, role: "muhabir", password: "yeni-parola-123" })).statusCode).toBe(303);
    const again = await admin.post("/yonetim/kullanicilar", { name: "Şule Çağlar", email, role: "editor", password: "gizli-parola-456" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("zaten var");
    expect(again.body).toContain('value="Şule Çağlar"');
    expect(again.body).toContain(`value="${email}"`);
    expect(again.body).toMatch(/<option value="editor" selected/);
    expect(again.body).not.toContain("gizli-parola-456");
  });

  it("asks for confirmation before restoring a revision of a published article, and restores once confirmed", async () => {
    const id = await publishedOf("Onaylı geri yükleme");
    const { version } = await statusOf(id);
    const page = await sessions.editor.get(`/yonetim/haber/${id}/surumler`);
    expect(page.body).toContain('name="onay" value="1" required');
    const refused = await sessions.editor.post(`/yonetim/haber/${id}/surumler/1/geri-yukle`, { version: String(version) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("onay kutusunu işaretleyin");
    expect((await statusOf(id)).version).toBe(version);
    const confirmed = await sessions.editor.post(`/yonetim/haber/${id}/surumler/1/geri-yukle`, { version: String(version), onay: "1" });
    expect(confirmed.statusCode).toBe(303);
    expect((await statusOf(id)).version).toBe(version + 1);
  });

  it("ends a disabled user's sessions at once", async () => {
    const user = await addActor(get().db, "editor", "Gecici Editor");
    const session = await signIn(t.app, "gecicieditor-editor@haberci.test", PASSWORD);
    expect((await session.get("/yonetim/")).statusCode).toBe(200);
    await setUserDisabled(get().db, { userId: user.id, disabled: true, actor: null, now: NOW });
    const res = await session.get("/yonetim/");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain("/yonetim/giris");
  });

  it("signs out and changes the password, ending the other sessions", async () => {
    await addActor(get().db, "muhabir", "Parola Kisi");
    const email = "parolakisi-muhabir@haberci.test";
    const one = await signIn(t.app, email, PASSWORD);
    const two = await signIn(t.app, email, PASSWORD);
    const weak = await one.post("/yonetim/parola", { current: PASSWORD, next: "kisa" });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain("en az 10 karakter");
    expect((await one.post("/yonetim/parola", { current: PASSWORD, next: "yepyeni-parola-42" })).statusCode).toBe(303);
    expect((await one.get("/yonetim/")).statusCode).toBe(200);
    expect((await two.get("/yonetim/")).statusCode).toBe(303);
    expect((await one.post("/yonetim/cikis", {})).statusCode).toBe(303);
    expect((await one.get("/yonetim/")).statusCode).toBe(303);
    expect((await signInForm(t.app, email, "yepyeni-parola-42", "10.0.0.9")).statusCode).toBe(303);
  });

  it("autosaves as JSON and answers a stale autosave with a JSON 409 in Turkish", async () => {
    const id = await draftOf(actors.editor, "Otomatik kayıt haberi");
    const ok = await sessions.editor.post(
      `/yonetim/haber/${id}/otomatik-kayit`,
      { ...articleForm({ title: "Otomatik kayıt haberi" }), version: "1" },
      { accept: "application/json" },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2 });
    const stale = await sessions.editor.post(
      `/yonetim/haber/${id}/otomatik-kayit`,
      { ...articleForm({ title: "Başka başlık" }), version: "1" },
      { accept: "application/json" },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    expect(stale.json().error.message).toContain("Değişen alanlar: Spot, Metin");
  });

  it("shows a stale form save as a 409 page that keeps what the editor typed", async () => {
    const id = await draftOf(actors.editor, "Form çakışması");
    await sessions.yonetici.post(`/yonetim/haber/${id}`, { ...articleForm({ title: "Form çakışması: yönetici" }), version: "1", action: "save" });
    const res = await sessions.editor.post(`/yonetim/haber/${id}`, {
      ...articleForm({ title: "Form çakışması", body: "<p>Editörün kaybolmaması gereken metni.</p>" }),
      version: "1",
      action: "save",
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("Kaydedilmedi: haber sizden önce değişti");
    expect(res.body).toContain("Editörün kaybolmaması gereken metni.");
    expect(res.body).toContain('name="version" value="2"');
  });

  it("previews a draft exactly as readers would see it, without letting search engines in", async () => {
    const id = await draftOf(actors.editor, "Önizleme haberi");
    const res = await sessions.editor.get(`/yonetim/haber/${id}/onizleme`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-robots-tag"]).toBe("noindex");
    expect(res.body).toMatch(/<h1 id="baslik-\d+" class="article-title">Önizleme haberi<\/h1>/);
    expect(res.body).toContain('<div class="preview-banner" role="note"><strong>ÖNİZLEME</strong>');
    expect(res.body).toContain(`href="/yonetim/haber/${id}"`);
    expect(res.body).toContain('<meta name="robots" content="noindex"');
    expect(cookieValue(res, "haberci_oturum")).toBeUndefined();
  });

  it("suggests tags by prefix, Turkish letters included", async () => {
    const res = await sessions.muhabir.get("/yonetim/etiketler?q=kır");
    expect(res.json().items).toContainEqual({ slug: "kirsehir", name: "Kırşehir" });
  });
});
