import type { ArticleStatus } from "../db/schema.ts";
import type { Picture, ShareImages } from "../media/pictureUrls.ts";

/** Enough of an article for lists, teasers and cards. */
export interface ArticleCard {
  id: number;
  title: string;
  spot: string;
  url: string;
  category: { slug: string; name: string };
  publishedAt: string;
  isBreaking: boolean;
  picture: Picture | null;
}

/** An author as bylines name them: `url` is the author page's path (`/yazar/{slug}/`). */
export interface AuthorRef {
  id: number;
  slug: string;
  name: string;
  url: string;
}

export interface TagRef {
  id: number;
  slug: string;
  name: string;
}

/** A whole article as the reader page and the API show it. */
export interface ArticleFull extends ArticleCard {
  slug: string;
  body: string;
  status: ArticleStatus;
  version: number;
  categoryId: number;
  source: { slug: string; name: string };
  /** The byline, in order; empty for an agency item (readers see the source instead). */
  authors: AuthorRef[];
  updatedAt: string | null;
  imageCaption: string;
  imageCredit: string;
  seoTitle: string | null;
  seoDescription: string | null;
  tags: TagRef[];
  /** The main picture's share crops (16:9, 4:3, 1:1, Open Graph); null without a picture or before they are made. */
  share: ShareImages | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}
