// The counted-view marks and the day's salt (article_view_marks, view_salts; 0017): the only code touching
// them. Writes take a transaction.
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Trx = Transaction<Database>;

export interface ViewMark {
  keyHash: string;
  /** When the view was made (ISO 8601 UTC). */
  seenAt: string;
  /** When the same reader's view of the article counts again (ISO 8601 UTC). */
  expiresAt: string;
}

/**
 * The salt of an Istanbul day (`YYYY-MM-DD`): the stored one, else `fresh` stored first. Concurrent
 * instances agree: the first insert wins, the others read it.
 */
export async function daySalt(trx: Trx, day: string, fresh: string): Promise<string> {
  await trx
    .insertInto("viewSalts")
    .values({ day, salt: fresh })
    .onConflict((oc) => oc.column("day").doNothing())
    .execute();
  const { salt } = await trx.selectFrom("viewSalts").select("salt").where("day", "=", day).executeTakeFirstOrThrow();
  return salt;
}

/** Deletes the salts of days before `day`, so their marks' keys can no longer be recomputed. */
export async function dropSaltsBefore(trx: Trx, day: string): Promise<void> {
  await trx.deleteFrom("viewSalts").where("day", "<", day).execute();
}

/**
 * Writes the marks (distinct keys); returns the keys that count: new ones, and those whose stored mark had
 * expired by the new view's time (the mark is renewed). A key whose mark still holds is left alone and not
 * returned. One statement, atomic against other instances writing the same key.
 */
export async function claimViewMarks(trx: Trx, marks: readonly ViewMark[]): Promise<Set<string>> {
  if (marks.length === 0) return new Set();
  const rows = await trx
    .insertInto("articleViewMarks")
    .values([...marks])
    .onConflict((oc) =>
      oc
        .column("keyHash")
        .doUpdateSet((eb) => ({ seenAt: eb.ref("excluded.seenAt"), expiresAt: eb.ref("excluded.expiresAt") }))
        .whereRef("articleViewMarks.expiresAt", "<=", "excluded.seenAt"),
    )
    .returning("keyHash")
    .execute();
  return new Set(rows.map((r) => r.keyHash));
}

/** Deletes the marks expired at `now` (ISO 8601 UTC). */
export async function deleteExpiredViewMarks(trx: Trx, now: string): Promise<void> {
  await trx.deleteFrom("articleViewMarks").where("expiresAt", "<=", now).execute();
}
