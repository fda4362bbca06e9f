import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from "kysely";
import * as m0001 from "./migrations/0001-news.ts";
import * as m0002 from "./migrations/0002-newsroom.ts";
import * as m0003 from "./migrations/0003-weather.ts";
import * as m0004 from "./migrations/0004-search.ts";
import * as m0005 from "./migrations/0005-search-terms.ts";
import * as m0006 from "./migrations/0006-search-strip.ts";
import * as m0007 from "./migrations/0007-nfc-text.ts";
import * as m0008 from "./migrations/0008-sign-in-throttles.ts";
import * as m0009 from "./migrations/0009-breaking-index.ts";
import * as m0010 from "./migrations/0010-author-profiles.ts";
import * as m0011 from "./migrations/0011-share-crops-and-settings.ts";
import * as m0012 from "./migrations/0012-sitemap-index.ts";
import * as m0013 from "./migrations/0013-author-redirects.ts";
import * as m0014 from "./migrations/0014-draft-keys-and-article-events.ts";
import * as m0015 from "./migrations/0015-image-search.ts";
import * as m0017 from "./migrations/0017-view-marks.ts";
import type { Database } from "./schema.ts";

// Listed explicitly (not read from the folder) so the order is reviewed and bundlers see every file.
const migrations: Record<string, Migration> = {
  "0001-news": m0001,
  "0002-newsroom": m0002,
  "0003-weather": m0003,
  "0004-search": m0004,
  "0005-search-terms": m0005,
  "0006-search-strip": m0006,
  "0007-nfc-text": m0007,
  "0008-sign-in-throttles": m0008,
  "0009-breaking-index": m0009,
  "0010-author-profiles": m0010,
  "0011-share-crops-and-settings": m0011,
  "0012-sitemap-index": m0012,
  "0013-author-redirects": m0013,
  "0014-draft-keys-and-article-events": m0014,
  "0015-image-search": m0015,
  "0017-view-marks": m0017,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return migrate(db, null);
}

/** Applies pending migrations up to and including `name` (tests of a data migration start before it). */
export async function migrateUpTo(db: Kysely<Database>, name: string): Promise<string[]> {
  return migrate(db, name);
}

async function migrate(db: Kysely<Database>, target: string | null): Promise<string[]> {
  // On PostgreSQL, keep Kysely's bookkeeping tables in the connection's own schema: its
  // existence check looks at every schema and would be fooled by another schema's tables.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = target === null ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) throw error instanceof Error ? error : new Error("Migration failed", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
