// Choosing an article's authors: in the editor form (ordered places, no JavaScript needed), through
// the newsroom API, and safely against another editor's save; revisions bring the byline back.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, TEST_NOW, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD, addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../test/session.ts";
import { authorsOfArticles } from "../news/authorStore.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { restoreRevision } from "../news/revisions.ts";
import { createArticle } from "../news/saveArticle.ts";
import type { Actor } from "../news/workflow.ts";
import { createApiToken } from "./apiTokens.ts";

describeEachDatabase("choosing an article's authors", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let editor: Actor;
  let editorA: Session;
  let editorB: Session;
  let token = "";

  const bylineOf = async (id: number) => ((await authorsOfArticles(get().db, [id])).get(id) ?? []).map((a) => a.slug);
  const versionOf = async (id: number) => (await get().db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
  /** The author places as the editor page shows them: the selected slug of each, in order ("" for an empty place). */
  const placesOf = (html: string) =>
    [...html.matchAll(/<select id="author-\d+" name="authors">([^]*?)<\/select>/g)].map((m) => /<option value="([^"]*)" selected>/.exec(m[1] ?? "")?.[1] ?? "");
  const form = (extra: Record<string, string | string[]>) => ({
    title: "Yazarlı haber",
    spot: "Spot.",
    body: "<p>Metin.</p>",
    category: "gundem",
    source: "haberci",
    tags: "",
    ...extra,
  });
  const api = (method: "POST" | "PATCH", url: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: JSON.stringify(payload) });

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Ulas Muhabir");
    editor = await addActor(db, "editor", "Sekme Editor");
    await addActor(db, "editor", "Ikinci Editor");
    token = await createApiToken(db, { userId: editor.id, name: "test", actor: null, now: TEST_NOW });
    t = await buildTestApp(db);
    editorA = await signIn(t.app, "sekmeeditor-editor@haberci.test", PASSWORD);
    editorB = await signIn(t.app, "ikincieditor-editor@haberci.test", PASSWORD);
  });
  afterAll(async () => t?.close());

  it("offers the writer's own profile first on a new article, and saves the places in order", async () => {
    const blank = await editorA.get("/yonetim/haber/yeni");
    expect(placesOf(blank.body)).toEqual(["sekme-editor", "", ""]);
    expect(blank.body).toContain('<label for="author-1">1. yazar</label>');
    const created = await editorA.post("/yonetim/haber/yeni", form({ authors: ["ikinci-editor", "", "sekme-editor"], action: "save" }));
    expect(created.statusCode).toBe(303);
    const id = Number(/\/yonetim\/haber\/(\d+)/.exec(created.headers.location ?? "")?.[1]);
    expect(await bylineOf(id)).toEqual(["ikinci-editor", "sekme-editor"]);
    // The form shows them back in their places, plus two empty ones.
    expect(placesOf((await editorA.get(`/yonetim/haber/${id}`)).body)).toEqual(["ikinci-editor", "sekme-editor", "", ""]);
    // Emptied, the article becomes an agency item.
    const emptied = await editorA.post(`/yonetim/haber/${id}`, form({ authors: ["", ""], version: String(await versionOf(id)), action: "save" }));
    expect(emptied.statusCode).toBe(303);
    expect(await bylineOf(id)).toEqual([]);
  });

  it("credits the writer when a new article names nobody", async () => {
    const created = await editorA.post("/yonetim/haber/yeni", form({ title: "İmzasız kaydedilen", authors: "", action: "save" }));
    const id = Number(/\/yonetim\/haber\/(\d+)/.exec(created.headers.location ?? "")?.[1]);
    expect(await bylineOf(id)).toEqual(["sekme-editor"]);
  });

  it("refuses an unknown author with a Turkish message, saving nothing", async () => {
    const res = await editorA.post("/yonetim/haber/yeni", form({ title: "Olmayan yazarlı", authors: ["yok-boyle-biri"], action: "save" }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Bilinmeyen yazar: yok-boyle-biri.");
    expect(await get().db.selectFrom("articles").select("id").where("title", "=", "Olmayan yazarlı").executeTakeFirst()).toBeUndefined();
  });

  it("keeps another editor's author change when a save from the same version changed something else", async () => {
    const { id } = await createArticle(get().db, { input: articleInput({ title: "İki sekme", authors: ["sekme-editor"] }), actor: editor, now: TEST_NOW });
    const opened = await versionOf(id);
    // A adds a second author and saves.
    const a = await editorA.post(
      `/yonetim/haber/${id}`,
      form({ title: "İki sekme", authors: ["sekme-editor", "ikinci-editor"], version: String(opened), action: "save" }),
    );
    expect(a.statusCode).toBe(303);
    // B, still on the opened version, changes only the title: A's byline is kept (answered as a conflict to review, nothing lost).
    const b = await editorB.post(`/yonetim/haber/${id}`, form({ title: "İki sekme: son durum", authors: ["sekme-editor"], version: String(opened), action: "save" }));
    expect(b.statusCode).toBe(409);
    expect(placesOf(b.body).slice(0, 2)).toEqual(["sekme-editor", "ikinci-editor"]);
    expect(await bylineOf(id)).toEqual(["sekme-editor", "ikinci-editor"]);
    // B also changing the byline differently is a true conflict on "Yazarlar".
    const both = await editorB.post(`/yonetim/haber/${id}`, form({ title: "İki sekme", authors: ["ulas-muhabir"], version: String(opened), action: "save" }));
    expect(both.statusCode).toBe(409);
    expect(both.body).toContain("Yazarlar: ikiniz de değiştirdiniz");
    expect(both.body).toContain('<dd data-theirs="authors">Sekme Editor, Ikinci Editor</dd>');
    expect(await bylineOf(id)).toEqual(["sekme-editor", "ikinci-editor"]);
  });

  it("restoring a revision brings its authors back", async () => {
    const { db } = get();
    const { id } = await createArticle(db, { input: articleInput({ title: "Geri gelen imza", authors: ["ulas-muhabir"] }), actor: editor, now: TEST_NOW });
    const first = await versionOf(id);
    const changed = await api("PATCH", `/api/v1/articles/${id}`, { version: first, authors: ["sekme-editor"] });
    expect(changed.statusCode).toBe(200);
    expect(await bylineOf(id)).toEqual(["sekme-editor"]);
    await restoreRevision(db, { articleId: id, revision: first, version: await versionOf(id), actor: editor, now: TEST_NOW });
    expect(await bylineOf(id)).toEqual(["ulas-muhabir"]);
    expect(reporter.role).toBe("muhabir");
  });

  it("takes authors through the API: given, defaulted, refused when unknown, none for an agency item", async () => {
    const named = await api("POST", "/api/v1/articles", { title: "API'den iki yazarlı", category: "gundem", authors: ["ulas-muhabir", "sekme-editor"] });
    expect(named.statusCode).toBe(201);
    const id = named.json<{ id: number }>().id;
    expect(await bylineOf(id)).toEqual(["ulas-muhabir", "sekme-editor"]);
    const plain = await api("POST", "/api/v1/articles", { title: "API'den imzasız", category: "gundem" });
    const plainId = plain.json<{ id: number }>().id;
    expect(await bylineOf(plainId)).toEqual(["sekme-editor"]);

    const unknown = await api("POST", "/api/v1/articles", { title: "Bilinmeyen", category: "gundem", authors: ["yok-boyle-biri"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: "unknown_author", fields: { authors: "Bilinmeyen yazar: yok-boyle-biri." } } });
    // [] makes it an agency item: its source signs it.
    const empty = await api("PATCH", `/api/v1/articles/${plainId}`, { version: await versionOf(plainId), authors: [] });
    expect(empty.statusCode).toBe(200);
    expect(await bylineOf(plainId)).toEqual([]);
    const badSlug = await api("PATCH", `/api/v1/articles/${id}`, { version: await versionOf(id), authors: ["Büyük Harf"] });
    expect(badSlug.statusCode).toBe(400);
    const unknownPatch = await api("PATCH", `/api/v1/articles/${id}`, { version: await versionOf(id), authors: ["sekme-editor", "yok-boyle-biri"] });
    expect(unknownPatch.json()).toMatchObject({ error: { code: "unknown_author" } });
    expect(await bylineOf(id)).toEqual(["ulas-muhabir", "sekme-editor"]);

    // Published, the public JSON shows the byline with absolute author page addresses.
    const published = await t.app.inject({ method: "POST", url: `/api/v1/articles/${id}/publish`, headers: { authorization: `Bearer ${token}` } });
    expect(published.statusCode).toBe(200);
    const read = await t.app.inject(`/api/v1/articles/${id}`);
    expect(read.json<{ authors: unknown }>().authors).toEqual([
      { slug: "ulas-muhabir", name: "Ulas Muhabir", url: "https://haberci.test/yazar/ulas-muhabir/" },
      { slug: "sekme-editor", name: "Sekme Editor", url: "https://haberci.test/yazar/sekme-editor/" },
    ]);
  });
});
