// An article input checked against what the database knows: categories, sources, images.
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { InvalidInputError } from "../errors.ts";
import { slugify } from "../lib/slug.ts";
import { findImage } from "../media/store.ts";
import { type ArticleInput, normaliseArticleInput } from "./articleInput.ts";
import { findAuthorsBySlugs } from "./authorStore.ts";
import { listCategories, listSources } from "./taxonomyStore.ts";

/** An input checked against the known categories, sources and images: what an edit writes. */
export interface ResolvedInput {
  input: ArticleInput;
  categoryId: number;
  sourceId: number;
  /** The title's slug (lib/slug.ts). */
  slug: string;
  /** The byline's author ids, in order (from `input.authors`). */
  authorIds: number[];
}

/**
 * Normalises and checks `raw` (normaliseArticleInput), then resolves its category and source
 * slugs to ids, its author slugs to ids, and checks that its image exists. Throws InvalidInputError
 * with Turkish messages per field; an unknown author slug with the code "unknown_author".
 */
export async function resolveArticleInput(trx: Transaction<Database>, raw: ArticleInput): Promise<ResolvedInput> {
  const [categories, sources] = await Promise.all([listCategories(trx), listSources(trx)]);
  const input = normaliseArticleInput(raw, { categories: categories.map((c) => c.slug), sources: sources.map((s) => s.slug) });
  const category = categories.find((c) => c.slug === input.category);
  const source = sources.find((s) => s.slug === input.source);
  if (!category || !source) throw new InvalidInputError("Geçerli bir kategori ve kaynak seçin.");
  if (input.imageId !== null && !(await findImage(trx, input.imageId))) {
    throw new InvalidInputError("Seçilen görsel bulunamadı.", { imageId: "Görsel bulunamadı." });
  }
  const authors = await findAuthorsBySlugs(trx, input.authors);
  const unknown = input.authors.filter((slug) => !authors.some((a) => a.slug === slug));
  if (unknown.length > 0) {
    const message = `Bilinmeyen yazar: ${unknown.join(", ")}.`;
    throw new InvalidInputError(message, { authors: message }, "unknown_author");
  }
  return { input, categoryId: category.id, sourceId: source.id, slug: slugify(input.title), authorIds: authors.map((a) => a.id) };
}
