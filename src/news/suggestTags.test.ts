// Tag suggestions for the editor's tag field.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { addActor } from "../../test/newsroomFixtures.ts";
import { installDefaults } from "./installDefaults.ts";
import { suggestTags } from "./suggestTags.ts";
import type { Actor } from "./workflow.ts";

describeEachDatabase("suggestTags", (get) => {
  let editor: Actor;

  beforeAll(async () => {
    await installDefaults(get().db);
    editor = await addActor(get().db, "editor", "Etiket Editor");
    const tags = Array.from({ length: 12 }, (_, i) => `İzmir ${String(i + 1).padStart(2, "0")}`);
    await addArticle(get().db, { title: "Etiketli haber", tags: [...tags, "Ankara"] });
  });

  it("offers at most ten tags starting with the typed slug, in slug order", async () => {
    const names = (await suggestTags(get().db, "izmir", editor)).map((t) => t.name);
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `İzmir ${String(i + 1).padStart(2, "0")}`));
    expect((await suggestTags(get().db, "ank", editor)).map((t) => t.name)).toEqual(["Ankara"]);
    expect(await suggestTags(get().db, "bursa", editor)).toEqual([]);
  });
});
