// The page cache: ready bytes of reader pages (identity, gzip, brotli, made once per render), bounded
// by memory and dropped by surrogate key the moment a change touches them. Framework-free: the
// Fastify plugin (plugin.ts) asks it what to do with each request and hands it what was rendered.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { LRUCache } from "lru-cache";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** One cached response, as sent: the same bytes for everyone, in three encodings. */
export interface CachedPage {
  /** 200, or a permanent redirect (301, 308) whose `location` is among the headers. */
  status: number;
  /** Response headers other than the encoding ones (content-type, cache-control, surrogate keys, security headers). */
  headers: Record<string, string>;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Strong validator of the identity bytes, quoted (RFC 9110 §8.8.3); the encodings append `-gz` / `-br`. */
  etag: string;
  keys: readonly string[];
  /** ms epoch: stored. */
  storedAt: number;
  /** ms epoch: past this the page must be rendered again (the weather line's bound, most-read figures). */
  expiresAt: number;
  /** ms epoch when a change touched it (it is kept only to be served while its re-render runs), else null. */
  staleSince: number | null;
}

/** What to do with one request (see `PageCache.lookup`). */
export type Lookup =
  | { kind: "hit"; page: CachedPage }
  /** A re-render is running; these previous bytes are at most `graceMs` past their change. */
  | { kind: "stale"; page: CachedPage }
  /** Render it, then `finish(...)` or `abandon()` exactly once. */
  | { kind: "render"; ticket: RenderTicket };

export interface RenderTicket {
  /** Stores the rendered page and wakes the requests that waited for it; returns the stored page. */
  finish(page: RenderedPage): Promise<CachedPage>;
  /** The answer is not cacheable (an error page, a signed-in answer): the waiting requests render for themselves. */
  abandon(): void;
  /** The render did not finish (the client went away, a hook failed): one waiting request renders in its place. */
  abort(): void;
}

export interface RenderedPage {
  /** 200, 301 or 308 (default 200). */
  status?: number;
  body: Buffer;
  headers: Record<string, string>;
  keys: readonly string[];
  /** Longest life in ms regardless of changes (capped by the cache's maxAgeMs). */
  maxAgeMs?: number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  stale: number;
  misses: number;
  renders: number;
  evictions: number;
  invalidations: number;
  dropped: number;
}

export interface PageCacheOptions {
  /** Memory bound for all entries (bytes of the three encodings), least recently used first out. */
  maxBytes: number;
  /** Longest any entry lives, in ms (default 16 minutes: the weather line's bound, refresh interval plus a minute). */
  maxAgeMs?: number;
  /** How long after a change the previous bytes may still be served while the new ones render (ms, default 1000). */
  graceMs?: number;
  now?: () => number;
  /** Called for every entry pushed out by the memory bound. */
  onEvict?: (bytes: number) => void;
}

/** How a render ended: its page, "retry" (it did not finish: render again), or null (nothing cacheable). */
type Outcome = CachedPage | "retry" | null;

/** Waiters go round at most this often (a render overtaken by a change, an aborted one) before rendering alone. */
const MAX_ROUNDS = 3;

interface Flight {
  done: Promise<Outcome>;
  resolve: (outcome: Outcome) => void;
  /** Invalidation sequence number when the render began: a change after it makes the render stale. */
  startedAt: number;
}

const BROTLI_OPTIONS: zlib.BrotliOptions = {
  params: {
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    // Quality 6: about as small as 11 for a 20 KB page at a few ms, not tens of ms, per render.
    [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
  },
};

function sizeOf(page: CachedPage): number {
  return page.identity.length + page.gzip.length + page.br.length + 512;
}

/** Builds the three encodings and the validator of one rendered body (compression runs on libuv's pool). */
export async function encodePage(body: Buffer): Promise<{ identity: Buffer; gzip: Buffer; br: Buffer; etag: string }> {
  const [gz, br] = await Promise.all([
    gzip(body, { level: 6 }),
    brotli(body, { ...BROTLI_OPTIONS, params: { ...BROTLI_OPTIONS.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return { identity: body, gzip: gz, br, etag: `"${hash}"` };
}

/**
 * An in-memory page cache keyed by request target (path and query).
 *
 * - Entries carry surrogate keys; `invalidate(keys)` marks every entry holding one of them stale at once.
 * - Single flight: of N concurrent requests for a missing or stale entry, one renders, the rest wait
 *   for its bytes (or, within `graceMs` of the change, get the previous bytes at once).
 * - A render that began before a change touching its keys is not stored (it may hold the old data).
 */
export class PageCache {
  private readonly lru: LRUCache<string, CachedPage>;
  private readonly flights = new Map<string, Flight>();
  /** Every render under way (tracked or not), by ticket, with the invalidation sequence number at its start. */
  private readonly running = new Map<symbol, number>();
  /** Entries by surrogate key. */
  private readonly byKey = new Map<string, Set<string>>();
  /** Recent invalidations (sequence number, keys or "all"), kept while a render older than them may finish. */
  private recent: Array<{ seq: number; keys: ReadonlySet<string> | "all" }> = [];
  private seq = 0;
  private readonly now: () => number;
  private readonly graceMs: number;
  private readonly maxAgeMs: number;
  private readonly counters = { hits: 0, stale: 0, misses: 0, renders: 0, evictions: 0, invalidations: 0, dropped: 0 };

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
    this.graceMs = options.graceMs ?? 1000;
    this.maxAgeMs = options.maxAgeMs ?? 16 * 60_000;
    this.lru = new LRUCache<string, CachedPage>({
      maxSize: Math.max(1, options.maxBytes),
      sizeCalculation: sizeOf,
      dispose: (page, url, reason) => {
        for (const key of page.keys) {
          const urls = this.byKey.get(key);
          urls?.delete(url);
          if (urls?.size === 0) this.byKey.delete(key);
        }
        if (reason === "evict") {
          this.counters.evictions += 1;
          this.options.onEvict?.(sizeOf(page));
        }
      },
    });
  }

  /** The fresh entry for `url`, if there is one (counted as a hit); `lookup` for everything else. */
  fresh(url: string): CachedPage | undefined {
    const page = this.lru.get(url);
    if (!page || page.staleSince !== null || this.now() >= page.expiresAt) return undefined;
    this.counters.hits += 1;
    return page;
  }

  /**
   * What to do with a request for `url`: a fresh hit; the previous bytes while another request renders
   * (within `graceMs` of the change); or a ticket to render. Waits for a running render of the same URL.
   */
  async lookup(url: string): Promise<Lookup> {
    for (let round = 0; ; round++) {
      const page = this.lru.get(url);
      const now = this.now();
      if (page && page.staleSince === null && now < page.expiresAt) {
        this.counters.hits += 1;
        return { kind: "hit", page };
      }
      const flight = this.flights.get(url);
      if (!flight) return this.startRender(url);
      if (page && now - (page.staleSince ?? page.expiresAt) <= this.graceMs) {
        this.counters.stale += 1;
        return { kind: "stale", page };
      }
      const outcome = await flight.done;
      if (outcome !== null && outcome !== "retry" && outcome.staleSince === null) {
        this.counters.hits += 1;
        return { kind: "hit", page: outcome };
      }
      // Not cacheable (an error page): everyone renders for themselves, as without a cache. A render that
      // did not finish or that a change overtook: go round, and one of the waiters renders next.
      if (outcome === null || round + 1 >= MAX_ROUNDS) return { kind: "render", ticket: this.untracked(url) };
    }
  }

  private startRender(url: string): Lookup {
    this.counters.misses += 1;
    let resolve!: (outcome: Outcome) => void;
    const done = new Promise<Outcome>((r) => (resolve = r));
    const flight: Flight = { done, resolve, startedAt: this.seq };
    this.flights.set(url, flight);
    return { kind: "render", ticket: this.ticket(url, flight.startedAt, flight) };
  }

  /** A ticket for a render nobody waits on; a cacheable result is still kept. */
  private untracked(url: string): RenderTicket {
    this.counters.misses += 1;
    return this.ticket(url, this.seq, null);
  }

  /**
   * One render's ticket, counted among the running renders (whose start bounds which invalidations must
   * be remembered) until it ends. After `abort` the render is over for everyone: should its page still
   * arrive, it is served to its own request but not kept (changes since may have been forgotten).
   */
  private ticket(url: string, startedAt: number, flight: Flight | null): RenderTicket {
    const token = Symbol("render");
    this.running.set(token, startedAt);
    let ended = false;
    const end = (outcome: Outcome) => {
      if (ended) return false;
      ended = true;
      if (flight && this.flights.get(url) === flight) this.flights.delete(url);
      flight?.resolve(outcome);
      this.running.delete(token);
      this.trimRecent();
      return true;
    };
    return {
      finish: async (rendered) => {
        try {
          const page = await this.store(url, rendered, startedAt, () => !ended);
          end(page);
          return page;
        } catch (error) {
          end("retry");
          throw error;
        }
      },
      abandon: () => void end(null),
      abort: () => void end("retry"),
    };
  }

  /** Encodes and (when `mayKeep()` still holds once encoded) keeps a rendered page under `url`. */
  private async store(url: string, rendered: RenderedPage, startedAt: number, mayKeep: () => boolean): Promise<CachedPage> {
    this.counters.renders += 1;
    const encoded = await encodePage(rendered.body);
    const now = this.now();
    const page: CachedPage = {
      status: rendered.status ?? 200,
      headers: rendered.headers,
      ...encoded,
      keys: [...new Set(rendered.keys)],
      storedAt: now,
      expiresAt: now + Math.min(rendered.maxAgeMs ?? this.maxAgeMs, this.maxAgeMs),
      staleSince: this.changedSince(startedAt, rendered.keys) ? now : null,
    };
    // A render overtaken by a change is served to its own request (it was asked before the change) but not kept.
    if (mayKeep() && page.staleSince === null && this.options.maxBytes > 0) {
      this.lru.set(url, page);
      if (this.lru.has(url)) for (const key of page.keys) this.urlsOf(key).add(url);
    }
    return page;
  }

  private urlsOf(key: string): Set<string> {
    let urls = this.byKey.get(key);
    if (!urls) this.byKey.set(key, (urls = new Set()));
    return urls;
  }

  private changedSince(seq: number, keys: readonly string[]): boolean {
    return this.recent.some((change) => change.seq > seq && (change.keys === "all" || keys.some((k) => (change.keys as ReadonlySet<string>).has(k))));
  }

  private remember(keys: ReadonlySet<string> | "all"): void {
    this.seq += 1;
    if (this.running.size > 0) this.recent.push({ seq: this.seq, keys });
  }

  /** Forgets invalidations no running render can be older than. */
  private trimRecent(): void {
    if (this.running.size === 0) {
      this.recent = [];
      return;
    }
    const oldest = Math.min(...this.running.values());
    this.recent = this.recent.filter((change) => change.seq > oldest);
  }

  /** Marks stale every entry holding one of `keys`; returns how many. Their next request renders again. */
  invalidate(keys: Iterable<string>): number {
    const set = new Set(keys);
    if (set.size === 0) return 0;
    this.counters.invalidations += 1;
    this.remember(set);
    const now = this.now();
    let count = 0;
    for (const key of set) {
      for (const url of this.byKey.get(key) ?? []) {
        const page = this.lru.peek(url);
        if (page && page.staleSince === null) {
          page.staleSince = now;
          count += 1;
        }
      }
    }
    this.counters.dropped += count;
    return count;
  }

  /**
   * Lets every entry holding `key` expire at a random moment within `spreadMs` from now (if not sooner),
   * so a change shown on every page (the weather line) re-renders pages over a while, not all at once.
   */
  expireWithin(key: string, spreadMs: number, random: () => number = Math.random): number {
    const now = this.now();
    let count = 0;
    for (const url of this.byKey.get(key) ?? []) {
      const page = this.lru.peek(url);
      if (!page) continue;
      page.expiresAt = Math.min(page.expiresAt, now + Math.floor(random() * spreadMs));
      count += 1;
    }
    return count;
  }

  /** Drops everything (changes may have been missed). */
  clear(): void {
    this.counters.invalidations += 1;
    this.remember("all");
    this.lru.clear();
    this.byKey.clear();
  }

  stats(): PageCacheStats {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize, ...this.counters };
  }
}
