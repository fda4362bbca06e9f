// Landed migrations are never edited: add a new file instead.
import { type Kysely, PostgresAdapter } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? "timestamptz" : "text";
  await db.schema
    .createTable("weather_reports")
    .addColumn("plate", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("observed_at", ts, (c) => c.notNull())
    .addColumn("fetched_at", ts, (c) => c.notNull())
    .addColumn("temperature", pg ? "double precision" : "real")
    .addColumn("humidity", pg ? "double precision" : "real")
    .addColumn("wind_speed", pg ? "double precision" : "real")
    .addColumn("is_day", "integer")
    .addColumn("condition", "text", (c) => c.notNull())
    /** JSON: [{date, min, max, condition, precipitationChance}] */
    .addColumn("forecast", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
