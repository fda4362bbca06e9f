import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput, bylineOf } from "../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { installDefaults } from "./installDefaults.ts";
import { publishDueArticles } from "./publishDueArticles.ts";
import { getArticle } from "./getArticle.ts";
import { compareRevisions, restoreRevision } from "./revisions.ts";
import { listArticleRevisions } from "./revisionStore.ts";
import { createArticle, updateArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";
import { StaleVersionError } from "../errors.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("newsroom workflow", (get) => {
  let reporter: Actor;
  let otherReporter: Actor;
  let editor: Actor;
  let secondEditor: Actor;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Ayse");
    otherReporter = await addActor(db, "muhabir", "Can");
    editor = await addActor(db, "editor", "Deniz");
    secondEditor = await addActor(db, "editor", "Ece");
  });

  it("takes a reporter's draft through review to publication, with a revision for every step", async () => {
    const { db } = get();
    const draft = await createArticle(db, { input: articleInput(), actor: reporter, now: T0 });
    expect(draft).toMatchObject({ status: "draft", version: 1, ownerId: reporter.id, publishedAt: null });
    await expect(getArticle(db, draft.id, T0)).rejects.toThrow("bulunamadı");

    const edited = await updateArticle(db, {
      articleId: draft.id,
      version: 1,
      input: articleInput({ spot: "Kar yağışı kenti beyaza bürüdü." }),
      actor: reporter,
      now: minutes(1),
    });
    const review = await changeArticleStatus(db, { articleId: draft.id, action: "submit", actor: reporter, now: minutes(2), version: edited.version });
    expect(review.status).toBe("review");
    // Once sent for review, the reporter cannot publish and cannot edit it any more.
    await expect(changeArticleStatus(db, { articleId: draft.id, action: "publish", actor: reporter, now: minutes(3) })).rejects.toThrow("yetkiniz yok");
    await expect(
      updateArticle(db, { articleId: draft.id, version: review.version, input: articleInput({ title: "Değişti" }), actor: reporter, now: minutes(3) }),
    ).rejects.toThrow("yetkiniz yok");

    const live = await changeArticleStatus(db, { articleId: draft.id, action: "publish", actor: editor, now: minutes(4) });
    expect(live).toMatchObject({ status: "published", publishedAt: minutes(4).toISOString() });
    const page = await getArticle(db, draft.id, minutes(5));
    expect(page.article.url).toBe(`/haber/gundem/ankarada-mevsimin-ilk-kari-${draft.id}.html`);
    expect(page.article.updatedAt).toBeNull();

    // An editor's later edit goes live on save and shows as the updated time.
    await updateArticle(db, {
      articleId: draft.id,
      version: live.version,
      input: articleInput({ spot: "Kar yağışı akşama kadar sürecek." }),
      actor: editor,
      now: minutes(30),
    });
    const after = await getArticle(db, draft.id, minutes(31));
    expect(after.article.spot).toBe("Kar yağışı akşama kadar sürecek.");
    expect(after.article.updatedAt).toBe(minutes(30).toISOString());

    const revisions = await listArticleRevisions(db, draft.id);
    expect(revisions.map((r) => [r.version, r.status, r.authorLabel])).toEqual([
      [5, "published", "Deniz"],
      [4, "published", "Deniz"],
      [3, "review", "Ayse"],
      [2, "draft", "Ayse"],
      [1, "draft", "Ayse"],
    ]);
  });

  it("refuses every transition that is not allowed, changing nothing", async () => {
    const { db } = get();
    const a = await createArticle(db, { input: articleInput({ title: "Geçişler" }), actor: reporter, now: T0 });
    await expect(changeArticleStatus(db, { articleId: a.id, action: "unpublish", actor: editor, now: T0 })).rejects.toThrow("yapılamaz");
    await expect(changeArticleStatus(db, { articleId: a.id, action: "withdraw", actor: reporter, now: T0 })).rejects.toThrow("yapılamaz");
    await expect(changeArticleStatus(db, { articleId: a.id, action: "submit", actor: otherReporter, now: T0 })).rejects.toThrow("yetkiniz yok");
    await expect(changeArticleStatus(db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at: minutes(-5) })).rejects.toThrow("ileri bir tarih");
    await expect(updateArticle(db, { articleId: a.id, version: 1, input: articleInput({ isBreaking: true }), actor: reporter, now: T0 })).rejects.toThrow("editörler");
    const row = await db.selectFrom("articles").selectAll().where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "draft", version: 1, isBreaking: 0 });
  });

  it("refuses a stale save with 409 and what changed, losing nothing", async () => {
    const { db } = get();
    const a = await createArticle(db, { input: articleInput({ authors: bylineOf(editor), title: "Çakışma haberi" }), actor: editor, now: T0 });
    // Two editors open version 1. The first saves.
    await updateArticle(db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Çakışma haberi: son durum", body: "<p>Birinci editörün metni.</p>" }),
      actor: editor,
      now: minutes(1),
    });
    // The second saves from the same version: refused, with the first editor's changes described.
    const stale = updateArticle(db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Çakışma haberi", body: "<p>İkinci editörün metni.</p>" }),
      actor: secondEditor,
      now: minutes(2),
    });
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    const error = (await stale.catch((e: unknown) => e)) as StaleVersionError;
    expect(error.currentVersion).toBe(2);
    expect(error.message).toContain("Deniz tarafından");
    expect(error.changes.map((c) => c.label)).toEqual(["Başlık", "Metin"]);
    const row = await db.selectFrom("articles").select(["title", "body", "version"]).where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Çakışma haberi: son durum", body: "<p>Birinci editörün metni.</p>", version: 2 });
    // Saving again on top of the current version works.
    const merged = await updateArticle(db, {
      articleId: a.id,
      version: 2,
      input: articleInput({ authors: bylineOf(editor), title: "Çakışma haberi: son durum", body: "<p>Birinci editörün metni.</p><p>İkinci editörün metni.</p>" }),
      actor: secondEditor,
      now: minutes(3),
    });
    expect(merged.version).toBe(3);
  });

  it("diffs any two revisions word by word and restores an old one as a new version", async () => {
    const { db } = get();
    const a = await createArticle(db, {
      input: articleInput({ authors: bylineOf(editor), title: "Sürüm haberi", body: "<p>İlk metin burada.</p>" }),
      actor: editor,
      now: T0,
    });
    await updateArticle(db, {
      articleId: a.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Sürüm haberi", body: "<p>İkinci metin burada.</p>" }),
      actor: editor,
      now: minutes(1),
    });
    const changes = await compareRevisions(db, a.id, 1, 2);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text])).toEqual([
      ["removed", "İlk"],
      ["added", "İkinci"],
    ]);
    const restored = await restoreRevision(db, { articleId: a.id, revision: 1, version: 2, actor: editor, now: minutes(2) });
    expect(restored).toMatchObject({ version: 3, body: "<p>İlk metin burada.</p>" });
    expect((await listArticleRevisions(db, a.id)).map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it("publishes scheduled articles when due, and only then", async () => {
    const { db } = get();
    const a = await createArticle(db, { input: articleInput({ title: "Zamanlı haber" }), actor: editor, now: T0 });
    const scheduled = await changeArticleStatus(db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at: minutes(10) });
    expect(scheduled).toMatchObject({ status: "scheduled", scheduledAt: minutes(10).toISOString() });
    expect((await publishDueArticles(db, minutes(9))).map((x) => x.id)).not.toContain(a.id);
    await expect(getArticle(db, a.id, minutes(9))).rejects.toThrow("bulunamadı");
    expect((await publishDueArticles(db, minutes(10))).map((x) => x.id)).toContain(a.id);
    const page = await getArticle(db, a.id, minutes(11));
    expect(page.article.publishedAt).toBe(minutes(10).toISOString());
    expect((await publishDueArticles(db, minutes(12))).map((x) => x.id)).not.toContain(a.id);
  });
});
