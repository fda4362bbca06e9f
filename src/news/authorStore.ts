// Authors (public profiles) and article_authors: the only code touching those tables.
// Reads take the Kysely instance, writes a transaction.
import type { Kysely, Transaction } from "kysely";
import type { Author, Database } from "../db/schema.ts";
import { slugify } from "../lib/slug.ts";
import { type Picture, toPicture } from "../media/pictureUrls.ts";
import { parseLinks } from "./authorProfile.ts";
import { authorPath } from "./slug.ts";
import type { AuthorRef } from "./types.ts";

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

/** A profile as the newsroom edits it and the author page shows it: the row with its links parsed. */
export interface AuthorProfile {
  id: number;
  slug: string;
  name: string;
  userId: number | null;
  title: string;
  bio: string;
  imageId: number | null;
  links: string[];
}

function toProfile(row: Author): AuthorProfile {
  return { id: row.id, slug: row.slug, name: row.name, userId: row.userId, title: row.title, bio: row.bio, imageId: row.imageId, links: parseLinks(row.links) };
}

export function toAuthorRef(row: { id: number; slug: string; name: string }): AuthorRef {
  return { id: row.id, slug: row.slug, name: row.name, url: authorPath(row.slug) };
}

export async function findAuthorById(db: Db, id: number): Promise<AuthorProfile | undefined> {
  const row = await db.selectFrom("authors").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toProfile(row);
}

export async function findAuthorBySlug(db: Db, slug: string): Promise<AuthorProfile | undefined> {
  const row = await db.selectFrom("authors").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row && toProfile(row);
}

export async function findAuthorOfUser(db: Db, userId: number): Promise<AuthorProfile | undefined> {
  const row = await db.selectFrom("authors").selectAll().where("userId", "=", userId).executeTakeFirst();
  return row && toProfile(row);
}

/** Every author, by name (Turkish collation): the editor's choice of authors. */
export async function listAuthors(db: Db): Promise<AuthorRef[]> {
  const rows = await db.selectFrom("authors").select(["id", "slug", "name"]).execute();
  const collator = new Intl.Collator("tr");
  return rows.map(toAuthorRef).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

/** The authors with these ids, in the order of `ids`; ids of authors no longer there are missing. */
export async function findAuthorsByIds(db: Db, ids: readonly number[]): Promise<AuthorRef[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("authors")
    .select(["id", "slug", "name"])
    .where("id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toAuthorRef(r)] as const));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The authors with these slugs, in the order of `slugs`; unknown slugs are missing. */
export async function findAuthorsBySlugs(db: Db, slugs: readonly string[]): Promise<AuthorRef[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .selectFrom("authors")
    .select(["id", "slug", "name"])
    .where("slug", "in", [...slugs])
    .execute();
  const bySlug = new Map(rows.map((r) => [r.slug, toAuthorRef(r)] as const));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

/** The authors of each article, in byline order; articles without authors are missing from the map. */
export async function authorsOfArticles(db: Db, ids: readonly number[]): Promise<Map<number, AuthorRef[]>> {
  const out = new Map<number, AuthorRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("articleAuthors as aa")
    .innerJoin("authors as au", "au.id", "aa.authorId")
    .select(["aa.articleId", "au.id", "au.slug", "au.name"])
    .where("aa.articleId", "in", [...ids])
    .orderBy("aa.articleId")
    .orderBy("aa.position")
    .execute();
  for (const row of rows) {
    const list = out.get(row.articleId) ?? [];
    list.push(toAuthorRef(row));
    out.set(row.articleId, list);
  }
  return out;
}

/** Replaces the article's authors with `authorIds`, in byline order. */
export async function setArticleAuthors(trx: Trx, articleId: number, authorIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("articleAuthors").where("articleId", "=", articleId).execute();
  if (authorIds.length === 0) return;
  await trx
    .insertInto("articleAuthors")
    .values(authorIds.map((authorId, position) => ({ articleId, authorId, position })))
    .execute();
}

/**
 * A slug for `name` that no author has yet: the slug rule's, then `-2`, `-3`, ... Empty when the
 * name gives no slug (no Latin letter or digit).
 */
export async function freeAuthorSlug(db: Db, name: string, exceptId: number | null = null): Promise<string> {
  const base = slugify(name);
  if (base === "") return "";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await db.selectFrom("authors").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!taken || taken.id === exceptId) return slug;
  }
}

/** Inserts an author (a profile); returns its id. */
export async function insertAuthor(
  trx: Trx,
  row: { slug: string; name: string; userId?: number | null; title?: string; bio?: string; imageId?: number | null; links?: string[] },
): Promise<number> {
  const { links, ...rest } = row;
  const { id } = await trx
    .insertInto("authors")
    .values({ ...rest, ...(links ? { links: JSON.stringify(links) } : {}) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.deleteFrom("authorRedirects").where("oldSlug", "=", row.slug).execute();
  return id;
}

/** Writes a profile's public fields. */
export async function updateAuthorRow(
  trx: Trx,
  id: number,
  row: { slug: string; name: string; title: string; bio: string; imageId: number | null; links: string[] },
): Promise<void> {
  const before = await trx.selectFrom("authors").select("slug").where("id", "=", id).executeTakeFirst();
  await trx
    .updateTable("authors")
    .set({ ...row, links: JSON.stringify(row.links) })
    .where("id", "=", id)
    .execute();
  // The address now in use is nobody's redirect; the one given up points here.
  await trx.deleteFrom("authorRedirects").where("oldSlug", "=", row.slug).execute();
  if (before && before.slug !== row.slug) {
    await trx
      .insertInto("authorRedirects")
      .values({ oldSlug: before.slug, authorId: id })
      .onConflict((oc) => oc.column("oldSlug").doUpdateSet({ authorId: id }))
      .execute();
  }
}

/** The current address of the author who used to be at `oldSlug`, or undefined. */
export async function findAuthorRedirect(db: Db, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("authorRedirects as r")
    .innerJoin("authors as a", "a.id", "r.authorId")
    .select("a.slug")
    .where("r.oldSlug", "=", oldSlug)
    .executeTakeFirst();
  return row?.slug;
}

/**
 * The profile of newsroom user `user`, created from their name when they have none (slug made
 * free with a suffix). Returns its id.
 */
export async function ensureAuthorForUser(trx: Trx, user: { id: number; name: string }): Promise<number> {
  const found = await findAuthorOfUser(trx, user.id);
  if (found) return found.id;
  const slug = (await freeAuthorSlug(trx, user.name)) || (await freeAuthorSlug(trx, `yazar-${user.id}`));
  return insertAuthor(trx, { slug, name: user.name, userId: user.id });
}

/**
 * Authors with at least one published article, for the author sitemap: slug, name and the latest
 * publication time of their articles (ISO 8601 UTC), by slug. One statement.
 */
export async function listPublishingAuthors(db: Db): Promise<Array<{ id: number; slug: string; name: string; lastPublishedAt: string }>> {
  const rows = await db
    .selectFrom("authors as au")
    .innerJoin("articleAuthors as aa", "aa.authorId", "au.id")
    .innerJoin("articles as a", "a.id", "aa.articleId")
    .select((eb) => ["au.id", "au.slug", "au.name", eb.fn.max("a.publishedAt").as("lastPublishedAt")])
    .where("a.status", "=", "published")
    .where("a.publishedAt", "is not", null)
    .groupBy(["au.id", "au.slug", "au.name"])
    .orderBy("au.slug")
    .execute();
  return rows.flatMap((r) => (r.lastPublishedAt ? [{ id: r.id, slug: r.slug, name: r.name, lastPublishedAt: r.lastPublishedAt }] : []));
}

/** A profile as the author page shows it: the photo as a picture (alt text: the author's name). */
export interface AuthorPageProfile {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
  links: string[];
  picture: Picture | null;
}

/**
 * The author with this slug, their photo, and how many published articles name them, in one
 * statement; undefined when no author has the slug.
 */
export async function findAuthorWithCount(db: Db, slug: string): Promise<{ author: AuthorPageProfile; total: number } | undefined> {
  const row = await db
    .selectFrom("authors as au")
    .leftJoin("images as i", "i.id", "au.imageId")
    .select(["au.id", "au.slug", "au.name", "au.title", "au.bio", "au.links", "i.storageKey", "i.width", "i.height", "i.variantWidths", "i.hasFallback"])
    .select((eb) =>
      eb
        .selectFrom("articleAuthors as ca")
        .innerJoin("articles as a", "a.id", "ca.articleId")
        .select((c) => c.fn.countAll<number | string>().as("n"))
        .whereRef("ca.authorId", "=", "au.id")
        .where("a.status", "=", "published")
        .where("a.publishedAt", "is not", null)
        .as("total"),
    )
    .where("au.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const picture =
    row.storageKey && row.width && row.height && row.variantWidths
      ? toPicture({ storageKey: row.storageKey, width: row.width, height: row.height, variantWidths: row.variantWidths, hasFallback: row.hasFallback }, row.name, 480)
      : null;
  return {
    author: { id: row.id, slug: row.slug, name: row.name, title: row.title, bio: row.bio, links: parseLinks(row.links), picture },
    total: Number(row.total ?? 0),
  };
}
