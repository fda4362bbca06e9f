// What an editor or the API sends for an article, checked and normalised. Pure.
import { InvalidInputError } from "../errors.ts";
import { sanitizeBody } from "./sanitizeBody.ts";
import { slugify } from "./slug.ts";

export interface ArticleInput {
  title: string;
  spot: string;
  /** HTML from the editor; sanitised here. */
  body: string;
  category: string;
  source: string;
  tags: string[];
  imageId: number | null;
  imageCaption: string;
  imageCredit: string;
  imageAlt: string;
  isBreaking: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
}

/** A blank article: what the "Yeni haber" form starts from. */
export function emptyArticleInput(category: string, source: string): ArticleInput {
  return {
    title: "",
    spot: "",
    body: "",
    category,
    source,
    tags: [],
    imageId: null,
    imageCaption: "",
    imageCredit: "",
    imageAlt: "",
    isBreaking: false,
    seoTitle: null,
    seoDescription: null,
  };
}

const LIMITS = { title: 200, spot: 600, body: 200_000, imageCaption: 500, imageCredit: 120, imageAlt: 300, seoTitle: 120, seoDescription: 320 };

function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").trim();
}

/** Splits "Ankara, Ekonomi , ankara" into distinct tag names. */
export function parseTagList(raw: string | string[]): string[] {
  const names = (Array.isArray(raw) ? raw : raw.split(",")).map((t) => clean(t).replace(/\s+/g, " ")).filter((t) => t !== "");
  return names.filter((t, i) => slugify(t) !== "" && names.findIndex((u) => slugify(u) === slugify(t)) === i);
}

/**
 * Checks lengths and required fields, cleans the body; throws InvalidInputError with a
 * Turkish message per field. Category and source must be among the known slugs.
 */
export function normaliseArticleInput(
  input: ArticleInput,
  known: { categories: string[]; sources: string[] },
): ArticleInput {
  const fields: Record<string, string> = {};
  const out: ArticleInput = {
    ...input,
    title: clean(input.title).replace(/\s+/g, " "),
    spot: clean(input.spot),
    body: sanitizeBody(input.body),
    tags: parseTagList(input.tags),
    imageCaption: clean(input.imageCaption),
    imageCredit: clean(input.imageCredit),
    imageAlt: clean(input.imageAlt),
    seoTitle: input.seoTitle && clean(input.seoTitle) !== "" ? clean(input.seoTitle) : null,
    seoDescription: input.seoDescription && clean(input.seoDescription) !== "" ? clean(input.seoDescription) : null,
  };
  if (out.title === "") fields.title = "Başlık boş olamaz.";
  else if (slugify(out.title) === "") fields.title = "Başlıkta en az bir harf ya da rakam olmalı.";
  for (const [key, max] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, number]>) {
    const value = out[key];
    if (typeof value === "string" && value.length > max) fields[key] = `En çok ${max.toLocaleString("tr-TR")} karakter olabilir.`;
  }
  if (!known.categories.includes(out.category)) fields.category = "Geçerli bir kategori seçin.";
  if (!known.sources.includes(out.source)) fields.source = "Geçerli bir kaynak seçin.";
  if (out.tags.length > 20) fields.tags = "En çok 20 etiket eklenebilir.";
  if (out.tags.some((t) => t.length > 60)) fields.tags = "Bir etiket en çok 60 karakter olabilir.";
  if (out.imageId !== null && out.imageAlt === "") fields.imageAlt = "Görsel için alternatif metin yazın (görme engelli okurlar için).";
  if (Object.keys(fields).length > 0) throw new InvalidInputError("Haber kaydedilemedi: işaretli alanları düzeltin.", fields);
  return out;
}

/** Plain text of an HTML body, one line per block: what word-level diffs compare. */
export function bodyText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*/g, "\n")
    .trim();
}
