// The only code that writes the images table (the news feature reads it in its joins).
import type { Kysely, Transaction } from "kysely";
import type { Database, Image, NewImage } from "../db/schema.ts";

export async function insertImage(trx: Transaction<Database>, row: NewImage): Promise<number> {
  const { id } = await trx.insertInto("images").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function findImage(db: Kysely<Database>, id: number): Promise<Image | undefined> {
  return db.selectFrom("images").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listImages(db: Kysely<Database>, limit: number, offset: number): Promise<Image[]> {
  return db.selectFrom("images").selectAll().orderBy("createdAt", "desc").orderBy("id", "desc").limit(limit).offset(offset).execute();
}

/** Which of `keys` belong to an images row (asked in batches, so any number of keys may be passed). */
export async function findStoredKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom("images")
      .select("storageKey")
      .where("storageKey", "in", keys.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.storageKey);
  }
  return found;
}

export async function hasAnyImage(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("images").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** Up to `limit` images whose share crops were never made, with ids above `afterId`, in id order. */
export async function listImagesWithoutShareCrops(db: Kysely<Database>, afterId: number, limit: number): Promise<Image[]> {
  return db.selectFrom("images").selectAll().where("hasShareCrops", "=", 0).where("id", ">", afterId).orderBy("id").limit(limit).execute();
}

export async function countImagesWithoutShareCrops(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom("images")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("hasShareCrops", "=", 0)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function markShareCropsMade(trx: Transaction<Database>, id: number): Promise<void> {
  await trx.updateTable("images").set({ hasShareCrops: 1 }).where("id", "=", id).execute();
}
