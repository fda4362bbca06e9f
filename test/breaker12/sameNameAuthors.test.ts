// Breaker (issue 12, bylines): a profile's name need not be unique (only its address is), and the editor's author
// places list authors by name alone. Two colleagues called "Elif Karaca" (or a reporter who names their profile
// after a colleague) are two identical options: the editor cannot tell whom they credit.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { type Session, signIn } from "../session.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";

describeEachDatabase("breaker12: two authors with one name", (get) => {
  let t: TestApp;
  let editor: Session;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    await addActor(db, "muhabir", "Elif Karaca");
    await addActor(db, "editor", "Elif Karaca");
    await addActor(db, "yonetici", "Masa Sefi");
    t = await buildTestApp(db);
    editor = await signIn(t.app, "masasefi-yonetici@haberci.test", PASSWORD);
  });
  afterAll(async () => t?.close());

  it("the editor's author places tell them apart", async () => {
    const html = (await editor.get("/yonetim/haber/yeni")).body;
    const place = /<select id="author-1" name="authors">([^]*?)<\/select>/.exec(html)?.[1] ?? "";
    const options = [...place.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)<\/option>/g)].map((m) => ({ slug: m[1], label: (m[2] ?? "").trim() }));
    const elifs = options.filter((o) => o.slug?.startsWith("elif-karaca"));
    expect(elifs.map((o) => o.slug)).toEqual(["elif-karaca", "elif-karaca-2"]);
    // Was: both options read "Elif Karaca".
    expect(new Set(elifs.map((o) => o.label)).size).toBe(2);
  });
});
