// Breaker: README, "Running on PostgreSQL": "Migrations take a lock, so several app instances can start against one
// database at once". Starting two `serve --demo` processes on a fresh PostgreSQL database at once, one exits with
// `haberci: duplicate key value violates unique constraint "categories_slug_key"`: after the (locked) migrations,
// every start installs the default categories and sources (news/installDefaults.ts) with a check-then-insert that
// two processes pass together. (SQLite: one writer at a time, nothing to race.)
import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../databases.ts";
import { connectDatabase } from "../../src/db/connect.ts";
import { DEFAULT_CATEGORIES } from "../../src/news/categories.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { insertCategory, listCategories } from "../../src/news/taxonomyStore.ts";

describeEachDatabase("breaker12: two instances starting at once on a fresh database", (get, name) => {
  it("the second start does not fail while the first one's defaults are being installed", async () => {
    const { db } = get();
    if (name === "SQLite") {
      await Promise.all([installDefaults(db), installDefaults(db)]);
    } else {
      // The other process: its installDefaults transaction has inserted the categories and not committed yet.
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? "";
      const other = await connectDatabase({ dialect: "postgres", url: process.env.TEST_POSTGRES_URL ?? "" }, { searchPath: schema, poolSize: 1 });
      let commit = () => {};
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let inserted = () => {};
      const ready = new Promise<void>((resolve) => (inserted = resolve));
      const first = other.db.transaction().execute(async (trx) => {
        for (const [position, c] of DEFAULT_CATEGORIES.entries()) await insertCategory(trx, { ...c, position });
        inserted();
        await committed;
      });
      await ready;
      // This process starts: it sees no categories yet, inserts, and waits on the other's unique index entries (a fixed
      // version may wait on a lock instead: either wait is what the poll below looks for).
      const second = installDefaults(db).then(
        () => "ok",
        (error: unknown) => String(error),
      );
      await expect
        .poll(
          async () =>
            (
              await sql<{
                n: string;
              }>`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and (query like 'insert into "categories"%' or query ilike '%lock%') and query not in ('select pg_advisory_lock_shared($1)', 'select pg_advisory_lock($1)')`.execute(
                db,
              )
            ).rows[0]?.n,
        )
        .not.toBe("0");
      commit();
      await first;
      await other.close();
      // Was: 'error: duplicate key value violates unique constraint "categories_slug_key"'.
      expect(await second).toBe("ok");
    }
    expect((await listCategories(db)).map((c) => c.slug)).toEqual(DEFAULT_CATEGORIES.map((c) => c.slug));
  });
});
