// Categories and sources held in memory for reader pages, and what makes them read again.
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { DEFAULT_CATEGORIES, DEFAULT_SOURCES } from "./categories.ts";
import { newsEvents } from "./events.ts";
import { installDefaults } from "./installDefaults.ts";
import { loadTaxonomy } from "./taxonomyCache.ts";

describeEachDatabase("categories and sources in memory", (get) => {
  it("shows a new site's defaults as soon as they are installed", async () => {
    const { db } = get();
    expect((await loadTaxonomy(db)).categories).toEqual([]);
    await installDefaults(db);
    const taxonomy = await loadTaxonomy(db);
    expect(taxonomy.categories.map((c) => c.slug)).toEqual(DEFAULT_CATEGORIES.map((c) => c.slug));
    expect(taxonomy.sources.map((s) => s.slug)).toEqual(DEFAULT_SOURCES.map((s) => s.slug));
    expect(taxonomy.categoryBySlug.get("dunya")?.name).toBe("Dünya");
  });

  it("reads them again when news announces a change, from this instance or another", async () => {
    const { db } = get();
    await db.updateTable("categories").set({ name: "Dünyadan" }).where("slug", "=", "dunya").execute();
    newsEvents.emit("taxonomyChanged", {}, "remote");
    expect((await loadTaxonomy(db)).categoryBySlug.get("dunya")?.name).toBe("Dünyadan");
    await db.deleteFrom("categories").where("slug", "=", "egitim").execute();
    newsEvents.emit("taxonomyChanged", {}, "local");
    expect((await loadTaxonomy(db)).categories.map((c) => c.slug)).not.toContain("egitim");
  });
});
