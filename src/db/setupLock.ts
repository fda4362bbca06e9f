// One-time setup (the demo content) run by every instance as it starts:
// instances starting together against one PostgreSQL database take turns, so the second finds the first's rows
// instead of inserting them again and dying on a unique index. SQLite has one writer at a time already.
import { PostgresAdapter, type Transaction, sql } from "kysely";
import type { Database } from "./schema.ts";

/** Advisory lock keys (PostgreSQL's bigint key space; arbitrary, fixed, distinct from the test harness's). */
const SETUP_LOCKS = { demo: 72_450_402 } as const;

/** Keys of writes that read, check and rewrite a set of rows as one (a manşet order and its stamp). */
const WRITE_LOCKS = { headlines: 72_450_403 } as const;

/**
 * Waits until no other instance runs setup step `step`, and holds it until `trx` ends (PostgreSQL's
 * pg_advisory_xact_lock; nothing on SQLite). Check for existing rows after this, inside `trx`.
 */
export async function lockSetupStep(trx: Transaction<Database>, step: keyof typeof SETUP_LOCKS): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${SETUP_LOCKS[step]})`.execute(trx);
}

/**
 * Waits until no other transaction rewrites `what`, and holds it until `trx` ends (PostgreSQL's
 * pg_advisory_xact_lock; nothing on SQLite, whose writes already take turns). Read the rows to
 * check after this, inside `trx`.
 */
export async function lockWrites(trx: Transaction<Database>, what: keyof typeof WRITE_LOCKS): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${WRITE_LOCKS[what]})`.execute(trx);
}
