// Writes the generated corpus (bench/corpus.ts) through the app's own store and index calls, as a
// newsroom save would: shared by bench:search and bench:http --articles N.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../src/db/schema.ts";
import { bodyText } from "../src/lib/htmlText.ts";
import { slugify } from "../src/lib/slug.ts";
import { insertArticle } from "../src/news/articleStore.ts";
import { listCategories, listSources } from "../src/news/taxonomyStore.ts";
import { indexArticle } from "../src/search/index.ts";
import { type CorpusOptions, generateArticle } from "./corpus.ts";

/** Where generated articles go: category ids by slug, and the default source `haberci`. */
export interface CorpusTarget {
  categories: Map<string, number>;
  sourceId: number;
}

/** The target in a migrated database with the default categories and sources; throws when `haberci` is missing. */
export async function corpusTarget(db: Kysely<Database>): Promise<CorpusTarget> {
  const categories = new Map((await listCategories(db)).map((c) => [c.slug, c.id]));
  const source = (await listSources(db)).find((s) => s.slug === "haberci");
  if (!source) throw new Error("the default source haberci is missing");
  return { categories, sourceId: source.id };
}

/** Writes generated article `i` as published and indexes it for search in `trx`; returns its word count. */
export async function writeGeneratedArticle(trx: Transaction<Database>, i: number, options: CorpusOptions, target: CorpusTarget): Promise<number> {
  const a = generateArticle(i, options);
  const categoryId = target.categories.get(a.categorySlug);
  if (categoryId === undefined) throw new Error(`unknown category ${a.categorySlug}`);
  const id = await insertArticle(trx, {
    slug: slugify(a.title),
    title: a.title,
    spot: a.spot,
    body: a.body,
    categoryId,
    sourceId: target.sourceId,
    imageId: null,
    imageCaption: "",
    imageCredit: "",
    imageAlt: "",
    status: "published",
    createdAt: a.publishedAt,
    updatedAt: a.publishedAt,
    publishedAt: a.publishedAt,
  });
  await indexArticle(trx, { id, title: a.title, spot: a.spot, bodyText: bodyText(a.body), status: "published", categoryId, publishedAt: a.publishedAt });
  return a.words;
}
