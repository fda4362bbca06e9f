// The page cache in front of the reader routes. A route opts in with `config: { pageCache: true }` and
// names what its page shows with `reply.cacheWith(keys)`; the first request renders and stores the
// bytes, the next ones are answered from memory in onRequest, before anything else runs.
import { Negotiator } from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { SITE_KEY } from "./keys.ts";
import type { CachedPage, PageCache, RenderTicket } from "./pageCache.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Answers of this GET route are kept in the page cache when the handler calls `reply.cacheWith`. */
    pageCache?: boolean;
  }
  interface FastifyReply {
    /**
     * Marks this answer cacheable under surrogate `keys` (what the page shows; see cache/keys.ts), for at
     * most `maxAgeMs` when its content also ages by time (most-read figures). A 200 is kept, and a
     * permanent redirect answering a request without a query string.
     * Outside a cached route, or for a signed-in request, it only sets the headers.
     */
    cacheWith(keys: readonly string[], options?: { maxAgeMs?: number }): FastifyReply;
  }
}

/** Per request on a cached route: how it was answered, and what the handler marked. */
interface CacheState {
  /** Rendering: store the answer through this ticket. */
  ticket?: RenderTicket;
  /** Signed in: never cached. */
  bypass?: boolean;
  /** Answered from memory. */
  hit?: boolean;
  marked?: { keys: readonly string[]; maxAgeMs: number | undefined };
}

/**
 * Browsers revalidate at every visit (a 304 from memory when unchanged: a reader who comes back to the
 * home page sees what changed); shared caches (CDNs) keep a page 2 minutes — they are told of changes by
 * the purger — may serve it 30 s longer while fetching a new one, and a day longer when the origin fails
 * (RFC 9111 §5.2.2.10, RFC 5861).
 */
export const CACHED_PAGE_CONTROL = "public, max-age=0, s-maxage=120, stale-while-revalidate=30, stale-if-error=86400";
/** Pages that also age by time (most-read figures): shared caches keep them a minute at most. */
const AGING_PAGE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400";
/** Answers for a signed-in request: nobody keeps them. */
const PRIVATE_CONTROL = "private, no-store";

/** Answers kept: pages, and permanent redirects (an old address of an article; CDNs keep those too). */
const CACHEABLE_STATUSES = new Set([200, 301, 308]);

/** Headers that belong to one response, not to the stored page. */
const PER_RESPONSE = new Set(["content-length", "content-encoding", "etag", "vary", "set-cookie", "date", "connection", "transfer-encoding", "keep-alive"]);

const encodings = new Negotiator({ supportedValues: ["br", "gzip", "identity"] });

export interface PageCachePluginOptions {
  cache: PageCache;
  /** Session cookie name: a request carrying it is a signed-in one. */
  sessionCookie: string;
  /** Called once for each page actually rendered on a cached route (`route` is its pattern). */
  onRender?: (route: string) => void;
  /** Called for each answer from memory, after it was written (`status` 200 or 304, `seconds` since the request arrived). */
  onHit?: (hit: { route: string; method: string; stale: boolean; status: number; seconds: number }) => void;
  /** Called when a request finds nothing usable in memory and renders. */
  onMiss?: (route: string) => void;
}

/**
 * The cache key of a request: its path, plus only the query parameters its route declares, sorted. So
 * `?utm_source=…` on a shared link, or any made-up parameter, finds the same entry instead of
 * rendering (and pushing real pages out of memory) once per variant.
 */
export function cacheKeyOf(url: string, declared: readonly string[]): string {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const path = url.slice(0, q);
  if (declared.length === 0) return path;
  // Pairs are kept as sent (not decoded): two spellings the route reads differently never share an entry.
  const pairs = url
    .slice(q + 1)
    .split("&")
    .filter((pair) => declared.includes(pair.split("=", 1)[0] ?? ""))
    .sort();
  return pairs.length === 0 ? path : `${path}?${pairs.join("&")}`;
}

/** The query parameters a route's schema declares (a TypeBox object's properties). */
function declaredQuery(schema: unknown): string[] {
  const properties = (schema as { querystring?: { properties?: Record<string, unknown> } } | undefined)?.querystring?.properties;
  return properties ? Object.keys(properties) : [];
}

function isSignedIn(request: FastifyRequest, sessionCookie: string): boolean {
  return request.headers.authorization !== undefined || (request.headers.cookie?.includes(`${sessionCookie}=`) ?? false);
}

/** Whether `If-None-Match` names this page in any of its encodings (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const base = etag.slice(1, -1);
  return ifNoneMatch.split(",").some((raw) => {
    const tag = raw.trim().replace(/^W\//, "");
    if (tag === "*") return true;
    const inner = tag.slice(1, -1).replace(/-(gz|br)$/, "");
    return tag.startsWith('"') && tag.endsWith('"') && inner === base;
  });
}

/**
 * Whether a conditional GET or HEAD may be answered 304: `If-None-Match` names the page; or, only when
 * the request has no `If-None-Match` (RFC 9110 §13.1.3), `If-Modified-Since` is no earlier than the
 * stored `Last-Modified` (feeds and sitemaps send one; a date that does not parse is ignored).
 */
function isNotModified(request: FastifyRequest, page: CachedPage): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, page.etag);
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  const modified = Date.parse(page.headers["last-modified"] ?? "");
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
}

type Encoding = "br" | "gzip" | "identity";
interface Variant {
  body: Buffer;
  headers: Record<string, string>;
}

/** The coding a request takes best: br, gzip or identity (coding names are case-insensitive, RFC 9110 §8.4.1). */
function encodingFor(request: FastifyRequest): Encoding {
  return encodings.negotiate((request.headers["accept-encoding"] ?? "").toLowerCase()) ?? "identity";
}

/**
 * Bytes that may predate a change — served within the grace period, or rendered from data read before
 * the change — must not be kept downstream: a CDN purged a moment ago would hold them for minutes.
 */
const OUTDATED_CONTROL = "no-store";

/** Per stored page and encoding: the body and every header, built once. */
const variantsOf = new WeakMap<CachedPage, Record<Encoding, Variant>>();

function variants(page: CachedPage): Record<Encoding, Variant> {
  let built = variantsOf.get(page);
  if (!built) {
    const of = (encoding: Encoding, body: Buffer, etag: string): Variant => ({
      body,
      headers: {
        ...page.headers,
        vary: "Accept-Encoding",
        etag,
        ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
        "content-length": String(body.length),
      },
    });
    built = {
      br: of("br", page.br, `${page.etag.slice(0, -1)}-br"`),
      gzip: of("gzip", page.gzip, `${page.etag.slice(0, -1)}-gz"`),
      identity: of("identity", page.identity, page.etag),
    };
    variantsOf.set(page, built);
  }
  return built;
}

/**
 * What to write for a stored page: its status (304 when `If-None-Match` names it), headers and body
 * (a 304 sends none), in the coding the request takes best. `outdated` bytes say `no-store`.
 */
function responseFor(request: FastifyRequest, page: CachedPage, outdated: boolean): { status: number; headers: Record<string, string>; body: Buffer } {
  // An empty body (a redirect) goes out as it is.
  const variant = variants(page)[page.identity.length === 0 ? "identity" : encodingFor(request)];
  const headers = outdated ? { ...variant.headers, "cache-control": OUTDATED_CONTROL } : variant.headers;
  if (page.status === 200 && isNotModified(request, page)) {
    const { "content-length": _length, "content-encoding": _encoding, ...notModified } = headers;
    return { status: 304, headers: notModified, body: variant.body };
  }
  return { status: page.status, headers, body: variant.body };
}

/**
 * Writes a stored page straight to the socket (a hit skips the rest of Fastify's hooks: they ran when
 * the page was rendered, and their headers are stored with it). Returns the status written.
 */
function writeHit(request: FastifyRequest, reply: FastifyReply, page: CachedPage, outdated: boolean): number {
  const { status, headers, body } = responseFor(request, page, outdated);
  reply.hijack();
  reply.raw.writeHead(status, headers).end(request.method === "HEAD" || status === 304 ? undefined : body);
  return status;
}

/**
 * Sets the reply up for a page just stored, and returns the payload: none for a 304 to a GET (no
 * Content-Length at all). For HEAD the body goes on, and Fastify's HEAD handling sends only its length,
 * which a 304 may carry when it is the 200's length (RFC 9110 §8.6).
 */
function answer(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Buffer | null {
  const { status, headers, body } = responseFor(request, page, page.staleSince !== null);
  reply.code(status).headers(headers);
  return status === 304 && request.method !== "HEAD" ? null : body;
}

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_RESPONSE.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return headers;
}

function withSiteKey(keys: readonly string[]): string[] {
  return [...new Set([...keys, SITE_KEY])];
}

/** Cache-Control for browsers and CDNs, and the surrogate keys in Fastly's and Cloudflare's headers. */
function setSharedCacheHeaders(reply: FastifyReply, keys: readonly string[], maxAgeMs: number | undefined): FastifyReply {
  return reply
    .header("cache-control", maxAgeMs ? AGING_PAGE_CONTROL : CACHED_PAGE_CONTROL)
    .header("surrogate-key", keys.join(" "))
    .header("cache-tag", keys.join(","));
}

/**
 * `reply.cacheWith` when this instance keeps no pages (PAGE_CACHE_MB=0): the answer still tells
 * browsers and CDNs how long to keep it and under which keys, unless the request is a signed-in one.
 */
export function cacheHeadersOnly(sessionCookie: string) {
  return function cacheWith(this: FastifyReply, keys: readonly string[], options?: { maxAgeMs?: number }): FastifyReply {
    if (isSignedIn(this.request, sessionCookie)) return this.header("cache-control", PRIVATE_CONTROL);
    return setSharedCacheHeaders(this, withSiteKey(keys), options?.maxAgeMs);
  };
}

/**
 * Registers the cache's hooks app-wide (fastify-plugin). Register it before helmet and the auth plugin:
 * a hit is answered before they run, with the headers stored from the render (helmet's included).
 */
export const pageCachePlugin = fp<PageCachePluginOptions>(
  async (app, { cache, sessionCookie, onRender, onHit, onMiss }) => {
    const states = new WeakMap<FastifyRequest, CacheState>();
    app.decorateReply("cacheWith", function cacheWith(this: FastifyReply, keys: readonly string[], options?: { maxAgeMs?: number }) {
      const state = states.get(this.request);
      if (state?.bypass) return this.header("cache-control", PRIVATE_CONTROL);
      const all = withSiteKey(keys);
      if (state) state.marked = { keys: all, maxAgeMs: options?.maxAgeMs };
      return setSharedCacheHeaders(this, all, options?.maxAgeMs);
    });

    const hit = (request: FastifyRequest, reply: FastifyReply, page: CachedPage, stale: boolean) => {
      states.set(request, { hit: true });
      const status = writeHit(request, reply, page, stale);
      onHit?.({ route: request.routeOptions.url ?? "", method: request.method, stale, status, seconds: reply.elapsedTime / 1000 });
    };
    // Callback style, and a synchronous look first: a hit costs no promise at all.
    app.addHook("onRequest", (request, reply, done) => {
      if ((request.method !== "GET" && request.method !== "HEAD") || !request.routeOptions.config.pageCache) return done();
      if (isSignedIn(request, sessionCookie)) {
        states.set(request, { bypass: true });
        return done();
      }
      const key = cacheKeyOf(request.url, declaredQuery(request.routeOptions.schema));
      const fresh = cache.fresh(key);
      if (fresh) return hit(request, reply, fresh, false);
      cache.lookup(key).then((found) => {
        if (found.kind !== "render") return hit(request, reply, found.page, found.kind === "stale");
        onMiss?.(request.routeOptions.url ?? "");
        states.set(request, { ticket: found.ticket });
        done();
      }, done);
    });

    app.addHook("onSend", async (request, reply, payload) => {
      const state = states.get(request);
      if (!state || state.hit) return payload;
      onRender?.(request.routeOptions.url ?? "");
      const { ticket, marked } = state;
      if (!ticket) return payload;
      state.ticket = undefined;
      // A redirect has no payload at all; a stream is never kept.
      const body = typeof payload === "string" ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : payload == null ? Buffer.alloc(0) : null;
      // A failed render (5xx, e.g. the database in trouble): one waiter tries again, not all of them at once.
      if (reply.statusCode >= 500) {
        ticket.abort();
        return payload;
      }
      // A redirect keeps the request's query in its Location: kept only for a request without one.
      const redirectWithQuery = reply.statusCode !== 200 && request.url.includes("?");
      if (!marked || !CACHEABLE_STATUSES.has(reply.statusCode) || body === null || reply.hasHeader("set-cookie") || redirectWithQuery) {
        ticket.abandon();
        return payload;
      }
      const page = await ticket.finish({ status: reply.statusCode, body, headers: storedHeaders(reply), keys: marked.keys, maxAgeMs: marked.maxAgeMs });
      // null, not undefined: a 304 must go out without the rendered body's Content-Length.
      return answer(request, reply, page);
    });

    // A render that never reached onSend (the client went away, a hook failed) must not keep others
    // waiting: one of them renders instead. Should it reach onSend later, its page is served, not kept.
    const release = async (request: FastifyRequest) => {
      states.get(request)?.ticket?.abort();
    };
    app.addHook("onResponse", release);
    app.addHook("onRequestAbort", release);
  },
  { name: "haberci-page-cache" },
);
