import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../test/databases.ts";
import { addActor, articleInput } from "../../../test/newsroomFixtures.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { changeArticleStatus } from "../../news/changeArticleStatus.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { createArticle } from "../../news/saveArticle.ts";
import type { Actor } from "../../news/workflow.ts";
import { loadEditor } from "./loadEditor.ts";

const T0 = new Date("2026-11-27T12:00:00.000Z");

describeEachDatabase("loading the article editor", (get) => {
  let reporter: Actor;
  let other: Actor;
  let editor: Actor;
  const ids = { draft: 0, published: 0 };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Editor Muhabir");
    other = await addActor(db, "muhabir", "Baska Muhabir");
    editor = await addActor(db, "editor", "Editor Editor");
    ids.draft = (await createArticle(db, { input: articleInput({ title: "Rize'de çay hasadı" }), actor: reporter, now: T0 })).id;
    ids.published = (await createArticle(db, { input: articleInput({ title: "Van'da kar", category: "turkiye" }), actor: reporter, now: T0 })).id;
    await changeArticleStatus(db, { articleId: ids.published, action: "publish", actor: editor, now: T0 });
  });

  it("offers a new article blank, in the first category, with the one step its writer may take", async () => {
    const forReporter = await loadEditor(get().db, { articleId: null, actor: reporter });
    expect(forReporter.article).toBeNull();
    expect(forReporter.values.title).toBe("");
    expect(forReporter.values.category).toBe(forReporter.categories[0]?.slug);
    expect(forReporter.actions).toEqual(["submit"]);
    expect(forReporter.canEdit).toBe(true);
    expect(forReporter.canSetBreaking).toBe(false);
    expect(forReporter.version).toBe(1);
    const forEditor = await loadEditor(get().db, { articleId: null, actor: editor });
    expect(forEditor.actions).toEqual(["publish", "schedule"]); // the schedule field is there from the start
    expect(forEditor.canSetBreaking).toBe(true);
    // Each new form gets its own key (its saves make one draft); an existing article has none.
    expect(forReporter.draftKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(forEditor.draftKey).not.toBe(forReporter.draftKey);
    expect((await loadEditor(get().db, { articleId: ids.draft, actor: reporter })).draftKey).toBeNull();
  });

  it("tells the reporter who sent their draft back, when and why, until they send it to review again", async () => {
    const { db } = get();
    const id = (await createArticle(db, { input: articleInput({ title: "Geri dönen haber" }), actor: reporter, now: T0 })).id;
    expect((await loadEditor(db, { articleId: id, actor: reporter })).returned).toBeNull();
    await changeArticleStatus(db, { articleId: id, action: "submit", actor: reporter, now: T0 });
    await changeArticleStatus(db, { articleId: id, action: "return", actor: editor, now: T0, reason: "Valiliğin açıklamasını ekleyin." });
    const back = await loadEditor(db, { articleId: id, actor: reporter });
    expect(back.returned).toEqual({ by: "Editor Editor", at: T0.toISOString(), reason: "Valiliğin açıklamasını ekleyin." });
    expect(back.canEdit).toBe(true);
    await changeArticleStatus(db, { articleId: id, action: "submit", actor: reporter, now: T0 });
    expect((await loadEditor(db, { articleId: id, actor: editor })).returned).toBeNull();
  });

  it("shows the writer their draft with its values, version and steps, and no public address yet", async () => {
    const data = await loadEditor(get().db, { articleId: ids.draft, actor: reporter });
    expect(data.article).toMatchObject({ id: ids.draft, status: "draft", version: 1 });
    expect(data.values.title).toBe("Rize'de çay hasadı");
    expect(data.actions).toContain("submit");
    expect(data.canEdit).toBe(true);
    expect(data.publicUrl).toBeNull();
  });

  it("links a published article to its public address, read-only for its reporter", async () => {
    const data = await loadEditor(get().db, { articleId: ids.published, actor: reporter });
    expect(data.publicUrl).toMatch(new RegExp(`^/haber/turkiye/.+-${ids.published}\\.html$`));
    expect(data.canEdit).toBe(false);
  });

  it("refuses another reporter's draft and a missing article", async () => {
    await expect(loadEditor(get().db, { articleId: ids.draft, actor: other })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadEditor(get().db, { articleId: 999_999, actor: editor })).rejects.toBeInstanceOf(NotFoundError);
  });
});
