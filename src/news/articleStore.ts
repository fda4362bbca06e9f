// The articles table as the newsroom writes it: rows, versions, the schedule, the manşet and the
// breaking flag, page views, and the newsroom's list. Reads take the Kysely instance, writes a
// transaction. (Reader cards are cardStore.ts; search's reads are searchFeed.ts.)
import type { Kysely, Transaction } from "kysely";
import type { Article, ArticleStatus, ArticleUpdate, Database, NewArticle } from "../db/schema.ts";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Returns the new article's id. */
export async function insertArticle(trx: Trx, row: NewArticle): Promise<number> {
  const { id } = await trx.insertInto("articles").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** How many articles there are, in any status. */
export async function countArticles(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Adds buffered page views; one statement per article. */
export async function addViews(trx: Trx, counts: Map<number, number>): Promise<void> {
  for (const [id, n] of counts) {
    await trx
      .updateTable("articles")
      .set((eb) => ({ viewCount: eb("viewCount", "+", n) }))
      .where("id", "=", id)
      .execute();
  }
}

export async function findArticleRow(db: Db, id: number): Promise<Article | undefined> {
  return db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The article created by the new-article form that carried `draftKey` (migration 0014), if any. */
export async function findArticleByDraftKey(db: Db, draftKey: string): Promise<Article | undefined> {
  return db.selectFrom("articles").selectAll().where("draftKey", "=", draftKey).executeTakeFirst();
}

/** Updates only when the stored version is `expectedVersion`; bumps the version. Undefined means a stale save. */
export async function updateArticleRow(trx: Trx, id: number, expectedVersion: number, patch: ArticleUpdate): Promise<Article | undefined> {
  return trx
    .updateTable("articles")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Publishes one due scheduled article if no other process got there first. */
export async function claimScheduled(trx: Trx, id: number, now: Date): Promise<Article | undefined> {
  return trx
    .updateTable("articles")
    .set((eb) => ({
      status: "published",
      publishedAt: eb.ref("scheduledAt"),
      scheduledAt: null,
      updatedAt: now.toISOString(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .where("scheduledAt", "<=", now.toISOString())
    .returningAll()
    .executeTakeFirst();
}

/** Ids of scheduled articles whose time (`scheduledAt`) is at or before `now`, earliest first. */
export async function listDueScheduled(db: Db, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("articles")
    .select("id")
    .where("status", "=", "scheduled")
    .where("scheduledAt", "<=", now.toISOString())
    .orderBy("scheduledAt")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteArticleRow(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom("articles").where("id", "=", id).execute();
}

/** How the newsroom list can be ordered: last change (newest or oldest first) or publication time. */
export type NewsroomListOrder = "changed-desc" | "changed-asc" | "published-desc";

export interface NewsroomListFilter {
  status?: ArticleStatus;
  ownerId?: number;
  categoryId?: number;
  /** Articles whose byline names this author (article_authors). */
  authorId?: number;
  /** Last changed at or after / before these instants. */
  changedFrom?: Date;
  changedBefore?: Date;
  /** Only these ids (an empty list matches nothing). */
  ids?: readonly number[];
  /** "changed-desc" when not given. */
  order?: NewsroomListOrder;
  /** 100 when not given. */
  limit?: number;
  offset?: number;
}

function newsroomFiltered(db: Db, filter: NewsroomListFilter) {
  let q = db.selectFrom("articles as a");
  if (filter.status) q = q.where("a.status", "=", filter.status);
  if (filter.ownerId !== undefined) q = q.where("a.ownerId", "=", filter.ownerId);
  if (filter.categoryId !== undefined) q = q.where("a.categoryId", "=", filter.categoryId);
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    q = q.where("a.id", "in", (eb) => eb.selectFrom("articleAuthors as fa").select("fa.articleId").where("fa.authorId", "=", authorId));
  }
  if (filter.changedFrom) q = q.where("a.updatedAt", ">=", filter.changedFrom.toISOString());
  if (filter.changedBefore) q = q.where("a.updatedAt", "<", filter.changedBefore.toISOString());
  if (filter.ids) q = q.where("a.id", "in", filter.ids.length > 0 ? [...filter.ids] : [0]);
  return q;
}

/**
 * One page of the newsroom's article list (`limit`, `offset`), ordered by `order`, with category
 * and owner names. Never-published articles come last when ordered by publication time.
 */
export async function listForNewsroom(db: Db, filter: NewsroomListFilter) {
  let q = newsroomFiltered(db, filter)
    .innerJoin("categories as c", "c.id", "a.categoryId")
    .leftJoin("users as u", "u.id", "a.ownerId")
    .select([
      "a.id",
      "a.title",
      "a.slug",
      "a.status",
      "a.version",
      "a.updatedAt",
      "a.publishedAt",
      "a.scheduledAt",
      "a.ownerId",
      "a.headlineSlot",
      "a.isBreaking",
      "c.name as categoryName",
      "c.slug as categorySlug",
      "u.name as ownerName",
    ]);
  const order = filter.order ?? "changed-desc";
  if (order === "published-desc") {
    q = q.orderBy((eb) => eb.case().when("a.publishedAt", "is", null).then(1).else(0).end()).orderBy("a.publishedAt", "desc");
  }
  const direction = order === "changed-asc" ? "asc" : "desc";
  return q
    .orderBy("a.updatedAt", direction)
    .orderBy("a.id", direction)
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
}

/** How many articles the newsroom list has under `filter` (its limit, offset and order aside). */
export async function countForNewsroom(db: Db, filter: NewsroomListFilter): Promise<number> {
  const { n } = await newsroomFiltered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The manşet's article ids, slot 1 first. One indexed read (articles_headline_slot). */
export async function listHeadlineIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("articles").select("id").where("headlineSlot", "is not", null).orderBy("headlineSlot").execute();
  return rows.map((r) => r.id);
}

/**
 * The articles whose son dakika flag is on at `now` (no end time, or one after `now`), as the
 * newsroom lists them: id, title, status and end time (ISO 8601 UTC or null), the newest
 * publication first, at most `limit`.
 */
export async function listCurrentBreaking(db: Db, now: Date, limit: number) {
  return db
    .selectFrom("articles")
    .select(["id", "title", "status", "breakingUntil", "publishedAt"])
    .where("isBreaking", "=", 1)
    .where((eb) => eb.or([eb("breakingUntil", "is", null), eb("breakingUntil", ">", now.toISOString())]))
    .orderBy("publishedAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Takes every article out of the manşet. */
export async function clearHeadlineSlots(trx: Trx): Promise<void> {
  await trx.updateTable("articles").set({ headlineSlot: null }).where("headlineSlot", "is not", null).execute();
}

export async function setHeadlineSlot(trx: Trx, id: number, slot: number): Promise<void> {
  await trx.updateTable("articles").set({ headlineSlot: slot }).where("id", "=", id).execute();
}

/** Ids of articles whose son dakika flag has run out (`breakingUntil` at or before `now`). */
export async function listExpiredBreaking(db: Db, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("articles")
    .select("id")
    .where("isBreaking", "=", 1)
    .where("breakingUntil", "<=", now.toISOString())
    .orderBy("breakingUntil")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Turns off one run-out son dakika flag unless another process (or an editor) got there first. */
export async function clearExpiredBreaking(trx: Trx, id: number, now: Date): Promise<Article | undefined> {
  return trx
    .updateTable("articles")
    .set({ isBreaking: 0, breakingUntil: null })
    .where("id", "=", id)
    .where("isBreaking", "=", 1)
    .where("breakingUntil", "<=", now.toISOString())
    .returningAll()
    .executeTakeFirst();
}

/** Sets or clears the breaking flag (clearing drops `until`); undefined when there is no such article. Does not bump the version. */
export async function setBreaking(trx: Trx, id: number, isBreaking: boolean, until: string | null): Promise<Article | undefined> {
  return trx
    .updateTable("articles")
    .set({ isBreaking: isBreaking ? 1 : 0, breakingUntil: isBreaking ? until : null })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}
