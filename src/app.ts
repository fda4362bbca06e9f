// Composition root: builds the Fastify app from the features. No logic lives here
// beyond mapping domain errors to HTTP, which happens in exactly one place.
import fs from "node:fs";
import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { apiV1Plugin } from "./api/plugin.ts";
import { fieldErrors } from "./api/validationErrors.ts";
import { type TrustProxy, fastifyTrustProxy } from "./config.ts";
import type { Database } from "./db/schema.ts";
import { DomainError, InvalidInputError, NotFoundError, RateLimitedError, ServiceUnavailableError } from "./errors.ts";
import { newsroomPlugin, renderNewsroomError } from "./newsroom/plugin.ts";
import { mediaDir } from "./media/storage.ts";
import { MEDIA_PREFIX } from "./media/pictureUrls.ts";
import { findRedirectTarget } from "./news/findRedirectTarget.ts";
import { type ViewCounter, createViewCounter } from "./news/viewCounter.ts";
import { loadChrome } from "./site/chrome.ts";
import { builtInIdentity, loadSiteSettings } from "./settings/siteSettings.ts";
import { feedsPlugin } from "./feeds/routes.ts";
import { type WebSubPinger, startWebSubPings } from "./feeds/websub.ts";
import { sitePlugin } from "./site/routes.tsx";
import { identityRoutes } from "./settings/routes.ts";
import { weatherPagesPlugin } from "./weather/routes.tsx";
import { legalPagesPlugin } from "./legal/routes.tsx";
import { edgeValidatorCompiler } from "./http/validation.ts";
import { MAX_URL_LENGTH, UriTooLongError, assertReadableContentType, clientErrorHandler, fastifyErrorText } from "./http/limits.ts";
import { authPlugin, isApiPath, isNewsroomPath } from "./newsroom/auth.ts";
import { statusOf } from "./http/errorStatus.ts";
import { buildAssets } from "./ui/assets.ts";
import { renderDocument } from "./ui/render.ts";
import { renderPlugin } from "./ui/renderPlugin.ts";
import { ErrorPage } from "./site/views/ErrorPage.tsx";
import { h } from "preact";
import { PageCache } from "./cache/pageCache.ts";
import { cacheHeadersOnly, pageCachePlugin } from "./cache/plugin.ts";
import { invalidateOnChange } from "./cache/invalidation.ts";
import { WEATHER_KEY, articleKey } from "./cache/keys.ts";
import { weatherEvents } from "./weather/events.ts";
import { SESSION_COOKIE } from "./newsroom/auth.ts";
import { type Metrics, createMetrics } from "./metrics/metrics.ts";
import { metricsPlugin } from "./metrics/plugin.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The page cache, or null when PAGE_CACHE_MB is 0. */
    pageCache: PageCache | null;
    /** The WebSub pinger, when a hub is configured (tests wait for it to be idle). */
    websub?: WebSubPinger;
  }
}

/** The page cache of the options, with its hooks first in line (a hit is answered before anything else runs). */
async function registerPageCache(app: FastifyInstance, options: AppOptions, metrics: Metrics): Promise<PageCache | null> {
  const settings = options.pageCache ?? { maxMegabytes: 256 };
  const cache =
    settings.maxMegabytes > 0
      ? new PageCache({
          maxBytes: settings.maxMegabytes * 1_048_576,
          graceMs: settings.graceMs,
          maxAgeMs: settings.maxAgeMs,
          onEvict: () => metrics.cacheEvictions.inc(),
        })
      : null;
  app.decorate("pageCache", cache);
  if (!cache) {
    // Routes still name their keys for browsers and CDNs; nothing is kept here.
    app.decorateReply("cacheWith", cacheHeadersOnly(SESSION_COOKIE));
    return null;
  }
  await app.register(pageCachePlugin, {
    cache,
    sessionCookie: SESSION_COOKIE,
    onRender: (route) => metrics.pageRenders.inc({ route }),
    onMiss: (route) => metrics.cacheMisses.inc({ route }),
    onHit: ({ route, method, stale, status, seconds }) => {
      metrics.cacheHits.inc({ route });
      if (stale) metrics.cacheStaleServed.inc();
      // A hit is written before the metrics hook would see it: counted here.
      metrics.recordRequest({ route, method, status, seconds });
    },
  });
  metrics.observeCache(() => cache.stats());
  const unsubscribe = invalidateOnChange(cache, {
    purge: options.purge,
    now: options.now,
    onInvalidate: (origin, dropped) => {
      metrics.cacheInvalidations.inc({ origin });
      metrics.cacheEntriesDropped.inc(dropped);
    },
  });
  // A new weather line re-renders pages as they are asked for over the next minute, not all at once.
  const onWeather = () => cache.expireWithin(WEATHER_KEY, settings.weatherSpreadMs ?? 60_000);
  weatherEvents.on("refreshed", onWeather);
  app.addHook("onClose", async () => {
    unsubscribe();
    weatherEvents.off("refreshed", onWeather);
  });
  return cache;
}

export interface AppOptions {
  db: Kysely<Database>;
  dataDir: string;
  publicUrl: string;
  logger?: boolean | { level: string };
  now?: () => Date;
  views?: ViewCounter;
  /** Largest accepted upload; default 20 MB. */
  maxUploadBytes?: number;
  /** Proxies trusted to give the client's address (X-Forwarded-For), from TRUST_PROXY; default false (none). */
  trustProxy?: TrustProxy;
  /**
   * The page cache: memory bound in MB (PAGE_CACHE_MB, default 256; 0 turns it off), how long after a
   * change the previous bytes may be served while a page re-renders (ms, default 1000), the longest life
   * of an entry (ms; the weather refresh interval plus a minute), and over how long a weather refresh
   * spreads the pages' re-renders (ms, default 60000).
   */
  pageCache?: { maxMegabytes: number; graceMs?: number; maxAgeMs?: number; weatherSpreadMs?: number };
  /** Tells the CDN to drop surrogate keys after a change made on this instance (never awaited). */
  purge?: (keys: readonly string[]) => void;
  /** Prometheus instruments (default: a fresh set); GET /metrics answers only with `metricsToken` (null: 404). */
  metrics?: Metrics;
  metricsToken?: string | null;
  /** The WebSub hub named in every feed and pinged after each change made here (WEBSUB_HUB_URL); null: none. */
  websubHubUrl?: string | null;
  /** WebSub timing: attempts after the first, first backoff and each request's limit in ms (tests shorten them). */
  websubTiming?: { retries: number; minTimeoutMs: number; timeoutMs: number };
}

/**
 * Security headers, set by helmet on every response: a CSP with no inline scripts (inline styles stay allowed:
 * the API docs page has a <style> element), framing and form posts by this site only, HSTS for a year with
 * subdomains when PUBLIC_URL is https (browsers ignore it over plain http). Referrer-Policy keeps the origin
 * cross-site, which YouTube embeds require. Helmet's other defaults stay (COOP and CORP same-origin, nosniff,
 * X-Frame-Options SAMEORIGIN, …); Cross-Origin-Embedder-Policy stays off, as it would block YouTube and Vimeo frames.
 */
function securityHeaders(publicUrl: string): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: "sameorigin" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    hsts: publicUrl.startsWith("https:") ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** Browser features no page of the site uses, off for the pages and any frame in them (helmet does not set this). */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), browsing-topics=()";

function isApi(request: FastifyRequest): boolean {
  return isApiPath(request.url);
}

/** API calls, and newsroom calls made by scripts (autosave, tag suggestions), get JSON errors. */
function wantsJson(request: FastifyRequest): boolean {
  return isApi(request) || (isNewsroomPath(request.url) && (request.headers.accept ?? "").includes("application/json"));
}

function isNewsroom(request: FastifyRequest): boolean {
  return isNewsroomPath(request.url);
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, dataDir, publicUrl } = options;
  const now = options.now ?? (() => new Date());
  const maxUploadBytes = options.maxUploadBytes ?? 20 * 1_048_576;
  // Fastify answers a broken URL or an over-long path parameter before any route or hook;
  // this hands them to the app's own 404 (set below, once the error pages exist).
  let frameworkError: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> = async (_request, reply) => reply.code(404).send();
  const app = Fastify({
    frameworkErrors: (_error, request, reply) => {
      frameworkError(request, reply).catch((error: unknown) => {
        request.log.error({ err: error }, "framework error page failed");
        if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
      });
    },
    logger: options.logger ?? false,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    routerOptions: { maxParamLength: 300 },
    // Node refuses larger request heads with a bare 431; below this the app answers itself
    // (URLs over MAX_URL_LENGTH get a Turkish 414).
    http: { maxHeaderSize: 64 * 1024 },
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // One edge for every input: strings normalised (NFC, no control characters), then the route's schema;
  // JSON bodies are not type-coerced, query strings, path parameters and forms are.
  app.setValidatorCompiler(edgeValidatorCompiler);
  const assets = await buildAssets();
  const views = options.views ?? createViewCounter(db, { onError: (e) => app.log.error({ err: e }, "page view flush failed") });
  if (!options.views) app.addHook("onClose", async () => views.stop());

  const errorPage = async (reply: FastifyReply, status: number, message?: string) => {
    const chrome = await loadChrome(db, assets, publicUrl);
    // Not reply.render: Fastify's framework errors (a broken URL) come with a reply made before any plugin decorated it.
    return reply
      .code(status)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderDocument(h(ErrorPage, { chrome, status, message })));
  };

  const metrics = options.metrics ?? createMetrics();
  await registerPageCache(app, options, metrics);
  await app.register(fastifyHelmet, securityHeaders(publicUrl));
  // In onRequest, not onSend: the page cache stores the headers a page had when it was rendered.
  app.addHook("onRequest", async (request, reply) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
    // Pictures are shown by feed readers and partner sites too; everything else stays same-origin.
    if (request.url.startsWith(MEDIA_PREFIX)) reply.header("cross-origin-resource-policy", "cross-origin");
  });

  const newsroomError = (request: FastifyRequest, reply: FastifyReply, status: number, error: DomainError | null) =>
    renderNewsroomError(request, reply, assets, status, error);

  app.addHook("onRequest", async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new UriTooLongError();
  });
  // After the routes' role checks (onRequest), before any body is read.
  app.addHook("preParsing", async (request, _reply, payload) => {
    assertReadableContentType(request.headers["content-type"]);
    return payload;
  });

  await app.register(authPlugin, { db, now });
  await app.register(renderPlugin);

  app.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const status = statusOf(error);
      if (status === 500) request.log.error({ err: error }, "unmapped domain error");
      if (error instanceof RateLimitedError || error instanceof ServiceUnavailableError) reply.header("retry-after", String(error.retryAfterSeconds));
      if (wantsJson(request)) {
        const fields = error instanceof InvalidInputError ? error.fields : undefined;
        return reply.code(status).send({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } });
      }
      if (isNewsroom(request)) {
        if (status === 401) return reply.redirect(request.method === "GET" ? `/yonetim/giris?sonra=${encodeURIComponent(request.url)}` : "/yonetim/giris", 303);
        return newsroomError(request, reply, status, error);
      }
      return errorPage(reply, status, status === 404 || status === 500 ? undefined : error.message);
    }
    if ("validation" in error && error.validation) {
      if (wantsJson(request)) {
        const fields = fieldErrors(error.validation.map((v) => ({ keyword: v.keyword, instancePath: v.instancePath, params: v.params })));
        return reply.code(400).send({ error: { code: "invalid_input", message: "İstek geçersiz.", fields } });
      }
      // A page address that does not fit its pattern does not exist.
      const status = error.validationContext === "params" ? 404 : 400;
      if (isNewsroom(request)) return newsroomError(request, reply, status, new InvalidInputError("İstek geçersiz."));
      return errorPage(reply, status);
    }
    const refusal = fastifyErrorText(error, maxUploadBytes);
    if (refusal.status === 500) request.log.error({ err: error }, "request failed");
    if (wantsJson(request)) return reply.code(refusal.status).send({ error: { code: refusal.code, message: refusal.message } });
    if (isNewsroom(request) && refusal.status !== 500) return newsroomError(request, reply, refusal.status, new InvalidInputError(refusal.message));
    return errorPage(reply, refusal.status, refusal.message);
  });

  // After the error handler: a failed scrape is answered by it. Closing the app closes the instruments.
  await app.register(metricsPlugin, { metrics, token: options.metricsToken ?? null });

  frameworkError = async (request, reply) =>
    isApi(request) ? reply.code(404).send({ error: { code: "not_found", message: "Böyle bir API adresi yok." } }) : errorPage(reply, 404);

  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) {
      return reply.code(404).send({ error: { code: "not_found", message: "Böyle bir API adresi yok." } });
    }
    if (request.method === "GET" || request.method === "HEAD") {
      const target = await findRedirectTarget(db, request.url, now());
      // CDNs keep a 301 by default: it carries the article's key, so they drop it when the article changes.
      if (target) return reply.cacheWith([articleKey(target.articleId)]).redirect(target.location, 301);
    }
    return errorPage(reply, 404);
  });

  // Bundled browser assets, content-hashed.
  app.get("/static/*", async (request, reply) => {
    const asset = assets.byPath.get(request.url.split("?")[0] ?? "");
    if (!asset) throw new NotFoundError("Dosya");
    return reply.type(asset.contentType).header("cache-control", "public, max-age=31536000, immutable").send(asset.body);
  });

  fs.mkdirSync(mediaDir(dataDir), { recursive: true });
  await app.register(fastifyStatic, {
    root: mediaDir(dataDir),
    prefix: MEDIA_PREFIX,
    maxAge: "365d",
    immutable: true,
    index: false,
    decorateReply: false,
  });

  const websubHubUrl = options.websubHubUrl ?? null;
  // The site's name from the settings, as every page's header has it (the built-in one when they cannot be read).
  const siteName = () =>
    loadSiteSettings(db).then(
      (s) => s.identity.siteName,
      async () => (await builtInIdentity()).siteName,
    );
  await app.register(feedsPlugin, { db, publicUrl, hubUrl: websubHubUrl, siteName, now });
  if (websubHubUrl) {
    const pings = startWebSubPings({
      db,
      hubUrl: websubHubUrl,
      publicUrl,
      log: { warn: (m) => app.log.warn(m), error: (details, m) => app.log.error(details, m) },
      ...options.websubTiming,
    });
    app.decorate("websub", pings);
    app.addHook("onClose", async () => pings.stop());
  }

  // Favicons, the manifest, the brand's files and /ads.txt (settings/).
  await app.register(identityRoutes, { db });
  await app.register(sitePlugin, { db, assets, publicUrl, now });
  await app.register(weatherPagesPlugin, { db, chrome: () => loadChrome(db, assets, publicUrl), cacheKeys: [WEATHER_KEY] });
  await app.register(legalPagesPlugin, { db, chrome: () => loadChrome(db, assets, publicUrl) });
  await app.register(apiV1Plugin, { prefix: "/api/v1", db, publicUrl, dataDir, maxUploadBytes, views, now });
  await app.register(newsroomPlugin, { prefix: "/yonetim", db, assets, dataDir, publicUrl, now, maxUploadBytes });
  return app;
}
