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
  const { n } = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
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

export async function findThrottle(db: Db | Trx, key: string) {
  return db.selectFrom("signInThrottles").selectAll().where("key", "=", key).executeTakeFirst();
}

export async function saveThrottle(trx: Trx, row: { key: string; failures: number; windowStart: string; lockedUntil: string | null }): Promise<void> {
  await trx
    .insertInto("signInThrottles")
    .values(row)
    .onConflict((oc) => oc.column("key").doUpdateSet({ failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil }))
    .execute();
}

export async function clearThrottle(trx: Trx, key: string): Promise<void> {
  await trx.deleteFrom("signInThrottles").where("key", "=", key).execute();
}
