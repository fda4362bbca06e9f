import { type FastifyPluginAsyncTypebox, Type } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import { ErrorJson } from "../api/schemas.ts";
import type { Database } from "../db/schema.ts";
import { loadChrome } from "../site/chrome.ts";
import { Card, Pagination } from "../site/views/components.tsx";
import type { Assets } from "../ui/assets.ts";
import { type Chrome, Layout } from "../ui/Layout.tsx";
import { renderDocument } from "../ui/render.ts";
import { type SearchResult, searchArticles } from "./searchArticles.ts";
import { COUNT_CAP } from "./backends.ts";
import { IsoDay, Slug } from "../http/schemas.ts";

const PAGE_SIZE = 20;

interface SearchFilters {
  category?: string;
  from?: string;
  to?: string;
}

function SearchPage({ chrome, result, filters }: { chrome: Chrome; result: SearchResult; filters: SearchFilters }) {
  const q = result.query;
  const { category } = filters;
  const extra = `${category ? `&kategori=${category}` : ""}${filters.from ? `&baslangic=${filters.from}` : ""}${filters.to ? `&bitis=${filters.to}` : ""}`;
  const href = (n: number) => `/arama?q=${encodeURIComponent(q)}${extra}${n > 1 ? `&sayfa=${n}` : ""}`;
  return (
    <Layout chrome={chrome} title={q ? `“${q}” araması | ${chrome.siteName}` : `Arama | ${chrome.siteName}`} noindex searchQuery={q}>
      <h1 class="page-title">{q ? `“${q}” için arama sonuçları` : "Haberlerde ara"}</h1>
      <form class="search-form" action="/arama" method="get" role="search">
        <label for="arama-sayfa" class="visually-hidden">
          Aranacak sözcükler
        </label>
        <input id="arama-sayfa" type="search" name="q" value={q} maxLength={200} placeholder="Örneğin: İstanbul deprem" />
        <label for="kategori" class="visually-hidden">
          Kategori
        </label>
        <select id="kategori" name="kategori">
          <option value="">Tüm kategoriler</option>
          {chrome.categories.map((c) => (
            <option key={c.slug} value={c.slug} selected={c.slug === category}>
              {c.name}
            </option>
          ))}
        </select>
        <label for="baslangic">Başlangıç</label>
        <input id="baslangic" type="date" name="baslangic" value={filters.from ?? ""} />
        <label for="bitis">Bitiş</label>
        <input id="bitis" type="date" name="bitis" value={filters.to ?? ""} />
        <button type="submit">Ara</button>
      </form>
      {result.truncated && <p class="hint">Aramanız çok uzundu; ilk 200 karakteri kullanıldı.</p>}
      {!q ? (
        <p class="empty">Aramak istediğiniz sözcükleri yazın. Türkçe karakter kullanmasanız da bulunur: “kudus”, “igdir”, “sanliurfa”.</p>
      ) : result.total === 0 ? (
        <div class="empty">
          <p>“{q}” ile eşleşen haber bulunamadı.</p>
          <ul>
            <li>Yazımı kontrol edin ya da daha az sözcükle deneyin.</li>
            <li>Daha genel bir sözcük deneyin: “deprem”, “ekonomi”, “seçim”.</li>
            {category && (
              <li>
                <a href={`/arama?q=${encodeURIComponent(q)}`}>Tüm kategorilerde arayın</a>.
              </li>
            )}
          </ul>
        </div>
      ) : (
        <>
          <p class="search-count">{result.capped ? `${result.total.toLocaleString("tr-TR")}'den fazla haber bulundu; en yenileri gösteriliyor.` : `${result.total.toLocaleString("tr-TR")} haber bulundu.`}</p>
          <ol class="search-results" start={(result.page - 1) * PAGE_SIZE + 1}>
            {result.hits.map((hit) => (
              <li key={hit.card.id}>
                <Card article={hit.card} variant="row" headingLevel={2} />
                <p class="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              </li>
            ))}
          </ol>
          <Pagination page={result.page} pageCount={result.pageCount} href={href} />
        </>
      )}
    </Layout>
  );
}

export const searchPagePlugin: FastifyPluginAsyncTypebox<{ db: Kysely<Database>; assets: Assets; publicUrl: string; now: () => Date }> = async (app, { db, assets, publicUrl, now }) => {
  app.get(
    "/arama",
    {
      schema: {
        querystring: Type.Object({
          // Any text is accepted and answered (the URL limit bounds it; past 200 characters it is cut).
          q: Type.Optional(Type.String()),
          // The form sends empty filters as "".
          kategori: Type.Optional(Type.Union([Slug, Type.Literal("")])),
          baslangic: Type.Optional(Type.Union([IsoDay, Type.Literal("")])),
          bitis: Type.Optional(Type.Union([IsoDay, Type.Literal("")])),
          sayfa: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (request, reply) => {
      const category = request.query.kategori || undefined;
      const filters = { category, from: request.query.baslangic || undefined, to: request.query.bitis || undefined };
      const [result, chrome] = await Promise.all([
        searchArticles(db, {
          q: request.query.q ?? "",
          category,
          from: filters.from,
          to: filters.to,
          page: request.query.sayfa ?? 1,
          pageSize: PAGE_SIZE,
          now: now(),
        }),
        loadChrome(db, assets, publicUrl),
      ]);
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "public, max-age=60")
        .send(renderDocument(<SearchPage chrome={chrome} result={result} filters={filters} />));
    },
  );
};

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
          200: Type.Object({ total: Type.Integer({ description: `Matches, counted up to ${COUNT_CAP}` }), capped: Type.Boolean({ description: `More than ${COUNT_CAP} matches` }), page: Type.Integer(), items: Type.Array(Hit) }),
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
        items: result.hits.map((h) => ({ id: h.card.id, title: h.card.title, url: publicUrl + h.card.url, snippet: h.snippet, category: h.card.category, publishedAt: h.card.publishedAt })),
      };
    },
  );
};
