// Breaker (issue 12, author pages): an author who changes their address on Profilim (say, after marriage) breaks
// every link to /yazar/{old}/ (search results, other sites, their own social profiles): the old page is a 404,
// while an article's old address answers 301 to its new one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addActor, profileStampOf } from "../newsroomFixtures.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { saveAuthorProfile } from "../../src/news/saveAuthorProfile.ts";

describeEachDatabase("breaker12: an author's old address", (get) => {
  let t: TestApp;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    const ayse = await addActor(db, "muhabir", "Ayse Kaya");
    t = await buildTestApp(db);
    expect((await t.app.inject("/yazar/ayse-kaya/")).statusCode).toBe(200);
    const stamp = await profileStampOf(db, ayse.id);
    await saveAuthorProfile(db, {
      user: ayse,
      input: { name: "Ayşe Kaya Demir", slug: "", title: "", bio: "", imageId: null, links: [] },
      stamp,
      actor: ayse,
      now: TEST_NOW,
    });
  });
  afterAll(async () => t?.close());

  it("answers 301 to the new address", async () => {
    expect((await t.app.inject("/yazar/ayse-kaya-demir/")).statusCode).toBe(200);
    const old = await t.app.inject("/yazar/ayse-kaya/");
    // Was: 404.
    expect(old.statusCode).toBe(301);
    expect(String(old.headers.location)).toMatch(/\/yazar\/ayse-kaya-demir\/$/);
  });

  it("keeps the page number, and gives the old address up to a later author who takes it", async () => {
    expect((await t.app.inject("/yazar/ayse-kaya/2.sayfa.html")).headers.location).toBe("/yazar/ayse-kaya-demir/2.sayfa.html");
    const { db } = get();
    // A new colleague's profile is made from their name: the freed address is theirs now.
    await addActor(db, "muhabir", "Ayşe Kaya");
    const taken = await t.app.inject("/yazar/ayse-kaya/");
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain("Ayşe Kaya</h1>");
  });
});
