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
