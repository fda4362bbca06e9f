import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { getArticleForActor } from "./getArticle.ts";
import { loadArticleForViewing } from "./loadArticleForEditing.ts";
import { suggestTags } from "./suggestTags.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T12:00:00.000Z");

describeEachDatabase("who reads what in the newsroom", (get) => {
  let reporter: Actor;
  let other: Actor;
  let editor: Actor;
  const ids = { othersDraft: 0, othersScheduled: 0, othersPublished: 0, ownDraft: 0 };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Okuyan Muhabir");
    other = await addActor(db, "muhabir", "Yazan Muhabir");
    editor = await addActor(db, "editor", "Okuyan Editor");
    const make = async (owner: Actor, title: string, tags: string[]) => (await createArticle(db, { input: articleInput({ title, tags }), actor: owner, now: T0 })).id;
    ids.othersDraft = await make(other, "Gizli taslak", ["Boğaziçi köprüsü ihalesi"]);
    ids.othersScheduled = await make(other, "Zamanlanmış haber", ["Boğaz turu"]);
    await changeArticleStatus(db, { articleId: ids.othersScheduled, action: "schedule", actor: editor, now: T0, at: new Date("2026-12-01T09:00:00Z") });
    ids.othersPublished = await make(other, "Yayındaki haber", ["Boğaz manzarası"]);
    await changeArticleStatus(db, { articleId: ids.othersPublished, action: "publish", actor: editor, now: T0 });
    ids.ownDraft = await make(reporter, "Kendi taslağım", ["Boğazda balık"]);
  });

  it("gives a reporter's token another reporter's draft or scheduled article as not found, like the public", async () => {
    const { db } = get();
    await expect(getArticleForActor(db, ids.othersDraft, reporter, T0)).rejects.toMatchObject({ code: "not_found" });
    await expect(getArticleForActor(db, ids.othersScheduled, reporter, T0)).rejects.toMatchObject({ code: "not_found" });
    await expect(getArticleForActor(db, ids.othersPublished, reporter, T0)).resolves.toMatchObject({ status: "published" });
    await expect(getArticleForActor(db, ids.ownDraft, reporter, T0)).resolves.toMatchObject({ status: "draft", version: 1 });
    await expect(getArticleForActor(db, ids.othersDraft, editor, T0)).resolves.toMatchObject({ status: "draft" });
    await expect(getArticleForActor(db, 2_147_483_647, editor, T0)).rejects.toMatchObject({ code: "not_found" });
  });

  it("opens in the newsroom only what the actor may view (403 otherwise)", async () => {
    const { db } = get();
    await expect(loadArticleForViewing(db, ids.othersDraft, reporter)).rejects.toMatchObject({ code: "forbidden" });
    await expect(loadArticleForViewing(db, ids.othersPublished, reporter)).resolves.toMatchObject({ values: { title: "Yayındaki haber" } });
    await expect(loadArticleForViewing(db, ids.othersScheduled, editor)).resolves.toMatchObject({ article: { status: "scheduled" } });
  });

  it("suggests to a reporter only tags of published articles or their own; to an editor every tag", async () => {
    const { db } = get();
    // Compared as sets: the order of slugs with hyphens depends on PostgreSQL's collation.
    const names = async (actor: Actor) => (await suggestTags(db, "bogaz", actor)).map((t) => t.name).sort((a, b) => a.localeCompare(b, "tr"));
    expect(await names(reporter)).toEqual(["Boğaz manzarası", "Boğazda balık"]);
    expect(await names(other)).toEqual(["Boğaz manzarası", "Boğaz turu", "Boğaziçi köprüsü ihalesi"]);
    expect(await names(editor)).toEqual(["Boğaz manzarası", "Boğaz turu", "Boğazda balık", "Boğaziçi köprüsü ihalesi"]);
  });
});
