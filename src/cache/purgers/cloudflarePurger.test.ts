import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PurgeError, type PurgerHttpOptions } from "./cdnPurger.ts";
import { createCloudflarePurger } from "./cloudflarePurger.ts";
import { startFakeCdnServer, json, type FakeCdnServer, type RecordedRequest } from "../../../test/fakeCdnServer.ts";

const ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
const TOKEN = "cf-secret-token-789";
const FAST: PurgerHttpOptions = { retries: 2, minRetryMs: 5, maxRetryMs: 20, timeoutMs: 2000 };

const fail = (status: number, code: number, message: string) => json(status, { success: false, errors: [{ code, message }], messages: [], result: null });

/** Cloudflare's purge_cache as documented: Bearer token, JSON {"tags": [...]} with at most 100 tags, v4 envelope. */
function cloudflareApi(request: RecordedRequest) {
  if (request.method !== "POST" || request.path !== `/client/v4/zones/${ZONE}/purge_cache`)
    return fail(404, 7003, "Could not route to /zones, perhaps your object identifier is invalid?");
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return fail(403, 10000, "Authentication error");
  const body = JSON.parse(request.body) as { tags?: unknown };
  if (!Array.isArray(body.tags) || body.tags.length === 0 || body.tags.length > 100) return fail(400, 1004, "Tags: too many");
  return json(200, { success: true, errors: [], messages: [], result: { id: "9a7806061c88ada191ed06f989cc3dac" } });
}

const tagsOf = (request: RecordedRequest) => (JSON.parse(request.body) as { tags: string[] }).tags;

let server: FakeCdnServer;
beforeEach(async () => {
  await server?.close();
  server = await startFakeCdnServer(cloudflareApi);
});
afterAll(() => server.close());

function purger(apiToken = TOKEN, options: PurgerHttpOptions = FAST) {
  return createCloudflarePurger({ zoneId: ZONE, apiToken, apiUrl: server.url }, options);
}

describe("Cloudflare purger", () => {
  it("posts the tags as JSON to the zone's purge_cache with a Bearer token, once each", async () => {
    await purger().purge(["article-12", "tag-40", "weather", "tag-40"]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/client/v4/zones/${ZONE}/purge_cache`);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({ tags: ["article-12", "tag-40", "weather"] });
  });

  it("sends at most 100 tags per request", async () => {
    const keys = Array.from({ length: 250 }, (_, i) => `article-${i}`);
    await purger().purge(keys);
    expect(server.requests.map((r) => tagsOf(r).length)).toEqual([100, 100, 50]);
    expect(server.requests.flatMap(tagsOf)).toEqual(keys);
  });

  it("retries after a 503 and a 429 and then succeeds", async () => {
    server.script.push({ status: 503, body: "<html>Service unavailable</html>" }, fail(429, 971, "Please wait and consider throttling your request speed"));
    await purger().purge(["home"]);
    expect(server.requests).toHaveLength(3);
  });

  it("treats success: false as a failure with Cloudflare's messages, even with status 200", async () => {
    server.script.push(json(200, { success: false, errors: [{ code: 1134, message: "Purge by tag is not allowed" }], messages: [], result: null }));
    const error = (await purger()
      .purge(["home"])
      .catch((e: unknown) => e)) as PurgeError;
    expect(error).toBeInstanceOf(PurgeError);
    expect(error.message).toContain("1134 Purge by tag is not allowed");
    expect(server.requests).toHaveLength(1);
  });

  it("treats a 200 that is not JSON as a failure", async () => {
    server.script.push({ status: 200, body: "<html>captive portal</html>" });
    await expect(purger().purge(["home"])).rejects.toThrow(/not JSON/);
  });

  it("gives up on a 403 at once, with Cloudflare's message and without the token", async () => {
    const error = (await purger("wrong-token-000")
      .purge(["home"])
      .catch((e: unknown) => e)) as PurgeError;
    expect(server.requests).toHaveLength(1);
    expect(error.status).toBe(403);
    expect(error.message).toContain("10000 Authentication error");
    expect(error.message).not.toContain("wrong-token-000");
  });

  it("times out on a server that never answers, then gives up", async () => {
    server.answer = () => "hang";
    await expect(purger(TOKEN, { ...FAST, retries: 1, timeoutMs: 200 }).purge(["home"])).rejects.toThrow(/no answer within 200 ms/);
    expect(server.requests).toHaveLength(2);
  });

  it("fails fast on a refused connection after its retries", async () => {
    const url = server.url;
    await server.close();
    const closed = createCloudflarePurger({ zoneId: ZONE, apiToken: TOKEN, apiUrl: url }, FAST);
    await expect(closed.purge(["home"])).rejects.toThrow(/ECONNREFUSED/);
  });
});
