import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database, Role } from "../db/schema.ts";
import { RateLimitedError, UnauthorizedError } from "../errors.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";
import { randomToken, sha256 } from "./secrets.ts";
import * as store from "./store.ts";

export const SESSION_HOURS = 12;
/** Failures allowed per e-mail address (and per IP) in the window before a temporary lock. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  csrfToken: string;
}

function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email}`, `ip:${ip}`];
}

async function assertNotLocked(db: Kysely<Database>, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const t = await store.findThrottle(db, key);
    if (t?.lockedUntil && t.lockedUntil > now.toISOString()) {
      const seconds = Math.ceil((Date.parse(t.lockedUntil) - now.getTime()) / 1000);
      throw new RateLimitedError(
        `Çok fazla başarısız giriş denemesi. Lütfen ${Math.ceil(seconds / 60)} dakika sonra yeniden deneyin.`,
        seconds,
      );
    }
  }
}

/**
 * Checks the password and opens a session. Repeated failures for one address or from one IP
 * lock sign-in for a while (429); the lock lives in the database, so it holds across instances.
 */
export async function signIn(
  db: Kysely<Database>,
  { email, password, ip, now }: { email: string; password: string; ip: string; now: Date },
): Promise<{ token: string; user: SessionUser }> {
  const normalised = email.trim().toLocaleLowerCase("tr");
  const keys = throttleKeys(normalised, ip);
  await assertNotLocked(db, keys, now);
  const user = await store.findUserByEmail(db, normalised);
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabledAt) {
    const locked = await db.transaction().execute(async (trx) => {
      let lockedNow = false;
      for (const key of keys) {
        const t = await store.findThrottle(trx, key);
        const fresh = !t || Date.parse(t.windowStart) < now.getTime() - WINDOW_MINUTES * 60_000;
        const failures = fresh ? 1 : (t?.failures ?? 0) + 1;
        const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
        lockedNow ||= lockedUntil !== null;
        await store.saveThrottle(trx, { key, failures, windowStart: fresh ? now.toISOString() : (t?.windowStart ?? now.toISOString()), lockedUntil });
      }
      await recordAudit(trx, { at: now, actor: user ? { id: user.id, name: user.name } : null, action: lockedNow ? "sign_in_locked" : "sign_in_failed", subject: normalised, ip });
      return lockedNow;
    });
    if (locked) {
      throw new RateLimitedError(`Çok fazla başarısız giriş denemesi. Lütfen ${LOCK_MINUTES} dakika sonra yeniden deneyin.`, LOCK_MINUTES * 60);
    }
    throw new UnauthorizedError("E-posta adresi ya da parola hatalı.");
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.transaction().execute(async (trx) => {
    await store.clearThrottle(trx, `email:${normalised}`);
    await store.insertSession(trx, {
      idHash: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    });
    await recordAudit(trx, { at: now, actor: user, action: "sign_in", subject: normalised, ip });
  });
  return { token, user: { id: user.id, name: user.name, email: user.email, role: user.role, csrfToken } };
}

/** The signed-in user of a session cookie, or undefined when it is unknown, expired or the user is disabled. */
export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionUser | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const row = await store.findSessionUser(db, sha256(token), now);
  return row ? { id: row.id, name: row.name, email: row.email, role: row.role, csrfToken: row.csrfToken } : undefined;
}

export async function signOut(db: Kysely<Database>, { token, user, now, ip }: { token: string; user: SessionUser; now: Date; ip: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await store.deleteSession(trx, sha256(token));
    await recordAudit(trx, { at: now, actor: user, action: "sign_out", subject: user.email, ip });
  });
}
