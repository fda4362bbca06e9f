// Reads for the newsroom: an article as the editor form shows it, and the lists.
import type { Kysely } from "kysely";
import type { Article, ArticleStatus, Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import type { ArticleInput } from "./articleInput.ts";
import * as store from "./store.ts";
import { currentSnapshotForRead } from "./writeSupport.ts";

export async function loadArticleForEditing(db: Kysely<Database>, id: number): Promise<{ article: Article; values: ArticleInput }> {
  const article = await store.findArticleRow(db, id);
  if (!article) throw new NotFoundError("Haber", id);
  const snap = await currentSnapshotForRead(db, article);
  return { article, values: { title: snap.title, spot: snap.spot, body: snap.body, ...snap.fields } };
}

export async function listForNewsroom(db: Kysely<Database>, filter: { status?: ArticleStatus; ownerId?: number; ids?: number[]; limit?: number; offset?: number }) {
  return store.listNewsroomArticles(db, { ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
}

export async function listCategoriesAndSources(db: Kysely<Database>) {
  const [categories, sources] = await Promise.all([store.listCategories(db), store.listSources(db)]);
  return { categories, sources };
}

export async function suggestTags(db: Kysely<Database>, text: string) {
  return store.suggestTags(db, text, 10);
}
