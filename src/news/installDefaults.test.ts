// A new site's categories and sources.
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { DEFAULT_CATEGORIES, DEFAULT_SOURCES } from "./categories.ts";
import { installDefaults } from "./installDefaults.ts";

describeEachDatabase("installDefaults", (get) => {
  const categories = () => get().db.selectFrom("categories").select(["slug", "position"]).orderBy("position").execute();
  const sources = () => get().db.selectFrom("sources").select("slug").orderBy("slug").execute();

  it("gives a new site the default categories in order and the default sources, once", async () => {
    await installDefaults(get().db);
    const first = await categories();
    expect(first.map((c) => c.slug)).toEqual(DEFAULT_CATEGORIES.map((c) => c.slug));
    expect((await sources()).map((s) => s.slug)).toEqual(DEFAULT_SOURCES.map((s) => s.slug).sort());
    await installDefaults(get().db);
    expect(await categories()).toEqual(first);
    expect(await sources()).toHaveLength(DEFAULT_SOURCES.length);
  });

  it("leaves a site that changed its categories alone", async () => {
    const gundem = DEFAULT_CATEGORIES[0]?.slug ?? "";
    await get().db.deleteFrom("categories").where("slug", "!=", gundem).execute();
    await installDefaults(get().db);
    expect((await categories()).map((c) => c.slug)).toEqual([gundem]);
  });
});
