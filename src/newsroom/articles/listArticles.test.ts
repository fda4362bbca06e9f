import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../test/databases.ts";
import { addActor, articleInput, bylineOf } from "../../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "../../news/changeArticleStatus.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { createArticle } from "../../news/saveArticle.ts";
import type { Actor } from "../../news/workflow.ts";
import { ARTICLE_STATUSES } from "../../db/schema.ts";
import { searchArticles } from "../../search/searchArticles.ts";
import { InvalidInputError } from "../../errors.ts";
import { LIST_PAGE_SIZE, listArticles } from "./listArticles.ts";

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
    const mine = (await listArticles(get().db, { status: undefined, query: "", actor: reporter, now: at(10), page: 1 })).rows;
    expect(mine.map((r) => r.id)).toEqual([ids.ownLater, ids.ownDraft]);
    const all = (await listArticles(get().db, { status: undefined, query: "", actor: editor, now: at(10), page: 1 })).rows;
    expect(all.map((r) => r.id)).toEqual([ids.published, ids.othersDraft, ids.ownLater, ids.ownDraft]);
  });

  it("narrows to one status", async () => {
    const published = (await listArticles(get().db, { status: "published", query: "", actor: editor, now: at(10), page: 1 })).rows;
    expect(published.map((r) => r.id)).toEqual([ids.published]);
  });

  it("finds drafts by a search, keeps the search's order, and still shows a reporter only their own", async () => {
    const found = (await listArticles(get().db, { status: undefined, query: "  lale ", actor: editor, now: at(10), page: 1 })).rows;
    expect(found.map((r) => r.id).sort((a, b) => a - b)).toEqual([ids.ownDraft, ids.ownLater, ids.published].sort((a, b) => a - b));
    const searched = await searchArticles(get().db, { q: "lale", page: 1, pageSize: 100, now: at(10), statuses: ARTICLE_STATUSES });
    expect(found.map((r) => r.id)).toEqual(searched.hits.map((h) => h.card.id));
    const mine = (await listArticles(get().db, { status: "draft", query: "lale", actor: reporter, now: at(10), page: 1 })).rows;
    expect(mine.map((r) => r.id).sort((a, b) => a - b)).toEqual([ids.ownDraft, ids.ownLater].sort((a, b) => a - b));
    expect((await listArticles(get().db, { status: undefined, query: "fındık", actor: reporter, now: at(10), page: 1 })).rows).toEqual([]);
  });

  it("gives the son dakika flag as a boolean", async () => {
    const [row] = (await listArticles(get().db, { status: "published", query: "", actor: editor, now: at(10), page: 1 })).rows;
    expect(row?.isBreaking).toBe(false);
  });

  it("filters by category, byline author and last-change days, each alone and together", async () => {
    const { db } = get();
    const list = async (filters: { categorySlug?: string; authorSlug?: string; from?: string; to?: string }) =>
      (await listArticles(db, { query: "", ...filters, page: 1, actor: editor, now: at(10) })).rows.map((r) => r.id);
    const sport = (await createArticle(db, { input: articleInput({ title: "Spor haberi", category: "spor", tags: [] }), actor: other, now: at(6) })).id;
    expect(await list({ categorySlug: "spor" })).toEqual([sport]);
    expect(await list({ authorSlug: bylineOf(other)[0] })).toEqual([sport, ids.othersDraft]);
    expect(await list({ authorSlug: bylineOf(other)[0], categorySlug: "gundem" })).toEqual([ids.othersDraft]);
    // Every article changed on 27 November (Istanbul); none on the 28th.
    expect(await list({ from: "2026-11-27", to: "2026-11-27" })).toHaveLength(5);
    expect(await list({ from: "2026-11-28" })).toEqual([]);
    expect(await list({ to: "2026-11-26" })).toEqual([]);
    // Unknown slugs match nothing rather than failing.
    expect(await list({ categorySlug: "boyle-kategori-yok" })).toEqual([]);
    expect(await list({ authorSlug: "boyle-yazar-yok" })).toEqual([]);
  });

  it("refuses an impossible day with a Turkish message, before any query", async () => {
    await expect(listArticles(get().db, { query: "", from: "2031-02-30", page: 1, actor: editor, now: at(10) })).rejects.toThrow(InvalidInputError);
    await expect(listArticles(get().db, { query: "", to: "2031-02-30", page: 1, actor: editor, now: at(10) })).rejects.toThrow(/Tarih/);
  });

  it("orders by oldest change or by publication time when asked, and shows each row's byline", async () => {
    const oldest = (await listArticles(get().db, { query: "", order: "changed-asc", page: 1, actor: reporter, now: at(10) })).rows;
    expect(oldest.map((r) => r.id)).toEqual([ids.ownDraft, ids.ownLater]);
    expect(oldest[0]?.authors.map((a) => a.slug)).toEqual(bylineOf(reporter));
    const byPublication = (await listArticles(get().db, { query: "", order: "published-desc", page: 1, actor: editor, now: at(10) })).rows;
    expect(byPublication[0]?.id).toBe(ids.published);
  });
});

describeEachDatabase("the newsroom article list, past its first page", (get) => {
  it("reaches every article: 107 articles make three pages, the last holding the 7 oldest", async () => {
    const { db } = get();
    await installDefaults(db);
    const editor = await addActor(db, "editor", "Sayfa Editor");
    const made: number[] = [];
    for (let i = 0; i < 107; i++) {
      made.push((await createArticle(db, { input: articleInput({ title: `Haber ${i + 1}`, tags: [] }), actor: editor, now: at(i) })).id);
    }
    const page = (n: number) => listArticles(db, { query: "", page: n, actor: editor, now: at(200) });
    const first = await page(1);
    expect(first).toMatchObject({ total: 107, page: 1, pageCount: 3 });
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.rows[0]?.id).toBe(made[106]);
    const last = await page(3);
    expect(last.rows.map((r) => r.id)).toEqual(made.slice(0, 7).reverse());
    // Past the end: the last page, not an empty one.
    expect((await page(9)).page).toBe(3);
    const seen = new Set([...first.rows, ...(await page(2)).rows, ...last.rows].map((r) => r.id));
    expect(seen.size).toBe(107);
  });
});
