// An article's fields as every edge sees them: the limits are written here once and used by
// the newsroom form, the JSON API, the OpenAPI document and the server-side checks
// (`articleInput.ts`).
import { Type } from "@fastify/type-provider-typebox";
import { Int32Id, Slug } from "../http/schemas.ts";
import { MAX_AUTHORS } from "./articleInput.ts";

/** Longest value of each text field, in UTF-16 code units after NFC normalisation. */
export const ARTICLE_LIMITS = {
  title: 200,
  spot: 600,
  body: 200_000,
  imageCaption: 500,
  imageCredit: 120,
  imageAlt: 300,
  seoTitle: 120,
  seoDescription: 320,
} as const;

/** At most this many tags, each at most TAG_MAX_LENGTH characters. */
export const MAX_TAGS = 20;
export const TAG_MAX_LENGTH = 60;

export const ArticleFields = {
  title: Type.String({ minLength: 1, maxLength: ARTICLE_LIMITS.title }),
  spot: Type.String({ maxLength: ARTICLE_LIMITS.spot }),
  body: Type.String({ maxLength: ARTICLE_LIMITS.body, description: "HTML; sanitised with the body allow-list" }),
  category: Slug,
  source: Slug,
  tags: Type.Array(Type.String({ minLength: 1, maxLength: TAG_MAX_LENGTH }), { maxItems: MAX_TAGS, description: "Tag slugs (or new tag names)" }),
  authors: Type.Array(Slug, {
    maxItems: MAX_AUTHORS,
    uniqueItems: true,
    description: "Author slugs, in byline order; [] for an agency item (its source signs it); unknown slugs answer 400 `unknown_author`",
  }),
  imageId: Type.Union([Int32Id, Type.Null()]),
  imageCaption: Type.String({ maxLength: ARTICLE_LIMITS.imageCaption }),
  imageCredit: Type.String({ maxLength: ARTICLE_LIMITS.imageCredit }),
  imageAlt: Type.String({ maxLength: ARTICLE_LIMITS.imageAlt }),
  isBreaking: Type.Boolean(),
  seoTitle: Type.Union([Type.String({ maxLength: ARTICLE_LIMITS.seoTitle }), Type.Null()]),
  seoDescription: Type.Union([Type.String({ maxLength: ARTICLE_LIMITS.seoDescription }), Type.Null()]),
};
