import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database, Role, User } from "../db/schema.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { ensureAuthorForUser } from "../news/authorStore.ts";
import type { Actor } from "../news/workflow.ts";
import { assertPasswordStrength, hashPassword, verifyPassword } from "./passwords.ts";
import { sha256 } from "./secrets.ts";
import { EMAIL_MAX_LENGTH, type PasswordCheck, checkCurrentPassword, normaliseEmail } from "./signIn.ts";
import * as store from "./store.ts";

export const ROLES: Role[] = ["muhabir", "editor", "yonetici"];
export const ROLE_LABELS: Record<Role, string> = { muhabir: "Muhabir", editor: "Editör", yonetici: "Yönetici" };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function assertAdmin(actor: Actor | null): void {
  if (actor && actor.role !== "yonetici") throw new ForbiddenError();
}

export function isRole(value: string): value is Role {
  return (ROLES as string[]).includes(value);
}

/** Adds a newsroom user. `actor` is null for the command line (the machine's operator); `ip`, the request's, is for the audit log. */
export async function addUser(
  db: Kysely<Database>,
  { email, name, role, password, actor, now, ip }: { email: string; name: string; role: Role; password: string; actor: Actor | null; now: Date; ip?: string | null },
): Promise<User> {
  assertAdmin(actor);
  const normalised = normaliseEmail(email);
  const fields: Record<string, string> = {};
  if (!EMAIL.test(normalised) || normalised.length > EMAIL_MAX_LENGTH) fields.email = "Geçerli bir e-posta adresi girin.";
  if (name.trim() === "" || name.length > 120) fields.name = "Ad soyad 1-120 karakter olmalı.";
  if (Object.keys(fields).length > 0) throw new InvalidInputError("Kullanıcı eklenemedi.", fields);
  assertPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if (await store.findUserByEmail(trx, normalised)) throw new ConflictError(`${normalised} adresiyle bir kullanıcı zaten var.`);
    const user = await store.insertUser(trx, { email: normalised, name: name.trim(), role, passwordHash, createdAt: now.toISOString() });
    // Every newsroom user has a public author profile (the byline), made from their name.
    await ensureAuthorForUser(trx, user);
    await recordAudit(trx, { at: now, actor, action: "user_added", subject: normalised, detail: role, ip: ip ?? null });
    return user;
  });
}

async function findByEmailOrFail(db: Kysely<Database>, email: string): Promise<User> {
  const user = await store.findUserByEmail(db, normaliseEmail(email));
  if (!user) throw new NotFoundError("Kullanıcı", email);
  return user;
}

/** Sets a user's password (admin or command line); the user's other sessions end. */
export async function setUserPassword(
  db: Kysely<Database>,
  { userId, password, actor, now, ip }: { userId: number; password: string; actor: Actor | null; now: Date; ip?: string | null },
): Promise<void> {
  assertAdmin(actor);
  assertPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await store.updateUser(trx, userId, { passwordHash });
    if (!user) throw new NotFoundError("Kullanıcı", userId);
    await store.deleteUserSessions(trx, userId);
    await recordAudit(trx, { at: now, actor, action: "password_changed", subject: user.email, ip: ip ?? null });
  });
}

/**
 * A user changes their own password; their other sessions end, this one stays. The current
 * password is checked under the account's sign-in throttle (signIn.ts: ACCOUNT_MAX_FAILURES
 * wrong ones within the window lock the account, sign-in included). `ip` is for the audit log.
 * Errors: InvalidInputError for a weak new password (checked first) or a wrong current one,
 * RateLimitedError while the account is locked or when this failure locks it.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  { userId, current, next, sessionToken, now, ip }: { userId: number; current: string; next: string; sessionToken: string; now: Date; ip?: string },
  checkPassword: PasswordCheck = verifyPassword,
): Promise<void> {
  const user = await store.findUserById(db, userId);
  if (!user) throw new NotFoundError("Kullanıcı", userId);
  assertPasswordStrength(next);
  await checkCurrentPassword(
    db,
    { user, password: current, ip: ip ?? null, now },
    checkPassword,
    () => new InvalidInputError("Mevcut parola hatalı.", { current: "Mevcut parola hatalı." }),
  );
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await store.updateUser(trx, userId, { passwordHash });
    await store.deleteUserSessions(trx, userId, sha256(sessionToken));
    await recordAudit(trx, { at: now, actor: user, action: "password_changed", subject: user.email, ip: ip ?? null });
  });
}

export async function setUserRole(
  db: Kysely<Database>,
  { userId, role, actor, now, ip }: { userId: number; role: Role; actor: Actor; now: Date; ip?: string | null },
): Promise<void> {
  assertAdmin(actor);
  if (userId === actor.id && role !== "yonetici") throw new InvalidInputError("Kendi yönetici yetkinizi kaldıramazsınız.");
  await db.transaction().execute(async (trx) => {
    const before = await store.findUserById(trx, userId);
    const user = await store.updateUser(trx, userId, { role });
    if (!before || !user) throw new NotFoundError("Kullanıcı", userId);
    await recordAudit(trx, { at: now, actor, action: "user_role_changed", subject: user.email, detail: `${before.role} → ${role}`, ip: ip ?? null });
  });
}

/**
 * Disables or re-enables a user. Disabling ends their sessions at once and revokes their API
 * tokens (revokedAt set), so re-enabling the user does not bring the old tokens back.
 */
export async function setUserDisabled(
  db: Kysely<Database>,
  { userId, disabled, actor, now, ip }: { userId: number; disabled: boolean; actor: Actor | null; now: Date; ip?: string | null },
): Promise<void> {
  assertAdmin(actor);
  if (actor && userId === actor.id) throw new InvalidInputError("Kendi hesabınızı devre dışı bırakamazsınız.");
  await db.transaction().execute(async (trx) => {
    const user = await store.updateUser(trx, userId, { disabledAt: disabled ? now.toISOString() : null });
    if (!user) throw new NotFoundError("Kullanıcı", userId);
    const revoked = disabled ? await store.revokeUserTokens(trx, userId, now) : 0;
    if (disabled) await store.deleteUserSessions(trx, userId);
    await recordAudit(trx, {
      at: now,
      actor,
      action: disabled ? "user_disabled" : "user_enabled",
      subject: user.email,
      detail: revoked > 0 ? `${revoked} API anahtarı iptal edildi.` : "",
      ip: ip ?? null,
    });
  });
}

export async function findUserIdByEmail(db: Kysely<Database>, email: string): Promise<number> {
  return (await findByEmailOrFail(db, email)).id;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return store.listUsers(db);
}
