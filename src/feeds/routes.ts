// Feeds, sitemaps, robots.txt and the permanent id address of articles. Every feed and sitemap is kept
// in the page cache under the keys of what it lists (loadFeed.ts, sitemaps.ts), with a Last-Modified
// of the moment it was built: any change to what it lists drops it, so a later build is a later time.
import { type FastifyPluginAsyncTypebox, Type } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import { articleKey } from "../cache/keys.ts";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { IdParams } from "../http/schemas.ts";
import { keepQuery } from "../lib/redirect.ts";
import { findArticleUrl } from "../news/findRedirectTarget.ts";
import { renderFeed } from "./feedFormats.ts";
import { createLastModifiedClock } from "./lastModified.ts";
import { type SyndicationSite, loadFeed } from "./loadFeed.ts";
import {
  FEED_CONTENT_TYPES,
  type FeedFormat,
  type FeedSubject,
  NEWS_SITEMAP_PATH,
  SITEMAP_INDEX_PATH,
  parseFeedFile,
  parseSitemapFile,
  topLevelSubject,
} from "./paths.ts";
import { type BuiltSitemap, buildAuthorSitemap, buildCategorySitemap, buildMonthSitemap, buildNewsSitemap, buildSitemapIndex, buildTagSitemap } from "./sitemaps.ts";

export interface FeedsOptions {
  db: Kysely<Database>;
  /** Absolute, no trailing slash (PUBLIC_URL). */
  publicUrl: string;
  /** The WebSub hub named in every feed (WEBSUB_HUB_URL), or null. */
  hubUrl: string | null;
  /** The site's name as the settings give it now (a settings save drops every cached feed and sitemap: `site` key). */
  siteName: () => Promise<string>;
  now: () => Date;
}

const cached = { config: { pageCache: true } } as const;

/** A feed or sitemap file name: bounded, any text (a name that is no feed is a 404). */
const FileParams = Type.Object({ file: Type.String({ maxLength: 200 }) });

/** The news sitemap ages by itself (articles leave the 48 hours): rebuilt at least every minute. */
const NEWS_SITEMAP_MAX_AGE_MS = 60_000;

const XML = "application/xml; charset=utf-8";

/** robots.txt: everything but the newsroom and the next-article fragments, and where the sitemaps are. */
export function robotsTxt(publicUrl: string): string {
  return `User-agent: *\nDisallow: /yonetim/\nDisallow: /haber-parca/\n\nSitemap: ${publicUrl}${SITEMAP_INDEX_PATH}\nSitemap: ${publicUrl}${NEWS_SITEMAP_PATH}\n`;
}

export const feedsPlugin: FastifyPluginAsyncTypebox<FeedsOptions> = async (app, { db, publicUrl, hubUrl, siteName, now }) => {
  const lastModified = createLastModifiedClock();
  const pathOf = (reply: FastifyReply) => reply.request.url.split("?")[0] ?? reply.request.url;
  const siteOf = async (): Promise<SyndicationSite> => ({ publicUrl, hubUrl, siteName: await siteName() });

  const sendFeed = async (reply: FastifyReply, subject: FeedSubject, format: FeedFormat) => {
    const { doc, keys } = await loadFeed(db, subject, await siteOf(), now());
    const body = renderFeed(doc, format);
    return reply
      .cacheWith(keys)
      .type(FEED_CONTENT_TYPES[format])
      .header("last-modified", lastModified(pathOf(reply), body, now()))
      .send(body);
  };

  const sendSitemap = (reply: FastifyReply, built: BuiltSitemap, options?: { maxAgeMs?: number }) =>
    reply
      .cacheWith(built.keys, options)
      .type(XML)
      .header("last-modified", lastModified(pathOf(reply), built.xml, now()))
      .send(built.xml);

  app.get("/rss/:file", { ...cached, schema: { params: FileParams } }, async (request, reply) => {
    const parsed = parseFeedFile(request.params.file);
    if (!parsed) throw new NotFoundError("Haber akışı");
    return sendFeed(reply, topLevelSubject(parsed.name), parsed.format);
  });

  app.get("/rss/yazar/:file", { ...cached, schema: { params: FileParams } }, async (request, reply) => {
    const parsed = parseFeedFile(request.params.file);
    if (!parsed) throw new NotFoundError("Haber akışı");
    return sendFeed(reply, { kind: "author", slug: parsed.name }, parsed.format);
  });

  app.get("/rss/etiket/:file", { ...cached, schema: { params: FileParams } }, async (request, reply) => {
    const parsed = parseFeedFile(request.params.file);
    if (!parsed) throw new NotFoundError("Haber akışı");
    return sendFeed(reply, { kind: "tag", slug: parsed.name }, parsed.format);
  });

  app.get(SITEMAP_INDEX_PATH, cached, async (_request, reply) => sendSitemap(reply, await buildSitemapIndex(db, await siteOf())));

  app.get(NEWS_SITEMAP_PATH, cached, async (_request, reply) =>
    sendSitemap(reply, await buildNewsSitemap(db, await siteOf(), now()), { maxAgeMs: NEWS_SITEMAP_MAX_AGE_MS }),
  );

  app.get("/sitemap/:file", { ...cached, schema: { params: FileParams } }, async (request, reply) => {
    const file = parseSitemapFile(request.params.file);
    if (!file) throw new NotFoundError("Site haritası");
    const site = await siteOf();
    if (file.kind === "categories") return sendSitemap(reply, await buildCategorySitemap(db, site));
    if (file.kind === "authors") return sendSitemap(reply, await buildAuthorSitemap(db, site));
    if (file.kind === "tags") return sendSitemap(reply, await buildTagSitemap(db, site, file.part));
    return sendSitemap(reply, await buildMonthSitemap(db, site, file.month, file.part));
  });

  app.get("/robots.txt", cached, async (_request, reply) => reply.cacheWith([]).type("text/plain; charset=utf-8").send(robotsTxt(publicUrl)));

  // The permanent id address (feed guids): the id decides, whatever the title or category became.
  app.get("/h/:id", { ...cached, schema: { params: IdParams } }, async (request, reply) => {
    const url = await findArticleUrl(db, request.params.id, now());
    if (url === undefined) throw new NotFoundError("Haber", request.params.id);
    return reply.cacheWith([articleKey(request.params.id)]).redirect(keepQuery(url, request.url), 301);
  });
};
