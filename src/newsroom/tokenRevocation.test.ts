// Disabling a user revokes their API tokens, now and (migration 0008) for users disabled before that rule.
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD } from "../../test/newsroomFixtures.ts";
import { up as migrate0008 } from "../db/migrations/0008-sign-in-throttles.ts";
import type { Database } from "../db/schema.ts";
import { UnauthorizedError } from "../errors.ts";
import { authenticateApiToken, createApiToken } from "./apiTokens.ts";
import { addUser, setUserDisabled } from "./users.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const minutesLater = (minutes: number, from = NOW) => new Date(from.getTime() + minutes * 60_000);

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describeEachDatabase("API tokens of disabled users", (get) => {
  let userCount = 0;
  async function newUser(db: Kysely<Database>, label: string) {
    userCount += 1;
    const email = `${label}-${userCount}@haberci.test`;
    const user = await addUser(db, { email, name: `Kullanıcı ${userCount}`, role: "muhabir", password: PASSWORD, actor: null, now: NOW });
    return { ...user, email };
  }

  it("does not bring old API tokens back when a disabled user is enabled again", async () => {
    const { db } = get();
    const user = await newUser(db, "anahtar");
    const token = await createApiToken(db, { userId: user.id, name: "betik", actor: null, now: NOW });
    expect((await authenticateApiToken(db, token, NOW)).id).toBe(user.id);
    await setUserDisabled(db, { userId: user.id, disabled: true, actor: null, now: minutesLater(1) });
    expect(await failure(authenticateApiToken(db, token, minutesLater(2)))).toBeInstanceOf(UnauthorizedError);
    await setUserDisabled(db, { userId: user.id, disabled: false, actor: null, now: minutesLater(3) });
    expect(await failure(authenticateApiToken(db, token, minutesLater(4)))).toBeInstanceOf(UnauthorizedError);
    const row = await db.selectFrom("apiTokens").select("revokedAt").where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(row.revokedAt).toBe(minutesLater(1).toISOString());
    const disabled = await db.selectFrom("auditLog").select("detail").where("subject", "=", user.email).where("action", "=", "user_disabled").executeTakeFirstOrThrow();
    expect(disabled.detail).toBe("1 API anahtarı iptal edildi.");
    // A token made after re-enabling works.
    const fresh = await createApiToken(db, { userId: user.id, name: "yeni", actor: null, now: minutesLater(5) });
    expect((await authenticateApiToken(db, fresh, minutesLater(6))).id).toBe(user.id);
  });

  // Last in this suite: it runs the migration again, which recreates the throttle table.
  it("revokes, when migrating, the tokens of users disabled before tokens were revoked on disabling", async () => {
    const { db } = get();
    const user = await newUser(db, "eski");
    const token = await createApiToken(db, { userId: user.id, name: "eski betik", actor: null, now: NOW });
    // How an older version left a disabled user: tokens not revoked, only refused while disabled.
    await db
      .updateTable("users")
      .set({ disabledAt: minutesLater(1).toISOString() })
      .where("id", "=", user.id)
      .execute();
    await migrate0008(db);
    await db.updateTable("users").set({ disabledAt: null }).where("id", "=", user.id).execute();
    expect(await failure(authenticateApiToken(db, token, minutesLater(2)))).toBeInstanceOf(UnauthorizedError);
    const row = await db.selectFrom("apiTokens").select("revokedAt").where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(row.revokedAt).toBe(minutesLater(1).toISOString());
  });
});
