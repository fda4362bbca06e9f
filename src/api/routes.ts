import { type FastifyPluginAsyncTypebox, type Static, Type } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { getArticle, getArticleForActor } from "../news/getArticle.ts";
import { listArticles } from "../news/listPublishedArticles.ts";
import { recordArticleView } from "../news/viewCounter.ts";
import { ErrorJson } from "../http/schemas.ts";
import type { ArticleFull } from "../news/types.ts";
import type { ViewCounter } from "../news/viewCounter.ts";
import { LATEST_KEY, articleKey, articleKeys, bylineKeys, categoryKey, tagKey } from "../cache/keys.ts";

export interface ApiOptions {
  db: Kysely<Database>;
  publicUrl: string;
  views: ViewCounter;
  now: () => Date;
}

const Ref = Type.Object({ slug: Type.String(), name: Type.String() });

export const ArticleJson = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  spot: Type.String(),
  url: Type.String({ description: "Canonical address of the article page" }),
  category: Ref,
  tags: Type.Array(Ref),
  source: Ref,
  authors: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String({ description: "Absolute address of the author page" }) }), {
    description: "The byline, in order; empty for an agency item (see source)",
  }),
  publishedAt: Type.String({ format: "date-time" }),
  updatedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
    description: "Last edit after publication, or null",
  }),
  status: Type.Optional(Type.String({ description: "Only with a newsroom token" })),
  version: Type.Optional(Type.Integer({ description: "Only with a newsroom token" })),
  image: Type.Union([
    Type.Object({
      url: Type.String(),
      srcset: Type.String(),
      width: Type.Integer(),
      height: Type.Integer(),
      alt: Type.String(),
      caption: Type.String(),
      credit: Type.String(),
    }),
    Type.Null(),
  ]),
});

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

function toJson(a: ArticleFull, publicUrl: string): Static<typeof ArticleJson> {
  return {
    id: a.id,
    title: a.title,
    spot: a.spot,
    url: publicUrl + a.url,
    category: a.category,
    tags: a.tags,
    source: a.source,
    authors: a.authors.map((au) => ({ slug: au.slug, name: au.name, url: publicUrl + au.url })),
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    image: a.picture
      ? {
          url: publicUrl + a.picture.src,
          srcset: a.picture.srcset
            .split(", ")
            .map((entry) => publicUrl + entry)
            .join(", "),
          width: a.picture.width,
          height: a.picture.height,
          alt: a.picture.alt,
          caption: a.imageCaption,
          credit: a.imageCredit,
        }
      : null,
  };
}

/** The list a filtered API answer shows: one category's, one tag's (both: either may change it), or every article. */
/** A request header as one text (repeated headers joined), or undefined when absent. */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function listKeysOf(filter: { categoryId?: number; tagId?: number }): string[] {
  const keys = [];
  if (filter.categoryId !== undefined) keys.push(categoryKey(filter.categoryId));
  if (filter.tagId !== undefined) keys.push(tagKey(filter.tagId));
  return keys.length > 0 ? keys : [LATEST_KEY];
}

export const apiPlugin: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { db, publicUrl, views, now }) => {
  app.get(
    "/articles",
    {
      config: { pageCache: true },
      schema: {
        summary: "Published articles, newest first",
        querystring: Type.Object({
          category: Type.Optional(Type.String({ pattern: "^[a-z0-9-]{1,200}$" })),
          tag: Type.Optional(Type.String({ pattern: "^[a-z0-9-]{1,200}$" })),
          page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
          limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
        }),
        response: {
          200: Type.Object({ items: Type.Array(ArticleJson), total: Type.Integer(), page: Type.Integer() }),
          400: ErrorJson,
        },
      },
    },
    async (request, reply) => {
      const result = await listArticles(db, request.query, now());
      // A slug that names nothing yet is not kept: the first article to carry it would not drop the answer.
      if (result.filter) reply.cacheWith([...listKeysOf(result.filter), ...articleKeys(result.items), ...result.items.flatMap((a) => bylineKeys(a.authors))]);
      return { items: result.items.map((a) => toJson(a, publicUrl)), total: result.total, page: result.page };
    },
  );

  app.get(
    "/articles/:id",
    {
      config: { pageCache: true },
      schema: {
        summary: "One published article (with a newsroom token: any article its user may view)",
        params: Id,
        response: { 200: ArticleJson, 401: ErrorJson, 404: ErrorJson },
      },
    },
    async (request, reply) => {
      // With a newsroom token, the articles its user may view (`canView`: editors any, reporters their
      // own and published ones) come with status and version; any other answers 404, as for the public.
      const actor = request.actor;
      if (actor) {
        const article = await getArticleForActor(db, request.params.id, actor, now());
        reply.header("cache-control", "private, no-store");
        return { ...toJson(article, publicUrl), status: article.status, version: article.version };
      }
      const { article } = await getArticle(db, request.params.id, now());
      reply.cacheWith([articleKey(article.id), ...bylineKeys(article.authors)]);
      return toJson(article, publicUrl);
    },
  );

  // The browser reports each article a reader actually sees (also those loaded below as "Sıradaki Haber").
  app.post("/articles/:id/views", { schema: { summary: "Count a page view", params: Id, response: { 204: Type.Null(), 404: ErrorJson } } }, async (request, reply) => {
    // Bots and prefetches answer the same 204 (they learn nothing); news/viewCounter.ts decides what counts.
    await recordArticleView(db, views, request.params.id, {
      ip: request.ip,
      userAgent: request.headers["user-agent"],
      purpose: headerText(request.headers["sec-purpose"] ?? request.headers.purpose ?? request.headers["x-purpose"]),
    });
    return reply.code(204).send(null);
  });
};
