// The query behind every article card, and the card it makes: shared by the news stores
// (cardStore.ts for readers, searchFeed.ts for search results). Not a use case.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { toPicture } from "../media/pictureUrls.ts";
import { articlePath } from "./slug.ts";
import type { ArticleCard } from "./types.ts";

/** The columns a card needs, from `articles as a`, `categories as c` and `images as i` (left-joined). */
export const CARD_COLUMNS = [
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
] as const;

/** Articles (any status) with their category and picture: the columns a card needs. */
export function cardQuery(db: Kysely<Database>) {
  return db.selectFrom("articles as a").innerJoin("categories as c", "c.id", "a.categoryId").leftJoin("images as i", "i.id", "a.imageId").select(CARD_COLUMNS);
}

type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>["executeTakeFirstOrThrow"]>>;

/** Only what readers may see: published, with a publication time. */
export function publishedCards(db: Kysely<Database>) {
  return cardQuery(db).where("a.status", "=", "published").where("a.publishedAt", "is not", null);
}

/** The breaking flag counts until `breakingUntil` (none: until cleared). */
export function isBreakingNow(row: { isBreaking: number; breakingUntil: string | null }, now: Date): boolean {
  return row.isBreaking === 1 && (row.breakingUntil === null || row.breakingUntil > now.toISOString());
}

export function toCard(row: CardRow, now: Date): ArticleCard {
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
