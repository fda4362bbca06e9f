import { type FastifyPluginAsyncTypebox, Type } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { getArticle } from "../news/getArticle.ts";
import { getHome } from "../news/getHome.ts";
import { getBreakingNews, getCategoryPage, getTagPage } from "../news/listPublishedArticles.ts";
import { categoryPath, parseNewsFile, tagPath } from "../news/slug.ts";
import { keepQuery } from "../lib/redirect.ts";
import { IdParams, IsoDay, PageNumber, Slug } from "../http/schemas.ts";
import { searchArticles } from "../search/searchArticles.ts";
import { SEARCH_PAGE_SIZE, SearchPage } from "./views/SearchPage.tsx";
import type { Assets } from "../ui/assets.ts";
import { renderFragment } from "../ui/render.ts";
import { loadChrome } from "./chrome.ts";
import { ArticlePage } from "./views/ArticlePage.tsx";
import { ArticleView } from "./views/ArticleView.tsx";
import { HomePage } from "./views/HomePage.tsx";
import { ListPage } from "./views/ListPage.tsx";

export interface SiteOptions {
  db: Kysely<Database>;
  assets: Assets;
  publicUrl: string;
  now: () => Date;
}

// Reader pages may be kept briefly by browsers and CDNs; publishing shows up within a minute.
const PAGE_CACHE = "public, max-age=30, stale-while-revalidate=120";

export const sitePlugin: FastifyPluginAsyncTypebox<SiteOptions> = async (app, { db, assets, publicUrl, now }) => {
  const chrome = () => loadChrome(db, assets, publicUrl);

  app.addHook("onSend", async (request, reply) => {
    if (request.method === "GET" && reply.statusCode === 200 && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", PAGE_CACHE);
    }
  });

  app.get("/", async (_request, reply) => {
    const [data, c] = await Promise.all([getHome(db, now()), chrome()]);
    return reply.render(HomePage, { chrome: c, data });
  });

  app.get("/haber/:category", { schema: { params: Type.Object({ category: Slug }) } }, async (request, reply) =>
    reply.redirect(keepQuery(categoryPath(request.params.category), request.url), 301),
  );

  /** Page 1 of a category and the later pages share one view; only their wording differs. */
  const sendCategoryPage = async (reply: FastifyReply, slug: string, pageNo: number) => {
    const c = await chrome();
    const { category, page } = await getCategoryPage(db, slug, pageNo, now());
    const first = page.page === 1;
    return reply.render(ListPage, {
      chrome: c,
      heading: first ? category.name : `${category.name} — Sayfa ${page.page}`,
      title: first ? `${category.name} Haberleri | ${c.siteName}` : `${category.name} Haberleri, Sayfa ${page.page} | ${c.siteName}`,
      description: first ? `${category.name} kategorisindeki en son haberler.` : `${category.name} kategorisindeki haberler, sayfa ${page.page}.`,
      canonicalPath: categoryPath(category.slug, page.page),
      activeCategory: category.slug,
      items: page.items,
      page: page.page,
      pageCount: page.pageCount,
      pageHref: (n) => categoryPath(category.slug, n),
    });
  };

  app.get("/haber/:category/", { schema: { params: Type.Object({ category: Slug }) } }, async (request, reply) => sendCategoryPage(reply, request.params.category, 1));

  app.get("/haber/:category/:file", { schema: { params: Type.Object({ category: Slug, file: Type.String({ maxLength: 300 }) }) } }, async (request, reply) => {
    const parsed = parseNewsFile(request.params.file);
    if (!parsed) throw new NotFoundError("Sayfa");
    if (parsed.kind === "page") {
      if (parsed.page === 1) return reply.redirect(keepQuery(categoryPath(request.params.category), request.url), 301);
      return sendCategoryPage(reply, request.params.category, parsed.page);
    }
    const data = await getArticle(db, parsed.id, now());
    // The id decides: an old slug or category answers with the canonical address.
    if (request.url.split("?")[0] !== data.article.url) return reply.redirect(keepQuery(data.article.url, request.url), 301);
    const c = await chrome();
    return reply.render(ArticlePage, { chrome: c, data });
  });

  app.get("/haber-parca/:id", { schema: { params: IdParams } }, async (request, reply) => {
    const data = await getArticle(db, request.params.id, now());
    return reply
      .type("text/html; charset=utf-8")
      .header("x-robots-tag", "noindex")
      .send(renderFragment(<ArticleView {...data} first={false} />));
  });

  app.get(
    "/etiket/:tag/",
    {
      schema: {
        params: Type.Object({ tag: Slug }),
        querystring: Type.Object({ sayfa: Type.Optional(PageNumber) }),
      },
    },
    async (request, reply) => {
      const pageNo = request.query.sayfa ?? 1;
      const c = await chrome();
      const { tag, page } = await getTagPage(db, request.params.tag, pageNo, now());
      return reply.render(ListPage, {
        chrome: c,
        heading: `Etiket: ${tag.name}`,
        title: `${tag.name} haberleri | ${c.siteName}`,
        description: `${tag.name} ile ilgili son haberler.`,
        canonicalPath: tagPath(tag.slug, pageNo),
        items: page.items,
        page: page.page,
        pageCount: page.pageCount,
        pageHref: (n) => tagPath(tag.slug, n),
      });
    },
  );

  app.get("/etiket/:tag", { schema: { params: Type.Object({ tag: Slug }) } }, async (request, reply) =>
    reply.redirect(keepQuery(tagPath(request.params.tag), request.url), 301),
  );

  app.get("/son-dakika/", async (_request, reply) => {
    const [items, c] = await Promise.all([getBreakingNews(db, now()), chrome()]);
    return reply.render(ListPage, {
      chrome: c,
      heading: "Son Dakika",
      title: `Son dakika haberleri | ${c.siteName}`,
      description: "Türkiye ve dünyadan son dakika gelişmeleri.",
      canonicalPath: "/son-dakika/",
      items: items,
      empty: "Şu anda son dakika haberi yok.",
    });
  });

  app.get("/son-dakika", async (request, reply) => reply.redirect(keepQuery("/son-dakika/", request.url), 301));

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
      const filters = { category: request.query.kategori || undefined, from: request.query.baslangic || undefined, to: request.query.bitis || undefined };
      const [result, c] = await Promise.all([
        searchArticles(db, { q: request.query.q ?? "", ...filters, page: request.query.sayfa ?? 1, pageSize: SEARCH_PAGE_SIZE, now: now() }),
        chrome(),
      ]);
      return reply.header("cache-control", "public, max-age=60").render(SearchPage, { chrome: c, result, filters });
    },
  );
};
