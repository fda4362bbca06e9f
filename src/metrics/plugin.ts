// GET /metrics for Prometheus, and the hook that counts and times every answered request.
// Wrapped in fastify-plugin so the hook sees the whole app, not only this plugin's routes.
import crypto from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Metrics } from "./metrics.ts";

export interface MetricsPluginOptions {
  metrics: Metrics;
  /** METRICS_TOKEN: the Bearer token a scraper must send; null leaves /metrics answering 404 like any unknown address. */
  token: string | null;
}

/** Route label of requests no route matched: one series for all of them, whatever the URL. */
export const UNMATCHED_ROUTE = "unmatched";

const sha256 = (text: string): Buffer => crypto.createHash("sha256").update(text).digest();

/**
 * True when the Authorization header is `Bearer <token>` (RFC 6750 §2.1; scheme case-insensitive).
 * Both sides are hashed first, so timingSafeEqual compares equal lengths and the time taken says
 * nothing about the token's length or content.
 */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? "")?.[1];
  return given !== undefined && crypto.timingSafeEqual(sha256(given), sha256(expected));
}

/**
 * Registers an `onResponse` hook that records every answered request (route pattern or
 * "unmatched", method, status, `reply.elapsedTime`), `/metrics` included, and `GET /metrics`
 * (hidden from the OpenAPI document):
 * - token null: the route is not registered at all, so /metrics gets the app's not-found answer,
 *   the same as any unknown address (counted as "unmatched"), wherever the plugin is registered;
 * - no or wrong `Authorization: Bearer <token>`: 401, `WWW-Authenticate: Bearer` (with
 *   `error="invalid_token"` when a token was sent, RFC 6750 §3), a short Turkish text;
 * - else 200, the Prometheus text format, `Cache-Control: no-store`.
 * Closing the app closes `metrics` (its event-loop monitor).
 */
export const metricsPlugin = fp<MetricsPluginOptions>(
  async (app, { metrics, token }) => {
    app.addHook("onResponse", async (request: FastifyRequest, reply: FastifyReply) => {
      metrics.recordRequest({
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        method: request.method,
        status: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
      });
    });

    app.addHook("onClose", async () => metrics.close());
    if (token === null) return;

    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      reply.header("cache-control", "no-store");
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply
          .code(401)
          .header("www-authenticate", request.headers.authorization === undefined ? "Bearer" : 'Bearer error="invalid_token"')
          .type("text/plain; charset=utf-8")
          .send("Bu adres için geçerli bir erişim anahtarı gerekiyor.\n");
      }
      return reply.type(metrics.contentType).send(await metrics.scrape());
    });
  },
  { name: "haberci-metrics", fastify: "5.x" },
);
