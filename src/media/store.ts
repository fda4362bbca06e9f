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
