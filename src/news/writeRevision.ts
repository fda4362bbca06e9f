// The end of every save: the revision row and the search index, in the saving transaction.
import type { Kysely, Transaction } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { indexArticle } from "../search/index.ts";
import { type Snapshot, snapshotOf } from "./revisionSnapshot.ts";
import { addRevision } from "./revisionStore.ts";
import { searchDocumentOf } from "./searchFeed.ts";
import { authorsOfArticles } from "./authorStore.ts";
import { listCategories, listSources, tagNamesOf } from "./taxonomyStore.ts";
import type { Actor } from "./workflow.ts";

/** What a revision of `article` as stored now keeps: its text and fields, category, source and authors as slugs, tags by name. */
export async function articleSnapshot(db: Kysely<Database>, article: Article): Promise<Snapshot> {
  const [categories, sources, tags, authors] = await Promise.all([listCategories(db), listSources(db), tagNamesOf(db, article.id), authorsOfArticles(db, [article.id])]);
  return snapshotOf(article, {
    category: categories.find((c) => c.id === article.categoryId)?.slug ?? "",
    source: sources.find((s) => s.id === article.sourceId)?.slug ?? "",
    tags,
    authors: authors.get(article.id)?.map((a) => a.slug) ?? [],
  });
}

/**
 * Every save ends here: the search index follows the article and its revision (version
 * `article.version`) is written, in the same transaction. `actor` null is the system
 * (scheduled publishing); `note` is the revision's Turkish label ("Oluşturuldu").
 */
export async function writeRevision(trx: Transaction<Database>, article: Article, actor: Actor | null, now: Date, note = ""): Promise<void> {
  await indexArticle(trx, searchDocumentOf(article));
  const snap = await articleSnapshot(trx, article);
  await addRevision(trx, {
    articleId: article.id,
    version: article.version,
    status: article.status,
    title: snap.title,
    spot: snap.spot,
    body: snap.body,
    fields: JSON.stringify(snap.fields),
    authorId: actor?.id ?? null,
    authorLabel: actor?.name ?? "sistem",
    note,
    createdAt: now.toISOString(),
  });
}
