// The only code that writes the images table (the news feature reads it in its joins).
import type { Kysely, Transaction } from "kysely";
import type { Database, Image, NewImage } from "../db/schema.ts";
import { librarySearchText } from "./librarySearch.ts";

/** Stores a picture's row, with its search text made from its caption, credit and alt (librarySearchText). */
export async function insertImage(trx: Transaction<Database>, row: NewImage): Promise<number> {
  const { id } = await trx
    .insertInto("images")
    .values({ ...row, searchText: librarySearchText(row) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A library search: folded words (all must occur), uploader, an upload time range [from, to) as ISO instants. */
export interface ImageSearch {
  words: readonly string[];
  uploaderId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** A library picture with its uploader's name (null when unknown or the account is gone). */
export type ImageWithUploader = Image & { uploaderName: string | null };

/**
 * The pictures matching `search`, newest first (upload time, then id), `limit` rows from `offset`. Each
 * word is a substring of the stored search text (folded: media/librarySearch.ts); the rows are read in
 * the `images_created` (or `images_uploader_created`) index order, so a page stops reading once full.
 */
export async function searchImages(db: Kysely<Database>, search: ImageSearch): Promise<ImageWithUploader[]> {
  let query = db.selectFrom("images").leftJoin("users", "users.id", "images.uploadedBy").selectAll("images").select("users.name as uploaderName");
  for (const word of search.words) query = query.where("images.searchText", "like", `%${word}%`);
  if (search.uploaderId !== undefined) query = query.where("images.uploadedBy", "=", search.uploaderId);
  if (search.from !== undefined) query = query.where("images.createdAt", ">=", search.from);
  if (search.to !== undefined) query = query.where("images.createdAt", "<", search.to);
  return query.orderBy("images.createdAt", "desc").orderBy("images.id", "desc").limit(search.limit).offset(search.offset).execute();
}

/** The newsroom users who uploaded at least one picture, by name: the picker's uploader choices. */
export async function listUploaders(db: Kysely<Database>): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom("users")
    .select(["users.id", "users.name"])
    .where((eb) => eb.exists(eb.selectFrom("images").select("images.id").whereRef("images.uploadedBy", "=", "users.id")))
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
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
