import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../test/databases.ts";
import { addActor, articleInput } from "../../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "../../news/changeArticleStatus.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { createArticle } from "../../news/saveArticle.ts";
import type { Actor } from "../../news/workflow.ts";
import { ARTICLE_STATUSES } from "../../db/schema.ts";
import { searchArticles } from "../../search/searchArticles.ts";
import { listArticles } from "./listArticles.ts";

const T0 = new Date("2026-11-27T12:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeEachDatabase("the newsroom article list", (get) => {
  let reporter: Actor;
  let other: Actor;
  let editor: Actor;
  const ids = { ownDraft: 0, ownLater: 0, othersDraft: 0, published: 0 };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Liste Muhabir");
    other = await addActor(db, "muhabir", "Diger Muhabir");
    editor = await addActor(db, "editor", "Liste Editor");
    const make = async (owner: Actor, title: string, body: string, minutes: number) =>
      (await createArticle(db, { input: articleInput({ title, body: `<p>${body}</p>`, tags: [] }), actor: owner, now: at(minutes) })).id;
    ids.ownDraft = await make(reporter, "Sivas'ta lale festivali", "Lale bahçeleri ziyaretçilerle doldu.", 1);
    ids.ownLater = await make(reporter, "Tokat'ta bağ bozumu", "Bağlarda lale değil üzüm var.", 2);
    ids.othersDraft = await make(other, "Ordu'da fındık hasadı", "Hasat erken başladı.", 3);
    ids.published = await make(editor, "Lale soğanı ihracatı arttı", "Lale lale lale: ihracat rekor kırdı.", 4);
    await changeArticleStatus(db, { articleId: ids.published, action: "publish", actor: editor, now: at(5) });
  });

  it("shows a reporter only their own articles, last changed first, and an editor every article", async () => {
    const mine = await listArticles(get().db, { status: undefined, query: "", actor: reporter, now: at(10) });
    expect(mine.map((r) => r.id)).toEqual([ids.ownLater, ids.ownDraft]);
    const all = await listArticles(get().db, { status: undefined, query: "", actor: editor, now: at(10) });
    expect(all.map((r) => r.id)).toEqual([ids.published, ids.othersDraft, ids.ownLater, ids.ownDraft]);
  });

  it("narrows to one status", async () => {
    const published = await listArticles(get().db, { status: "published", query: "", actor: editor, now: at(10) });
    expect(published.map((r) => r.id)).toEqual([ids.published]);
  });

  it("finds drafts by a search, keeps the search's order, and still shows a reporter only their own", async () => {
    const found = await listArticles(get().db, { status: undefined, query: "  lale ", actor: editor, now: at(10) });
    expect(found.map((r) => r.id).sort((a, b) => a - b)).toEqual([ids.ownDraft, ids.ownLater, ids.published].sort((a, b) => a - b));
    const searched = await searchArticles(get().db, { q: "lale", page: 1, pageSize: 100, now: at(10), statuses: ARTICLE_STATUSES });
    expect(found.map((r) => r.id)).toEqual(searched.hits.map((h) => h.card.id));
    const mine = await listArticles(get().db, { status: "draft", query: "lale", actor: reporter, now: at(10) });
    expect(mine.map((r) => r.id).sort((a, b) => a - b)).toEqual([ids.ownDraft, ids.ownLater].sort((a, b) => a - b));
    expect(await listArticles(get().db, { status: undefined, query: "fındık", actor: reporter, now: at(10) })).toEqual([]);
  });

  it("gives the son dakika flag as a boolean", async () => {
    const [row] = await listArticles(get().db, { status: "published", query: "", actor: editor, now: at(10) });
    expect(row?.isBreaking).toBe(false);
  });
});
