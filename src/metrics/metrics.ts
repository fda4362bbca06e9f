// The application's Prometheus instruments (issue 11, "Operations"). Each call to createMetrics
// makes its own registry, so several apps in one process (tests) never share or clash over names.
// Other folders see small interfaces (a counter's `inc`, a histogram's `observe`, plain
// callbacks for gauges), never prom-client's types. Naming follows Prometheus's conventions
// (https://prometheus.io/docs/practices/naming/): base units in the name (`_seconds`, `_bytes`),
// `_total` on counters, one `haberci_` prefix for what the app defines.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** A counter without labels. */
export interface PlainCounter {
  /** Adds `value` (default 1; never negative). */
  inc(value?: number): void;
}

/**
 * A counter with labels. Label values must come from a small fixed set (route patterns, never raw
 * URLs): every distinct value is a time series kept for the life of the process.
 */
export interface LabelledCounter<Labels extends Record<string, string>> {
  /** Adds `value` (default 1; never negative) to the series named by `labels`. */
  inc(labels: Labels, value?: number): void;
}

/** A histogram without labels. */
export interface Observer {
  /** Records one observation, in the instrument's unit (seconds for the ones here). */
  observe(value: number): void;
}

/** The page cache's size now. */
export interface CacheSize {
  /** Bytes held by cached pages, all variants counted. */
  bytes: number;
  entries: number;
}

/** The CDN purger's backlog now. */
export interface PurgeBacklog {
  /** Surrogate keys or URLs waiting to be purged. */
  pendingKeys: number;
}

/** The weather refresher's standing; `weather/refresher.ts`'s `Refresher.state()` gives exactly this shape. */
export interface WeatherRefreshState {
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
  /** Provinces stored by the latest successful round. */
  lastStored: number;
}

/** One answered HTTP request, as the metrics plugin saw it. */
export interface RequestRecord {
  /** Fastify's route pattern (`/haber/:category/:file`) or "unmatched"; never the raw URL. */
  route: string;
  method: string;
  status: number;
  seconds: number;
}

/** Everything the app counts, plus the scrape. */
export interface Metrics {
  /** `haberci_page_renders_total{route}`: pages actually rendered (cache misses and uncached pages), by route pattern. */
  readonly pageRenders: LabelledCounter<{ route: string }>;
  /** `haberci_page_cache_hits_total{route}`. */
  readonly cacheHits: LabelledCounter<{ route: string }>;
  /** `haberci_page_cache_misses_total{route}`. */
  readonly cacheMisses: LabelledCounter<{ route: string }>;
  /** `haberci_page_cache_stale_served_total`: stale pages served while a fresh one renders. */
  readonly cacheStaleServed: PlainCounter;
  /** `haberci_page_cache_evictions_total`: entries pushed out by the size limit. */
  readonly cacheEvictions: PlainCounter;
  /** `haberci_page_cache_invalidations_total{origin}`: invalidation events handled, from this instance or another (NOTIFY). */
  readonly cacheInvalidations: LabelledCounter<{ origin: "local" | "remote" }>;
  /** `haberci_page_cache_entries_dropped_total`: entries removed because an invalidation touched them. */
  readonly cacheEntriesDropped: PlainCounter;
  /**
   * `haberci_notify_lag_seconds`: from a change on one instance to its arrival here through PostgreSQL
   * NOTIFY, in seconds. Clocks of two machines differ a little: a negative lag is recorded as 0.
   */
  readonly notifyLag: Observer;
  /** `haberci_notify_reconnects_total`: LISTEN connections re-established. */
  readonly notifyReconnects: PlainCounter;
  /** `haberci_cdn_purges_total{result}`: purge requests sent to the CDN, by outcome. */
  readonly cdnPurges: LabelledCounter<{ result: "ok" | "failed" }>;
  /** Reads `haberci_page_cache_bytes` and `haberci_page_cache_entries` from `source` at each scrape (0 until set). */
  observeCache(source: () => CacheSize): void;
  /** Reads `haberci_cdn_purge_pending_keys` from `source` at each scrape (0 until set). */
  observePurges(source: () => PurgeBacklog): void;
  /**
   * Reads the weather gauges from `source` at each scrape. They appear only once this is called (an
   * instance without weather has none, rather than a "last success" in 1970); a time not yet reached
   * (null) is given as 0, the usual "never" of `_timestamp_seconds` gauges.
   */
  observeWeather(source: () => WeatherRefreshState): void;
  /** Counts a request in `haberci_http_requests_total` and times it in `haberci_http_request_duration_seconds`. */
  recordRequest(request: RequestRecord): void;
  /** The scrape's Content-Type (Prometheus text format 0.0.4). */
  readonly contentType: string;
  /** Every metric in the Prometheus text format; gauges read their sources now. Rejects if a source throws. */
  scrape(): Promise<string>;
  /** Stops the event-loop delay monitor. */
  close(): void;
}

/** HTTP latency buckets, seconds: a cached page takes well under a millisecond, a slow upload seconds. */
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** NOTIFY lag buckets, seconds: milliseconds on one network, seconds when the listener lags behind. */
const NOTIFY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Sampling interval of the event-loop delay monitor, milliseconds (Node's default). */
const EVENT_LOOP_RESOLUTION_MS = 10;

const seconds = (at: Date | null): number => (at ? at.getTime() / 1000 : 0);

/**
 * A fresh set of instruments on its own registry, with prom-client's default process metrics
 * (`process_*`, `nodejs_*`: memory, CPU, handles, GC, event-loop lag) and
 * `haberci_event_loop_delay_seconds{stat="p50"|"p99"|"max"}`, the event loop's delay over the
 * time since the previous scrape (perf_hooks.monitorEventLoopDelay, reset at each scrape; the
 * monitor skips its first sample after a reset, so a stall in the 10 ms after a scrape goes unseen).
 * Call `close()` when the app closes.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Counter<L>({ name, help, labelNames, registers });
  const gauge = (name: string, help: string, collect?: (this: Gauge) => void, registerNow = true) =>
    new Gauge({ name, help, registers: registerNow ? registers : [], ...(collect ? { collect } : {}) });

  const httpRequests = counter("haberci_http_requests_total", "HTTP requests answered, by route pattern (unmatched: no route), method and status.", [
    "route",
    "method",
    "status",
  ]);
  const httpDuration = new Histogram({
    name: "haberci_http_request_duration_seconds",
    help: "Time from receiving an HTTP request to sending the end of its answer, by route pattern and method.",
    labelNames: ["route", "method"],
    buckets: HTTP_BUCKETS,
    registers,
  });
  const notifyLag = new Histogram({
    name: "haberci_notify_lag_seconds",
    help: "Time from a change on one instance to its arrival on this one through PostgreSQL NOTIFY.",
    buckets: NOTIFY_BUCKETS,
    registers,
  });
  const cacheInvalidations = counter("haberci_page_cache_invalidations_total", "Page cache invalidation events handled, by origin (local or remote).", ["origin"]);
  const cdnPurges = counter("haberci_cdn_purges_total", "Purge requests sent to the CDN, by result (ok or failed).", ["result"]);
  // Known label values start at 0, so rate() and increase() see the first event.
  for (const origin of ["local", "remote"]) cacheInvalidations.inc({ origin }, 0);
  for (const result of ["ok", "failed"]) cdnPurges.inc({ result }, 0);

  const delay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  delay.enable();
  const delayGauge = new Gauge({
    name: "haberci_event_loop_delay_seconds",
    help: "Event loop delay since the previous scrape (perf_hooks.monitorEventLoopDelay): p50, p99 and max.",
    labelNames: ["stat"],
    registers,
    collect() {
      // No sample since the last reset (two scrapes within one resolution): keep the previous values.
      if (delay.count === 0) return;
      // The histogram counts nanoseconds.
      this.set({ stat: "p50" }, delay.percentile(50) / 1e9);
      this.set({ stat: "p99" }, delay.percentile(99) / 1e9);
      this.set({ stat: "max" }, delay.max / 1e9);
      delay.reset();
    },
  });
  // 0 until the monitor's first sample, so the three series exist from the first scrape.
  for (const stat of ["p50", "p99", "max"]) delayGauge.set({ stat }, 0);

  let cacheSource: (() => CacheSize) | null = null;
  gauge("haberci_page_cache_bytes", "Bytes held by the page cache, all variants counted.", function () {
    if (cacheSource) this.set(cacheSource().bytes);
  });
  gauge("haberci_page_cache_entries", "Pages held by the page cache.", function () {
    if (cacheSource) this.set(cacheSource().entries);
  });
  let purgeSource: (() => PurgeBacklog) | null = null;
  gauge("haberci_cdn_purge_pending_keys", "Keys waiting to be purged from the CDN.", function () {
    if (purgeSource) this.set(purgeSource().pendingKeys);
  });

  let weatherSource: (() => WeatherRefreshState) | null = null;
  const weatherGauge = (name: string, help: string, read: (state: WeatherRefreshState) => number) =>
    gauge(
      name,
      help,
      function () {
        if (weatherSource) this.set(read(weatherSource()));
      },
      false,
    );
  const weatherGauges = [
    weatherGauge("haberci_weather_last_attempt_timestamp_seconds", "Start of the latest weather refresh round, Unix seconds (0: none yet).", (s) =>
      seconds(s.lastAttemptAt),
    ),
    weatherGauge("haberci_weather_last_success_timestamp_seconds", "Start of the latest weather refresh round that stored data, Unix seconds (0: none yet).", (s) =>
      seconds(s.lastSuccessAt),
    ),
    weatherGauge("haberci_weather_consecutive_failures", "Weather refresh rounds failed in a row.", (s) => s.consecutiveFailures),
    weatherGauge("haberci_weather_provinces_stored", "Provinces stored by the latest successful weather refresh round.", (s) => s.lastStored),
  ];

  return {
    pageRenders: counter("haberci_page_renders_total", "Pages rendered (not served from the page cache), by route pattern.", ["route"]),
    cacheHits: counter("haberci_page_cache_hits_total", "Page cache lookups answered from the cache, by route pattern.", ["route"]),
    cacheMisses: counter("haberci_page_cache_misses_total", "Page cache lookups that found nothing usable, by route pattern.", ["route"]),
    cacheStaleServed: counter("haberci_page_cache_stale_served_total", "Stale pages served from the cache while a fresh one was rendered."),
    cacheEvictions: counter("haberci_page_cache_evictions_total", "Page cache entries pushed out by its size limit."),
    cacheInvalidations,
    cacheEntriesDropped: counter("haberci_page_cache_entries_dropped_total", "Page cache entries removed because an invalidation touched them."),
    notifyLag: { observe: (value) => notifyLag.observe(Math.max(0, value)) },
    notifyReconnects: counter("haberci_notify_reconnects_total", "PostgreSQL LISTEN connections re-established after a loss."),
    cdnPurges,
    observeCache(source) {
      cacheSource = source;
    },
    observePurges(source) {
      purgeSource = source;
    },
    observeWeather(source) {
      if (!weatherSource) for (const g of weatherGauges) registry.registerMetric(g);
      weatherSource = source;
    },
    recordRequest({ route, method, status, seconds }) {
      httpRequests.inc({ route, method, status: String(status) });
      httpDuration.observe({ route, method }, seconds);
    },
    contentType: registry.contentType,
    scrape: () => registry.metrics(),
    close() {
      delay.disable();
    },
  };
}
