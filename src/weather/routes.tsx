import { type FastifyPluginAsyncTypebox, type Static, Type } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { ErrorJson } from "../http/schemas.ts";
import { keepQuery } from "../lib/redirect.ts";
import type { Chrome } from "../ui/Layout.tsx";
import { provinceByName, provinceByPlate, provinceBySlug } from "./provinces.ts";
import { getAllWeather, getWeather, sortWeather, type WeatherSort, type WeatherView } from "./view.ts";
import { WeatherIndexPage, WeatherProvincePage } from "./views.tsx";

export interface WeatherRoutesOptions {
  db: Kysely<Database>;
  /** The site's header and footer (the reader site composes it; weather does not know the site). */
  chrome: () => Promise<Chrome>;
  /** Surrogate keys of weather pages in the page cache (the composition root names them; weather knows no cache). */
  cacheKeys: readonly string[];
}

/** Reader pages: /hava-durumu/ and /hava-durumu/{province}/. */
export const weatherPagesPlugin: FastifyPluginAsyncTypebox<WeatherRoutesOptions> = async (app, { db, chrome: loadChrome, cacheKeys }) => {
  app.get(
    "/hava-durumu/",
    {
      config: { pageCache: true },
      schema: {
        querystring: Type.Object({
          il: Type.Optional(Type.String({ pattern: "^[0-9]{2}$" })),
          sirala: Type.Optional(Type.Union([Type.Literal("ad"), Type.Literal("sicaklik"), Type.Literal("sicaklik-azalan")])),
        }),
      },
    },
    async (request, reply) => {
      // The header's picker without JavaScript: a form that leads to the province's page.
      if (request.query.il) {
        const province = provinceByPlate(request.query.il);
        if (!province) throw new NotFoundError("İl", request.query.il);
        return reply.redirect(`/hava-durumu/${province.slug}/`, 303);
      }
      const sort: WeatherSort = request.query.sirala ?? "ad";
      const [rows, chrome] = await Promise.all([getAllWeather(db), loadChrome()]);
      return reply.cacheWith(cacheKeys).render(WeatherIndexPage, { chrome, rows: sortWeather(rows, sort), sort });
    },
  );

  app.get("/hava-durumu", async (request, reply) => reply.redirect(keepQuery("/hava-durumu/", request.url), 301));

  app.get(
    "/hava-durumu/:slug/",
    { config: { pageCache: true }, schema: { params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 60 }) }) } },
    async (request, reply) => {
      const province = provinceBySlug(request.params.slug);
      if (!province) {
        // `/hava-durumu/İstanbul/`, as people type it: the province's own address.
        const named = provinceByName(request.params.slug);
        if (!named) throw new NotFoundError("İl", request.params.slug);
        return reply.redirect(keepQuery(`/hava-durumu/${named.slug}/`, request.url), 301);
      }
      const [weather, chrome] = await Promise.all([getWeather(db, province), loadChrome()]);
      return reply.cacheWith(cacheKeys).render(WeatherProvincePage, { chrome, weather });
    },
  );
};

const Forecast = Type.Object({
  date: Type.String(),
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  condition: Type.String(),
  precipitationChance: Type.Union([Type.Number(), Type.Null()]),
});

export const WeatherJson = Type.Object({
  plate: Type.String(),
  province: Type.String(),
  slug: Type.String(),
  url: Type.String(),
  text: Type.String({ description: "The header line, e.g. Çok Bulutlu 11.3ºC Ankara" }),
  reading: Type.Union([Type.String(), Type.Null()], { description: "The line without the province, e.g. Çok Bulutlu 11.3ºC; null before any data" }),
  condition: Type.Union([Type.String(), Type.Null()]),
  conditionText: Type.Union([Type.String(), Type.Null()]),
  temperature: Type.Union([Type.Number(), Type.Null()]),
  observedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedText: Type.Union([Type.String(), Type.Null()], { description: "e.g. Son güncelleme 14:15" }),
  forecast: Type.Array(Forecast),
});

function toJson(v: WeatherView, updatedText: string | null): Static<typeof WeatherJson> {
  return {
    plate: v.plate,
    province: v.province,
    slug: v.slug,
    url: `/hava-durumu/${v.slug}/`,
    text: v.text,
    reading: v.reading,
    condition: v.condition,
    conditionText: v.conditionText,
    temperature: v.temperature,
    observedAt: v.observedAt,
    updatedAt: v.updatedAt,
    updatedText,
    forecast: v.forecast,
  };
}

/** JSON for the header's province picker: small and cacheable, the same for every reader. */
export const weatherApiPlugin: FastifyPluginAsyncTypebox<{ db: Kysely<Database>; updatedText: (iso: string) => string }> = async (app, { db, updatedText }) => {
  app.get(
    "/weather",
    { schema: { summary: "Weather for all 81 provinces", response: { 200: Type.Object({ items: Type.Array(WeatherJson) }) } } },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return { items: (await getAllWeather(db)).map((v) => toJson(v, v.updatedAt ? updatedText(v.updatedAt) : null)) };
    },
  );

  app.get(
    "/weather/:plate",
    {
      schema: {
        summary: "Weather for one province by plate code (01-81)",
        params: Type.Object({ plate: Type.String({ pattern: "^[0-9]{2}$" }) }),
        response: { 200: WeatherJson, 404: ErrorJson },
      },
    },
    async (request, reply) => {
      const province = provinceByPlate(request.params.plate);
      if (!province) throw new NotFoundError("İl", request.params.plate);
      const v = await getWeather(db, province);
      reply.header("cache-control", "public, max-age=300");
      return toJson(v, v.updatedAt ? updatedText(v.updatedAt) : null);
    },
  );
};
