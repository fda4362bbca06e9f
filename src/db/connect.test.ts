import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "kysely";
import { allTestDatabases, describeFor } from "../../test/databases.ts";
import { ServiceUnavailableError } from "../errors.ts";
import { type Db, connectDatabase } from "./connect.ts";

const postgres = allTestDatabases.find((d) => d.name === "PostgreSQL");
if (!postgres) throw new Error("no PostgreSQL entry in test/databases.ts");

describeFor(postgres)("PostgreSQL connection pool under a burst", () => {
  let handle: Db;
  beforeAll(async () => {
    handle = await connectDatabase({ dialect: "postgres", url: process.env.TEST_POSTGRES_URL ?? "" }, { poolSize: 1, connectionTimeoutMs: 200 });
  });
  afterAll(async () => handle.close());

  it("survives the server ending its connections, mid-query or between queries: the process stays up and queries run again", async () => {
    const admin = await connectDatabase({ dialect: "postgres", url: process.env.TEST_POSTGRES_URL ?? "" }, { poolSize: 1 });
    try {
      const running = sql`select pg_sleep(5), 'haberci-terminate-test' as marker`.execute(handle.db).then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where query like '%haberci-terminate-test%' and pid <> pg_backend_pid()`.execute(admin.db);
      expect(await running).toBeInstanceOf(Error);
      // The query right after may still meet the dying connection; within a few tries a fresh one answers.
      const retry = async (): Promise<unknown> => {
        for (let i = 0; i < 5; i++) {
          try {
            return (await sql<{ n: number }>`select 2 as n`.execute(handle.db)).rows;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        return null;
      };
      expect(await retry()).toEqual([{ n: 2 }]);
      // Ended while checked out between two queries of a transaction: 'error' on the client, no crash.
      const inTransaction = handle.db.transaction().execute(async (trx) => {
        await sql`select 'haberci-idle-test'`.execute(trx);
        await sql`select pg_terminate_backend(pid) from pg_stat_activity where query like '%haberci-idle-test%' and pid <> pg_backend_pid()`.execute(admin.db);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 3`.execute(trx);
      });
      await expect(inTransaction).rejects.toThrow();
      expect(await retry()).toEqual([{ n: 2 }]);
    } finally {
      await admin.close();
    }
  });

  it("refuses a query that waits too long for a connection as an overload (503 with Retry-After), not a fault", async () => {
    const busy = sql`select pg_sleep(1)`.execute(handle.db);
    const waiting = await sql`select 1`.execute(handle.db).then(
      () => null,
      (error: unknown) => error,
    );
    expect(waiting).toBeInstanceOf(ServiceUnavailableError);
    expect((waiting as ServiceUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    await busy;
    // Once the burst is over, queries run again.
    expect((await sql<{ n: number }>`select 1 as n`.execute(handle.db)).rows).toEqual([{ n: 1 }]);
  });
});
