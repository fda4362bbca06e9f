// The only code touching `site_settings`.
import type { Kysely, Transaction } from "kysely";
import type { Database, SiteSetting } from "../db/schema.ts";
import type { SectionName } from "./sections.ts";

/** Every saved section (sections never saved have no row). */
export async function listSettingRows(db: Kysely<Database>): Promise<SiteSetting[]> {
  return db.selectFrom("siteSettings").selectAll().execute();
}

export async function findSettingRow(db: Kysely<Database>, section: SectionName): Promise<SiteSetting | undefined> {
  return db.selectFrom("siteSettings").selectAll().where("section", "=", section).executeTakeFirst();
}

/**
 * Writes a section's JSON if its stored version is still `basedOn` (0: never saved). Returns the new version, or
 * null when another save came first (the caller refuses the stale save).
 */
export async function writeSection(
  trx: Transaction<Database>,
  row: { section: SectionName; value: string; basedOn: number; at: string; by: number | null },
): Promise<number | null> {
  const version = row.basedOn + 1;
  if (row.basedOn === 0) {
    const inserted = await trx
      .insertInto("siteSettings")
      .values({ section: row.section, value: row.value, version, updatedAt: row.at, updatedBy: row.by })
      .onConflict((oc) => oc.column("section").doNothing())
      .returning("version")
      .executeTakeFirst();
    return inserted ? version : null;
  }
  const updated = await trx
    .updateTable("siteSettings")
    .set({ value: row.value, version, updatedAt: row.at, updatedBy: row.by })
    .where("section", "=", row.section)
    .where("version", "=", row.basedOn)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n ? version : null;
}
