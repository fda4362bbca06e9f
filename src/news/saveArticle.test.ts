// Creating and editing an article (the API's POST and PATCH): who may, what is kept, what readers see.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput, bylineOf } from "../../test/newsroomFixtures.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle, updateArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z"); // the test app's clock is 12:00 the same day
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("createArticle and updateArticle", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let otherReporter: Actor;
  let editor: Actor;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Yazan Muhabir");
    otherReporter = await addActor(db, "muhabir", "Obur Muhabir");
    editor = await addActor(db, "editor", "Yazan Editor");
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  const reader = (id: number) => t.app.inject(`/api/v1/articles/${id}`);
  const revisions = async (id: number) =>
    (await get().db.selectFrom("articleRevisions").select(["version", "authorLabel", "note"]).where("articleId", "=", id).orderBy("version").execute()).map((r) => [
      r.version,
      r.authorLabel,
      r.note,
    ]);

  it("creates a draft owned by its writer, unseen by readers, with a Turkish slug, its tags and a first revision", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Iğdır'da çiftçiler hasada başladı", tags: ["Tarım", "Iğdır"] }), actor: reporter, now: T0 });
    expect(a).toMatchObject({
      status: "draft",
      version: 1,
      ownerId: reporter.id,
      slug: "igdirda-ciftciler-hasada-basladi",
      publishedAt: null,
      createdAt: T0.toISOString(),
    });
    expect((await reader(a.id)).statusCode).toBe(404);
    expect(await revisions(a.id)).toEqual([[1, "Yazan Muhabir", "Oluşturuldu"]]);

    await changeArticleStatus(get().db, { articleId: a.id, action: "publish", actor: editor, now: minutes(1) });
    const page = (await reader(a.id)).json();
    expect(page.url).toMatch(new RegExp(`/haber/gundem/igdirda-ciftciler-hasada-basladi-${a.id}\\.html$`));
    expect(page.tags.map((tag: { name: string }) => tag.name).sort()).toEqual(["Iğdır", "Tarım"]);
  });

  it("lets only editors set the son dakika flag", async () => {
    await expect(createArticle(get().db, { input: articleInput({ isBreaking: true }), actor: reporter, now: T0 })).rejects.toThrow("yalnızca editörler");
    const flagged = await createArticle(get().db, { input: articleInput({ isBreaking: true }), actor: editor, now: T0 });
    expect(flagged.isBreaking).toBe(1);

    const mine = await createArticle(get().db, { input: articleInput(), actor: reporter, now: T0 });
    const refused = updateArticle(get().db, { articleId: mine.id, version: 1, input: articleInput({ isBreaking: true }), actor: reporter, now: minutes(1) });
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses an unknown category or picture, naming what is wrong", async () => {
    await expect(createArticle(get().db, { input: articleInput({ category: "yok-boyle" }), actor: editor, now: T0 })).rejects.toBeInstanceOf(InvalidInputError);
    const noPicture = createArticle(get().db, { input: articleInput({ imageId: 999_999, imageAlt: "Bir görsel" }), actor: editor, now: T0 });
    await expect(noPicture).rejects.toMatchObject({ fields: { imageId: "Görsel bulunamadı." } });
  });

  it("saves a reporter's edit of their own draft as the next version, with the note given", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "İlk hali" }), actor: reporter, now: T0 });
    const edited = await updateArticle(get().db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ title: "İkinci hali", tags: ["Yeni"] }),
      actor: reporter,
      now: minutes(1),
      note: "Başlık düzeltildi",
    });
    expect(edited).toMatchObject({ version: 2, title: "İkinci hali", slug: "ikinci-hali", status: "draft" });
    expect(await revisions(a.id)).toEqual([
      [1, "Yazan Muhabir", "Oluşturuldu"],
      [2, "Yazan Muhabir", "Başlık düzeltildi"],
    ]);
  });

  it("refuses a reporter another reporter's draft, and their own once sent for review", async () => {
    const theirs = await createArticle(get().db, { input: articleInput({ title: "Başkasının haberi" }), actor: otherReporter, now: T0 });
    await expect(updateArticle(get().db, { articleId: theirs.id, version: 1, input: articleInput(), actor: reporter, now: minutes(1) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const mine = await createArticle(get().db, { input: articleInput({ title: "Onaya giden haber" }), actor: reporter, now: T0 });
    await changeArticleStatus(get().db, { articleId: mine.id, action: "submit", actor: reporter, now: minutes(1) });
    await expect(updateArticle(get().db, { articleId: mine.id, version: 2, input: articleInput(), actor: reporter, now: minutes(2) })).rejects.toThrow("yetkiniz yok");
  });

  it("puts an editor's edit of a published article live at once, shown as updated", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Canlı düzeltme", spot: "Eski spot." }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "publish", actor: editor, now: minutes(1) });
    await updateArticle(get().db, {
      articleId: a.id,
      version: 2,
      input: articleInput({ title: "Canlı düzeltme", spot: "Düzeltilmiş spot." }),
      actor: editor,
      now: minutes(5),
    });
    expect((await reader(a.id)).json()).toMatchObject({ spot: "Düzeltilmiş spot.", publishedAt: minutes(1).toISOString(), updatedAt: minutes(5).toISOString() });
  });

  it("refuses an edit based on an old version with 409, saying what changed and by whom, and keeps the newer text", async () => {
    const a = await createArticle(get().db, {
      input: articleInput({ authors: bylineOf(editor), title: "Eş zamanlı düzenleme", spot: "Birinci spot." }),
      actor: editor,
      now: T0,
    });
    await updateArticle(get().db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Eş zamanlı düzenleme", spot: "Editörün spotu." }),
      actor: editor,
      now: minutes(1),
    });
    const stale = updateArticle(get().db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Eş zamanlı düzenleme", spot: "Muhabirin spotu." }),
      actor: editor,
      now: minutes(2),
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2, changes: [expect.objectContaining({ label: "Spot" })] });
    await expect(stale).rejects.toThrow("Yazan Editor tarafından");
    const row = await get().db.selectFrom("articles").select(["spot", "version"]).where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ spot: "Editörün spotu.", version: 2 });
    await expect(updateArticle(get().db, { articleId: 999_999, version: 1, input: articleInput(), actor: editor, now: minutes(3) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
