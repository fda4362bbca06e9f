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
     * most `maxAgeMs` when its content also ages by time (most-read figures). Only a 200 is kept.
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
 * Browsers keep a page 15 s, then revalidate (a 304 when unchanged); shared caches (CDNs) keep it
 * 2 minutes — they are told of changes by the purger — may serve it 30 s longer while fetching a new
 * one, and a day longer when the origin fails (RFC 9111 §5.2.2.10, RFC 5861).
 */
export const CACHED_PAGE_CONTROL = "public, max-age=15, s-maxage=120, stale-while-revalidate=30, stale-if-error=86400";
/** Pages that also age by time (most-read figures): shared caches keep them a minute at most. */
const AGING_PAGE_CONTROL = "public, max-age=15, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400";
/** Answers for a signed-in request: nobody keeps them. */
const PRIVATE_CONTROL = "private, no-store";

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
  const params = [...new URLSearchParams(url.slice(q + 1))].filter(([name]) => declared.includes(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.length === 0 ? path : `${path}?${new URLSearchParams(params).toString()}`;
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

type Encoding = "br" | "gzip" | "identity";

/** Per stored page and encoding: the body and every header of a 200, built once. */
const variantsOf = new WeakMap<CachedPage, Record<Encoding, { body: Buffer; headers: Record<string, string> }>>();

function variants(page: CachedPage): Record<Encoding, { body: Buffer; headers: Record<string, string> }> {
  let built = variantsOf.get(page);
  if (!built) {
    const of = (encoding: Encoding, body: Buffer, etag: string) => ({
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
 * Writes a stored page straight to the socket (a hit skips the rest of Fastify's hooks: they ran when
 * the page was rendered, and their headers are stored with it). Returns the status written.
 */
function writeHit(request: FastifyRequest, reply: FastifyReply, page: CachedPage): number {
  const encoding = encodings.negotiate(request.headers["accept-encoding"] ?? "") ?? "identity";
  const { body, headers } = variants(page)[encoding];
  reply.hijack();
  if (matchesEtag(request.headers["if-none-match"], page.etag)) {
    const { "content-length": _length, "content-encoding": _encoding, ...notModified } = headers;
    reply.raw.writeHead(304, notModified).end();
    return 304;
  }
  reply.raw.writeHead(200, headers).end(request.method === "HEAD" ? undefined : body);
  return 200;
}

/** The stored page in the encoding the request takes best (br, gzip, or identity), or a 304. */
function answer(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Buffer | null {
  const encoding = encodings.negotiate(request.headers["accept-encoding"] ?? "") ?? "identity";
  const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
  const etag = encoding === "br" ? `${page.etag.slice(0, -1)}-br"` : encoding === "gzip" ? `${page.etag.slice(0, -1)}-gz"` : page.etag;
  reply.headers(page.headers);
  reply.header("vary", "Accept-Encoding");
  reply.header("etag", etag);
  if (matchesEtag(request.headers["if-none-match"], page.etag)) {
    reply.code(304);
    return null;
  }
  if (encoding !== "identity") reply.header("content-encoding", encoding);
  reply.header("content-length", String(body.length));
  return body;
}

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_RESPONSE.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return headers;
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
      keys = [...new Set([...keys, SITE_KEY])];
      if (state) state.marked = { keys, maxAgeMs: options?.maxAgeMs };
      return this.header("cache-control", options?.maxAgeMs ? AGING_PAGE_CONTROL : CACHED_PAGE_CONTROL)
        .header("surrogate-key", keys.join(" "))
        .header("cache-tag", keys.join(","));
    });

    const hit = (request: FastifyRequest, reply: FastifyReply, page: CachedPage, stale: boolean) => {
      states.set(request, { hit: true });
      const status = writeHit(request, reply, page);
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
      const body = typeof payload === "string" ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
      if (!marked || reply.statusCode !== 200 || body === null || reply.hasHeader("set-cookie")) {
        ticket.abandon();
        return payload;
      }
      const page = await ticket.finish({ body, headers: storedHeaders(reply), keys: marked.keys, maxAgeMs: marked.maxAgeMs });
      return answer(request, reply, page) ?? undefined;
    });

    // A render that never reached onSend (the client went away, a hook failed) must not keep others waiting.
    const release = async (request: FastifyRequest) => {
      const state = states.get(request);
      state?.ticket?.abandon();
      if (state) state.ticket = undefined;
    };
    app.addHook("onResponse", release);
    app.addHook("onRequestAbort", release);
  },
  { name: "haberci-page-cache" },
);
