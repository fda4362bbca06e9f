// Breaker (issue 12): a profile form carries no version, so when an admin and the author edit the same profile,
// the later save silently overwrites the earlier one's fields (the site settings form refuses that with 409).
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { type Session, signIn } from "../session.ts";
import { findAuthorOfUser } from "../../src/news/authorStore.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { insertImage } from "../../src/media/store.ts";
import type { Actor } from "../../src/news/workflow.ts";

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every field of the profile form as the page shows it (what a browser would send back), without the CSRF token. */
function formFields(html: string): Record<string, string | string[]> {
  const form = /<form method="post" action="[^"]*\/profil">([^]*?)<\/form>/.exec(html)?.[1] ?? "";
  const out: Record<string, string[]> = {};
  const add = (name: string, value: string) => (out[name] ??= []).push(decode(value));
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (!name || name === "_csrf") continue;
    add(name, /\svalue="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  for (const m of form.matchAll(/<textarea\b[^>]*\sname="([^"]*)"[^>]*>([^]*?)<\/textarea>/g)) add(m[1] ?? "", (m[2] ?? "").replace(/^\n/, ""));
  for (const m of form.matchAll(/<select\b[^>]*\sname="([^"]*)"[^>]*>([^]*?)<\/select>/g)) {
    add(m[1] ?? "", /<option value="([^"]*)" selected/.exec(m[2] ?? "")?.[1] ?? "");
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? "") : v]));
}

describeEachDatabase("breaker12: two people editing one author profile", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let reporterSession: Session;
  let adminSession: Session;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Nazli Muhabir");
    await addActor(db, "yonetici", "Site Yoneticisi");
    t = await buildTestApp(db);
    reporterSession = await signIn(t.app, "nazlimuhabir-muhabir@haberci.test", PASSWORD);
    adminSession = await signIn(t.app, "siteyoneticisi-yonetici@haberci.test", PASSWORD);
  });
  afterAll(async () => t.close());

  it("does not silently overwrite the bio the author saved while an admin had the profile open", async () => {
    // The admin opens the reporter's profile to fix the title.
    const adminView = formFields((await adminSession.get(`/yonetim/kullanicilar/${reporter.id}/profil`)).body);
    expect(adminView.name).toBe("Nazli Muhabir");
    // Meanwhile the reporter writes their bio on Profilim.
    const own = formFields((await reporterSession.get("/yonetim/profil")).body);
    const bio = "Yirmi yıldır adliye muhabiri.\nİzmir'de yaşıyor.";
    const mine = await reporterSession.post("/yonetim/profil", { ...own, bio });
    expect(mine.statusCode).toBe(303);
    // The admin saves the form they opened before, with only the title changed.
    const theirs = await adminSession.post(`/yonetim/kullanicilar/${reporter.id}/profil`, { ...adminView, title: "Adliye Muhabiri" });
    const saved = await findAuthorOfUser(get().db, reporter.id);
    // Either the stale form is refused (409, as the settings form does), or the fields the admin did not touch keep
    // the reporter's text. Was: 303 and the bio is empty again, nobody told.
    if (theirs.statusCode !== 409) expect(saved?.bio).toBe(bio);
    expect([303, 409]).toContain(theirs.statusCode);
  });

  it("keeps the author's photo when it is older than the newest 100 library pictures the form offers", async () => {
    const { db } = get();
    const picture = (n: number) => ({
      storageKey: `2026/11/yazar-${n}`,
      width: 800,
      height: 800,
      variantWidths: "320,640,800",
      caption: `Görsel ${n}`,
      credit: "Haberci",
      alt: `Görsel ${n}`,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
    });
    const photo = await db.transaction().execute((trx) => insertImage(trx, picture(0)));
    const own = formFields((await reporterSession.get("/yonetim/profil")).body);
    expect((await reporterSession.post("/yonetim/profil", { ...own, imageId: String(photo) })).statusCode).toBe(303);
    expect((await findAuthorOfUser(db, reporter.id))?.imageId).toBe(photo);
    // The newsroom uploads its usual pictures for a few days.
    await db.transaction().execute(async (trx) => {
      for (let n = 1; n <= 100; n++) await insertImage(trx, picture(n));
    });
    // The reporter fixes a typo in their title, changing nothing else.
    const later = formFields((await reporterSession.get("/yonetim/profil")).body);
    expect((await reporterSession.post("/yonetim/profil", { ...later, title: "Adliye Muhabiri" })).statusCode).toBe(303);
    // Was: the select no longer lists the photo, shows "Fotoğraf yok", and the save removes the photo.
    expect((await findAuthorOfUser(db, reporter.id))?.imageId).toBe(photo);
  });
});
