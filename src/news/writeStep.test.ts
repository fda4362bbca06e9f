import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput, bylineOf } from "../../test/newsroomFixtures.ts";
import { ConflictError, StaleVersionError } from "../errors.ts";
import { findArticleRow } from "./articleStore.ts";
import { installDefaults } from "./installDefaults.ts";
import { listArticleRevisions } from "./revisionStore.ts";
import { createArticle, updateArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";
import { writeStep } from "./writeStep.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("writeStep", (get) => {
  let editor: Actor;
  let secondEditor: Actor;

  beforeAll(async () => {
    await installDefaults(get().db);
    editor = await addActor(get().db, "editor", "Deniz");
    secondEditor = await addActor(get().db, "editor", "Ece");
  });

  it("refuses a step that lost the race to another save with the same 409 as a stale edit, and changes nothing", async () => {
    const { db } = get();
    const draft = await createArticle(db, { input: articleInput(), actor: editor, now: T0 });
    // The step read the row at version 1; another editor's save lands before its update.
    const read = await findArticleRow(db, draft.id);
    if (!read) throw new Error("no article");
    await updateArticle(db, {
      articleId: draft.id,
      version: 1,
      input: articleInput({ authors: bylineOf(editor), title: "Başlık değişti" }),
      actor: secondEditor,
      now: minutes(1),
    });

    const step = db.transaction().execute((trx) => writeStep(trx, read, { action: "publish", to: "published", at: null, actor: editor, now: minutes(2) }));
    const error = await step.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect(error).toBeInstanceOf(ConflictError);
    if (!(error instanceof StaleVersionError)) return;
    expect(error.currentVersion).toBe(2);
    expect(error.changes.map((c) => c.label)).toEqual(["Başlık"]);
    expect(error.message).toContain("Ece tarafından");

    const row = await findArticleRow(db, draft.id);
    expect(row).toMatchObject({ status: "draft", version: 2, title: "Başlık değişti", publishedAt: null });
    expect((await listArticleRevisions(db, draft.id)).map((r) => r.version)).toEqual([2, 1]);
  });

  it("moves a current article along and bumps its version", async () => {
    const { db } = get();
    const draft = await createArticle(db, { input: articleInput(), actor: editor, now: T0 });
    const published = await db.transaction().execute((trx) => writeStep(trx, draft, { action: "publish", to: "published", at: null, actor: editor, now: minutes(1) }));
    expect(published).toMatchObject({ status: "published", version: 2, publishedAt: minutes(1).toISOString() });
  });
});
