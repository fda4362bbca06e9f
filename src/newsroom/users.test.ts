// Newsroom users: adding them, passwords, roles and disabling, as the people signing in notice.
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD } from "../../test/newsroomFixtures.ts";
import type { Role } from "../db/schema.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthorizedError } from "../errors.ts";
import type { Actor } from "../news/workflow.ts";
import { authenticateApiToken, createApiToken } from "./apiTokens.ts";
import { findSession, signIn } from "./signIn.ts";
import { addUser, changeOwnPassword, findUserIdByEmail, listUsers, setUserDisabled, setUserPassword, setUserRole } from "./users.ts";

const NOW = new Date("2026-11-27T09:00:00.000Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const NEW_PASSWORD = "yepyeni-parola-42";

describeEachDatabase("newsroom users", (get) => {
  let admin: Actor;
  let counter = 0;

  beforeAll(async () => {
    const user = await addUser(get().db, { email: "yonetici@haberci.test", name: "Yönetici", role: "yonetici", password: PASSWORD, actor: null, now: NOW });
    admin = { id: user.id, name: user.name, role: user.role };
  });

  /** A fresh user of `role`, added by the admin; its e-mail is unique within the suite. */
  async function person(role: Role = "muhabir"): Promise<{ id: number; email: string; actor: Actor }> {
    const email = `kisi${++counter}@haberci.test`;
    const user = await addUser(get().db, { email, name: `Kişi ${counter}`, role, password: PASSWORD, actor: admin, now: NOW });
    return { id: user.id, email, actor: { id: user.id, name: user.name, role: user.role } };
  }
  const signInAs = (email: string, password = PASSWORD, minutes = 1) => signIn(get().db, { email, password, ip: `192.0.2.${counter}`, now: later(minutes) });

  it("adds a user who can then sign in, with the e-mail in Turkish lower case and trimmed, and the name trimmed", async () => {
    const user = await addUser(get().db, { email: "  Deniz.Kaya@Haberci.Test ", name: "  Deniz Kaya ", role: "editor", password: PASSWORD, actor: admin, now: NOW });
    expect(user).toMatchObject({ email: "deniz.kaya@haberci.test", name: "Deniz Kaya", role: "editor", disabledAt: null });
    // Turkish lower case: a dotted capital İ is an i.
    const session = await signInAs("DENİZ.KAYA@HABERCİ.TEST");
    expect(session.user).toMatchObject({ id: user.id, role: "editor" });
    expect(await findUserIdByEmail(get().db, " Deniz.Kaya@haberci.test")).toBe(user.id);
    expect((await listUsers(get().db)).map((u) => u.email)).toContain("deniz.kaya@haberci.test");
    const audit = await get()
      .db.selectFrom("auditLog")
      .select(["actorId", "detail"])
      .where("action", "=", "user_added")
      .where("subject", "=", "deniz.kaya@haberci.test")
      .executeTakeFirst();
    expect(audit).toEqual({ actorId: admin.id, detail: "editor" });
  });

  it("refuses a second user with the same e-mail, a bad e-mail or name, a weak password, or a non-admin", async () => {
    const { email } = await person();
    await expect(
      addUser(get().db, { email: email.toLocaleUpperCase("tr"), name: "Aynı", role: "muhabir", password: PASSWORD, actor: admin, now: NOW }),
    ).rejects.toBeInstanceOf(ConflictError);
    const bad = addUser(get().db, { email: "adres-degil", name: "   ", role: "muhabir", password: PASSWORD, actor: admin, now: NOW });
    await expect(bad).rejects.toBeInstanceOf(InvalidInputError);
    await expect(bad).rejects.toMatchObject({ fields: { email: "Geçerli bir e-posta adresi girin.", name: "Ad soyad 1-120 karakter olmalı." } });
    await expect(addUser(get().db, { email: "zayif@haberci.test", name: "Zayıf", role: "muhabir", password: "kisa", actor: admin, now: NOW })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const editor = await person("editor");
    await expect(
      addUser(get().db, { email: "yetkisiz@haberci.test", name: "Yetkisiz", role: "muhabir", password: PASSWORD, actor: editor.actor, now: NOW }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findUserIdByEmail(get().db, "yetkisiz@haberci.test")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sets a new password for a user: the old one stops working and their sessions end", async () => {
    const { id, email } = await person();
    const { token } = await signInAs(email);
    await setUserPassword(get().db, { userId: id, password: NEW_PASSWORD, actor: admin, now: later(2) });
    expect(await findSession(get().db, token, later(3))).toBeUndefined();
    await expect(signInAs(email, PASSWORD, 4)).rejects.toBeInstanceOf(UnauthorizedError);
    expect((await signInAs(email, NEW_PASSWORD, 5)).user.id).toBe(id);
    const editor = await person("editor");
    await expect(setUserPassword(get().db, { userId: id, password: NEW_PASSWORD, actor: editor.actor, now: later(6) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserPassword(get().db, { userId: 999_999, password: NEW_PASSWORD, actor: admin, now: later(6) })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets users change their own password: this session stays, their other sessions end", async () => {
    const { id, email } = await person();
    const here = await signInAs(email);
    const elsewhere = await signInAs(email);
    await changeOwnPassword(get().db, { userId: id, current: PASSWORD, next: NEW_PASSWORD, sessionToken: here.token, now: later(2), ip: "192.0.2.200" });
    expect((await findSession(get().db, here.token, later(3)))?.id).toBe(id);
    expect(await findSession(get().db, elsewhere.token, later(3))).toBeUndefined();
    expect((await signInAs(email, NEW_PASSWORD, 4)).user.id).toBe(id);
  });

  it("refuses a wrong current password or a weak new one, keeping the old password", async () => {
    const { id, email } = await person();
    const { token } = await signInAs(email);
    const wrong = changeOwnPassword(get().db, { userId: id, current: "yanlis-parola-123", next: NEW_PASSWORD, sessionToken: token, now: later(2) });
    await expect(wrong).rejects.toMatchObject({ fields: { current: "Mevcut parola hatalı." } });
    await expect(changeOwnPassword(get().db, { userId: id, current: PASSWORD, next: "kisa", sessionToken: token, now: later(2) })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect((await signInAs(email, PASSWORD, 3)).user.id).toBe(id);
  });

  it("changes a user's role, which their next sign-in carries; an admin cannot drop their own", async () => {
    const { id, email } = await person("muhabir");
    await setUserRole(get().db, { userId: id, role: "editor", actor: admin, now: later(1) });
    expect((await signInAs(email, PASSWORD, 2)).user.role).toBe("editor");
    const audit = await get().db.selectFrom("auditLog").select("detail").where("action", "=", "user_role_changed").where("subject", "=", email).executeTakeFirst();
    expect(audit?.detail).toBe("muhabir → editor");
    await expect(setUserRole(get().db, { userId: admin.id, role: "editor", actor: admin, now: later(3) })).rejects.toThrow("Kendi yönetici yetkinizi kaldıramazsınız.");
    const editor = await person("editor");
    await expect(setUserRole(get().db, { userId: id, role: "yonetici", actor: editor.actor, now: later(3) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserRole(get().db, { userId: 999_999, role: "editor", actor: admin, now: later(3) })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("disables a user: sessions end, sign-in and API tokens stop; re-enabled, they sign in but the old tokens stay revoked", async () => {
    const { id, email } = await person("editor");
    const { token } = await signInAs(email);
    const apiToken = await createApiToken(get().db, { userId: id, name: "Masaüstü", actor: admin, now: NOW });
    expect((await authenticateApiToken(get().db, apiToken, later(1))).id).toBe(id);

    await setUserDisabled(get().db, { userId: id, disabled: true, actor: admin, now: later(2) });
    expect(await findSession(get().db, token, later(3))).toBeUndefined();
    await expect(signInAs(email, PASSWORD, 3)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(authenticateApiToken(get().db, apiToken, later(3))).rejects.toBeInstanceOf(UnauthorizedError);
    const audit = await get().db.selectFrom("auditLog").select("detail").where("action", "=", "user_disabled").where("subject", "=", email).executeTakeFirst();
    expect(audit?.detail).toBe("1 API anahtarı iptal edildi.");

    await setUserDisabled(get().db, { userId: id, disabled: false, actor: admin, now: later(4) });
    expect((await signInAs(email, PASSWORD, 5)).user.id).toBe(id);
    await expect(authenticateApiToken(get().db, apiToken, later(5))).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("refuses an admin disabling themselves, and a non-admin disabling anyone", async () => {
    await expect(setUserDisabled(get().db, { userId: admin.id, disabled: true, actor: admin, now: later(1) })).rejects.toThrow(
      "Kendi hesabınızı devre dışı bırakamazsınız.",
    );
    const { id } = await person();
    const editor = await person("editor");
    await expect(setUserDisabled(get().db, { userId: id, disabled: true, actor: editor.actor, now: later(1) })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await signInAs("yonetici@haberci.test", PASSWORD, 2)).user.id).toBe(admin.id);
  });
});
