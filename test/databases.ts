// Runs a suite on a freshly migrated SQLite database, and again on PostgreSQL when
// TEST_POSTGRES_URL is set (each suite gets its own schema, dropped afterwards). Without the
// URL the PostgreSQL suites are still declared, as skipped, so vitest counts them; the
// one-line notice is printed once per run by test/globalSetup.ts.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Db, connectDatabase } from "../src/db/connect.ts";
import { migrateToLatest, migrateUpTo } from "../src/db/migrate.ts";

export interface TestDatabase {
  name: "SQLite" | "PostgreSQL";
  /** False for PostgreSQL when TEST_POSTGRES_URL is not set: its suites are declared skipped. */
  available: boolean;
  /** A fresh database, migrated to the latest migration or, for a data migration's test, only up to `upTo`. */
  open(options?: { upTo?: string }): Promise<Db>;
}

async function migrate(handle: Db, upTo: string | undefined): Promise<void> {
  if (upTo === undefined) await migrateToLatest(handle.db);
  else await migrateUpTo(handle.db, upTo);
}

const pgUrl = process.env.TEST_POSTGRES_URL ?? "";
/** PostgreSQL advisory lock key that orders test schemas' migrations (shared) before drops (exclusive). */
const SCHEMA_LOCK = 72_450_310;

/** Both databases every suite targets, whether or not this run can open them. */
export const allTestDatabases: TestDatabase[] = [
  {
    name: "SQLite",
    available: true,
    async open(options = {}) {
      const handle = await connectDatabase({ dialect: "sqlite", file: ":memory:" });
      await migrate(handle, options.upTo);
      return handle;
    },
  },
  {
    name: "PostgreSQL",
    available: pgUrl !== "",
    async open(options = {}) {
      if (pgUrl === "") throw new Error("TEST_POSTGRES_URL is not set");
      const schema = `t_${crypto.randomBytes(6).toString("hex")}`;
      // Migrating looks at every schema's tables (Kysely's introspector), which fails with
      // "schema … does not exist" when another suite drops its schema at that moment: schemas
      // are created and migrated under a shared lock and dropped under an exclusive one.
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      let handle: Db;
      try {
        await admin.query("select pg_advisory_lock_shared($1)", [SCHEMA_LOCK]);
        await admin.query(`create schema ${schema}`);
        handle = await connectDatabase({ dialect: "postgres", url: pgUrl }, { searchPath: schema, poolSize: 4 });
        await migrate(handle, options.upTo);
      } finally {
        await admin.end(); // ends the session, and with it the lock
      }
      return {
        ...handle,
        async close() {
          await handle.close();
          const cleanup = new pg.Client({ connectionString: pgUrl });
          await cleanup.connect();
          try {
            await cleanup.query("select pg_advisory_lock($1)", [SCHEMA_LOCK]);
            await cleanup.query(`drop schema ${schema} cascade`);
          } finally {
            await cleanup.end();
          }
        },
      };
    },
  },
];

/** The databases this run can open (SQLite always, PostgreSQL with TEST_POSTGRES_URL). */
export const testDatabases: TestDatabase[] = allTestDatabases.filter((target) => target.available);

/** `describe` for a database this run can open, `describe.skip` otherwise (its tests then count as skipped). */
export function describeFor(target: TestDatabase): (title: string, body: () => void) => void {
  return target.available ? describe : describe.skip;
}

/** Declares `body` once per test database; `get()` returns the open handle inside tests. */
export function describeEachDatabase(title: string, body: (get: () => Db, name: TestDatabase["name"]) => void): void {
  for (const target of allTestDatabases) {
    describeFor(target)(`${title} [${target.name}]`, () => {
      let handle: Db | undefined;
      beforeAll(async () => {
        handle = await target.open();
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error("database not open yet");
        return handle;
      }, target.name);
    });
  }
}
