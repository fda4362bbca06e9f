// Moving an article along the workflow, as the newsroom and readers see it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { readHeadlineOrder, setHeadlineOrder } from "./homeControl.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z"); // the test app's clock is 12:00 the same day
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("changeArticleStatus", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let otherReporter: Actor;
  let editor: Actor;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Durum Muhabir");
    otherReporter = await addActor(db, "muhabir", "Diger Muhabir");
    editor = await addActor(db, "editor", "Durum Editor");
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  const draft = async (title: string, actor: Actor = reporter) => (await createArticle(get().db, { input: articleInput({ title }), actor, now: T0 })).id;
  const row = (id: number) =>
    get().db.selectFrom("articles").select(["status", "version", "publishedAt", "scheduledAt", "headlineSlot"]).where("id", "=", id).executeTakeFirstOrThrow();
  const reader = (id: number) => t.app.inject(`/api/v1/articles/${id}`);
  const step = (
    id: number,
    action: Parameters<typeof changeArticleStatus>[1]["action"],
    actor: Actor,
    n: number,
    extra: { at?: Date; version?: number; reason?: string } = {},
  ) => changeArticleStatus(get().db, { articleId: id, action, actor, now: minutes(n), ...extra });

  it("lets a reporter send their draft for review and take it back, each step a revision", async () => {
    const id = await draft("İncelemeye giden haber");
    expect((await step(id, "submit", reporter, 1)).status).toBe("review");
    expect((await step(id, "withdraw", reporter, 2)).status).toBe("draft");
    const notes = await get().db.selectFrom("articleRevisions").select("note").where("articleId", "=", id).orderBy("version").execute();
    expect(notes.map((n) => n.note).slice(1)).toEqual(["Onay bekliyor", "Taslak"]);
  });

  it("lets an editor return, publish, take off and publish again; readers follow, and the first publication time stays", async () => {
    const id = await draft("Yayına giren haber");
    await step(id, "submit", reporter, 1);
    expect((await step(id, "return", editor, 2, { reason: "  Kaynağı ekleyin.  " })).status).toBe("draft");
    await step(id, "publish", editor, 3);
    expect((await reader(id)).json()).toMatchObject({ publishedAt: minutes(3).toISOString(), updatedAt: null });

    await step(id, "unpublish", editor, 4);
    expect((await reader(id)).statusCode).toBe(404);

    await step(id, "publish", editor, 5);
    expect((await reader(id)).json()).toMatchObject({ publishedAt: minutes(3).toISOString(), updatedAt: minutes(5).toISOString() });
    const audit = await get().db.selectFrom("auditLog").select("action").where("subject", "=", `haber #${id}`).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["article_returned", "article_published", "article_unpublished", "article_published"]);
    const returned = await get()
      .db.selectFrom("auditLog")
      .select("detail")
      .where("action", "=", "article_returned")
      .where("subject", "=", `haber #${id}`)
      .executeTakeFirstOrThrow();
    expect(returned.detail).toBe("Yayına giren haber — Kaynağı ekleyin.");
  });

  it("refuses a return without a reason (blank, or only spaces) or with one too long, changing nothing", async () => {
    const id = await draft("Nedensiz geri gönderme");
    const inReview = await step(id, "submit", reporter, 1);
    for (const reason of [undefined, "", "   \n\t "]) {
      const refused = step(id, "return", editor, 2, { reason });
      await expect(refused).rejects.toMatchObject({ code: "reason_required", fields: { returnReason: expect.any(String) } });
    }
    await expect(step(id, "return", editor, 2, { reason: "x".repeat(1001) })).rejects.toMatchObject({ code: "reason_too_long" });
    expect(await row(id)).toMatchObject({ status: "review", version: inReview.version });
    const events = await get().db.selectFrom("articleEvents").select("action").where("articleId", "=", id).execute();
    expect(events.map((e) => e.action)).toEqual(["submit"]);
    expect((await step(id, "return", editor, 3, { reason: "x".repeat(1000) })).status).toBe("draft");
  });

  it("takes an article off the manşet when it is taken off the site", async () => {
    const id = await draft("Manşetten inen haber", editor);
    await step(id, "publish", editor, 1);
    await setHeadlineOrder(get().db, { articleIds: [id], stamp: (await readHeadlineOrder(get().db)).stamp, actor: editor, now: minutes(2) });
    await step(id, "unpublish", editor, 3);
    expect((await row(id)).headlineSlot).toBeNull();
  });

  it("schedules for a later time, and unscheduling makes it a draft again", async () => {
    const id = await draft("Zamanlanan haber", editor);
    const scheduled = await step(id, "schedule", editor, 1, { at: minutes(600) });
    expect(scheduled).toMatchObject({ status: "scheduled", scheduledAt: minutes(600).toISOString(), publishedAt: null });
    expect((await reader(id)).statusCode).toBe(404);
    expect(await step(id, "unschedule", editor, 2)).toMatchObject({ status: "draft", scheduledAt: null });
  });

  it("refuses a schedule time that is not ahead or more than a year ahead, naming the field", async () => {
    const id = await draft("Zamanı hatalı haber", editor);
    for (const at of [minutes(0), minutes(-60), new Date(Date.UTC(2027, 10, 28, 9)), new Date(Number.NaN)]) {
      const refused = step(id, "schedule", editor, 0, { at });
      await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
      await expect(refused).rejects.toMatchObject({ fields: { at: expect.any(String) } });
    }
    expect(await row(id)).toMatchObject({ status: "draft", version: 1, scheduledAt: null });
  });

  it("refuses reporters the editors' steps and other reporters' articles, changing nothing", async () => {
    const id = await draft("Yetkisiz adımlar");
    for (const action of ["publish", "schedule", "return"] as const) {
      await expect(step(id, action, reporter, 1, { at: minutes(600) })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(step(id, "submit", otherReporter, 1)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await row(id)).toMatchObject({ status: "draft", version: 1 });
  });

  it("refuses a step the status does not allow, in Turkish, changing nothing", async () => {
    const id = await draft("Geçersiz adım");
    await expect(step(id, "unpublish", editor, 1)).rejects.toThrow("“Taslak” durumundaki bir haber için bu işlem yapılamaz.");
    await expect(step(id, "withdraw", reporter, 1)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(step(id, "unschedule", editor, 1)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await row(id)).toMatchObject({ status: "draft", version: 1 });
  });

  it("refuses a step based on an old version with 409 and an unknown article with 404", async () => {
    const id = await draft("Eski sürümden adım");
    await step(id, "submit", reporter, 1);
    const stale = step(id, "publish", editor, 2, { version: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    expect(await row(id)).toMatchObject({ status: "review", version: 2 });
    await expect(step(999_999, "publish", editor, 2)).rejects.toBeInstanceOf(NotFoundError);
  });
});
