import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PurgeError, type PurgerHttpOptions } from "./cdnPurger.ts";
import { startFakeCdnServer, json, type FakeCdnServer, type RecordedRequest } from "../../../test/fakeCdnServer.ts";
import { createFastlyPurger } from "./fastlyPurger.ts";

const SERVICE = "SU1Z0isxPaozGVKXdv0eY";
const TOKEN = "fastly-secret-token-123";
const FAST = { retries: 2, minRetryMs: 5, maxRetryMs: 20, timeoutMs: 2000 };

/** Fastly's bulk purge as documented: POST /service/{id}/purge, Fastly-Key, Surrogate-Key (≤ 256 keys); 200 maps key → purge id. */
function fastlyApi(request: RecordedRequest) {
  if (request.method !== "POST" || request.path !== `/service/${SERVICE}/purge`) return json(404, { msg: "Record not found" });
  if (request.headers["fastly-key"] !== TOKEN) return json(403, { msg: "Provided credentials are missing or invalid" });
  const keys = String(request.headers["surrogate-key"] ?? "")
    .split(" ")
    .filter(Boolean);
  if (keys.length === 0 || keys.length > 256) return json(400, { msg: "Bad request", detail: `${keys.length} keys` });
  return json(200, Object.fromEntries(keys.map((key, i) => [key, `108-1391560174-${i}`])));
}

const keysOf = (request: RecordedRequest) => String(request.headers["surrogate-key"]).split(" ");

let server: FakeCdnServer;
beforeEach(async () => {
  await server?.close();
  server = await startFakeCdnServer(fastlyApi);
});
afterAll(() => server.close());

function purger(overrides: { softPurge?: boolean; apiToken?: string } = {}, options: PurgerHttpOptions = FAST) {
  return createFastlyPurger({ serviceId: SERVICE, apiToken: TOKEN, apiUrl: server.url, softPurge: false, ...overrides }, options);
}

describe("Fastly purger", () => {
  it("sends the keys space-separated in Surrogate-Key to the service's purge endpoint, once each", async () => {
    await purger().purge(["article-12", "category-3", "home", "article-12"]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/service/${SERVICE}/purge`);
    expect(request?.headers["fastly-key"]).toBe(TOKEN);
    expect(request?.headers["surrogate-key"]).toBe("article-12 category-3 home");
    expect(request?.headers["fastly-soft-purge"]).toBeUndefined();
    expect(request?.body).toBe("");
  });

  it("asks for a soft purge when configured", async () => {
    await purger({ softPurge: true }).purge(["breaking"]);
    expect(server.requests[0]?.headers["fastly-soft-purge"]).toBe("1");
  });

  it("sends at most 256 keys per request", async () => {
    const keys = Array.from({ length: 600 }, (_, i) => `article-${i}`);
    await purger().purge(keys);
    expect(server.requests.map((r) => keysOf(r).length)).toEqual([256, 256, 88]);
    expect(server.requests.flatMap(keysOf)).toEqual(keys);
  });

  it("sends nothing for no keys, and refuses a malformed key before any request", async () => {
    await purger().purge([]);
    await expect(purger().purge(["home", "Bad Key\r\nX-Evil: 1"])).rejects.toThrow(RangeError);
    expect(server.requests).toHaveLength(0);
  });

  it("retries after a 503 and a 429 and then succeeds", async () => {
    server.script.push({ status: 503, body: "upstream down" }, json(429, { msg: "Too many requests" }, { "retry-after": "0" }));
    await purger().purge(["latest"]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.headers["surrogate-key"] === "latest")).toBe(true);
  });

  it("waits at least the Retry-After of a 429 before trying again", async () => {
    server.script.push(json(429, { msg: "Too many requests" }, { "retry-after": "1" }));
    const started = performance.now();
    await purger().purge(["latest"]);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("caps a long Retry-After", async () => {
    server.script.push(json(429, { msg: "Too many requests" }, { "retry-after": "3600" }));
    await purger({}, { ...FAST, maxRetryAfterMs: 50 }).purge(["latest"]);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up on a 403 at once, with Fastly's message and without the token", async () => {
    const error = await purger({ apiToken: "wrong-token-456" })
      .purge(["home"])
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(PurgeError);
    expect((error as PurgeError).status).toBe(403);
    expect((error as PurgeError).unpurgedKeys).toEqual(["home"]);
    expect((error as Error).message).toContain("Provided credentials are missing or invalid");
    expect((error as Error).message).not.toContain("wrong-token-456");
  });

  it("gives up after its retries when the API stays down", async () => {
    server.answer = () => ({ status: 502, body: "Bad gateway" });
    await expect(purger().purge(["home"])).rejects.toThrow(/HTTP 502/);
    expect(server.requests).toHaveLength(3);
  });

  it("reports the keys of the failed batch and those after it", async () => {
    const keys = Array.from({ length: 600 }, (_, i) => `tag-${i}`);
    server.script.push(json(200, {}), json(400, { msg: "Bad request" }));
    const error = (await purger()
      .purge(keys)
      .catch((e: unknown) => e)) as PurgeError;
    expect(error.unpurgedKeys).toEqual(keys.slice(256));
    expect(error.message).toContain("batch 2 of 3");
  });

  it("times out on a server that never answers, then gives up", async () => {
    server.answer = () => "hang";
    const started = performance.now();
    await expect(purger({}, { ...FAST, retries: 1, timeoutMs: 200 }).purge(["home"])).rejects.toThrow(/no answer within 200 ms/);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
