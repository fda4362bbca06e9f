// Breaker (issue 12): revisions keep the byline as author *slugs*, so a restore after an author changed
// their address silently drops them from the byline, or credits whoever holds the old address now.
import { beforeAll, expect, it } from "vitest";
import { TEST_NOW } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addActor, articleInput, profileStampOf } from "../newsroomFixtures.ts";
import { authorsOfArticles } from "../../src/news/authorStore.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { restoreRevision } from "../../src/news/revisions.ts";
import { createArticle, updateArticle } from "../../src/news/saveArticle.ts";
import { saveAuthorProfile } from "../../src/news/saveAuthorProfile.ts";
import type { Actor } from "../../src/news/workflow.ts";

describeEachDatabase("breaker12: restoring a revision after an author changed their address", (get) => {
  let editor: Actor;
  let deniz: Actor;
  const names = async (id: number) => ((await authorsOfArticles(get().db, [id])).get(id) ?? []).map((a) => a.name);
  const versionOf = async (id: number) => (await get().db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
  const rename = (user: Actor, name: string, slug: string) =>
    profileStampOf(get().db, user.id).then((stamp) =>
      saveAuthorProfile(get().db, { user, input: { name, slug, title: "", bio: "", imageId: null, links: [] }, stamp, actor: user, now: TEST_NOW }),
    );

  beforeAll(async () => {
    await installDefaults(get().db);
    editor = await addActor(get().db, "editor", "Masa Editoru");
    deniz = await addActor(get().db, "muhabir", "Deniz Kaya");
  });

  it("keeps the renamed author in the byline (was: dropped, the article silently became an agency item)", async () => {
    const { db } = get();
    const { id } = await createArticle(db, { input: articleInput({ title: "İmzası kaybolan haber", authors: ["deniz-kaya"] }), actor: editor, now: TEST_NOW });
    const first = await versionOf(id);
    await updateArticle(db, {
      articleId: id,
      version: first,
      input: articleInput({ title: "İmzası kaybolan haber (düzeltildi)", authors: ["deniz-kaya"] }),
      actor: editor,
      now: TEST_NOW,
    });
    // Deniz changes their public address (and name) on Profilim.
    await rename(deniz, "Deniz Kaya Yıldız", "deniz-kaya-yildiz");
    expect(await names(id)).toEqual(["Deniz Kaya Yıldız"]);
    await restoreRevision(db, { articleId: id, revision: first, version: await versionOf(id), actor: editor, now: TEST_NOW });
    expect(await names(id)).toEqual(["Deniz Kaya Yıldız"]);
  });

  it("does not credit another person who took the old address since", async () => {
    const { db } = get();
    const ayse = await addActor(db, "muhabir", "Ayse Demir");
    const { id } = await createArticle(db, { input: articleInput({ title: "Yanlış kişiye geçen imza", authors: ["ayse-demir"] }), actor: editor, now: TEST_NOW });
    const first = await versionOf(id);
    await updateArticle(db, {
      articleId: id,
      version: first,
      input: articleInput({ title: "Yanlış kişiye geçen imza (2)", authors: ["ayse-demir"] }),
      actor: editor,
      now: TEST_NOW,
    });
    await rename(ayse, "Ayşe Demir Sönmez", "ayse-demir-sonmez");
    // A new colleague with the same name gets the freed address.
    const other = await addActor(db, "editor", "Ayse Demir");
    await rename(other, "Ayşe Demir", "ayse-demir");
    await restoreRevision(db, { articleId: id, revision: first, version: await versionOf(id), actor: editor, now: TEST_NOW });
    expect(await names(id)).toEqual(["Ayşe Demir Sönmez"]);
  });
});
