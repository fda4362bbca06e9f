// Deleting an article: only what is not live, by whom the workflow allows; the audit log keeps the title.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { deleteArticle } from "./deleteArticle.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle, updateArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("deleteArticle", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let otherReporter: Actor;
  let editor: Actor;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Silen Muhabir");
    otherReporter = await addActor(db, "muhabir", "Baska Muhabir");
    editor = await addActor(db, "editor", "Silen Editor");
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  const exists = async (id: number) => (await get().db.selectFrom("articles").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
  const revisionCount = async (id: number) => (await get().db.selectFrom("articleRevisions").select("articleId").where("articleId", "=", id).execute()).length;
  const readerStatus = async (id: number) => (await t.app.inject(`/api/v1/articles/${id}`)).statusCode;

  it("lets a reporter delete their own draft: it and its revisions are gone, the audit log keeps the title", async () => {
    const draft = await createArticle(get().db, { input: articleInput({ title: "Silinecek taslak" }), actor: reporter, now: T0 });
    await updateArticle(get().db, { articleId: draft.id, version: 1, input: articleInput({ title: "Silinecek taslak, ikinci hali" }), actor: reporter, now: minutes(1) });
    expect(await revisionCount(draft.id)).toBe(2);

    await deleteArticle(get().db, { articleId: draft.id, version: 2, actor: reporter, now: minutes(2), ip: "203.0.113.9" });
    expect(await exists(draft.id)).toBe(false);
    expect(await revisionCount(draft.id)).toBe(0);
    const audit = await get()
      .db.selectFrom("auditLog")
      .select(["actorId", "subject", "detail", "ip"])
      .where("action", "=", "article_deleted")
      .where("subject", "=", `haber #${draft.id}`)
      .executeTakeFirst();
    expect(audit).toEqual({ actorId: reporter.id, subject: `haber #${draft.id}`, detail: "Silinecek taslak, ikinci hali", ip: "203.0.113.9" });
  });

  it("refuses a published or scheduled article, even to an editor, and readers still find the published one", async () => {
    const live = await createArticle(get().db, { input: articleInput({ title: "Yayındaki haber silinmez" }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: live.id, action: "publish", actor: editor, now: T0 });
    const refused = deleteArticle(get().db, { articleId: live.id, actor: editor, now: minutes(1) });
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toThrow("önce yayından kaldırın");
    expect(await readerStatus(live.id)).toBe(200);

    const later = await createArticle(get().db, { input: articleInput({ title: "Zamanlanmış haber silinmez" }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: later.id, action: "schedule", actor: editor, now: T0, at: minutes(600) });
    await expect(deleteArticle(get().db, { articleId: later.id, actor: editor, now: minutes(1) })).rejects.toThrow("önce yayından kaldırın");
    expect(await exists(later.id)).toBe(true);
  });

  it("lets an editor delete an article taken off the site, and readers no longer find it", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Kaldırılıp silinen haber" }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "publish", actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "unpublish", actor: editor, now: minutes(1) });
    await deleteArticle(get().db, { articleId: a.id, actor: editor, now: minutes(2) });
    expect(await exists(a.id)).toBe(false);
    expect(await readerStatus(a.id)).toBe(404);
  });

  it("refuses a reporter another reporter's draft, or their own draft once sent for review", async () => {
    const theirs = await createArticle(get().db, { input: articleInput({ title: "Başkasının taslağı" }), actor: otherReporter, now: T0 });
    await expect(deleteArticle(get().db, { articleId: theirs.id, actor: reporter, now: minutes(1) })).rejects.toBeInstanceOf(ForbiddenError);
    const mine = await createArticle(get().db, { input: articleInput({ title: "Onaydaki taslak" }), actor: reporter, now: T0 });
    await changeArticleStatus(get().db, { articleId: mine.id, action: "submit", actor: reporter, now: minutes(1) });
    await expect(deleteArticle(get().db, { articleId: mine.id, actor: reporter, now: minutes(2) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await exists(theirs.id)).toBe(true);
    expect(await exists(mine.id)).toBe(true);
  });

  it("refuses a delete based on an old version with 409, and an unknown article with 404", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Eski sürümden silme" }), actor: editor, now: T0 });
    await updateArticle(get().db, { articleId: a.id, version: 1, input: articleInput({ title: "Eski sürümden silme: yeni başlık" }), actor: editor, now: minutes(1) });
    const stale = deleteArticle(get().db, { articleId: a.id, version: 1, actor: editor, now: minutes(2) });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    expect(await exists(a.id)).toBe(true);
    await expect(deleteArticle(get().db, { articleId: 999_999, actor: editor, now: TEST_NOW })).rejects.toBeInstanceOf(NotFoundError);
  });
});
