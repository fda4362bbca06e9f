// The only code that touches the news tables. Reads take the Kysely instance,
// writes take a transaction so a write outside one does not compile.
import { type Kysely, type Transaction, sql } from "kysely";
import type { Insertable } from "kysely";
import type {
  Article,
  ArticleRevision,
  ArticleRevisionTable,
  ArticleStatus,
  ArticleUpdate,
  Category,
  Database,
  NewArticle,
  Source,
  Tag,
} from "../db/schema.ts";

type NewArticleRevision = Insertable<ArticleRevisionTable>;
import { toPicture } from "./pictures.ts";
import { articlePath } from "./slug.ts";
import type { ArticleCard, ArticleFull, TagRef } from "./types.ts";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

function cardQuery(db: Db) {
  return db
    .selectFrom("articles as a")
    .innerJoin("categories as c", "c.id", "a.categoryId")
    .leftJoin("images as i", "i.id", "a.imageId")
    .select([
      "a.id",
      "a.slug",
      "a.title",
      "a.spot",
      "a.publishedAt",
      "a.isBreaking",
      "a.breakingUntil",
      "a.imageAlt",
      "a.updatedAt",
      "c.slug as categorySlug",
      "c.name as categoryName",
      "i.storageKey",
      "i.width as imageWidth",
      "i.height as imageHeight",
      "i.variantWidths",
      "i.hasFallback",
    ]);
}

type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>["executeTakeFirstOrThrow"]>>;

function isBreakingNow(row: { isBreaking: number; breakingUntil: string | null }, now: Date): boolean {
  return row.isBreaking === 1 && (row.breakingUntil === null || row.breakingUntil > now.toISOString());
}

function toCard(row: CardRow, now: Date): ArticleCard {
  return {
    id: row.id,
    title: row.title,
    spot: row.spot,
    url: articlePath(row.categorySlug, row.slug, row.id),
    category: { slug: row.categorySlug, name: row.categoryName },
    publishedAt: row.publishedAt ?? row.updatedAt,
    isBreaking: isBreakingNow(row, now),
    picture:
      row.storageKey && row.imageWidth && row.imageHeight && row.variantWidths
        ? toPicture(
            {
              storageKey: row.storageKey,
              width: row.imageWidth,
              height: row.imageHeight,
              variantWidths: row.variantWidths,
              hasFallback: row.hasFallback,
            },
            row.imageAlt,
          )
        : null,
  };
}

/** Only what readers may see. */
function publishedCards(db: Db) {
  return cardQuery(db).where("a.status", "=", "published").where("a.publishedAt", "is not", null);
}

// ---- categories, sources, tags ----

export async function listCategories(db: Db): Promise<Category[]> {
  return db.selectFrom("categories").selectAll().orderBy("position").orderBy("id").execute();
}

export async function findCategoryBySlug(db: Db, slug: string): Promise<Category | undefined> {
  return db.selectFrom("categories").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db.selectFrom("tags").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function listSources(db: Db): Promise<Source[]> {
  return db.selectFrom("sources").selectAll().orderBy("id").execute();
}

export async function insertCategory(trx: Trx, row: Omit<Category, "id">): Promise<Category> {
  return trx.insertInto("categories").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSource(trx: Trx, row: Omit<Source, "id">): Promise<Source> {
  return trx.insertInto("sources").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertAuthor(trx: Trx, row: { slug: string; name: string }): Promise<number> {
  const { id } = await trx.insertInto("authors").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Returns the tag with this slug, creating it with `name` when missing. */
export async function ensureTag(trx: Trx, slug: string, name: string): Promise<Tag> {
  const found = await trx.selectFrom("tags").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (found) return found;
  return trx.insertInto("tags").values({ slug, name }).returningAll().executeTakeFirstOrThrow();
}

export async function setArticleTags(trx: Trx, articleId: number, tagIds: number[]): Promise<void> {
  await trx.deleteFrom("articleTags").where("articleId", "=", articleId).execute();
  if (tagIds.length === 0) return;
  await trx
    .insertInto("articleTags")
    .values(tagIds.map((tagId, position) => ({ articleId, tagId, position })))
    .execute();
}

export async function insertArticle(trx: Trx, row: NewArticle): Promise<number> {
  const { id } = await trx.insertInto("articles").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function countArticles(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

// ---- published reading ----

export async function findPublishedArticle(db: Db, id: number, now: Date): Promise<ArticleFull | undefined> {
  return findArticleFull(db, id, now, true);
}

/** The whole article as readers would see it; `publishedOnly: false` is for the newsroom's preview. */
export async function findArticleFull(db: Db, id: number, now: Date, publishedOnly: boolean): Promise<ArticleFull | undefined> {
  return (await findArticlesFull(db, [id], now, publishedOnly))[0];
}

/** Whole articles for several ids in two queries (rows, then tags), in the order of `ids`. */
export async function findArticlesFull(db: Db, ids: number[], now: Date, publishedOnly: boolean): Promise<ArticleFull[]> {
  if (ids.length === 0) return [];
  const rows = await (publishedOnly ? publishedCards(db) : cardQuery(db))
    .innerJoin("sources as s", "s.id", "a.sourceId")
    .leftJoin("authors as au", "au.id", "a.authorId")
    .select([
      "a.body",
      "a.status",
      "a.version",
      "a.categoryId",
      "a.contentUpdatedAt",
      "a.imageCaption",
      "a.imageCredit",
      "a.seoTitle",
      "a.seoDescription",
      "s.slug as sourceSlug",
      "s.name as sourceName",
      "au.name as authorName",
    ])
    .where("a.id", "in", ids)
    .execute();
  const tags = await tagsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  const byId = new Map(
    rows.map((row) => {
      const updatedAt = row.contentUpdatedAt && row.publishedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null;
      const full: ArticleFull = {
        ...toCard(row, now),
        slug: row.slug,
        body: row.body,
        status: row.status,
        version: row.version,
        categoryId: row.categoryId,
        source: { slug: row.sourceSlug, name: row.sourceName },
        author: row.authorName,
        updatedAt,
        imageCaption: row.imageCaption,
        imageCredit: row.imageCredit,
        seoTitle: row.seoTitle,
        seoDescription: row.seoDescription,
        tags: tags.get(row.id) ?? [],
      };
      return [row.id, full] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function tagsOfArticles(db: Db, ids: number[]): Promise<Map<number, TagRef[]>> {
  const out = new Map<number, TagRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("articleTags as at")
    .innerJoin("tags as t", "t.id", "at.tagId")
    .select(["at.articleId", "t.slug", "t.name"])
    .where("at.articleId", "in", ids)
    .orderBy("at.articleId")
    .orderBy("at.position")
    .execute();
  for (const row of rows) {
    const list = out.get(row.articleId) ?? [];
    list.push({ slug: row.slug, name: row.name });
    out.set(row.articleId, list);
  }
  return out;
}

export interface ListFilter {
  categoryId?: number;
  tagId?: number;
  excludeIds?: number[];
  limit: number;
  offset: number;
}

function filtered(db: Db, filter: Omit<ListFilter, "limit" | "offset">) {
  let q = publishedCards(db);
  if (filter.categoryId !== undefined) q = q.where("a.categoryId", "=", filter.categoryId);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("articleTags as ft").select("ft.articleId").whereRef("ft.articleId", "=", "a.id").where("ft.tagId", "=", tagId)),
    );
  }
  if (filter.excludeIds && filter.excludeIds.length > 0) q = q.where("a.id", "not in", filter.excludeIds);
  return q;
}

export async function listPublished(db: Db, filter: ListFilter, now: Date): Promise<ArticleCard[]> {
  const rows = await filtered(db, filter).orderBy("a.publishedAt", "desc").orderBy("a.id", "desc").limit(filter.limit).offset(filter.offset).execute();
  return rows.map((r) => toCard(r, now));
}

export async function countPublished(db: Db, filter: Omit<ListFilter, "limit" | "offset">): Promise<number> {
  const { n } = await filtered(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function listHeadlines(db: Db, now: Date): Promise<ArticleCard[]> {
  const rows = await publishedCards(db).where("a.headlineSlot", "is not", null).orderBy("a.headlineSlot").limit(10).execute();
  return rows.map((r) => toCard(r, now));
}

export async function listBreaking(db: Db, now: Date, limit: number): Promise<ArticleCard[]> {
  const rows = await publishedCards(db)
    .where("a.isBreaking", "=", 1)
    .where((eb) => eb.or([eb("a.breakingUntil", "is", null), eb("a.breakingUntil", ">", now.toISOString())]))
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => toCard(r, now));
}

export async function listMostRead(db: Db, since: Date, now: Date, limit: number): Promise<ArticleCard[]> {
  const rows = await publishedCards(db)
    .where("a.publishedAt", ">=", since.toISOString())
    .orderBy("a.viewCount", "desc")
    .orderBy("a.publishedAt", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => toCard(r, now));
}

/** The next older published article of the category, by (publishedAt, id). */
export async function findOlderInCategory(
  db: Db,
  current: { id: number; categoryId: number; publishedAt: string },
  now: Date,
): Promise<ArticleCard | undefined> {
  const row = await publishedCards(db)
    .where("a.categoryId", "=", current.categoryId)
    .where((eb) =>
      eb.or([
        eb("a.publishedAt", "<", current.publishedAt),
        eb.and([eb("a.publishedAt", "=", current.publishedAt), eb("a.id", "<", current.id)]),
      ]),
    )
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .executeTakeFirst();
  return row ? toCard(row, now) : undefined;
}

export async function findNewestInCategory(db: Db, categoryId: number, now: Date): Promise<ArticleCard | undefined> {
  const row = await publishedCards(db)
    .where("a.categoryId", "=", categoryId)
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .executeTakeFirst();
  return row ? toCard(row, now) : undefined;
}

/** Published articles sharing the most tags with this one, newest first among equals. */
export async function listRelated(db: Db, articleId: number, limit: number, now: Date): Promise<ArticleCard[]> {
  const ownTags = db.selectFrom("articleTags").select("tagId").where("articleId", "=", articleId);
  const rows = await publishedCards(db)
    .where("a.id", "!=", articleId)
    .where("a.id", "in", (eb) => eb.selectFrom("articleTags as rt").select("rt.articleId").where("rt.tagId", "in", ownTags))
    .orderBy(
      (eb) =>
        eb
          .selectFrom("articleTags as st")
          .select((s) => s.fn.countAll().as("shared"))
          .whereRef("st.articleId", "=", "a.id")
          .where("st.tagId", "in", ownTags),
      "desc",
    )
    .orderBy("a.publishedAt", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => toCard(r, now));
}

export async function findRedirect(db: Db, oldPath: string): Promise<number | undefined> {
  const row = await db.selectFrom("articleRedirects").select("articleId").where("oldPath", "=", oldPath).executeTakeFirst();
  return row?.articleId;
}

export async function addRedirect(trx: Trx, oldPath: string, articleId: number, at: Date): Promise<void> {
  await trx
    .insertInto("articleRedirects")
    .values({ oldPath, articleId, createdAt: at.toISOString() })
    .onConflict((oc) => oc.column("oldPath").doUpdateSet({ articleId }))
    .execute();
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

export async function isPublished(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom("articles").select("id").where("id", "=", id).where("status", "=", "published").executeTakeFirst();
  return row !== undefined;
}

// ---- newsroom writing ----

export async function findArticleRow(db: Db, id: number): Promise<Article | undefined> {
  return db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Updates only when the stored version is `expectedVersion`; bumps the version. Undefined means a stale save. */
export async function updateArticleRow(
  trx: Trx,
  id: number,
  expectedVersion: number,
  patch: ArticleUpdate,
): Promise<Article | undefined> {
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

export async function nextScheduledAt(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom("articles")
    .select("scheduledAt")
    .where("status", "=", "scheduled")
    .orderBy("scheduledAt")
    .limit(1)
    .executeTakeFirst();
  return row?.scheduledAt ?? undefined;
}

export async function deleteArticleRow(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom("articles").where("id", "=", id).execute();
}

export async function tagNamesOf(db: Db, articleId: number): Promise<string[]> {
  return (await tagsOfArticles(db, [articleId])).get(articleId)?.map((t) => t.name) ?? [];
}

/**
 * Tags whose slug starts with `prefix`, in slug order. With `visibleTo`, only tags used on a
 * published article or on one owned by `visibleTo.ownerId`.
 */
export async function suggestTags(db: Db, prefix: string, limit: number, visibleTo: { ownerId: number } | null): Promise<Tag[]> {
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

export async function addRevision(trx: Trx, row: NewArticleRevision): Promise<void> {
  await trx.insertInto("articleRevisions").values(row).execute();
}

export async function listRevisions(db: Db, articleId: number): Promise<ArticleRevision[]> {
  return db.selectFrom("articleRevisions").selectAll().where("articleId", "=", articleId).orderBy("version", "desc").execute();
}

export async function findRevision(db: Db, articleId: number, version: number): Promise<ArticleRevision | undefined> {
  return db
    .selectFrom("articleRevisions")
    .selectAll()
    .where("articleId", "=", articleId)
    .where("version", "=", version)
    .executeTakeFirst();
}

export interface NewsroomListFilter {
  status?: ArticleStatus;
  ownerId?: number;
  ids?: number[];
  limit: number;
  offset: number;
}

export async function listNewsroomArticles(db: Db, filter: NewsroomListFilter) {
  let q = db
    .selectFrom("articles as a")
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
  if (filter.status) q = q.where("a.status", "=", filter.status);
  if (filter.ownerId !== undefined) q = q.where("a.ownerId", "=", filter.ownerId);
  if (filter.ids) q = q.where("a.id", "in", filter.ids.length > 0 ? filter.ids : [0]);
  return q.orderBy("a.updatedAt", "desc").orderBy("a.id", "desc").limit(filter.limit).offset(filter.offset).execute();
}

export async function clearHeadlineSlots(trx: Trx): Promise<void> {
  await trx.updateTable("articles").set({ headlineSlot: null }).where("headlineSlot", "is not", null).execute();
}

export async function setHeadlineSlot(trx: Trx, id: number, slot: number): Promise<void> {
  await trx.updateTable("articles").set({ headlineSlot: slot }).where("id", "=", id).execute();
}

export async function setBreaking(trx: Trx, id: number, isBreaking: boolean, until: string | null): Promise<Article | undefined> {
  return trx
    .updateTable("articles")
    .set({ isBreaking: isBreaking ? 1 : 0, breakingUntil: isBreaking ? until : null })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** Cards for the given ids, any status, in no particular order; with spot and body for snippets. */
export async function listCardsByIds(db: Db, ids: number[], now: Date): Promise<Array<{ card: ArticleCard; body: string; status: ArticleStatus }>> {
  if (ids.length === 0) return [];
  const rows = await cardQuery(db).select(["a.body", "a.status"]).where("a.id", "in", ids).execute();
  return rows.map((r) => ({ card: toCard(r, now), body: r.body, status: r.status }));
}

/** Title and spot of the given articles (any status), for ranking search matches; the body is not read. */
export async function listTitlesByIds(db: Db, ids: number[]): Promise<Array<{ id: number; title: string; spot: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom("articles").select(["id", "title", "spot"]).where("id", "in", ids).execute();
}

/** Every article, in id order, a batch at a time: what the search index is rebuilt from. */
export async function listForIndexing(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom("articles")
    .select(["id", "title", "spot", "body", "status", "categoryId", "publishedAt"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}
