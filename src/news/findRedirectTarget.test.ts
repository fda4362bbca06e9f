// Old addresses answered with a permanent redirect to the article's current page.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { findRedirectTarget } from "./findRedirectTarget.ts";
import { installDefaults } from "./installDefaults.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");

describeEachDatabase("findRedirectTarget", (get) => {
  let live = 0;
  let gone = 0;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    live = await addArticle(db, { title: "Taşınan haber", category: "turkiye" });
    gone = await addArticle(db, { title: "Kaldırılan haber", status: "unpublished" });
    await db
      .insertInto("articleRedirects")
      .values([
        { oldPath: "/haber.php?id=777", articleId: live, createdAt: NOW.toISOString() },
        { oldPath: "/eski/tasinan-haber", articleId: live, createdAt: NOW.toISOString() },
        { oldPath: "/eski/kaldirilan-haber", articleId: gone, createdAt: NOW.toISOString() },
      ])
      .execute();
  });

  const current = () => `/haber/turkiye/tasinan-haber-${live}.html`;

  it("sends an old path to the article's page, carrying the reader's query string", async () => {
    expect((await findRedirectTarget(get().db, "/eski/tasinan-haber", NOW))?.location).toBe(current());
    expect((await findRedirectTarget(get().db, "/eski/tasinan-haber?utm_source=x&sayfa=2", NOW))?.location).toBe(`${current()}?utm_source=x&sayfa=2`);
  });

  it("matches an old address with its query first, and then drops that query", async () => {
    expect((await findRedirectTarget(get().db, "/haber.php?id=777", NOW))?.location).toBe(current());
    expect((await findRedirectTarget(get().db, "/haber.php?id=778", NOW))?.location).toBeUndefined();
  });

  it("finds nothing for an unknown address or an article no longer published", async () => {
    expect((await findRedirectTarget(get().db, "/yok/boyle-bir-adres", NOW))?.location).toBeUndefined();
    expect((await findRedirectTarget(get().db, "/eski/kaldirilan-haber", NOW))?.location).toBeUndefined();
  });
});
