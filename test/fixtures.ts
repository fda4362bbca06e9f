// Builds articles for tests through the news store, on an installed database.
import type { Kysely } from "kysely";
import sharp from "sharp";
import type { ArticleStatus, Database } from "../src/db/schema.ts";
import { storeImageVariants } from "../src/media/storage.ts";
import { insertImage } from "../src/media/store.ts";
import { slugify } from "../src/lib/slug.ts";
import { findArticleRow, insertArticle } from "../src/news/articleStore.ts";
import { findAuthorBySlug, insertAuthor, setArticleAuthors } from "../src/news/authorStore.ts";
import { ensureTag, findCategoryBySlug, listSources, setArticleTags } from "../src/news/taxonomyStore.ts";
import { searchDocumentOf } from "../src/news/searchFeed.ts";
import { indexArticle } from "../src/search/index.ts";

export interface ArticleFixture {
  title: string;
  category?: string;
  source?: string;
  spot?: string;
  body?: string;
  tags?: string[];
  status?: ArticleStatus;
  publishedAt?: string;
  contentUpdatedAt?: string | null;
  breaking?: boolean;
  breakingUntil?: string | null;
  headlineSlot?: number | null;
  /** `shareCrops`: the row says its share crops were made (write them with writeFixtureImage); `hasFallback`: its JPEG fallback. */
  image?: { storageKey: string; caption: string; credit: string; alt: string; hasFallback?: boolean; shareCrops?: boolean };
  scheduledAt?: string | null;
  /** The byline, by author name (each profile made on first use, slug from the name); none: an agency item. */
  authors?: string[];
}

export async function addArticle(db: Kysely<Database>, f: ArticleFixture): Promise<number> {
  const categorySlug = f.category ?? "gundem";
  const category = await findCategoryBySlug(db, categorySlug);
  if (!category) throw new Error(`no category ${categorySlug}`);
  const source = (await listSources(db)).find((s) => s.name === (f.source ?? "Haberci"));
  if (!source) throw new Error(`no source ${f.source}`);
  const status = f.status ?? "published";
  const publishedAt = status === "published" || status === "unpublished" ? (f.publishedAt ?? "2026-11-20T09:00:00.000Z") : null;
  return db.transaction().execute(async (trx) => {
    const imageId = f.image
      ? await insertImage(trx, {
          storageKey: f.image.storageKey,
          width: 1200,
          height: 675,
          variantWidths: "480,800,1200",
          hasShareCrops: f.image.shareCrops ? 1 : 0,
          caption: f.image.caption,
          credit: f.image.credit,
          alt: f.image.alt,
          hasFallback: f.image.hasFallback ? 1 : 0,
          createdAt: "2026-11-20T09:00:00.000Z",
        })
      : null;
    const id = await insertArticle(trx, {
      slug: slugify(f.title),
      title: f.title,
      spot: f.spot ?? `${f.title} ile ilgili ayrıntılar haberimizde.`,
      body: f.body ?? "<p>Haberin ayrıntıları.</p>",
      categoryId: category.id,
      sourceId: source.id,
      imageId,
      imageCaption: f.image?.caption ?? "",
      imageCredit: f.image?.credit ?? "",
      imageAlt: f.image?.alt ?? "",
      status,
      isBreaking: f.breaking ? 1 : 0,
      breakingUntil: f.breakingUntil ?? null,
      headlineSlot: f.headlineSlot ?? null,
      createdAt: publishedAt ?? "2026-11-20T09:00:00.000Z",
      updatedAt: f.contentUpdatedAt ?? publishedAt ?? "2026-11-20T09:00:00.000Z",
      publishedAt,
      contentUpdatedAt: f.contentUpdatedAt ?? null,
      scheduledAt: f.scheduledAt ?? null,
    });
    const tagIds: number[] = [];
    for (const name of f.tags ?? []) tagIds.push((await ensureTag(trx, slugify(name), name)).id);
    await setArticleTags(trx, id, tagIds);
    const authorIds: number[] = [];
    for (const name of f.authors ?? []) {
      const slug = slugify(name);
      authorIds.push((await findAuthorBySlug(trx, slug))?.id ?? (await insertAuthor(trx, { slug, name })));
    }
    await setArticleAuthors(trx, id, authorIds);
    const row = await findArticleRow(trx, id);
    if (row) await indexArticle(trx, searchDocumentOf(row));
    return id;
  });
}

/** Writes real WebP variants for a fixture image, so pages and the browser can load it. */
export async function writeFixtureImage(dataDir: string, storageKey: string): Promise<void> {
  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: "#1f5fa8" } })
    .png()
    .toBuffer();
  await storeImageVariants(dataDir, storageKey, png);
}
