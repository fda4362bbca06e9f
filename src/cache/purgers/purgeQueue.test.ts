import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CdnPurger, PurgerHttpOptions } from "./cdnPurger.ts";
import { startFakeCdnServer, json, type FakeCdnServer, type RecordedRequest } from "../../../test/fakeCdnServer.ts";
import { createFastlyPurger } from "./fastlyPurger.ts";
import { startPurgeQueue, type PurgeQueue } from "./purgeQueue.ts";

const SERVICE = "SVC123";
const TOKEN = "queue-test-token";
const FAST: PurgerHttpOptions = { retries: 1, minRetryMs: 5, maxRetryMs: 20, timeoutMs: 10_000 };

function fastlyApi(request: RecordedRequest) {
  if (request.headers["fastly-key"] !== TOKEN) return json(403, { msg: "Provided credentials are missing or invalid" });
  return json(200, {});
}
const keysOf = (request: RecordedRequest | undefined) => (request?.headers["surrogate-key"] ?? "").split(" ");

/** A logger that keeps what it is told. */
function recordingLog() {
  const lines: { level: "warn" | "info"; obj: object; msg: string }[] = [];
  return {
    lines,
    warn: (obj: object, msg: string) => void lines.push({ level: "warn", obj, msg }),
    info: (obj: object, msg: string) => void lines.push({ level: "info", obj, msg }),
  };
}

/** A purger whose rounds the test finishes by hand. */
function gatedPurger() {
  const calls: { keys: readonly string[]; finish: (error?: Error) => void }[] = [];
  const purger: CdnPurger = {
    name: "gated",
    purge: (keys) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ keys: [...keys], finish: (error) => (error ? reject(error) : resolve()) });
      }),
  };
  return { purger, calls };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let server: FakeCdnServer;
let queue: PurgeQueue | undefined;
beforeEach(async () => {
  server = await startFakeCdnServer(fastlyApi);
});
afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  await server.close();
});

const fastly = (options: PurgerHttpOptions = FAST) => createFastlyPurger({ serviceId: SERVICE, apiToken: TOKEN, apiUrl: server.url, softPurge: false }, options);

describe("purge queue", () => {
  it("returns from enqueue at once while the CDN hangs, and stop() returns promptly", async () => {
    server.answer = () => "hang";
    const log = recordingLog();
    queue = startPurgeQueue(fastly(), { log, debounceMs: 5, stopTimeoutMs: 200 });
    expect(queue.enqueue(["article-12", "home"])).toBeUndefined();
    expect(server.requests).toHaveLength(0);
    await server.waitForRequests(1);
    expect(queue.stats().pendingKeys).toBe(2);
    queue.enqueue(["latest"]); // still at once, with a purge hanging
    const started = performance.now();
    await queue.stop();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(queue.stats().dropped).toBe(3);
    expect(log.lines.some((line) => line.level === "warn" && line.msg.includes("not purged"))).toBe(true);
  });

  it("gathers keys arriving within the debounce into one purge, without repeats", async () => {
    const rounds: string[] = [];
    queue = startPurgeQueue(fastly(), { log: recordingLog(), debounceMs: 30, onRound: (result, keys) => rounds.push(`${result}:${keys}`) });
    queue.enqueue(["article-1", "home"]);
    queue.enqueue(["article-2", "home"]);
    queue.enqueue(["category-3"]);
    await queue.idle();
    expect(server.requests).toHaveLength(1);
    expect(keysOf(server.requests[0])).toEqual(["article-1", "home", "article-2", "category-3"]);
    expect(queue.stats()).toEqual({ purged: 4, failed: 0, dropped: 0, pendingKeys: 0 });
    expect(rounds).toEqual(["ok:4"]);
  });

  it("keeps one purge in flight; keys arriving meanwhile go in the next round", async () => {
    const { purger, calls } = gatedPurger();
    queue = startPurgeQueue(purger, { log: recordingLog(), debounceMs: 1 });
    queue.enqueue(["home"]);
    await until(() => calls.length === 1);
    queue.enqueue(["article-5", "tag-40"]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    await until(() => calls.length === 2);
    expect(calls[1]?.keys).toEqual(["article-5", "tag-40"]);
    calls[1]?.finish();
    await queue.idle();
    expect(queue.stats().purged).toBe(3);
  });

  it("sends large backlogs in rounds of maxKeysPerRound", async () => {
    queue = startPurgeQueue(fastly(), { log: recordingLog(), debounceMs: 1, maxKeysPerRound: 2 });
    queue.enqueue(["a", "b", "c", "d", "e"]);
    await queue.idle();
    expect(server.requests.map((r) => keysOf(r))).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("gets the keys to a CDN that is down for a while and comes back", async () => {
    server.answer = () => ({ status: 503, body: "Service unavailable" });
    const log = recordingLog();
    queue = startPurgeQueue(fastly(), { log, debounceMs: 1, retryDelayMs: 5, maxRetryDelayMs: 20 });
    queue.enqueue(["breaking"]);
    await server.waitForRequests(4); // two rounds of two attempts each
    queue.enqueue(["home"]);
    server.answer = fastlyApi;
    await queue.idle();
    const sent = new Set(server.requests.slice(4).flatMap((r) => keysOf(r)));
    expect(sent).toEqual(new Set(["breaking", "home"]));
    expect(queue.stats()).toMatchObject({ purged: 2, dropped: 0, pendingKeys: 0 });
    expect(queue.stats().failed).toBeGreaterThanOrEqual(2);
    expect(log.lines.some((line) => line.level === "warn" && line.msg.includes("keys kept for a later round"))).toBe(true);
    expect(JSON.stringify(log.lines)).not.toContain(TOKEN);
  });

  it("drops keys after maxFailedRounds when the CDN keeps refusing", async () => {
    const refusing = createFastlyPurger({ serviceId: SERVICE, apiToken: "revoked-token", apiUrl: server.url, softPurge: false }, FAST);
    const log = recordingLog();
    queue = startPurgeQueue(refusing, { log, debounceMs: 1, retryDelayMs: 1, maxFailedRounds: 3 });
    queue.enqueue(["home"]);
    await queue.idle();
    expect(server.requests).toHaveLength(3); // a 403 is not retried within a round
    expect(queue.stats()).toEqual({ purged: 0, failed: 3, dropped: 1, pendingKeys: 0 });
    expect(log.lines.some((line) => line.msg.includes("keys dropped"))).toBe(true);
    expect(JSON.stringify(log.lines)).not.toContain("revoked-token");
  });

  it("keeps at most maxPendingKeys waiting", async () => {
    const { purger, calls } = gatedPurger();
    queue = startPurgeQueue(purger, { log: recordingLog(), debounceMs: 1, maxPendingKeys: 3 });
    queue.enqueue(["home"]);
    await until(() => calls.length === 1);
    queue.enqueue(["k-1", "k-2", "k-3", "k-4", "k-5"]);
    expect(queue.stats()).toMatchObject({ dropped: 2, pendingKeys: 4 }); // three waiting, one in flight
    calls[0]?.finish();
    await until(() => calls.length === 2);
    expect(calls[1]?.keys).toEqual(["k-3", "k-4", "k-5"]);
    calls[1]?.finish();
  });

  it("drops what is not a surrogate key and never throws", async () => {
    const log = recordingLog();
    queue = startPurgeQueue(fastly(), { log, debounceMs: 1 });
    expect(() => queue?.enqueue(["Home", "tag 1", "ok-key", "x".repeat(65)])).not.toThrow();
    await queue.idle();
    expect(keysOf(server.requests[0])).toEqual(["ok-key"]);
    expect(queue.stats().dropped).toBe(3);
  });

  it("sends what waits at stop() without waiting out the debounce, then takes no more keys", async () => {
    queue = startPurgeQueue(fastly(), { log: recordingLog(), debounceMs: 60_000 });
    queue.enqueue(["weather"]);
    await queue.stop();
    expect(keysOf(server.requests[0])).toEqual(["weather"]);
    queue.enqueue(["home"]);
    expect(queue.stats()).toMatchObject({ purged: 1, dropped: 1, pendingKeys: 0 });
    await queue.idle();
    expect(server.requests).toHaveLength(1);
  });
});
