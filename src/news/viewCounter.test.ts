// Page views: counted in memory, written together, only for published articles.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { NotFoundError } from "../errors.ts";
import { installDefaults } from "./installDefaults.ts";
import { createViewCounter, recordArticleView } from "./viewCounter.ts";

describeEachDatabase("view counter", (get) => {
  let a = 0;
  let b = 0;
  let draft = 0;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    a = await addArticle(db, { title: "Çok okunan haber" });
    b = await addArticle(db, { title: "Az okunan haber" });
    draft = await addArticle(db, { title: "Okunamayan taslak", status: "draft" });
  });

  const views = async (id: number) => (await get().db.selectFrom("articles").select("viewCount").where("id", "=", id).executeTakeFirstOrThrow()).viewCount;

  it("writes the views counted since the last write when flushed, and on stop", async () => {
    const counter = createViewCounter(get().db, 60_000);
    for (let i = 0; i < 3; i++) await recordArticleView(get().db, counter, a);
    await recordArticleView(get().db, counter, b);
    expect(await views(a)).toBe(0); // nothing written yet: reading never waits on a write
    await counter.flush();
    expect([await views(a), await views(b)]).toEqual([3, 1]);
    await recordArticleView(get().db, counter, a);
    await counter.stop();
    expect(await views(a)).toBe(4);
  });

  it("refuses a view of an article readers cannot see", async () => {
    const counter = createViewCounter(get().db, 60_000);
    await expect(recordArticleView(get().db, counter, draft)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordArticleView(get().db, counter, 999_999)).rejects.toBeInstanceOf(NotFoundError);
    await counter.stop();
    expect(await views(draft)).toBe(0);
  });
});
