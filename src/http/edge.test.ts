// The one edge: auth before validation, no coercion of JSON, NFC text, numbers in range,
// redirects that keep the query, clean 4xx for oversized or malformed requests. Both databases.
import crypto from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, TEST_NOW, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { type Session, signIn } from "../../test/session.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createApiToken } from "../newsroom/apiTokens.ts";
import { addUser } from "../newsroom/users.ts";

const PASSWORD = "uzun-bir-parola-1";

function multipartBody(fields: Array<[string, string]>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----haberci${crypto.randomBytes(8).toString("hex")}`;
  const text = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("");
  return { payload: Buffer.from(`${text}--${boundary}--\r\n`), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describeEachDatabase("the edge", (get) => {
  let t: TestApp;
  let reporterToken = "";
  let editorToken = "";
  let editor: Session;
  let reporter: Session;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const countArticles = async () =>
    Number(
      (
        await get()
          .db.selectFrom("articles")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const createViaApi = (payload: Record<string, unknown>, token = reporterToken) =>
    t.app.inject({ method: "POST", url: "/api/v1/articles", headers: bearer(token), payload });

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    const r = await addUser(db, { email: "muhabir@haberci.test", name: "Ayşe Muhabir", role: "muhabir", password: PASSWORD, actor: null, now: TEST_NOW });
    const e = await addUser(db, { email: "editor@haberci.test", name: "Zeynep Editör", role: "editor", password: PASSWORD, actor: null, now: TEST_NOW });
    reporterToken = await createApiToken(db, { userId: r.id, name: "test", actor: null, now: TEST_NOW });
    editorToken = await createApiToken(db, { userId: e.id, name: "test", actor: null, now: TEST_NOW });
    t = await buildTestApp(db);
    editor = await signIn(t.app, "editor@haberci.test", PASSWORD);
    reporter = await signIn(t.app, "muhabir@haberci.test", PASSWORD);
  });
  afterAll(async () => t.close());

  it("answers 401 before looking at the body when there is no token or session", async () => {
    const before = await countArticles();
    const noToken = await t.app.inject({ method: "POST", url: "/api/v1/articles", payload: { title: 5, nonsense: true } });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().error.code).toBe("unauthorized");
    const badToken = await t.app.inject({ method: "PATCH", url: "/api/v1/articles/1", headers: bearer("hbr_yanlis"), payload: "{" });
    expect(badToken.statusCode).toBe(401);
    const form = await t.app.inject({
      method: "POST",
      url: "/yonetim/haber/yeni",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "title=x&bilinmeyen=1",
    });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe("/yonetim/giris");
    expect(await countArticles()).toBe(before);
  });

  it("answers 403 for a wrong role whatever the body holds", async () => {
    const res = await reporter.post("/yonetim/kullanicilar", { name: "", email: "x".repeat(5000), role: "kral", password: "" });
    expect(res.statusCode).toBe(403);
    const api = await t.app.inject({ method: "GET", url: "/yonetim/manset?bilinmeyen=1", headers: { cookie: reporter.cookie } });
    expect(api.statusCode).toBe(403);
  });

  it("does not coerce JSON types: a number title or number tags are refused and nothing is saved", async () => {
    const before = await countArticles();
    const title = await createViaApi({ title: 123, category: "gundem" });
    expect(title.statusCode).toBe(400);
    expect(title.json().error.fields.title).toBe("Türü yanlış: metin olmalı.");
    const tags = await createViaApi({ title: "Etiketler sayı olamaz", category: "gundem", tags: [1, 2] });
    expect(tags.statusCode).toBe(400);
    expect(Object.keys(tags.json().error.fields)).toContain("tags.0");
    const flag = await createViaApi({ title: "Bayrak metin olamaz", category: "gundem", isBreaking: "true" });
    expect(flag.statusCode).toBe(400);
    expect(await countArticles()).toBe(before);
  });

  it("stores decomposed (NFD) text composed (NFC), from the API and the form, and search finds it", async () => {
    const nfd = "Gökçeada açıklarında şişe postası bulundu".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    const created = await createViaApi(
      { title: nfd, spot: "Balıkçılar şişeyi kıyıya getirdi.".normalize("NFD"), category: "gundem", tags: ["Gökçeada".normalize("NFD")] },
      editorToken,
    );
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const row = await get().db.selectFrom("articles").select(["title", "spot"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.title).toBe("Gökçeada açıklarında şişe postası bulundu");
    expect(row.title.normalize("NFC")).toBe(row.title);
    const publish = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/publish`, headers: bearer(editorToken), payload: {} });
    expect(publish.statusCode).toBe(200);
    for (const q of ["gökçeada", "gokceada", "şişe", "GÖKÇEADA".normalize("NFD")]) {
      const found = await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect(found.statusCode, q).toBe(200);
      expect(
        found.json().items.map((i: { id: number }) => i.id),
        q,
      ).toContain(id);
    }
    // The editor form too.
    const form = await editor.post("/yonetim/haber/yeni", {
      title: "Çeşme'de güz şenliği".normalize("NFD"),
      spot: "",
      body: "<p>Şenlik üç gün sürecek.</p>".normalize("NFD"),
      category: "gundem",
      source: "haberci",
      tags: "",
      action: "save",
    });
    expect(form.statusCode).toBe(303);
    const formId = Number(/haber\/(\d+)/.exec(form.headers.location ?? "")?.[1]);
    const formRow = await get().db.selectFrom("articles").select(["title", "body"]).where("id", "=", formId).executeTakeFirstOrThrow();
    expect(formRow.title).toBe("Çeşme'de güz şenliği");
    expect(formRow.body).toContain("Şenlik üç gün sürecek.");
  });

  it("removes NUL and other control characters from text, bodies included", async () => {
    const created = await createViaApi({
      title: "Boş\u0000 karakter\u0007 testi",
      body: "<p>Gövde\u0000 metni\u001b</p>",
      spot: "Satır\nsonu kalır",
      category: "gundem",
    });
    expect(created.statusCode).toBe(201);
    const row = await get().db.selectFrom("articles").select(["title", "body", "spot"]).where("id", "=", created.json().id).executeTakeFirstOrThrow();
    expect(row.title).toBe("Boş karakter testi");
    // eslint-disable-next-line no-control-regex -- the control characters sent above must be gone
    expect(row.body).not.toMatch(/[\u0000-\u0008\u001b]/);
    expect(row.body).toContain("Gövde metni");
    expect(row.spot).toBe("Satır\nsonu kalır");
  });

  it("gives a non-Latin tag or title a transliterated slug, and refuses one without any, naming it", async () => {
    const created = await createViaApi({ title: "Путин Анкарада", category: "gundem", tags: ["Путин", "Ελλάδα"] });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({ url: `/api/v1/articles/${created.json().id}`, headers: bearer(reporterToken) });
    expect(read.json().tags.map((tag: { slug: string }) => tag.slug)).toEqual(["putin", "ellada"]);
    const before = await countArticles();
    const emoji = await createViaApi({ title: "Roket fırlatıldı", category: "gundem", tags: ["Uzay", "🚀"] });
    expect(emoji.statusCode).toBe(400);
    expect(emoji.json().error.fields.tags).toContain('"🚀" etiketinden bir adres üretilemedi');
    const title = await createViaApi({ title: "🚀🚀 !!!", category: "gundem" });
    expect(title.statusCode).toBe(400);
    expect(title.json().error.fields.title).toMatch(/^Başlıktan bir adres üretilemedi/);
    expect(await countArticles()).toBe(before);
  });

  it("keeps numbers in their column's range: paths 404, bodies 400, on both databases", async () => {
    for (const path of ["/haber/gundem/x-2147483648.html", "/haber/gundem/x-9999999999.html", "/haber-parca/2147483648"]) {
      const res = await t.app.inject({ url: path });
      expect(res.statusCode, path).toBe(404);
    }
    const api = await t.app.inject({ url: "/api/v1/articles/2147483648" });
    expect(api.statusCode).toBe(400);
    expect(api.json().error.fields.id).toBeDefined();
    const before = await countArticles();
    for (const imageId of [2147483648, 1e10, 1.5, -1]) {
      const res = await createViaApi({ title: "Görsel kimliği sınırda", category: "gundem", imageId });
      expect(res.statusCode, String(imageId)).toBe(400);
    }
    expect(await countArticles()).toBe(before);
    const created = await createViaApi({ title: "Sürüm sınırı", category: "gundem" });
    const id = created.json().id;
    for (const version of [2147483648, 1e308]) {
      const res = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/articles/${id}`,
        headers: { ...bearer(reporterToken), "content-type": "application/json" },
        payload: `{"version": ${version === 1e308 ? "1e308" : version}, "title": "Yeni"}`,
      });
      expect(res.statusCode, String(version)).toBe(400);
    }
    const slot = await editor.post("/yonetim/manset", { slot: ["9007199254740992"], stamp: "x" });
    expect(slot.statusCode).toBe(400);
    const form = await editor.post(`/yonetim/haber/${id}`, { version: "2147483648", title: "Yeni", category: "gundem", source: "haberci", action: "save" });
    expect(form.statusCode).toBe(400);
    const revision = await editor.post(`/yonetim/haber/${id}/surumler/2147483648/geri-yukle`, { version: "1" });
    expect(revision.statusCode).toBe(404);
    const compare = await editor.get(`/yonetim/haber/${id}/surumler?a=1&b=99999999999`);
    expect(compare.statusCode).toBe(400);
    const row = await get().db.selectFrom("articles").select(["title", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Sürüm sınırı", version: 1 });
  });

  it("refuses impossible or out-of-range days in search filters with 400", async () => {
    for (const day of ["0000-01-01", "2031-02-30", "2026-13-01", "99999-01-01"]) {
      const api = await t.app.inject({ url: `/api/v1/search?q=kar&from=${day}` });
      expect(api.statusCode, day).toBe(400);
      expect(api.json().error.code).toBe("invalid_input");
      const page = await t.app.inject({ url: `/arama?q=kar&baslangic=${day}` });
      expect(page.statusCode, day).toBe(400);
      expect(page.body).toContain("İstek anlaşılamadı");
    }
    const empty = await t.app.inject({ url: "/arama?q=kar&kategori=&baslangic=&bitis=" });
    expect(empty.statusCode).toBe(200);
  });

  it("keeps the query string on every redirect", async () => {
    const tag = await t.app.inject({ url: "/etiket/deprem?sayfa=2" });
    expect(tag.statusCode).toBe(301);
    expect(tag.headers.location).toBe("/etiket/deprem/?sayfa=2");
    const breaking = await t.app.inject({ url: "/son-dakika?utm_source=bulten" });
    expect(breaking.headers.location).toBe("/son-dakika/?utm_source=bulten");
    const category = await t.app.inject({ url: "/haber/gundem/1.sayfa.html?utm_source=x&utm_medium=y" });
    expect(category.headers.location).toBe("/haber/gundem/?utm_source=x&utm_medium=y");
    const created = await createViaApi({ title: "Yönlendirme testi", category: "gundem" }, editorToken);
    const id = created.json().id;
    const published = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/publish`, headers: bearer(editorToken), payload: {} });
    const url = new URL(published.json().url).pathname;
    const canonical = await t.app.inject({ url: `/haber/dunya/eski-baslik-${id}.html?utm_campaign=sabah` });
    expect(canonical.statusCode).toBe(301);
    expect(canonical.headers.location).toBe(`${url}?utm_campaign=sabah`);
    // A legacy address recorded with its query string, and one recorded as a path.
    await get()
      .db.insertInto("articleRedirects")
      .values([
        { oldPath: "/haber.php?id=777", articleId: id, createdAt: TEST_NOW.toISOString() },
        { oldPath: "/eski/haber-777", articleId: id, createdAt: TEST_NOW.toISOString() },
      ])
      .execute();
    const legacy = await t.app.inject({ url: "/haber.php?id=777" });
    expect(legacy.statusCode).toBe(301);
    expect(legacy.headers.location).toBe(url);
    expect((await t.app.inject({ url: "/haber.php?id=778" })).statusCode).toBe(404);
    const legacyPath = await t.app.inject({ url: "/eski/haber-777?utm_source=arsiv" });
    expect(legacyPath.headers.location).toBe(`${url}?utm_source=arsiv`);
  });

  it("refuses a return address holding CR/LF before signing in: no session is created", async () => {
    const sessions = async () =>
      Number(
        (
          await get()
            .db.selectFrom("sessions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const page = await t.app.inject({ url: "/yonetim/giris" });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const loginCookie = page.cookies.find((c) => c.name === "haberci_giris")?.value ?? "";
    const before = await sessions();
    const res = await t.app.inject({
      method: "POST",
      url: "/yonetim/giris",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `haberci_giris=${loginCookie}` },
      payload: new URLSearchParams({ _csrf: csrf, email: "editor@haberci.test", password: PASSWORD, sonra: "/yonetim/\r\nSet-Cookie: x=1" }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("İstek geçersiz");
    expect(await sessions()).toBe(before);
    const getPage = await t.app.inject({ url: `/yonetim/giris?sonra=${encodeURIComponent("https://kotu.example/")}` });
    expect(getPage.statusCode).toBe(400);
  });

  it("answers a multipart post with too many fields with a Turkish 413, and checks its CSRF token", async () => {
    const many = multipartBody([["_csrf", editor.csrf], ...Array.from({ length: 15 }, (_, i): [string, string] => [`alan${i}`, "x"])]);
    const res = await t.app.inject({ method: "POST", url: "/yonetim/medya", headers: { ...many.headers, cookie: editor.cookie }, payload: many.payload });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain("çok fazla alan");
    const signOut = multipartBody([["x", "1"]]);
    const refused = await t.app.inject({ method: "POST", url: "/yonetim/cikis", headers: { ...signOut.headers, cookie: reporter.cookie }, payload: signOut.payload });
    expect(refused.statusCode).toBe(403);
    expect((await reporter.get("/yonetim/parola")).statusCode).toBe(200);
  });

  it("answers over-long addresses and request heads with a Turkish 4xx over real HTTP", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    if (address === null || typeof address === "string") throw new Error("not listening on TCP");
    const { port } = address;
    const long = await fetch(`http://127.0.0.1:${port}/arama?q=${"a".repeat(20_000)}`);
    expect(long.status).toBe(414);
    expect(await long.text()).toContain("Adres çok uzun");
    const api = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${"a".repeat(20_000)}`);
    expect(api.status).toBe(414);
    expect((await api.json()).error.code).toBe("uri_too_long");
    const head = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Doldurma: ${"b".repeat(100_000)}\r\n\r\n`));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("utf8")));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(head).toMatch(/^HTTP\/1\.1 431/);
    expect(head).toContain("İstek başlıkları çok büyük.");
  });
});
