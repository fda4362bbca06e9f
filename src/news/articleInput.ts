// What an editor or the API sends for an article, checked and normalised. Pure.
import { InvalidInputError } from "../errors.ts";
import { removeControlCharacters, sanitizeBody } from "./sanitizeBody.ts";
import { slugify } from "../lib/slug.ts";

export interface ArticleInput {
  title: string;
  spot: string;
  /** HTML from the editor; sanitised here. */
  body: string;
  category: string;
  source: string;
  tags: string[];
  /** The byline: author slugs, in order; empty for an agency item (a new article's default is its creator). */
  authors: string[];
  imageId: number | null;
  imageCaption: string;
  imageCredit: string;
  imageAlt: string;
  isBreaking: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
}

/** A blank article: what the "Yeni haber" form starts from (`authors`: the writer's own profile, when they have one). */
export function emptyArticleInput(category: string, source: string, authors: string[] = []): ArticleInput {
  return {
    title: "",
    spot: "",
    body: "",
    category,
    source,
    tags: [],
    authors,
    imageId: null,
    imageCaption: "",
    imageCredit: "",
    imageAlt: "",
    isBreaking: false,
    seoTitle: null,
    seoDescription: null,
  };
}

/** At most this many authors in one byline. */
export const MAX_AUTHORS = 6;

const LIMITS = { title: 200, spot: 600, body: 200_000, imageCaption: 500, imageCredit: 120, imageAlt: 300, seoTitle: 120, seoDescription: 320 };

/**
 * Text of a field that may hold line breaks (spot): control characters removed (NUL, other C0
 * controls, DEL, C1; tab and newline kept, CRLF -> LF), trimmed.
 */
export function cleanMultiLine(text: string): string {
  return removeControlCharacters(text).trim();
}

/**
 * Text of a single-line field (title, tag, caption, credit, alt text, SEO fields): control
 * characters removed and every run of whitespace, tab and newline included, made one space.
 */
export function cleanLine(text: string): string {
  return removeControlCharacters(text).replace(/\s+/g, " ").trim();
}

/**
 * Splits "Ankara, Ekonomi , ankara" into distinct tag names (first spelling wins; two names
 * with one slug are one tag). A name without a usable slug (`🚀`, `北京`) is kept, not dropped,
 * so that normaliseArticleInput can refuse it by name.
 */
export function parseTagList(raw: string | string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of (Array.isArray(raw) ? raw : raw.split(",")).map(cleanLine)) {
    if (name === "") continue;
    // Unusable names are told apart by their text; "\0" cannot occur in a cleaned name.
    const key = slugify(name) || `\0${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Why a name gives no slug, for the editor: the slug needs a letter or digit we can spell in Latin. */
const NO_SLUG_REASON = "Latin harflerine çevrilebilen en az bir harf ya da rakam olmalı.";

/** `"🚀"`, or `"🚀", "北京"`: tag names as quoted in a message, each cut to 40 characters. */
function quoteNames(names: string[]): string {
  return names.map((n) => `"${[...n].length > 40 ? `${[...n].slice(0, 40).join("")}…` : n}"`).join(", ");
}

/**
 * Checks lengths and required fields, cleans the text (control characters out; single-line
 * fields on one line) and the body; throws InvalidInputError with a Turkish message per field.
 * Category and source must be among the known slugs; the title and every tag must give a slug
 * (slug.ts), else the field's message names the problem (and the tag) instead of a silent drop.
 */
export function normaliseArticleInput(input: ArticleInput, known: { categories: string[]; sources: string[] }): ArticleInput {
  const fields: Record<string, string> = {};
  const out: ArticleInput = {
    ...input,
    title: cleanLine(input.title),
    spot: cleanMultiLine(input.spot),
    body: sanitizeBody(input.body),
    tags: parseTagList(input.tags),
    authors: [...new Set(input.authors.map((a) => a.trim()).filter((a) => a !== ""))],
    imageCaption: cleanLine(input.imageCaption),
    imageCredit: cleanLine(input.imageCredit),
    imageAlt: cleanLine(input.imageAlt),
    seoTitle: input.seoTitle && cleanLine(input.seoTitle) !== "" ? cleanLine(input.seoTitle) : null,
    seoDescription: input.seoDescription && cleanLine(input.seoDescription) !== "" ? cleanLine(input.seoDescription) : null,
  };
  if (out.title === "") fields.title = "Başlık boş olamaz.";
  else if (slugify(out.title) === "") fields.title = `Başlıktan bir adres üretilemedi: ${NO_SLUG_REASON}`;
  for (const [key, max] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, number]>) {
    const value = out[key];
    if (typeof value === "string" && value.length > max) fields[key] = `En çok ${max.toLocaleString("tr-TR")} karakter olabilir.`;
  }
  if (!known.categories.includes(out.category)) fields.category = "Geçerli bir kategori seçin.";
  if (!known.sources.includes(out.source)) fields.source = "Geçerli bir kaynak seçin.";
  const unusable = out.tags.filter((t) => slugify(t) === "");
  if (unusable.length === 1) fields.tags = `${quoteNames(unusable)} etiketinden bir adres üretilemedi: ${NO_SLUG_REASON}`;
  else if (unusable.length > 1) fields.tags = `${quoteNames(unusable)} etiketlerinden adres üretilemedi: her etikette ${NO_SLUG_REASON}`;
  else if (out.tags.length > 20) fields.tags = "En çok 20 etiket eklenebilir.";
  else if (out.tags.some((t) => t.length > 60)) fields.tags = "Bir etiket en çok 60 karakter olabilir.";
  if (out.authors.length > MAX_AUTHORS) fields.authors = `En çok ${MAX_AUTHORS} yazar seçilebilir.`;
  if (out.imageId !== null && out.imageAlt === "") fields.imageAlt = "Görsel için alternatif metin yazın (görme engelli okurlar için).";
  if (Object.keys(fields).length > 0) throw new InvalidInputError("Haber kaydedilemedi: işaretli alanları düzeltin.", fields);
  return out;
}
