import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m0001 from "./migrations/0001-news.ts";
import * as m0002 from "./migrations/0002-newsroom.ts";
import type { Database } from "./schema.ts";

// Listed explicitly (not read from the folder) so the order is reviewed and bundlers see every file.
const migrations: Record<string, Migration> = {
  "0001-news": m0001,
  "0002-newsroom": m0002,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
