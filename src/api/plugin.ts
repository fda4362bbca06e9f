// /api/v1: the public read API, the newsroom's write API, and the OpenAPI document generated from their schemas.
import swagger from "@fastify/swagger";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ViewCounter } from "../news/viewCounter.ts";
import { renderApiDocs } from "./docsPage.ts";
import { newsroomApiPlugin } from "./newsroomApi.ts";
import { apiPlugin } from "./routes.ts";
import { weatherApiPlugin } from "../weather/routes.tsx";
import { searchApiPlugin } from "../search/api.ts";
import { formatIstanbulClock } from "../lib/time.ts";

export interface ApiV1Options {
  db: Kysely<Database>;
  publicUrl: string;
  dataDir: string;
  maxUploadBytes: number;
  views: ViewCounter;
  now: () => Date;
}

export const apiV1Plugin: FastifyPluginAsyncTypebox<ApiV1Options> = async (app, opts) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Haberci API",
        version: "1",
        description: "Public read API (no token) and newsroom API (Bearer token with the role of its user). Errors: {error: {code, message, fields?}}.",
      },
      servers: [{ url: opts.publicUrl }],
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } },
    },
  });
  const { db, publicUrl, dataDir, maxUploadBytes, views, now } = opts;
  await app.register(apiPlugin, { db, publicUrl, views, now });
  await app.register(newsroomApiPlugin, { db, publicUrl, dataDir, maxUploadBytes, now });
  await app.register(searchApiPlugin, { db, publicUrl, now });
  await app.register(weatherApiPlugin, { db, updatedText: (iso) => `Son güncelleme ${formatIstanbulClock(iso)}` });

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/docs", { schema: { hide: true } }, async (_request, reply) => reply.type("text/html; charset=utf-8").send(renderApiDocs(app.swagger())));
};
