// The database schema, declared by hand for both dialects (no codegen).
// SQL columns are snake_case; Kysely's CamelCasePlugin maps them to these names.
// Timestamps are ISO 8601 UTC strings on both dialects (PostgreSQL's timestamptz is parsed to ISO in db/connect.ts).
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type ArticleStatus = "draft" | "review" | "scheduled" | "published" | "unpublished";

export interface CategoryTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
  color: string;
}

export interface SourceTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ImageTable {
  id: Generated<number>;
  /** Storage key prefix under DATA_DIR/media, e.g. "2026/11/abc123". */
  storageKey: string;
  width: number;
  height: number;
  /** Comma-separated widths of the WebP variants stored as `${storageKey}-${w}.webp`. */
  variantWidths: string;
  caption: string;
  credit: string;
  alt: string;
  createdAt: string;
}

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  title: string;
  spot: string;
  /** Sanitised HTML. */
  body: string;
  categoryId: number;
  sourceId: number;
  authorId: number | null;
  imageId: number | null;
  imageCaption: string;
  imageCredit: string;
  imageAlt: string;
  status: ArticleStatus;
  version: Generated<number>;
  seoTitle: string | null;
  seoDescription: string | null;
  /** 1 when flagged "son dakika"; 0/1 on both dialects. */
  isBreaking: Generated<number>;
  breakingUntil: string | null;
  /** Manşet slot 1..n, unique among articles. */
  headlineSlot: number | null;
  viewCount: Generated<number>;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Last edit made after publication: shown to readers as the updated time. */
  contentUpdatedAt: string | null;
  scheduledAt: string | null;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticleTagTable {
  articleId: number;
  tagId: number;
  position: number;
}

/** Old paths (legacy CMS URLs, earlier slugs) answered with a 301 to the article's canonical URL. */
export interface ArticleRedirectTable {
  oldPath: string;
  articleId: number;
  createdAt: string;
}

export interface Database {
  categories: CategoryTable;
  sources: SourceTable;
  authors: AuthorTable;
  images: ImageTable;
  articles: ArticleTable;
  tags: TagTable;
  articleTags: ArticleTagTable;
  articleRedirects: ArticleRedirectTable;
}

export type Category = Selectable<CategoryTable>;
export type Source = Selectable<SourceTable>;
export type Author = Selectable<AuthorTable>;
export type Image = Selectable<ImageTable>;
export type NewImage = Insertable<ImageTable>;
export type Article = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
export type ArticleUpdate = Updateable<ArticleTable>;
export type Tag = Selectable<TagTable>;
