// Author profiles in the newsroom: everyone edits their own at /yonetim/profil, admins anyone's from
// the users area; another user's profile is refused; bad input shows the form again in Turkish.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { describeEachDatabase } from "../../../test/databases.ts";
import { PASSWORD, addActor } from "../../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../../test/session.ts";
import { ForbiddenError, InvalidInputError } from "../../errors.ts";
import { findAuthorOfUser } from "../../news/authorStore.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { saveAuthorProfile } from "../../news/saveAuthorProfile.ts";
import type { Actor } from "../../news/workflow.ts";

describeEachDatabase("author profiles in the newsroom", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let other: Actor;
  let admin: Actor;
  let reporterSession: Session;
  let adminSession: Session;

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    name: "Selim Yazar",
    slug: "",
    title: "Spor Muhabiri",
    bio: "Sahadan haberler.",
    imageId: "",
    links: ["https://example.org/selim", ""],
    ...overrides,
  });

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Selim");
    other = await addActor(db, "muhabir", "Baska");
    admin = await addActor(db, "yonetici", "Patron");
    t = await buildTestApp(db);
    reporterSession = await signIn(t.app, "selim-muhabir@haberci.test", PASSWORD);
    adminSession = await signIn(t.app, "patron-yonetici@haberci.test", PASSWORD);
  });
  afterAll(async () => t.close());

  it("every new user has a profile made from their name", async () => {
    expect(await findAuthorOfUser(get().db, reporter.id)).toMatchObject({ name: "Selim", slug: "selim", title: "", links: [] });
  });

  it("lets a user edit their own profile at /yonetim/profil, audited, and readers see it", async () => {
    const page = await reporterSession.get("/yonetim/profil");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<h1>Profilim</h1>");
    expect(page.body).toContain('href="/yonetim/profil"');
    const saved = await reporterSession.post("/yonetim/profil", form({ slug: "selim-yazar" }));
    expect([saved.statusCode, saved.headers.location]).toEqual([303, "/yonetim/profil?mesaj=profil"]);
    expect((await reporterSession.get("/yonetim/profil?mesaj=profil")).body).toContain("Profil kaydedildi.");
    expect(await findAuthorOfUser(get().db, reporter.id)).toMatchObject({
      name: "Selim Yazar",
      slug: "selim-yazar",
      title: "Spor Muhabiri",
      bio: "Sahadan haberler.",
      links: ["https://example.org/selim"],
    });
    const audit = await get().db.selectFrom("auditLog").select(["actorId", "detail"]).where("action", "=", "author_profile_changed").executeTakeFirst();
    expect(audit).toEqual({ actorId: reporter.id, detail: "Selim Yazar" });
    const publicPage = await t.app.inject("/yazar/selim-yazar/");
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain("Spor Muhabiri");
  });

  it("shows the form again with Turkish messages and what was typed, saving nothing", async () => {
    const before = await findAuthorOfUser(get().db, reporter.id);
    const res = await reporterSession.post("/yonetim/profil", form({ name: "Selim Yeni", bio: "x".repeat(601), links: ["javascript:alert(1)"] }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Profil kaydedilemedi: işaretli alanları düzeltin.");
    expect(res.body).toContain("En çok 600 karakter olabilir.");
    expect(res.body).toContain("Geçersiz bağlantı: javascript:alert(1)");
    expect(res.body).toContain('value="Selim Yeni"');
    expect(await findAuthorOfUser(get().db, reporter.id)).toEqual(before);
    // Another author's address is taken.
    const taken = await reporterSession.post("/yonetim/profil", form({ slug: "baska" }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("“baska” adresi başka bir yazarda kullanılıyor.");
    // A picture that is not in the library.
    const noPicture = await reporterSession.post("/yonetim/profil", form({ imageId: "99999" }));
    expect(noPicture.statusCode).toBe(400);
    expect(noPicture.body).toContain("Seçilen görsel bulunamadı.");
  });

  it("refuses a post without the CSRF token", async () => {
    const res = await reporterSession.post("/yonetim/profil", form({ name: "Sahte" }), { csrf: "yanlis" });
    expect(res.statusCode).toBe(403);
    expect((await findAuthorOfUser(get().db, reporter.id))?.name).not.toBe("Sahte");
  });

  it("refuses another user's profile to a non-admin, in the route and in the use case", async () => {
    const page = await reporterSession.get(`/yonetim/kullanicilar/${other.id}/profil`);
    expect(page.statusCode).toBe(403);
    const post = await reporterSession.post(`/yonetim/kullanicilar/${other.id}/profil`, form({ name: "Ele geçirildi" }));
    expect(post.statusCode).toBe(403);
    await expect(
      saveAuthorProfile(get().db, {
        user: other,
        input: { name: "Ele geçirildi", slug: "", title: "", bio: "", imageId: null, links: [] },
        actor: reporter,
        now: new Date(),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await findAuthorOfUser(get().db, other.id))?.name).toBe("Baska");
  });

  it("two saves racing for one address: one wins, the other is told the address is taken", async () => {
    const { db } = get();
    const first = await addActor(db, "muhabir", "Yarisan Bir");
    const second = await addActor(db, "muhabir", "Yarisan Iki");
    const claim = (user: Actor) =>
      saveAuthorProfile(db, { user, input: { name: user.name, slug: "ortak-adres", title: "", bio: "", imageId: null, links: [] }, actor: user, now: new Date() });
    const results = await Promise.allSettled([claim(first), claim(second)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(InvalidInputError);
  });

  it("lets an admin edit anyone's profile from the users area", async () => {
    const users = await adminSession.get("/yonetim/kullanicilar");
    expect(users.body).toContain(`href="/yonetim/kullanicilar/${other.id}/profil"`);
    const page = await adminSession.get(`/yonetim/kullanicilar/${other.id}/profil`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Yazar profili: Baska");
    const saved = await adminSession.post(`/yonetim/kullanicilar/${other.id}/profil`, form({ name: "Başka Muhabir", slug: "", links: [] }));
    expect([saved.statusCode, saved.headers.location]).toEqual([303, `/yonetim/kullanicilar/${other.id}/profil?mesaj=profil`]);
    expect(await findAuthorOfUser(get().db, other.id)).toMatchObject({ name: "Başka Muhabir", slug: "baska-muhabir", links: [] });
    const bad = await adminSession.post(`/yonetim/kullanicilar/${other.id}/profil`, form({ name: "" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Ad soyad boş olamaz.");
    expect((await adminSession.get("/yonetim/kullanicilar/99999/profil")).statusCode).toBe(404);
    expect(admin.role).toBe("yonetici");
  });
});
