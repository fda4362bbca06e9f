// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter, sql } from "kysely";

// Sign-in throttles keyed by a SHA-256 (64 hex characters) of "account\n<e-mail>" or
// "ip\n<address>" instead of the raw text: a 6,000-character X-Forwarded-For overflowed
// PostgreSQL's B-tree entry limit (about 2,700 bytes) on the old text key, so the failure's
// transaction rolled back and nothing was counted. The old rows are transient counters
// (15 minutes) and are dropped with the table.
//
// Also: a disabled user's API tokens are revoked when the user is disabled (src/newsroom/users.ts),
// so re-enabling the user does not bring them back. Tokens of users disabled before this
// migration are revoked here, at the time the user was disabled.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? "timestamptz" : "text";

  await db.schema.dropTable("sign_in_throttles").execute();
  await db.schema
    .createTable("sign_in_throttles")
    .addColumn("key_hash", "text", (c) => c.primaryKey().check(sql`length(key_hash) = 64`))
    .addColumn("failures", "integer", (c) => c.notNull().check(sql`failures >= 0`))
    .addColumn("window_start", ts, (c) => c.notNull())
    .addColumn("locked_until", ts)
    .execute();
  await db.schema.createIndex("sign_in_throttles_window").on("sign_in_throttles").column("window_start").execute();

  await sql`
    update api_tokens
    set revoked_at = (select u.disabled_at from users u where u.id = api_tokens.user_id)
    where revoked_at is null
      and user_id in (select id from users where disabled_at is not null)
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
