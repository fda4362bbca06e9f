// A whole article: for readers (published), for the newsroom's preview, for an API caller with a token.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { findArticleRow } from "./articleStore.ts";
import { findArticleFull, findPublishedArticle, listAroundArticle } from "./cardStore.ts";
import { chooseNextArticle } from "./nextArticle.ts";
import type { ArticleCard, ArticleFull } from "./types.ts";
import { type Actor, canView } from "./workflow.ts";

type Db = Kysely<Database>;

export interface ArticleView {
  article: ArticleFull;
  related: ArticleCard[];
  next: ArticleCard | null;
}

/**
 * A published article with what its page shows around it: up to 4 related articles and the next
 * one (chooseNextArticle). Two statements: the article (with source, author, picture and tags),
 * then what surrounds it. Throws NotFoundError.
 */
export async function getArticle(db: Db, id: number, now: Date): Promise<ArticleView> {
  const article = await findPublishedArticle(db, id, now);
  if (!article) throw new NotFoundError("Haber", id);
  const around = { id, categoryId: article.categoryId, publishedAt: article.publishedAt, tagIds: article.tags.map((t) => t.id) };
  const { related, older, newest } = await listAroundArticle(db, around, 4, now);
  return { article, related, next: chooseNextArticle(id, older, newest) };
}

/** Any article, as readers would see it once published: the newsroom's preview. */
export async function getArticlePreview(db: Db, id: number, now: Date): Promise<ArticleView> {
  const article = await findArticleFull(db, id, now, false);
  if (!article) throw new NotFoundError("Haber", id);
  return { article, related: [], next: null };
}

/**
 * A whole article, any status, for an API caller with a newsroom token, as long as `canView`
 * lets them see it. An article they may not see answers NotFoundError, exactly as it does for
 * the public: the token reveals neither its status nor that it exists.
 */
export async function getArticleForActor(db: Db, id: number, actor: Actor, now: Date): Promise<ArticleFull> {
  const row = await findArticleRow(db, id);
  const article = row && canView(row, actor) ? await findArticleFull(db, id, now, false) : undefined;
  if (!article) throw new NotFoundError("Haber", id);
  return article;
}
