// Revisions: the word diff between any two, and restoring an old one as a new version.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput, bylineOf } from "../../test/newsroomFixtures.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { installDefaults } from "./installDefaults.ts";
import { compareRevisions, restoreRevision } from "./revisions.ts";
import { createArticle, updateArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("revisions", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let editor: Actor;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Surum Muhabir");
    editor = await addActor(db, "editor", "Surum Editor");
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  const notes = async (id: number) =>
    (await get().db.selectFrom("articleRevisions").select(["version", "note"]).where("articleId", "=", id).orderBy("version").execute()).map((r) => [r.version, r.note]);

  it("lists only the fields that changed between two revisions, word by word, in either direction", async () => {
    const a = await createArticle(get().db, {
      input: articleInput({ authors: bylineOf(editor), title: "Köprü açıldı", body: "<p>Köprü sabah açıldı.</p>", tags: ["Ulaşım"] }),
      actor: editor,
      now: T0,
    });
    await updateArticle(get().db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Köprü açıldı", body: "<p>Köprü akşam açıldı.</p>", tags: ["Ulaşım", "İzmir"] }),
      actor: editor,
      now: minutes(1),
    });
    const forward = await compareRevisions(get().db, a.id, 1, 2);
    expect(forward.map((c) => c.label)).toEqual(["Metin", "Etiketler"]);
    const body = forward[0]?.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()]);
    expect(body).toEqual([
      ["removed", "sabah"],
      ["added", "akşam"],
    ]);
    const backward = await compareRevisions(get().db, a.id, 2, 1);
    expect(backward[0]?.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "akşam"],
      ["added", "sabah"],
    ]);
    expect(await compareRevisions(get().db, a.id, 2, 2)).toEqual([]);
    await expect(compareRevisions(get().db, a.id, 1, 7)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("restores an old revision's title, spot, text, category and tags as a new version, keeping every revision", async () => {
    const first = articleInput({ title: "Eski başlık", spot: "Eski spot.", body: "<p>Eski metin.</p>", category: "ekonomi", tags: ["Borsa"] });
    const a = await createArticle(get().db, { input: first, actor: reporter, now: T0 });
    await updateArticle(get().db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ title: "Yeni başlık", spot: "Yeni spot.", body: "<p>Yeni metin.</p>", tags: ["Faiz"] }),
      actor: reporter,
      now: minutes(1),
    });

    const restored = await restoreRevision(get().db, { articleId: a.id, revision: 1, version: 2, actor: reporter, now: minutes(2) });
    expect(restored).toMatchObject({ version: 3, status: "draft", title: "Eski başlık", spot: "Eski spot.", body: "<p>Eski metin.</p>" });
    expect(await compareRevisions(get().db, a.id, 1, 3)).toEqual([]);
    expect(await notes(a.id)).toEqual([
      [1, expect.any(String)],
      [2, expect.any(String)],
      [3, "Sürüm 1 geri yüklendi"],
    ]);
    const audit = await get()
      .db.selectFrom("auditLog")
      .select(["actorId", "detail"])
      .where("action", "=", "article_restored")
      .where("subject", "=", `haber #${a.id}`)
      .executeTakeFirst();
    expect(audit).toEqual({ actorId: reporter.id, detail: "sürüm 1" });
  });

  it("shows readers the restored text of a published article, with the restore as its update time", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Yayında geri yükleme", spot: "İlk spot." }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "publish", actor: editor, now: minutes(1) });
    await updateArticle(get().db, {
      articleId: a.id,
      version: 2,
      input: articleInput({ title: "Yayında geri yükleme", spot: "Hatalı spot." }),
      actor: editor,
      now: minutes(2),
    });
    await restoreRevision(get().db, { articleId: a.id, revision: 1, version: 3, actor: editor, now: minutes(3) });
    const page = (await t.app.inject(`/api/v1/articles/${a.id}`)).json();
    expect(page).toMatchObject({ spot: "İlk spot.", updatedAt: minutes(3).toISOString() });
  });

  it("refuses a restore from an old version with 409, a missing revision with 404, and a reporter on an article in review", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Geri yükleme sınırları" }), actor: reporter, now: T0 });
    await updateArticle(get().db, { articleId: a.id, version: 1, input: articleInput({ title: "Geri yükleme sınırları 2" }), actor: reporter, now: minutes(1) });
    const stale = restoreRevision(get().db, { articleId: a.id, revision: 1, version: 1, actor: reporter, now: minutes(2) });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    await expect(restoreRevision(get().db, { articleId: a.id, revision: 9, version: 2, actor: reporter, now: minutes(2) })).rejects.toBeInstanceOf(NotFoundError);

    await changeArticleStatus(get().db, { articleId: a.id, action: "submit", actor: reporter, now: minutes(3) });
    await expect(restoreRevision(get().db, { articleId: a.id, revision: 1, version: 3, actor: reporter, now: minutes(4) })).rejects.toBeInstanceOf(ForbiddenError);
    const row = await get().db.selectFrom("articles").select(["title", "version"]).where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Geri yükleme sınırları 2", version: 3 });
  });
});
