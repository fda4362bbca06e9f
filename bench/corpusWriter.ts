// Writes the generated corpus (bench/corpus.ts) through the app's own store and index calls, as a
// newsroom save would: shared by bench:search, bench:http --articles N and its sitemap month.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../src/db/schema.ts";
import { bodyText } from "../src/lib/htmlText.ts";
import { slugify } from "../src/lib/slug.ts";
import { parseDatabaseUrl } from "../src/config.ts";
import { connectDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { countArticles, insertArticle } from "../src/news/articleStore.ts";
import { installDefaults } from "../src/news/installDefaults.ts";
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

/**
 * Opens `databaseUrl` (sqlite:FILE or postgres://…), migrates it and installs the defaults; when it holds
 * no articles, runs `write` with the corpus target and returns what it returns (how many it wrote). A
 * database that already has articles is left as it is (0). Closes the database either way.
 */
export async function fillEmptyCorpus(databaseUrl: string, write: (db: Kysely<Database>, target: CorpusTarget) => Promise<number>): Promise<number> {
  const handle = await connectDatabase(parseDatabaseUrl(databaseUrl));
  try {
    await migrateToLatest(handle.db);
    await installDefaults(handle.db);
    if ((await countArticles(handle.db)) > 0) return 0;
    return await write(handle.db, await corpusTarget(handle.db));
  } finally {
    await handle.close();
  }
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
