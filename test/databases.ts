// Runs a suite on a freshly migrated SQLite database, and again on PostgreSQL when
// TEST_POSTGRES_URL is set (each suite gets its own schema, dropped afterwards).
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Db, connectDatabase } from "../src/db/connect.ts";
import { migrateToLatest, migrateUpTo } from "../src/db/migrate.ts";

export interface TestDatabase {
  name: "SQLite" | "PostgreSQL";
  /** A fresh database, migrated to the latest migration or, for a data migration's test, only up to `upTo`. */
  open(options?: { upTo?: string }): Promise<Db>;
}

async function migrate(handle: Db, upTo: string | undefined): Promise<void> {
  if (upTo === undefined) await migrateToLatest(handle.db);
  else await migrateUpTo(handle.db, upTo);
}

export const testDatabases: TestDatabase[] = [
  {
    name: "SQLite",
    async open(options = {}) {
      const handle = await connectDatabase({ dialect: "sqlite", file: ":memory:" });
      await migrate(handle, options.upTo);
      return handle;
    },
  },
];

const pgUrl = process.env.TEST_POSTGRES_URL;
if (pgUrl) {
  testDatabases.push({
    name: "PostgreSQL",
    async open(options = {}) {
      const schema = `t_${crypto.randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const handle = await connectDatabase({ dialect: "postgres", url: pgUrl }, { searchPath: schema, poolSize: 4 });
      await migrate(handle, options.upTo);
      return {
        ...handle,
        async close() {
          await handle.close();
          const cleanup = new pg.Client({ connectionString: pgUrl });
          await cleanup.connect();
          await cleanup.query(`drop schema ${schema} cascade`);
          await cleanup.end();
        },
      };
    },
  });
}

/** Declares `body` once per test database; `get()` returns the open handle inside tests. */
export function describeEachDatabase(title: string, body: (get: () => Db, name: TestDatabase["name"]) => void): void {
  for (const target of testDatabases) {
    describe(`${title} [${target.name}]`, () => {
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
