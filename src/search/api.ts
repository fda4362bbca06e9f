// GET /api/v1/search: the JSON face of the Turkish search (the reader page lives in site/).
import { type FastifyPluginAsyncTypebox, Type } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { ErrorJson, IsoDay, Slug } from "../http/schemas.ts";
import { COUNT_CAP } from "./backends.ts";
import { searchArticles } from "./searchArticles.ts";

const Hit = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  snippet: Type.String({ description: "HTML-escaped text with <mark> around the matches" }),
  category: Type.Object({ slug: Type.String(), name: Type.String() }),
  publishedAt: Type.String({ format: "date-time" }),
});

export const searchApiPlugin: FastifyPluginAsyncTypebox<{ db: Kysely<Database>; publicUrl: string; now: () => Date }> = async (app, { db, publicUrl, now }) => {
  app.get(
    "/search",
    {
      schema: {
        summary: "Search published articles (Turkish-aware)",
        querystring: Type.Object({
          q: Type.String({ default: "" }),
          category: Type.Optional(Slug),
          from: Type.Optional(IsoDay),
          to: Type.Optional(IsoDay),
          page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer({ description: `Matches, counted up to ${COUNT_CAP}` }),
            capped: Type.Boolean({ description: `More than ${COUNT_CAP} matches` }),
            page: Type.Integer(),
            items: Type.Array(Hit),
          }),
          400: ErrorJson,
        },
      },
    },
    async (request, reply) => {
      const { q, category, from, to, page } = request.query;
      const result = await searchArticles(db, {
        q,
        category,
        from,
        to,
        page,
        pageSize: 20,
        now: now(),
      });
      reply.header("cache-control", "public, max-age=60");
      return {
        total: result.total,
        capped: result.capped,
        page: result.page,
        items: result.hits.map((h) => ({
          id: h.card.id,
          title: h.card.title,
          url: publicUrl + h.card.url,
          snippet: h.snippet,
          category: h.card.category,
          publishedAt: h.card.publishedAt,
        })),
      };
    },
  );
};
