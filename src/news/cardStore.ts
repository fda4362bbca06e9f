// What readers see of articles: published cards and lists, whole articles (also the newsroom's
// preview), related and next articles. Reads only; they take the Kysely instance.
//
// Each reader page asks one or two statements (DESIGN.md, Speed; issue 11), each branch walking an
// index in its ORDER BY so that LIMIT stops it early: articles_status_published (latest, most read
// of the last days), articles_category_status_published (category blocks and pages, the next
// article), articles_headline_slot, articles_breaking (0009), article_tags' keys (tags, related).
// Each statement is a preparedQuery: its SQL is compiled once per shape, only its values change.
// Pages of picked cards (home, son dakika, around an article) read the picks with each article's
// version, and the cards themselves from memory (cardMemo.ts): a second statement reads only those
// not remembered, by primary key.
// Every LIMIT is a literal of the shape (`rows(n)`): SQLite plans `LIMIT ?` inside a subquery
// without its early stop, which made the article page's statement four times slower (140 µs vs 35).
import { type AliasedSelectQueryBuilder, type Kysely, PostgresAdapter, sql } from "kysely";
import { jsonArrayFrom as pgJsonArrayFrom } from "kysely/helpers/postgres";
import { jsonArrayFrom as sqliteJsonArrayFrom } from "kysely/helpers/sqlite";
import { preparedQuery } from "../db/prepared.ts";
import type { Database, Tag } from "../db/schema.ts";
import { shareImagesOf } from "../media/pictureUrls.ts";
import { rememberCard, rememberedCard } from "./cardMemo.ts";
import { cardQuery, isBreakingNow, publishedCards, toCard } from "./cardQuery.ts";
import { taxonomyGeneration } from "./taxonomyCache.ts";
import { authorPath } from "./slug.ts";
import { HEADLINE_SLOTS } from "./headlineOrder.ts";
import type { ArticleCard, ArticleFull, AuthorRef } from "./types.ts";

type Db = Kysely<Database>;
type Cards = ReturnType<typeof cardQuery>;

/** Published articles, as the single table (no joins): the start of every branch that picks ids. */
function publishedRows(db: Db) {
  return db.selectFrom("articles").where("status", "=", "published").where("publishedAt", "is not", null);
}

/** Picked article ids in blocks, each branch a limited, indexed walk (see cardsOfPicks). */
type Pick = AliasedSelectQueryBuilder<{ id: number; block: number; rank: number }, "b">;

const block = (n: number) => sql.lit(n).as("block");
/** A row count written into the SQL (see the note at the top). */
const rows = (n: number) => sql.lit(Math.trunc(n));
const noRank = sql.lit(0).as("rank");

/** Newest first, by (publishedAt, id): the order of the indexes' last two columns. */
function newest(db: Db) {
  return publishedRows(db).orderBy("publishedAt", "desc").orderBy("id", "desc");
}

/**
 * Son dakika: published articles whose flag is on (a literal, so that the partial index
 * articles_breaking applies on SQLite too) and whose `breakingUntil` is unset or later than `now`,
 * newest first.
 */
function breakingPick(db: Db, blockNo: number, limit: number, nowIso: string): Pick {
  return newest(db)
    .select(["id", block(blockNo), noRank])
    .where("isBreaking", "=", sql.lit(1))
    .where((eb) => eb.or([eb("breakingUntil", "is", null), eb("breakingUntil", ">", nowIso)]))
    .limit(rows(limit))
    .as("b");
}

/** A tag or an author as the JSON subqueries of fullQuery give them. */
interface RefJson {
  id: number;
  slug: string;
  name: string;
}

/** SQLite answers a JSON subquery as text, PostgreSQL as parsed JSON: either way, the list of tags or authors. */
function parseRefs(value: unknown): RefJson[] {
  const list: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(list)) return [];
  return list.filter(isRefJson).map((t) => ({ id: t.id, slug: t.slug, name: t.name }));
}

function isRefJson(t: unknown): t is RefJson {
  return (
    typeof t === "object" && t !== null && "id" in t && typeof t.id === "number" && "slug" in t && typeof t.slug === "string" && "name" in t && typeof t.name === "string"
  );
}

/** Cards with everything a whole article adds: source, the text, and the tags and authors (each in their order) as JSON columns. */
function fullQuery(db: Db, cards: Cards) {
  const jsonArrayFrom = db.getExecutor().adapter instanceof PostgresAdapter ? pgJsonArrayFrom : sqliteJsonArrayFrom;
  return cards
    .innerJoin("sources as s", "s.id", "a.sourceId")
    .select((eb) => [
      "a.body",
      "a.status",
      "a.version",
      "a.categoryId",
      "a.contentUpdatedAt",
      "a.imageCaption",
      "a.imageCredit",
      "a.seoTitle",
      "a.seoDescription",
      "i.hasShareCrops",
      "s.slug as sourceSlug",
      "s.name as sourceName",
      jsonArrayFrom(
        eb
          .selectFrom("articleTags as at")
          .innerJoin("tags as t", "t.id", "at.tagId")
          .select(["t.id", "t.slug", "t.name"])
          .whereRef("at.articleId", "=", "a.id")
          .orderBy("at.position"),
      ).as("tags"),
      jsonArrayFrom(
        eb
          .selectFrom("articleAuthors as aa")
          .innerJoin("authors as au", "au.id", "aa.authorId")
          .select(["au.id", "au.slug", "au.name"])
          .whereRef("aa.articleId", "=", "a.id")
          .orderBy("aa.position"),
      ).as("authors"),
    ]);
}

type FullRow = Awaited<ReturnType<ReturnType<typeof fullQuery>["executeTakeFirstOrThrow"]>>;

function toFull(row: FullRow, now: Date): ArticleFull {
  const updatedAt = row.contentUpdatedAt && row.publishedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null;
  return {
    ...toCard(row, now),
    slug: row.slug,
    body: row.body,
    status: row.status,
    version: row.version,
    categoryId: row.categoryId,
    source: { slug: row.sourceSlug, name: row.sourceName },
    authors: parseRefs(row.authors).map((a): AuthorRef => ({ ...a, url: authorPath(a.slug) })),
    updatedAt,
    imageCaption: row.imageCaption,
    imageCredit: row.imageCredit,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    tags: parseRefs(row.tags),
    share:
      row.storageKey && row.imageWidth && row.imageHeight && row.variantWidths
        ? shareImagesOf({
            storageKey: row.storageKey,
            width: row.imageWidth,
            height: row.imageHeight,
            variantWidths: row.variantWidths,
            hasShareCrops: row.hasShareCrops,
          })
        : null,
  };
}

export async function findPublishedArticle(db: Db, id: number, now: Date): Promise<ArticleFull | undefined> {
  return findArticleFull(db, id, now, true);
}

/** The whole article as readers would see it; `publishedOnly: false` is for the newsroom's preview. One statement. */
export async function findArticleFull(db: Db, id: number, now: Date, publishedOnly: boolean): Promise<ArticleFull | undefined> {
  return (await findArticlesFull(db, [id], now, publishedOnly))[0];
}

// Shaped by how many ids and whether only published ones; the ids are params `id0`, `id1`, …
const articlesFullQuery = preparedQuery((db, params: Record<string, number>, shape: { count: number; publishedOnly: boolean }) =>
  fullQuery(db, shape.publishedOnly ? publishedCards(db) : cardQuery(db)).where(
    "a.id",
    "in",
    Array.from({ length: shape.count }, (_, i) => params[`id${i}`] ?? 0),
  ),
);

/** Whole articles for several ids in one statement, in the order of `ids`. */
export async function findArticlesFull(db: Db, ids: number[], now: Date, publishedOnly: boolean): Promise<ArticleFull[]> {
  if (ids.length === 0) return [];
  const params = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const rows = await articlesFullQuery(db, params, { count: ids.length, publishedOnly });
  const byId = new Map(rows.map((row) => [row.id, toFull(row, now)] as const));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface ListFilter {
  categoryId?: number;
  tagId?: number;
  /** Articles whose byline names this author (found through article_authors_author). */
  authorId?: number;
  limit: number;
  offset: number;
}

/** Which filters a list has and its page size: the shape of its statement (the values are params). */
interface FilterShape {
  category: boolean;
  tag: boolean;
  author: boolean;
  limit: number;
}

/** The values of a list's statement: a filter left out of its shape is null. */
// A type, not an interface: prepared-query values must fit an index signature.
type ListParams = {
  categoryId: number | null;
  tagId: number | null;
  authorId: number | null;
  offset: number;
};

function listParams(filter: ListFilter): { params: ListParams; shape: FilterShape } {
  return {
    params: { categoryId: filter.categoryId ?? null, tagId: filter.tagId ?? null, authorId: filter.authorId ?? null, offset: filter.offset },
    shape: { category: filter.categoryId !== undefined, tag: filter.tagId !== undefined, author: filter.authorId !== undefined, limit: filter.limit },
  };
}

/** Published cards of the category, tag and/or author (found through article_tags_tag, article_authors_author). */
function filtered(db: Db, params: ListParams, shape: FilterShape) {
  let q = publishedCards(db);
  if (shape.category) q = q.where("a.categoryId", "=", params.categoryId);
  if (shape.tag) {
    const tagId = params.tagId;
    q = q.where("a.id", "in", (eb) => eb.selectFrom("articleTags as ft").select("ft.articleId").where("ft.tagId", "=", tagId));
  }
  if (shape.author) {
    const authorId = params.authorId;
    q = q.where("a.id", "in", (eb) => eb.selectFrom("articleAuthors as fa").select("fa.articleId").where("fa.authorId", "=", authorId));
  }
  return q;
}

const listPublishedQuery = preparedQuery((db, params: ListParams, shape: FilterShape) =>
  filtered(db, params, shape).orderBy("a.publishedAt", "desc").orderBy("a.id", "desc").limit(rows(shape.limit)).offset(params.offset),
);

/** One page of published cards, newest first (publishedAt, then id). One statement. */
export async function listPublished(db: Db, filter: ListFilter, now: Date): Promise<ArticleCard[]> {
  const { params, shape } = listParams(filter);
  const rows = await listPublishedQuery(db, params, shape);
  return rows.map((r) => toCard(r, now));
}

const listPublishedFullQuery = preparedQuery((db, params: ListParams, shape: FilterShape) =>
  fullQuery(db, filtered(db, params, shape))
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .limit(rows(shape.limit))
    .offset(params.offset),
);

/** One page of published whole articles, newest first, tags included (the API's list). One statement. */
export async function listPublishedFull(db: Db, filter: ListFilter, now: Date): Promise<ArticleFull[]> {
  const { params, shape } = listParams(filter);
  const rows = await listPublishedFullQuery(db, params, shape);
  return rows.map((r) => toFull(r, now));
}

const countPublishedQuery = preparedQuery((db, params: { categoryId: number | null; authorId: number | null }, shape: { category: boolean; author: boolean }) => {
  let q = publishedRows(db).select((eb) => eb.fn.countAll<number | string>().as("n"));
  if (shape.category) q = q.where("categoryId", "=", params.categoryId);
  if (shape.author) {
    const authorId = params.authorId;
    q = q.where("id", "in", (eb) => eb.selectFrom("articleAuthors").select("articleId").where("authorId", "=", authorId));
  }
  return q;
});

/** How many published articles there are (of the category; by the author): counted in the indexes alone. One statement. */
export async function countPublished(db: Db, filter: { categoryId?: number; authorId?: number }): Promise<number> {
  const params = { categoryId: filter.categoryId ?? null, authorId: filter.authorId ?? null };
  const [row] = await countPublishedQuery(db, params, { category: filter.categoryId !== undefined, author: filter.authorId !== undefined });
  return Number(row?.n ?? 0);
}

const tagWithCountQuery = preparedQuery((db, params: { slug: string; categoryId: number | null }, byCategory: boolean) =>
  db
    .selectFrom("tags as t")
    .select(["t.id", "t.slug", "t.name"])
    .select((eb) => {
      let count = eb
        .selectFrom("articleTags as ct")
        .innerJoin("articles as a", "a.id", "ct.articleId")
        .select((c) => c.fn.countAll<number | string>().as("n"))
        .whereRef("ct.tagId", "=", "t.id")
        .where("a.status", "=", "published")
        .where("a.publishedAt", "is not", null);
      if (byCategory) count = count.where("a.categoryId", "=", params.categoryId);
      return count.as("total");
    })
    .where("t.slug", "=", params.slug),
);

/**
 * The tag with this slug and how many published articles (of the category, when given) carry it,
 * in one statement; undefined when no tag has the slug.
 */
export async function findTagWithCount(db: Db, slug: string, filter: { categoryId?: number }): Promise<{ tag: Tag; total: number } | undefined> {
  const [row] = await tagWithCountQuery(db, { slug, categoryId: filter.categoryId ?? null }, filter.categoryId !== undefined);
  return row ? { tag: { id: row.id, slug: row.slug, name: row.name }, total: Number(row.total ?? 0) } : undefined;
}

const breakingFullQuery = preparedQuery((db, params: { now: string }, limit: number) =>
  fullQuery(db, publishedCards(db))
    .where("a.isBreaking", "=", sql.lit(1))
    .where((eb) => eb.or([eb("a.breakingUntil", "is", null), eb("a.breakingUntil", ">", params.now)]))
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc")
    .limit(rows(limit)),
);

/** Son dakika as whole articles (the son dakika feed): flag on now, newest first. One statement (articles_breaking). */
export async function listBreakingFull(db: Db, now: Date, limit: number): Promise<ArticleFull[]> {
  return (await breakingFullQuery(db, { now: now.toISOString() }, limit)).map((r) => toFull(r, now));
}

const headlinesFullQuery = preparedQuery((db, _params: Record<string, never>, limit: number) =>
  fullQuery(db, publishedCards(db)).where("a.headlineSlot", "is not", null).orderBy("a.headlineSlot").limit(rows(limit)),
);

/** The manşet as whole articles (the manşet feed), in slot order. One statement (articles_headline_slot). */
export async function listHeadlinesFull(db: Db, now: Date, limit: number): Promise<ArticleFull[]> {
  return (await headlinesFullQuery(db, {}, limit)).map((r) => toFull(r, now));
}

const breakingQuery = preparedQuery((db, params: { now: string }, limit: number) => picksQuery(db, [breakingPick(db, 0, limit, params.now)]));

/** Son dakika: published articles whose flag is on now, newest first. One statement. */
export async function listBreaking(db: Db, now: Date, limit: number): Promise<ArticleCard[]> {
  return (await cardsOfPicks(db, await breakingQuery(db, { now: now.toISOString() }, limit), now)).map((p) => p.card);
}

/**
 * The picked ids, as one statement: the branches joined by UNION ALL, each pick with the columns
 * that say whether its remembered card holds (cardMemo.ts), ordered by block, then rank
 * (descending), then newest first. An article picked by two branches comes twice. Needs at least
 * one branch. cardsOfPicks turns the rows into cards.
 */
function picksQuery(db: Db, [branch, ...branches]: [Pick, ...Pick[]]) {
  const selected = (b: Pick) => db.selectFrom(b).select(["b.id", "b.block", "b.rank"]);
  const picks = branches.reduce((union, b) => union.unionAll(selected(b)), selected(branch));
  // CROSS JOIN keeps the picks the outer loop on SQLite (its planner otherwise guesses the
  // materialised union large and scans articles against it); PostgreSQL plans it as any join.
  return db
    .selectFrom(picks.as("pick"))
    .crossJoin("articles as a")
    .select(["a.id", "a.version", "a.isBreaking", "a.breakingUntil", "pick.block"])
    .whereRef("a.id", "=", "pick.id")
    .orderBy("pick.block")
    .orderBy("pick.rank", "desc")
    .orderBy("a.publishedAt", "desc")
    .orderBy("a.id", "desc");
}

/** A row of picksQuery. */
interface PickedRow {
  id: number;
  version: number;
  isBreaking: number;
  breakingUntil: string | null;
  block: number;
}

// Shaped by how many ids; the ids are params `id0`, `id1`, …
const cardsByIdQuery = preparedQuery((db, params: Record<string, number>, count: number) =>
  cardQuery(db)
    .select("a.version")
    .where(
      "a.id",
      "in",
      Array.from({ length: count }, (_, i) => params[`id${i}`] ?? 0),
    ),
);

/**
 * The picks' cards, in the picks' order, each with its block: from memory where the remembered
 * card still holds, else read (one statement for all of them, by primary key) and remembered.
 * A pick whose article is gone by then is left out.
 */
async function cardsOfPicks(db: Db, picked: readonly PickedRow[], now: Date): Promise<Array<{ block: number; card: ArticleCard }>> {
  const generation = taxonomyGeneration();
  const known = new Map<number, ArticleCard>();
  const missing = new Set<number>();
  for (const row of picked) {
    const card = rememberedCard(db, row.id, row.version, generation);
    if (card) known.set(row.id, card);
    else missing.add(row.id);
  }
  if (missing.size > 0) {
    const ids = [...missing];
    const rows = await cardsByIdQuery(db, Object.fromEntries(ids.map((id, i) => [`id${i}`, id])), ids.length);
    for (const row of rows) {
      const card = toCard(row, now);
      rememberCard(db, row.id, row.version, generation, card);
      known.set(row.id, card);
    }
  }
  return picked.flatMap((row) => {
    const card = known.get(row.id);
    // The flag is the picked row's: it changes without a new version, and runs out with time.
    return card ? [{ block: row.block, card: { ...card, isBreaking: isBreakingNow(row, now) } }] : [];
  });
}

export interface HomeCards {
  headlines: ArticleCard[];
  breaking: ArticleCard[];
  latest: ArticleCard[];
  mostRead: ArticleCard[];
  /** Per entry of `categoryIds`, in that order: the category's newest cards. */
  byCategory: ArticleCard[][];
}

/** The counts and the categories shown: the home statement's shape (category ids are in its SQL; taxonomy changes are rare). */
interface HomeShape {
  categoryIds: readonly number[];
  breaking: number;
  latest: number;
  mostRead: number;
  perCategory: number;
}

const homeCardsQuery = preparedQuery((db, params: { since: string; now: string }, shape: HomeShape) =>
  picksQuery(db, [
    // Slot 1 first: the rank is the negated slot, since ranks sort descending.
    publishedRows(db)
      .select(["id", block(0), sql<number>`-${sql.ref("headlineSlot")}`.as("rank")])
      .where("headlineSlot", "is not", null)
      .orderBy("headlineSlot")
      .limit(rows(HEADLINE_SLOTS))
      .as("b"),
    breakingPick(db, 1, shape.breaking, params.now),
    newest(db)
      .select(["id", block(2), noRank])
      .limit(rows(shape.latest))
      .as("b"),
    publishedRows(db)
      .select(["id", block(3), "viewCount as rank"])
      .where("publishedAt", ">=", params.since)
      .orderBy("viewCount", "desc")
      .orderBy("publishedAt", "desc")
      .orderBy("id", "desc")
      .limit(rows(shape.mostRead))
      .as("b"),
    ...shape.categoryIds.map((categoryId, i) =>
      newest(db)
        .select(["id", block(4 + i), noRank])
        .where("categoryId", "=", categoryId)
        .limit(rows(shape.perCategory))
        .as("b"),
    ),
  ]),
);

/**
 * The home page's cards in one statement: the manşet (up to 10 slots, slot order), son dakika
 * (newest `breaking`), the newest `latest`, the `mostRead` most viewed published since `since`,
 * and the newest `perCategory` of each category in `categoryIds`.
 */
export async function listHomeCards(
  db: Db,
  counts: { categoryIds: readonly number[]; breaking: number; latest: number; mostRead: number; perCategory: number },
  since: Date,
  now: Date,
): Promise<HomeCards> {
  const picked = await homeCardsQuery(db, { since: since.toISOString(), now: now.toISOString() }, counts);
  const out: HomeCards = { headlines: [], breaking: [], latest: [], mostRead: [], byCategory: counts.categoryIds.map(() => []) };
  const lists = [out.headlines, out.breaking, out.latest, out.mostRead, ...out.byCategory];
  for (const { block, card } of await cardsOfPicks(db, picked, now)) lists[block]?.push(card);
  return out;
}

/**
 * How many of each tag's newest articles (by id) are candidates for "related": keeps the cost of
 * the related list bounded by the article's tag count, not by how popular its tags are.
 */
const RELATED_POOL_PER_TAG = 200;

/** `tag0`, `tag1`, …: the current article's tag ids, one param each (their count is the shape). */
type AroundParams = { id: number; categoryId: number; publishedAt: string } & Record<`tag${number}`, number>;

const aroundArticleQuery = preparedQuery((db, params: AroundParams, shape: { tagCount: number; related: number }) => {
  const inCategory = () => newest(db).where("categoryId", "=", params.categoryId).limit(rows(1));
  const branches: [Pick, ...Pick[]] = [
    inCategory()
      .select(["id", block(1), noRank])
      .where((eb) => eb(eb.refTuple("publishedAt", "id"), "<", eb.tuple(params.publishedAt, params.id)))
      .as("b"),
    inCategory()
      .select(["id", block(2), noRank])
      .as("b"),
  ];
  // Each tag's newest articles (article_tags_tag walked backwards), counted per article: the more
  // tags shared, the higher the rank. CROSS JOIN keeps SQLite from scanning articles first.
  const perTag = Array.from({ length: shape.tagCount }, (_, i) =>
    db
      .selectFrom(
        db
          .selectFrom("articleTags")
          .select("articleId")
          .where("tagId", "=", params[`tag${i}`] ?? 0)
          .where("articleId", "!=", params.id)
          .orderBy("articleId", "desc")
          .limit(rows(RELATED_POOL_PER_TAG))
          .as("t"),
      )
      .select("t.articleId"),
  );
  const [firstTag, ...otherTags] = perTag;
  if (firstTag) {
    const candidates = otherTags.reduce((union, q) => union.unionAll(q), firstTag);
    branches.push(
      db
        .selectFrom(candidates.as("rt"))
        .crossJoin("articles as r")
        .select((eb) => ["r.id", block(0), eb.fn.countAll<number>().as("rank")])
        .whereRef("r.id", "=", "rt.articleId")
        .where("r.status", "=", "published")
        .where("r.publishedAt", "is not", null)
        .groupBy("r.id")
        .orderBy("rank", "desc")
        .orderBy("r.publishedAt", "desc")
        .orderBy("r.id", "desc")
        .limit(rows(shape.related))
        .as("b"),
    );
  }
  return picksQuery(db, branches);
});

/**
 * What an article page shows around article `current`, in one statement: up to `relatedCount`
 * published articles sharing the most of `current.tagIds` with it (newest first among equals; the
 * candidates are each tag's 200 newest articles), the next older published article of its
 * category, and the newest of its category.
 */
export async function listAroundArticle(
  db: Db,
  current: { id: number; categoryId: number; publishedAt: string; tagIds: readonly number[] },
  relatedCount: number,
  now: Date,
): Promise<{ related: ArticleCard[]; older: ArticleCard | undefined; newest: ArticleCard | undefined }> {
  const { id, categoryId, publishedAt, tagIds } = current;
  const params: AroundParams = { id, categoryId, publishedAt };
  tagIds.forEach((tagId, i) => (params[`tag${i}`] = tagId));
  const found = await aroundArticleQuery(db, params, { tagCount: tagIds.length, related: relatedCount });
  const picked = await cardsOfPicks(db, found, now);
  return {
    related: picked.filter((p) => p.block === 0).map((p) => p.card),
    older: picked.find((p) => p.block === 1)?.card,
    newest: picked.find((p) => p.block === 2)?.card,
  };
}

/** Whether the article exists and is published (any publication time). */
export async function isPublished(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom("articles").select("id").where("id", "=", id).where("status", "=", "published").executeTakeFirst();
  return row !== undefined;
}
