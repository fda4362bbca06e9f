import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import type { ArticleInput } from "./articleInput.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { type NewsEvents, newsEvents } from "./events.ts";
import { setBreakingFlag } from "./homeControl.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle } from "./saveArticle.ts";
import { EditConflictError, type FormAction, type SaveArticleFromFormInput, saveArticleFromForm } from "./saveArticleFromForm.ts";
import type { Actor } from "./workflow.ts";

// 12:00 UTC is 15:00 in Istanbul.
const T0 = new Date("2026-11-27T12:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("saving the editor form", (get) => {
  let reporter: Actor;
  let editor: Actor;
  let secondEditor: Actor;
  let events: NewsEvents["articleChanged"][0][];
  // Changes to existing articles: the drafts each test starts from are announced too, before the action under test.
  const listen = (e: NewsEvents["articleChanged"][0]) => e.before !== null && events.push(e);

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Ayse");
    editor = await addActor(db, "editor", "Deniz");
    secondEditor = await addActor(db, "editor", "Ece");
  });
  beforeEach(() => {
    events = [];
    newsEvents.on("articleChanged", listen);
  });
  afterEach(() => {
    newsEvents.off("articleChanged", listen);
  });

  const save = (fields: Partial<SaveArticleFromFormInput> & { articleId: number | null; actor: Actor; input: ArticleInput }) =>
    saveArticleFromForm(get().db, { version: undefined, resolutions: {}, action: "save", at: undefined, now: T0, ...fields });

  const stored = async (id: number) =>
    get().db.selectFrom("articles").select(["title", "spot", "body", "status", "version", "scheduledAt", "isBreaking"]).where("id", "=", id).executeTakeFirstOrThrow();
  const revisionCount = async (id: number) =>
    Number(
      (
        await get()
          .db.selectFrom("articleRevisions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("articleId", "=", id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const conflictOf = async (run: Promise<unknown>): Promise<EditConflictError> => {
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof EditConflictError)) throw new Error(`expected an EditConflictError, got ${String(error)}`);
    return error;
  };

  describe("a refused action changes nothing", () => {
    it("refuses a reporter's publish with 403 and keeps the old title and version", async () => {
      const draft = await createArticle(get().db, { input: articleInput({ title: "Muhabirin taslağı" }), actor: reporter, now: T0 });
      const before = await stored(draft.id);
      await expect(save({ articleId: draft.id, version: 1, actor: reporter, action: "publish", input: articleInput({ title: "Yeni başlık" }) })).rejects.toThrow(
        "yetkiniz yok",
      );
      expect(await stored(draft.id)).toEqual(before);
      expect(await revisionCount(draft.id)).toBe(1);
      expect(events).toEqual([]);
    });

    it("refuses a reporter's publish of a new article without creating it", async () => {
      const count = async () => (await get().db.selectFrom("articles").select("id").where("title", "=", "Hiç olmayacak haber").execute()).length;
      await expect(save({ articleId: null, actor: reporter, action: "publish", input: articleInput({ title: "Hiç olmayacak haber" }) })).rejects.toThrow("yetkiniz yok");
      await expect(
        save({ articleId: null, actor: editor, action: "schedule", at: "2031-02-30T10:00", input: articleInput({ title: "Hiç olmayacak haber" }) }),
      ).rejects.toThrow("geçersiz");
      expect(await count()).toBe(0);
    });

    it.each([
      ["a day February does not have", "2031-02-30T10:00", "Yayın zamanı geçersiz."],
      ["minute 60", "2026-12-01T23:60", "Yayın zamanı geçersiz."],
      ["hour 24", "2026-12-01T24:00", "Yayın zamanı geçersiz."],
      ["a word", "now", "Yayın zamanı geçersiz."],
      ["nothing", "", "Yayın zamanını girin."],
      ["a past time", "2026-11-27T14:59", "ileri bir tarih"],
      ["this very minute", "2026-11-27T15:00", "ileri bir tarih"],
      ["more than a year ahead", "2027-11-27T15:01", "en çok bir yıl"],
      ["year 9999", "9999-12-31T23:59", "en çok bir yıl"],
    ])("refuses a schedule for %s with 400 and saves none of the form", async (_name, at, message) => {
      const a = await createArticle(get().db, { input: articleInput({ title: "Zamanlanacak haber" }), actor: editor, now: T0 });
      const before = await stored(a.id);
      const run = save({ articleId: a.id, version: 1, actor: editor, action: "schedule", at, input: articleInput({ title: "Değişmemesi gereken başlık" }) });
      await expect(run).rejects.toThrow(message);
      await expect(run).rejects.toMatchObject({ code: "invalid_input", fields: { at: expect.any(String) } });
      expect(await stored(a.id)).toEqual(before);
      expect(await revisionCount(a.id)).toBe(1);
      expect(events).toEqual([]);
    });

    it("refuses a step the status does not allow without saving the fields", async () => {
      const a = await createArticle(get().db, { input: articleInput({ title: "Taslak kalacak" }), actor: editor, now: T0 });
      await expect(save({ articleId: a.id, version: 1, actor: editor, action: "unpublish", input: articleInput({ title: "Kaydedilmemeli" }) })).rejects.toThrow(
        "yapılamaz",
      );
      expect(await stored(a.id)).toMatchObject({ title: "Taslak kalacak", version: 1 });
    });

    it("refuses invalid fields with the step, taking neither", async () => {
      const a = await createArticle(get().db, { input: articleInput({ title: "Geçerli başlık" }), actor: editor, now: T0 });
      await expect(save({ articleId: a.id, version: 1, actor: editor, action: "publish", input: articleInput({ title: "" }) })).rejects.toThrow("işaretli alanları");
      expect(await stored(a.id)).toMatchObject({ title: "Geçerli başlık", status: "draft", version: 1 });
    });
  });

  it("saves and schedules in one go, Istanbul time, with one event after commit", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Yarın sabah yayında" }), actor: editor, now: T0 });
    const inYear = await save({
      articleId: a.id,
      version: 1,
      actor: editor,
      action: "schedule",
      at: "2027-11-27T15:00",
      input: articleInput({ title: "Bir yıl sonra yayında" }),
    });
    expect(inYear).toMatchObject({ status: "scheduled", version: 3, scheduledAt: "2027-11-27T12:00:00.000Z", title: "Bir yıl sonra yayında" });
    expect(events).toEqual([
      { articleId: a.id, before: expect.objectContaining({ visible: false }), after: expect.objectContaining({ visible: false, categoryId: a.categoryId }) },
    ]);
    const rows = await get().db.selectFrom("articleRevisions").select(["version", "status", "title"]).where("articleId", "=", a.id).orderBy("version").execute();
    expect(rows).toEqual([
      { version: 1, status: "draft", title: "Yarın sabah yayında" },
      { version: 2, status: "draft", title: "Bir yıl sonra yayında" },
      { version: 3, status: "scheduled", title: "Bir yıl sonra yayında" },
    ]);
  });

  it("lets a new article be created and published by an editor in one transaction", async () => {
    const created = await save({ articleId: null, actor: editor, action: "publish", input: articleInput({ title: "Tek adımda yayın" }) });
    expect(created).toMatchObject({ status: "published", version: 2, ownerId: editor.id, publishedAt: T0.toISOString() });
  });

  it("lets a reporter withdraw an article they can no longer edit, without saving the fields", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Onaydaki haber" }), actor: reporter, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "submit", actor: reporter, now: T0 });
    const back = await save({ articleId: a.id, version: 2, actor: reporter, action: "withdraw", input: articleInput({ title: "Yok sayılır" }) });
    expect(back).toMatchObject({ status: "draft", title: "Onaydaki haber", version: 3 });
    await expect(save({ articleId: a.id, version: 3, actor: reporter, action: "save", input: articleInput({ title: "Başkasının" }), now: T0 })).resolves.toMatchObject({
      version: 4,
    });
  });

  describe("no lost edit", () => {
    const original = articleInput({ authors: ["deniz"], title: "Gökçeada'da şişe postası", spot: "Balıkçılar şişeyi ağlarında buldu.", body: "<p>İlk metin.</p>" });

    it("merges the two-tab case: B's stale save answers 409 with the merged form, and B's next save keeps A's spot", async () => {
      const { db } = get();
      const a = await createArticle(db, { input: original, actor: editor, now: T0 });
      // Tab A changes the spot and saves.
      const spotA = "Şişe, Çanakkale'deki müzeye teslim edildi.";
      await save({ articleId: a.id, version: 1, actor: editor, input: { ...original, spot: spotA }, now: minutes(1) });
      // Tab B, still on version 1, changes title and body.
      const typedB = { ...original, title: "Gökçeada'da 50 yıllık şişe postası", body: "<p>Mektubu bir denizci yazmış.</p>" };
      const conflict = await conflictOf(save({ articleId: a.id, version: 1, actor: secondEditor, input: typedB, now: minutes(2) }));
      expect(conflict.currentVersion).toBe(2);
      expect(conflict.message).toContain("Deniz tarafından");
      expect(conflict.changes.map((c) => c.label)).toEqual(["Spot"]);
      expect(conflict.conflicts).toEqual([]);
      expect(conflict.taken).toEqual(["spot"]);
      expect(conflict.merged).toMatchObject({ title: typedB.title, body: typedB.body, spot: spotA });
      expect(await stored(a.id)).toMatchObject({ version: 2, spot: spotA, title: original.title });
      // B presses Kaydet again on the re-shown form (merged values, version 2).
      const saved = await save({ articleId: a.id, version: conflict.currentVersion, actor: secondEditor, input: conflict.merged, now: minutes(3) });
      expect(saved).toMatchObject({ version: 3, title: typedB.title, body: typedB.body, spot: spotA });
    });

    it("even B pressing Kaydet with the very form it typed (version 1) can never revert A's spot", async () => {
      const { db } = get();
      const a = await createArticle(db, { input: original, actor: editor, now: T0 });
      await save({ articleId: a.id, version: 1, actor: editor, input: { ...original, spot: "A'nın spotu." }, now: minutes(1) });
      const typedB = { ...original, title: "B'nin başlığı" };
      await conflictOf(save({ articleId: a.id, version: 1, actor: secondEditor, input: typedB }));
      await conflictOf(save({ articleId: a.id, version: 1, actor: secondEditor, input: typedB }));
      expect(await stored(a.id)).toMatchObject({ version: 2, spot: "A'nın spotu.", title: original.title });
    });

    it("shows a true conflict and saves the editor's choice, even after a third save in between", async () => {
      const { db } = get();
      const a = await createArticle(db, { input: original, actor: editor, now: T0 });
      await save({ articleId: a.id, version: 1, actor: editor, input: { ...original, spot: "A'nın spotu.", title: "A'nın başlığı" }, now: minutes(1) });
      const typedB = { ...original, title: "B'nin başlığı", body: "<p>B'nin metni.</p>" };
      const first = await conflictOf(save({ articleId: a.id, version: 1, actor: secondEditor, input: typedB }));
      expect(first.conflicts).toEqual([{ field: "title", mine: "B'nin başlığı", theirs: "A'nın başlığı" }]);
      expect(first.merged).toMatchObject({ title: "B'nin başlığı", spot: "A'nın spotu.", body: "<p>B'nin metni.</p>" });

      // Before B chooses, C saves on top: a new spot and a new body.
      await save({
        articleId: a.id,
        version: 2,
        actor: editor,
        input: { ...original, title: "A'nın başlığı", spot: "C'nin spotu.", body: "<p>C'nin metni.</p>" },
        now: minutes(4),
      });
      // B chose "theirs" for the title on the form of version 2: the spot C changed is taken, the body clashes.
      const second = await conflictOf(
        save({ articleId: a.id, version: first.currentVersion, actor: secondEditor, input: first.merged, resolutions: { title: "theirs" } }),
      );
      expect(second.currentVersion).toBe(3);
      expect(second.changes.map((c) => c.label)).toEqual(["Spot", "Metin"]);
      expect(second.conflicts).toEqual([{ field: "body", mine: "<p>B'nin metni.</p>", theirs: "<p>C'nin metni.</p>" }]);
      expect(second.merged).toMatchObject({ title: "A'nın başlığı", spot: "C'nin spotu.", body: "<p>B'nin metni.</p>" });
      expect(await stored(a.id)).toMatchObject({ version: 3, spot: "C'nin spotu." });

      // B keeps their body: saved, with everyone else's changes intact.
      const saved = await save({ articleId: a.id, version: second.currentVersion, actor: secondEditor, input: second.merged, resolutions: { body: "mine" } });
      expect(saved).toMatchObject({ version: 4, title: "A'nın başlığı", spot: "C'nin spotu.", body: "<p>B'nin metni.</p>" });
    });

    it("takes the other side's value when the editor chooses 'theirs', whatever the field holds", async () => {
      const { db } = get();
      const a = await createArticle(db, { input: original, actor: editor, now: T0 });
      await save({ articleId: a.id, version: 1, actor: editor, input: { ...original, spot: "A'nın spotu." }, now: minutes(1) });
      const conflict = await conflictOf(save({ articleId: a.id, version: 1, actor: secondEditor, input: { ...original, spot: "B'nin spotu." } }));
      expect(conflict.conflicts.map((c) => c.field)).toEqual(["spot"]);
      const saved = await save({ articleId: a.id, version: 2, actor: secondEditor, input: conflict.merged, resolutions: { spot: "theirs" } });
      expect(saved).toMatchObject({ version: 3, spot: "A'nın spotu." });
    });

    it("keeps a breaking flag set from the manşet page (no version bump) when the form did not touch it", async () => {
      const { db } = get();
      const a = await createArticle(db, { input: original, actor: editor, now: T0 });
      await setBreakingFlag(db, { articleId: a.id, isBreaking: true, until: null, actor: editor, now: T0 });
      const saved = await save({ articleId: a.id, version: 1, actor: secondEditor, input: { ...original, spot: "Yeni spot." }, now: minutes(1) });
      expect(saved).toMatchObject({ version: 2, isBreaking: 1, spot: "Yeni spot." });
    });

    it("refuses a version that never existed as stale, saving nothing", async () => {
      const a = await createArticle(get().db, { input: original, actor: editor, now: T0 });
      await expect(save({ articleId: a.id, version: 2_147_483_647, actor: editor, input: { ...original, title: "Olmayan sürüm" } })).rejects.toMatchObject({
        code: "conflict",
      });
      await expect(save({ articleId: a.id, version: undefined, actor: editor, input: { ...original, title: "Sürümsüz" } })).rejects.toThrow("Sürüm bilgisi eksik");
      expect(await stored(a.id)).toMatchObject({ version: 1, title: original.title });
    });

    it("a stale form with a workflow step takes neither", async () => {
      const { db } = get();
      const a = await createArticle(db, { input: original, actor: editor, now: T0 });
      await save({ articleId: a.id, version: 1, actor: editor, input: { ...original, spot: "A'nın spotu." }, now: minutes(1) });
      const action: FormAction = "publish";
      await conflictOf(save({ articleId: a.id, version: 1, actor: secondEditor, action, input: { ...original, title: "B yayınlıyor" } }));
      expect(await stored(a.id)).toMatchObject({ version: 2, status: "draft", title: original.title });
    });
  });

  it("schedules through changeArticleStatus (the API's path) by the same one-year rule", async () => {
    const { db } = get();
    const a = await createArticle(db, { input: articleInput({ title: "API ile zamanlama" }), actor: editor, now: T0 });
    await expect(changeArticleStatus(db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at: new Date("9999-01-01T00:00:00Z") })).rejects.toThrow(
      "en çok bir yıl",
    );
    await expect(changeArticleStatus(db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at: new Date("2027-11-27T12:00:01Z") })).rejects.toThrow(
      "en çok bir yıl",
    );
    expect(await stored(a.id)).toMatchObject({ status: "draft", version: 1 });
    await expect(changeArticleStatus(db, { articleId: a.id, action: "schedule", actor: editor, now: T0, at: new Date("2027-11-27T12:00:00Z") })).resolves.toMatchObject({
      status: "scheduled",
    });
  });
});
