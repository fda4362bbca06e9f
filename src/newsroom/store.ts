// The only code that touches users, sessions, API tokens and sign-in throttles.
import type { Kysely, Transaction } from "kysely";
import type { Database, Role, User } from "../db/schema.ts";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom("users").selectAll().orderBy("name").execute();
}

export async function countUsers(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertUser(trx: Trx, row: { email: string; name: string; role: Role; passwordHash: string; createdAt: string }): Promise<User> {
  return trx.insertInto("users").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(trx: Trx, id: number, patch: Partial<Pick<User, "name" | "role" | "passwordHash" | "disabledAt">>): Promise<User | undefined> {
  return trx.updateTable("users").set(patch).where("id", "=", id).returningAll().executeTakeFirst();
}

export async function insertSession(trx: Trx | Db, row: { idHash: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
  await trx.insertInto("sessions").values(row).execute();
}

export async function findSessionUser(db: Db, idHash: string, now: Date) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.userId")
    .select(["u.id", "u.name", "u.email", "u.role", "s.csrfToken", "s.expiresAt"])
    .where("s.idHash", "=", idHash)
    .where("s.expiresAt", ">", now.toISOString())
    .where("u.disabledAt", "is", null)
    .executeTakeFirst();
}

export async function deleteSession(db: Db | Trx, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("idHash", "=", idHash).execute();
}

export async function deleteUserSessions(trx: Trx, userId: number, exceptIdHash?: string): Promise<void> {
  let q = trx.deleteFrom("sessions").where("userId", "=", userId);
  if (exceptIdHash) q = q.where("idHash", "!=", exceptIdHash);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("expiresAt", "<=", now.toISOString()).execute();
}

export async function insertToken(trx: Trx, row: { userId: number; name: string; tokenHash: string; createdAt: string }): Promise<number> {
  const { id } = await trx.insertInto("apiTokens").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function findTokenUser(db: Db, tokenHash: string) {
  return db
    .selectFrom("apiTokens as t")
    .innerJoin("users as u", "u.id", "t.userId")
    .select(["t.id as tokenId", "t.lastUsedAt", "u.id", "u.name", "u.role"])
    .where("t.tokenHash", "=", tokenHash)
    .where("t.revokedAt", "is", null)
    .where("u.disabledAt", "is", null)
    .executeTakeFirst();
}

export async function touchToken(db: Db, tokenId: number, now: Date): Promise<void> {
  await db.updateTable("apiTokens").set({ lastUsedAt: now.toISOString() }).where("id", "=", tokenId).execute();
}

export async function listTokens(db: Db) {
  return db
    .selectFrom("apiTokens as t")
    .innerJoin("users as u", "u.id", "t.userId")
    .select(["t.id", "t.name", "t.createdAt", "t.lastUsedAt", "t.revokedAt", "u.email", "u.name as userName"])
    .orderBy("t.createdAt", "desc")
    .execute();
}

export async function revokeToken(trx: Trx, id: number, now: Date): Promise<boolean> {
  const res = await trx.updateTable("apiTokens").set({ revokedAt: now.toISOString() }).where("id", "=", id).where("revokedAt", "is", null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export interface ThrottleState {
  /** Attempts counted in the window, this one included. */
  failures: number;
  lockedUntil: string | null;
}

/**
 * Counts one attempt against a throttle row in a single statement (insert, or update the
 * existing row), so two processes counting at once each see their own number: atomic on
 * SQLite (one writer) and on PostgreSQL (ON CONFLICT locks the row). A window opened at or
 * before `windowOpenedBy`, or a lock that has ended, starts a new window at 1. While a lock
 * holds (`lockedUntil` > `now`) the row is left as it is. Returns the row after counting.
 * Timestamps are ISO strings.
 */
export async function reserveThrottle(trx: Trx, { keyHash, now, windowOpenedBy }: { keyHash: string; now: string; windowOpenedBy: string }): Promise<ThrottleState> {
  return trx
    .insertInto("signInThrottles")
    .values({ keyHash, failures: 1, windowStart: now, lockedUntil: null })
    .onConflict((oc) =>
      oc.column("keyHash").doUpdateSet((eb) => {
        const locked = eb("signInThrottles.lockedUntil", ">", now);
        const stale = eb.or([eb("signInThrottles.windowStart", "<=", windowOpenedBy), eb("signInThrottles.lockedUntil", "<=", now)]);
        return {
          failures: eb
            .case()
            .when(locked)
            .then(eb.ref("signInThrottles.failures"))
            .when(stale)
            .then(1)
            .else(eb("signInThrottles.failures", "+", 1))
            .end(),
          windowStart: eb.case().when(locked).then(eb.ref("signInThrottles.windowStart")).when(stale).then(now).else(eb.ref("signInThrottles.windowStart")).end(),
          lockedUntil: eb.case().when(locked).then(eb.ref("signInThrottles.lockedUntil")).else(null).end(),
        };
      }),
    )
    .returning(["failures", "lockedUntil"])
    .executeTakeFirstOrThrow();
}

/** Locks a throttle row until `until` (never shortens a lock); false when there is nothing to lock. */
export async function lockThrottle(trx: Trx, keyHash: string, until: string): Promise<boolean> {
  const res = await trx
    .updateTable("signInThrottles")
    .set({ lockedUntil: until })
    .where("keyHash", "=", keyHash)
    .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<", until)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Takes back one counted attempt (it turned out to be a right password). */
export async function releaseThrottle(trx: Trx, keyHash: string): Promise<void> {
  await trx
    .updateTable("signInThrottles")
    .set((eb) => ({ failures: eb("failures", "-", 1) }))
    .where("keyHash", "=", keyHash)
    .where("failures", ">", 0)
    .execute();
}

/** Deletes rows whose window opened at or before `windowOpenedBy` and that are not locked at `now`. */
export async function deleteStaleThrottles(trx: Trx, { now, windowOpenedBy }: { now: string; windowOpenedBy: string }): Promise<void> {
  await trx
    .deleteFrom("signInThrottles")
    .where("windowStart", "<=", windowOpenedBy)
    .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<=", now)]))
    .execute();
}

export async function findThrottle(db: Db | Trx, keyHash: string) {
  return db.selectFrom("signInThrottles").selectAll().where("keyHash", "=", keyHash).executeTakeFirst();
}

/** Revokes every live API token of a user; returns how many. */
export async function revokeUserTokens(trx: Trx, userId: number, now: Date): Promise<number> {
  const res = await trx.updateTable("apiTokens").set({ revokedAt: now.toISOString() }).where("userId", "=", userId).where("revokedAt", "is", null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
