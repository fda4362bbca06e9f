// The editor form's values for an article: what was last saved, field for field.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { installDefaults } from "./installDefaults.ts";
import { loadArticleForEditing, loadArticleForViewing } from "./loadArticleForEditing.ts";
import { createArticle, updateArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const NOW = new Date("2026-11-27T09:00:00.000Z");

describeEachDatabase("loadArticleForEditing", (get) => {
  let reporter: Actor;
  let other: Actor;

  beforeAll(async () => {
    await installDefaults(get().db);
    reporter = await addActor(get().db, "muhabir", "Form Muhabir");
    other = await addActor(get().db, "muhabir", "Form Diger");
  });

  it("gives back exactly the values last saved, tags in their order", async () => {
    const saved = articleInput({
      title: "Formdaki haber",
      spot: "Formun spotu.",
      category: "ekonomi",
      source: "aa",
      tags: ["Zeytin", "Ayvalık", "Hasat"],
      seoTitle: "Arama başlığı",
      seoDescription: "Arama açıklaması",
    });
    const a = await createArticle(get().db, { input: articleInput(), actor: reporter, now: NOW });
    await updateArticle(get().db, { articleId: a.id, version: 1, input: saved, actor: reporter, now: NOW });
    const { article, values } = await loadArticleForEditing(get().db, a.id);
    expect(article).toMatchObject({ id: a.id, version: 2 });
    expect(values).toEqual(saved);
  });

  it("opens another reporter's draft to nobody but its owner and editors, and 404s an unknown article", async () => {
    const a = await createArticle(get().db, { input: articleInput({ title: "Başkasına kapalı taslak" }), actor: reporter, now: NOW });
    expect((await loadArticleForViewing(get().db, a.id, reporter)).values.title).toBe("Başkasına kapalı taslak");
    await expect(loadArticleForViewing(get().db, a.id, other)).rejects.toThrow(ForbiddenError);
    await expect(loadArticleForEditing(get().db, 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});
