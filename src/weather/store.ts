// The only code that touches weather_reports.
import type { Kysely, Transaction } from "kysely";
import type { Database, WeatherReportRow } from "../db/schema.ts";
import type { ProviderName, WeatherReport } from "./types.ts";

export async function saveReports(trx: Transaction<Database>, provider: ProviderName, reports: WeatherReport[], fetchedAt: Date): Promise<void> {
  for (const r of reports) {
    const row = {
      plate: r.plate,
      provider,
      observedAt: r.observedAt,
      fetchedAt: fetchedAt.toISOString(),
      temperature: r.temperature,
      humidity: r.humidity,
      windSpeed: r.windSpeed,
      isDay: r.isDay === null ? null : r.isDay ? 1 : 0,
      condition: r.condition,
      forecast: JSON.stringify(r.forecast),
    };
    await trx
      .insertInto("weatherReports")
      .values(row)
      .onConflict((oc) => oc.column("plate").doUpdateSet({ ...row }))
      .execute();
  }
}

export async function findReport(db: Kysely<Database>, plate: string): Promise<WeatherReportRow | undefined> {
  return db.selectFrom("weatherReports").selectAll().where("plate", "=", plate).executeTakeFirst();
}

export async function listReports(db: Kysely<Database>): Promise<WeatherReportRow[]> {
  return db.selectFrom("weatherReports").selectAll().execute();
}
