import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { DomainError, NotFoundError } from "../errors.ts";
import { statusOf } from "../http/errorStatus.ts";
import type { RefresherState } from "../weather/refresher.ts";
import { type Metrics, type WeatherRefreshState, createMetrics } from "./metrics.ts";
import { metricsPlugin } from "./plugin.ts";

const TOKEN = "gizli-anahtar-123";
const NOT_FOUND_PAGE = "Aradığınız sayfa bulunamadı.";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The sample lines of a Prometheus text exposition; throws on a line that is neither a comment nor a sample. */
function parseSamples(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match?.[1] || !match[3]) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

/** A small app shaped like Haberci's: domain errors mapped in one handler, a Turkish 404 for unknown paths. */
async function buildApp(metrics: Metrics, token: string | null): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifySwagger, { openapi: { info: { title: "test", version: "1" } } });
  app.setErrorHandler(async (error: FastifyError | DomainError, _request, reply) =>
    error instanceof DomainError ? reply.code(statusOf(error)).type("text/plain; charset=utf-8").send(NOT_FOUND_PAGE) : reply.code(500).send(),
  );
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type("text/plain; charset=utf-8").send(NOT_FOUND_PAGE));
  await app.register(metricsPlugin, { metrics, token });
  app.get("/", async () => "Ana sayfa");
  app.get<{ Params: { id: string } }>("/haber/:id", async (request) => {
    if (request.params.id === "0") throw new NotFoundError("Haber");
    return `Haber ${request.params.id}`;
  });
  await app.ready();
  return app;
}

describe("GET /metrics", () => {
  const open: Array<{ app: FastifyInstance }> = [];
  const start = async (token: string | null = TOKEN) => {
    const metrics = createMetrics();
    const app = await buildApp(metrics, token);
    open.push({ app });
    const scrape = async () => {
      const response = await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(200);
      return { text: response.body, samples: parseSamples(response.body) };
    };
    return { app, metrics, scrape };
  };
  afterEach(async () => {
    for (const { app } of open.splice(0)) await app.close();
  });

  it("answers 404 like an unknown address when no METRICS_TOKEN is set, token or not", async () => {
    const { app, metrics } = await start(null);
    const unknown = await app.inject("/yok-boyle-bir-yer");
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const response = await app.inject({ url: "/metrics", headers });
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(unknown.body);
    }
    const samples = parseSamples(await metrics.scrape());
    expect(valueOf(samples, "haberci_http_requests_total", { route: "unmatched", status: "404" })).toBe(3);
    expect(valueOf(samples, "haberci_http_requests_total", { route: "/metrics" })).toBeUndefined();
  });

  it("refuses a missing or wrong token with 401, WWW-Authenticate: Bearer and a Turkish text", async () => {
    const { app } = await start();
    const missing = await app.inject("/metrics");
    expect(missing.statusCode).toBe(401);
    expect(missing.headers["www-authenticate"]).toBe("Bearer");
    expect(missing.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(missing.body).toContain("erişim anahtarı");
    expect(missing.body).not.toContain("haberci_");
    for (const authorization of ["Bearer yanlis", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, "Bearer "]) {
      const response = await app.inject({ url: "/metrics", headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(response.body).not.toContain("haberci_");
    }
  });

  it("gives the Prometheus text format to the right token, never cached, out of the OpenAPI document", async () => {
    const { app } = await start();
    const response = await app.inject({ url: "/metrics", headers: { authorization: `bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("no-store");
    const samples = parseSamples(response.body);
    for (const name of [
      "haberci_page_renders_total",
      "haberci_page_cache_hits_total",
      "haberci_page_cache_misses_total",
      "haberci_page_cache_stale_served_total",
      "haberci_page_cache_evictions_total",
      "haberci_page_cache_invalidations_total",
      "haberci_page_cache_entries_dropped_total",
      "haberci_page_cache_bytes",
      "haberci_page_cache_entries",
      "haberci_notify_lag_seconds",
      "haberci_notify_reconnects_total",
      "haberci_cdn_purges_total",
      "haberci_cdn_purge_pending_keys",
      "haberci_http_requests_total",
      "haberci_http_request_duration_seconds",
      "haberci_event_loop_delay_seconds",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_p99_seconds",
    ]) {
      expect(response.body).toMatch(new RegExp(`^# HELP ${name} \\S`, "m"));
    }
    expect(valueOf(samples, "haberci_page_cache_invalidations_total", { origin: "remote" })).toBe(0);
    expect(valueOf(samples, "haberci_cdn_purges_total", { result: "failed" })).toBe(0);
    for (const stat of ["p50", "p99", "max"]) {
      expect(valueOf(samples, "haberci_event_loop_delay_seconds", { stat })).toBeGreaterThanOrEqual(0);
    }
    const document = app.swagger() as { paths?: Record<string, unknown> };
    expect(Object.keys(document.paths ?? {})).toEqual(expect.arrayContaining(["/", "/haber/{id}"]));
    expect(Object.keys(document.paths ?? {})).not.toContain("/metrics");
  });

  it("names every haberci_ metric by Prometheus's conventions: counters end in _total, units in the name", async () => {
    const { metrics, scrape } = await start();
    metrics.observeWeather(() => ({ lastAttemptAt: null, lastSuccessAt: null, consecutiveFailures: 0, lastStored: 0 }));
    const { text } = await scrape();
    const types = [...text.matchAll(/^# TYPE (haberci_\w+) (\w+)$/gm)].map((m) => ({ name: m[1] ?? "", type: m[2] }));
    expect(types).toHaveLength(20);
    for (const { name, type } of types) {
      expect(name).toMatch(/^haberci_[a-z][a-z0-9_]*[a-z]$/);
      if (type === "counter") expect(name).toMatch(/_total$/);
      else expect(name).not.toMatch(/_total$/);
      if (type === "histogram") expect(name).toMatch(/_seconds$/);
    }
  });

  it("counts requests by route pattern, method and status, one 'unmatched' series for unknown addresses", async () => {
    const { app, scrape } = await start();
    await app.inject("/");
    await app.inject("/haber/5");
    await app.inject("/haber/6");
    await app.inject("/haber/0");
    await app.inject("/nereye/gidiyor?q=1");
    await app.inject("/baska-bir-yer");
    await app.inject({ method: "POST", url: "/haber/5" });
    const { text, samples } = await scrape();
    const requests = (labels: Record<string, string>) => valueOf(samples, "haberci_http_requests_total", labels);
    expect(requests({ route: "/", method: "GET", status: "200" })).toBe(1);
    expect(requests({ route: "/haber/:id", method: "GET", status: "200" })).toBe(2);
    expect(requests({ route: "/haber/:id", method: "GET", status: "404" })).toBe(1);
    expect(requests({ route: "unmatched", method: "GET", status: "404" })).toBe(2);
    expect(requests({ route: "unmatched", method: "POST", status: "404" })).toBe(1);
    expect(valueOf(samples, "haberci_http_request_duration_seconds_count", { route: "/haber/:id", method: "GET" })).toBe(3);
    expect(valueOf(samples, "haberci_http_request_duration_seconds_bucket", { route: "/haber/:id", method: "GET", le: "+Inf" })).toBe(3);
    // Raw addresses never become labels.
    expect(text).not.toContain("/haber/5");
    expect(text).not.toContain("nereye");
  });

  it("counts the scrapes themselves under /metrics, but not as rendered pages", async () => {
    const { app, scrape } = await start();
    await app.inject("/metrics");
    await scrape();
    const { samples } = await scrape();
    expect(valueOf(samples, "haberci_http_requests_total", { route: "/metrics", status: "401" })).toBe(1);
    expect(valueOf(samples, "haberci_http_requests_total", { route: "/metrics", status: "200" })).toBe(1);
    expect(samples.filter((s) => s.name === "haberci_page_renders_total")).toEqual([]);
  });

  it("reads the gauges from their callbacks at each scrape", async () => {
    const { metrics, scrape } = await start();
    expect(valueOf((await scrape()).samples, "haberci_page_cache_entries")).toBe(0);
    const cache = { bytes: 2048, entries: 3 };
    const purges = { pendingKeys: 7 };
    metrics.observeCache(() => cache);
    metrics.observePurges(() => purges);
    let samples = (await scrape()).samples;
    expect(valueOf(samples, "haberci_page_cache_bytes")).toBe(2048);
    expect(valueOf(samples, "haberci_page_cache_entries")).toBe(3);
    expect(valueOf(samples, "haberci_cdn_purge_pending_keys")).toBe(7);
    cache.entries = 4;
    cache.bytes = 4096;
    purges.pendingKeys = 0;
    samples = (await scrape()).samples;
    expect(valueOf(samples, "haberci_page_cache_bytes")).toBe(4096);
    expect(valueOf(samples, "haberci_page_cache_entries")).toBe(4);
    expect(valueOf(samples, "haberci_cdn_purge_pending_keys")).toBe(0);
  });

  it("shows the weather refresher's state only once it is observed, times as Unix seconds", async () => {
    // The refresher's state() is what observeWeather reads (checked by tsc).
    expectTypeOf<RefresherState>().toEqualTypeOf<WeatherRefreshState>();
    const { metrics, scrape } = await start();
    expect((await scrape()).text).not.toContain("haberci_weather_");
    const state = {
      lastAttemptAt: new Date("2026-11-29T09:15:00Z"),
      lastSuccessAt: null as Date | null,
      consecutiveFailures: 2,
      lastStored: 0,
    };
    metrics.observeWeather(() => state);
    let samples = (await scrape()).samples;
    expect(valueOf(samples, "haberci_weather_last_attempt_timestamp_seconds")).toBe(Date.parse("2026-11-29T09:15:00Z") / 1000);
    expect(valueOf(samples, "haberci_weather_last_success_timestamp_seconds")).toBe(0);
    expect(valueOf(samples, "haberci_weather_consecutive_failures")).toBe(2);
    Object.assign(state, { lastSuccessAt: new Date("2026-11-29T09:16:00Z"), consecutiveFailures: 0, lastStored: 81 });
    samples = (await scrape()).samples;
    expect(valueOf(samples, "haberci_weather_last_success_timestamp_seconds")).toBe(Date.parse("2026-11-29T09:16:00Z") / 1000);
    expect(valueOf(samples, "haberci_weather_consecutive_failures")).toBe(0);
    expect(valueOf(samples, "haberci_weather_provinces_stored")).toBe(81);
  });

  it("keeps two apps' metrics apart in one process", async () => {
    const first = await start();
    const second = await start();
    await first.app.inject("/haber/1");
    first.metrics.pageRenders.inc({ route: "/haber/:id" });
    first.metrics.cacheInvalidations.inc({ origin: "remote" }, 2);
    const one = (await first.scrape()).samples;
    const two = (await second.scrape()).samples;
    expect(valueOf(one, "haberci_http_requests_total", { route: "/haber/:id" })).toBe(1);
    expect(valueOf(two, "haberci_http_requests_total", { route: "/haber/:id" })).toBeUndefined();
    expect(valueOf(one, "haberci_page_renders_total", { route: "/haber/:id" })).toBe(1);
    expect(valueOf(two, "haberci_page_renders_total", { route: "/haber/:id" })).toBeUndefined();
    expect(valueOf(one, "haberci_page_cache_invalidations_total", { origin: "remote" })).toBe(2);
    expect(valueOf(two, "haberci_page_cache_invalidations_total", { origin: "remote" })).toBe(0);
  });

  it("records NOTIFY lag in seconds, a negative lag (clock skew) as 0", async () => {
    const { metrics, scrape } = await start();
    metrics.notifyLag.observe(0.004);
    metrics.notifyLag.observe(-0.2);
    const { samples } = await scrape();
    expect(valueOf(samples, "haberci_notify_lag_seconds_count")).toBe(2);
    expect(valueOf(samples, "haberci_notify_lag_seconds_bucket", { le: "0.001" })).toBe(1);
    expect(valueOf(samples, "haberci_notify_lag_seconds_bucket", { le: "0.005" })).toBe(2);
    expect(valueOf(samples, "haberci_notify_lag_seconds_sum")).toBeCloseTo(0.004);
  });
});

describe("haberci_event_loop_delay_seconds", () => {
  it("shows a blocked event loop in its max and p99", async () => {
    const metrics = createMetrics();
    try {
      await metrics.scrape(); // starts a fresh interval
      // The monitor drops its first sample after a reset: let that one pass before blocking.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const blockUntil = performance.now() + 100;
      while (performance.now() < blockUntil) {
        // Busy: the event loop cannot turn for 100 ms.
      }
      // Let the monitor's timer run once after the block, so it records the delay.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const samples = parseSamples(await metrics.scrape());
      expect(valueOf(samples, "haberci_event_loop_delay_seconds", { stat: "max" })).toBeGreaterThanOrEqual(0.05);
      expect(valueOf(samples, "haberci_event_loop_delay_seconds", { stat: "p99" })).toBeGreaterThanOrEqual(0.05);
    } finally {
      metrics.close();
    }
  });
});
