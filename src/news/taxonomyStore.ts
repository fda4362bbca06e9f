// Categories, sources and tags: the only code touching those tables (and article_tags). Authors: authorStore.ts.
// Reads take the Kysely instance, writes a transaction.
import { type Kysely, type Transaction, sql } from "kysely";
import type { Category, Database, Source, Tag } from "../db/schema.ts";
import { slugify } from "../lib/slug.ts";
import type { TagRef } from "./types.ts";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Every category, in menu order (position, then id). */
export async function listCategories(db: Db): Promise<Category[]> {
  return db.selectFrom("categories").selectAll().orderBy("position").orderBy("id").execute();
}

/** Both lists the editor form and the API offer, in one call. */
export async function listCategoriesAndSources(db: Db): Promise<{ categories: Category[]; sources: Source[] }> {
  const [categories, sources] = await Promise.all([listCategories(db), listSources(db)]);
  return { categories, sources };
}

export async function findCategoryBySlug(db: Db, slug: string): Promise<Category | undefined> {
  return db.selectFrom("categories").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db.selectFrom("tags").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** Every source, in id order. */
export async function listSources(db: Db): Promise<Source[]> {
  return db.selectFrom("sources").selectAll().orderBy("id").execute();
}

export async function insertCategory(trx: Trx, row: Omit<Category, "id">): Promise<Category> {
  return trx.insertInto("categories").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSource(trx: Trx, row: Omit<Source, "id">): Promise<Source> {
  return trx.insertInto("sources").values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Adds the default categories and sources a new site starts with, skipping any whose slug exists (or is being
 * added by another instance starting at the same moment: PostgreSQL waits for it, then skips).
 */
export async function insertDefaultTaxonomy(trx: Trx, rows: { categories: Array<Omit<Category, "id">>; sources: Array<Omit<Source, "id">> }): Promise<void> {
  if (rows.categories.length > 0)
    await trx
      .insertInto("categories")
      .values(rows.categories)
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
  if (rows.sources.length > 0)
    await trx
      .insertInto("sources")
      .values(rows.sources)
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
}

/** Returns the tag with this slug, creating it with `name` when missing. */
export async function ensureTag(trx: Trx, slug: string, name: string): Promise<Tag> {
  const found = await trx.selectFrom("tags").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (found) return found;
  return trx.insertInto("tags").values({ slug, name }).returningAll().executeTakeFirstOrThrow();
}

/** Replaces the article's tags with `tagIds`, keeping their order. */
export async function setArticleTags(trx: Trx, articleId: number, tagIds: number[]): Promise<void> {
  await trx.deleteFrom("articleTags").where("articleId", "=", articleId).execute();
  if (tagIds.length === 0) return;
  await trx
    .insertInto("articleTags")
    .values(tagIds.map((tagId, position) => ({ articleId, tagId, position })))
    .execute();
}

/** Replaces the article's tags with the tags named `names` (slugs by the slug rule), creating missing ones. */
export async function setArticleTagNames(trx: Trx, articleId: number, names: string[]): Promise<void> {
  const ids: number[] = [];
  for (const name of names) ids.push((await ensureTag(trx, slugify(name), name)).id);
  await setArticleTags(trx, articleId, ids);
}

/** The tags of each article, in their order; articles without tags are missing from the map. */
export async function tagsOfArticles(db: Db, ids: number[]): Promise<Map<number, TagRef[]>> {
  const out = new Map<number, TagRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("articleTags as at")
    .innerJoin("tags as t", "t.id", "at.tagId")
    .select(["at.articleId", "t.id", "t.slug", "t.name"])
    .where("at.articleId", "in", ids)
    .orderBy("at.articleId")
    .orderBy("at.position")
    .execute();
  for (const row of rows) {
    const list = out.get(row.articleId) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name });
    out.set(row.articleId, list);
  }
  return out;
}

/** The tags with these ids (any order; unknown ids are left out). One statement. */
export async function findTagsByIds(db: Db, ids: readonly number[]): Promise<Tag[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("tags").selectAll().where("id", "in", ids).execute();
}

export async function tagNamesOf(db: Db, articleId: number): Promise<string[]> {
  return (await tagsOfArticles(db, [articleId])).get(articleId)?.map((t) => t.name) ?? [];
}

/**
 * Tags whose slug starts with `prefix`, in slug order. With `visibleTo`, only tags used on a
 * published article or on one owned by `visibleTo.ownerId`.
 */
export async function findTagsByPrefix(db: Db, prefix: string, limit: number, visibleTo: { ownerId: number } | null): Promise<Tag[]> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  let q = db
    .selectFrom("tags")
    .selectAll()
    .where(sql<boolean>`slug like ${`${escaped}%`} escape '\\'`);
  if (visibleTo) {
    const { ownerId } = visibleTo;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("articleTags as vt")
          .innerJoin("articles as va", "va.id", "vt.articleId")
          .select("vt.articleId")
          .whereRef("vt.tagId", "=", "tags.id")
          .where((w) => w.or([w("va.status", "=", "published"), w("va.ownerId", "=", ownerId)])),
      ),
    );
  }
  return q.orderBy("slug").limit(limit).execute();
}
