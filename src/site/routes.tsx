import { type FastifyPluginAsyncTypebox, Type } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { getArticle } from "../news/getArticle.ts";
import { getHome } from "../news/getHome.ts";
import { getAuthorPage, getBreakingNews, getCategoryPage, getTagPage } from "../news/listPublishedArticles.ts";
import { authorPath, categoryPath, parseNewsFile, tagPath } from "../news/slug.ts";
import { keepQuery } from "../lib/redirect.ts";
import { IdParams, IsoDay, PageNumber, Slug } from "../http/schemas.ts";
import { searchArticles } from "../search/searchArticles.ts";
import { SEARCH_PAGE_SIZE, SearchPage } from "./views/SearchPage.tsx";
import type { Assets } from "../ui/assets.ts";
import { renderFragment } from "../ui/render.ts";
import { loadChrome } from "./chrome.ts";
import { breadcrumbs } from "./structuredData.ts";
import { ArticlePage } from "./views/ArticlePage.tsx";
import { AuthorPage } from "./views/AuthorPage.tsx";
import { ArticleView } from "./views/ArticleView.tsx";
import { HomePage } from "./views/HomePage.tsx";
import { ListPage } from "./views/ListPage.tsx";
import type { ArticleView as ArticleData } from "../news/getArticle.ts";
import { feedAlternates } from "../feeds/paths.ts";
import {
  BREAKING_KEY,
  HEADLINES_KEY,
  LATEST_KEY,
  SEARCH_KEY,
  WEATHER_KEY,
  articleKey,
  articleKeys,
  authorKey,
  bylineKey,
  bylineKeys,
  categoryKey,
  tagKey,
} from "../cache/keys.ts";

export interface SiteOptions {
  db: Kysely<Database>;
  assets: Assets;
  publicUrl: string;
  now: () => Date;
}

/** Reader pages are kept in the page cache (cache/plugin.ts) until a change touches what they show. */
const cached = { config: { pageCache: true } } as const;

/** Most-read figures move by themselves: pages showing them are rendered again after a minute. */
const MOST_READ_MAX_AGE_MS = 60_000;

/**
 * What an article's page shows besides itself: related articles, the next one, and the lists that
 * decide them — its tags' articles rank as related; "Sıradaki Haber" is its neighbour in its category,
 * which any article entering or leaving the category (a publish, a republish at its old time, a move)
 * can change — and the byline's authors, whose names and addresses it shows.
 */
function articlePageKeys({ article, related, next }: ArticleData): string[] {
  const keys = [
    articleKey(article.id),
    categoryKey(article.categoryId),
    ...articleKeys(related),
    ...article.tags.map((t) => tagKey(t.id)),
    ...bylineKeys(article.authors),
  ];
  if (next) keys.push(articleKey(next.id));
  return keys;
}

export const sitePlugin: FastifyPluginAsyncTypebox<SiteOptions> = async (app, { db, assets, publicUrl, now }) => {
  const chrome = () => loadChrome(db, assets, publicUrl);

  app.get("/", cached, async (_request, reply) => {
    const [data, c] = await Promise.all([getHome(db, now()), chrome()]);
    const shown = [...data.headlines, ...data.breaking, ...data.latest, ...data.mostRead, ...data.blocks.flatMap((b) => b.articles)];
    const lists = [HEADLINES_KEY, BREAKING_KEY, LATEST_KEY, WEATHER_KEY, ...data.blocks.map((b) => categoryKey(b.category.id))];
    return reply.cacheWith([...lists, ...articleKeys(shown)], { maxAgeMs: MOST_READ_MAX_AGE_MS }).render(HomePage, {
      chrome: c,
      data,
      alternates: [...feedAlternates({ kind: "all" }, `${c.siteName} son haberler`), ...feedAlternates({ kind: "headlines" }, `${c.siteName} manşet`)],
    });
  });

  app.get("/haber/:category", { schema: { params: Type.Object({ category: Slug }) } }, async (request, reply) =>
    reply.redirect(keepQuery(categoryPath(request.params.category), request.url), 301),
  );

  /** Page 1 of a category and the later pages share one view; only their wording differs. */
  const sendCategoryPage = async (reply: FastifyReply, slug: string, pageNo: number) => {
    const c = await chrome();
    const { category, page } = await getCategoryPage(db, slug, pageNo, now());
    const first = page.page === 1;
    return reply.cacheWith([categoryKey(category.id), WEATHER_KEY, ...articleKeys(page.items)]).render(ListPage, {
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
      alternates: feedAlternates({ kind: "category", slug: category.slug }, `${c.siteName} ${category.name} haberleri`),
      jsonLd: [
        breadcrumbs(c.publicUrl, [
          { name: "Ana Sayfa", path: "/" },
          { name: category.name, path: categoryPath(category.slug) },
          ...(first ? [] : [{ name: `Sayfa ${page.page}`, path: categoryPath(category.slug, page.page) }]),
        ]),
      ],
    });
  };

  app.get("/haber/:category/", { ...cached, schema: { params: Type.Object({ category: Slug }) } }, async (request, reply) =>
    sendCategoryPage(reply, request.params.category, 1),
  );

  app.get("/haber/:category/:file", { ...cached, schema: { params: Type.Object({ category: Slug, file: Type.String({ maxLength: 300 }) }) } }, async (request, reply) => {
    const parsed = parseNewsFile(request.params.file);
    if (!parsed) throw new NotFoundError("Sayfa");
    if (parsed.kind === "page") {
      if (parsed.page === 1) return reply.redirect(keepQuery(categoryPath(request.params.category), request.url), 301);
      return sendCategoryPage(reply, request.params.category, parsed.page);
    }
    const data = await getArticle(db, parsed.id, now());
    // The id decides: an old slug or category answers with the canonical address.
    if (request.url.split("?")[0] !== data.article.url) return reply.cacheWith([articleKey(data.article.id)]).redirect(keepQuery(data.article.url, request.url), 301);
    const c = await chrome();
    return reply.cacheWith([...articlePageKeys(data), WEATHER_KEY]).render(ArticlePage, { chrome: c, data });
  });

  app.get("/haber-parca/:id", { ...cached, schema: { params: IdParams } }, async (request, reply) => {
    const data = await getArticle(db, request.params.id, now());
    return reply
      .cacheWith(articlePageKeys(data))
      .type("text/html; charset=utf-8")
      .header("x-robots-tag", "noindex")
      .send(renderFragment(<ArticleView {...data} first={false} />));
  });

  app.get(
    "/etiket/:tag/",
    {
      ...cached,
      schema: {
        params: Type.Object({ tag: Slug }),
        querystring: Type.Object({ sayfa: Type.Optional(PageNumber) }),
      },
    },
    async (request, reply) => {
      const pageNo = request.query.sayfa ?? 1;
      const c = await chrome();
      const { tag, page } = await getTagPage(db, request.params.tag, pageNo, now());
      return reply.cacheWith([tagKey(tag.id), WEATHER_KEY, ...articleKeys(page.items)]).render(ListPage, {
        chrome: c,
        heading: `Etiket: ${tag.name}`,
        title: `${tag.name} haberleri | ${c.siteName}`,
        description: `${tag.name} ile ilgili son haberler.`,
        canonicalPath: tagPath(tag.slug, pageNo),
        items: page.items,
        page: page.page,
        pageCount: page.pageCount,
        pageHref: (n) => tagPath(tag.slug, n),
        alternates: feedAlternates({ kind: "tag", slug: tag.slug }, `${c.siteName} ${tag.name} haberleri`),
      });
    },
  );

  app.get("/etiket/:tag", { schema: { params: Type.Object({ tag: Slug }) } }, async (request, reply) =>
    reply.redirect(keepQuery(tagPath(request.params.tag), request.url), 301),
  );

  /** An author's page n: the profile (its byline key: a profile edit drops it) and their articles (the author's list key). */
  const sendAuthorPage = async (reply: FastifyReply, slug: string, pageNo: number) => {
    const [found, c] = await Promise.all([getAuthorPage(db, slug, pageNo, now()), chrome()]);
    // The author's former address: their page is at the new one (not kept: the redirect carries no keys).
    if ("movedTo" in found) return reply.redirect(authorPath(found.movedTo, pageNo), 301);
    const { author, page } = found;
    return reply.cacheWith([authorKey(author.id), bylineKey(author.id), WEATHER_KEY, ...articleKeys(page.items)]).render(AuthorPage, {
      chrome: c,
      author,
      page,
      alternates: feedAlternates({ kind: "author", slug: author.slug }, `${c.siteName} ${author.name} haberleri`),
    });
  };

  app.get("/yazar/:author/", { ...cached, schema: { params: Type.Object({ author: Slug }) } }, async (request, reply) => sendAuthorPage(reply, request.params.author, 1));

  app.get("/yazar/:author/:file", { ...cached, schema: { params: Type.Object({ author: Slug, file: Type.String({ maxLength: 300 }) }) } }, async (request, reply) => {
    const parsed = parseNewsFile(request.params.file);
    if (parsed?.kind !== "page") throw new NotFoundError("Sayfa");
    if (parsed.page === 1) return reply.redirect(keepQuery(authorPath(request.params.author), request.url), 301);
    return sendAuthorPage(reply, request.params.author, parsed.page);
  });

  app.get("/yazar/:author", { schema: { params: Type.Object({ author: Slug }) } }, async (request, reply) =>
    reply.redirect(keepQuery(authorPath(request.params.author), request.url), 301),
  );

  app.get("/son-dakika/", cached, async (_request, reply) => {
    const [items, c] = await Promise.all([getBreakingNews(db, now()), chrome()]);
    return reply.cacheWith([BREAKING_KEY, WEATHER_KEY, ...articleKeys(items)]).render(ListPage, {
      chrome: c,
      heading: "Son Dakika",
      title: `Son dakika haberleri | ${c.siteName}`,
      description: "Türkiye ve dünyadan son dakika gelişmeleri.",
      canonicalPath: "/son-dakika/",
      items: items,
      empty: "Şu anda son dakika haberi yok.",
      alternates: feedAlternates({ kind: "breaking" }, `${c.siteName} son dakika`),
    });
  });

  app.get("/son-dakika", async (request, reply) => reply.redirect(keepQuery("/son-dakika/", request.url), 301));

  app.get(
    "/arama",
    {
      ...cached,
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
      return reply.cacheWith([SEARCH_KEY, WEATHER_KEY, ...articleKeys(result.hits.map((h) => h.card))]).render(SearchPage, { chrome: c, result, filters });
    },
  );
};
