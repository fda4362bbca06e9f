import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type Lookup, PageCache, type RenderTicket } from "./pageCache.ts";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function ticketOf(lookup: Lookup): RenderTicket {
  if (lookup.kind !== "render") throw new Error(`expected a render, got ${lookup.kind}`);
  return lookup.ticket;
}

const page = (text: string, keys: string[] = ["article-1"]) => ({ body: Buffer.from(text), headers: { "content-type": "text/html; charset=utf-8" }, keys });

describe("PageCache", () => {
  it("renders once, then answers from memory in three encodings with one validator", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    await ticketOf(await cache.lookup("/a")).finish(page("<p>Merhaba dünya</p>".repeat(50)));
    const hit = await cache.lookup("/a");
    expect(hit.kind).toBe("hit");
    if (hit.kind !== "hit") return;
    expect(gunzipSync(hit.page.gzip).toString()).toBe("<p>Merhaba dünya</p>".repeat(50));
    expect(brotliDecompressSync(hit.page.br).toString()).toBe("<p>Merhaba dünya</p>".repeat(50));
    expect(hit.page.br.length).toBeLessThan(hit.page.identity.length / 5);
    expect(hit.page.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1, renders: 1 });
  });

  it("lets one of many concurrent requests render; the others get its bytes", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const first = ticketOf(await cache.lookup("/a"));
    const waiting = Array.from({ length: 200 }, () => cache.lookup("/a"));
    await first.finish(page("bir kez"));
    const answers = await Promise.all(waiting);
    expect(answers.every((a) => a.kind === "hit" && a.page.identity.toString() === "bir kez")).toBe(true);
    expect(cache.stats().renders).toBe(1);
  });

  it("after a change, serves the previous bytes only while a re-render runs and only within the grace period", async () => {
    const c = clock();
    const cache = new PageCache({ maxBytes: 1_000_000, graceMs: 1000, now: c.now });
    await ticketOf(await cache.lookup("/a")).finish(page("eski"));
    expect(cache.invalidate(["article-1"])).toBe(1);
    // The next request renders (and waits for it): it sees the change.
    const renderer = ticketOf(await cache.lookup("/a"));
    // Meanwhile, others get the old bytes at once…
    const during = await cache.lookup("/a");
    expect(during.kind === "stale" && during.page.identity.toString()).toBe("eski");
    // …but not past the grace period: then they wait for the new bytes.
    c.advance(1001);
    const late = cache.lookup("/a");
    await renderer.finish(page("yeni"));
    const answer = await late;
    expect(answer.kind === "hit" && answer.page.identity.toString()).toBe("yeni");
  });

  it("does not keep a render that a change overtook", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const ticket = ticketOf(await cache.lookup("/a"));
    cache.invalidate(["article-1"]);
    const served = await ticket.finish(page("değişiklikten önce okunmuş"));
    expect(served.identity.toString()).toBe("değişiklikten önce okunmuş");
    expect((await cache.lookup("/a")).kind).toBe("render");
  });

  it("keeps a render whose keys the change did not touch", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const ticket = ticketOf(await cache.lookup("/a"));
    cache.invalidate(["category-9"]);
    await ticket.finish(page("başka kategori"));
    expect((await cache.lookup("/a")).kind).toBe("hit");
  });

  it("drops exactly the entries holding a changed key", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    await ticketOf(await cache.lookup("/spor")).finish(page("spor", ["category-1", "article-1"]));
    await ticketOf(await cache.lookup("/dunya")).finish(page("dünya", ["category-2", "article-2"]));
    expect(cache.invalidate(["category-1"])).toBe(1);
    expect((await cache.lookup("/spor")).kind).toBe("render");
    expect((await cache.lookup("/dunya")).kind).toBe("hit");
  });

  it("stays within its memory bound, dropping the least recently used", async () => {
    const evicted: number[] = [];
    // Random bytes do not compress: each entry is about 3 × 40 KB.
    const big = () => Buffer.from(Array.from({ length: 40_000 }, () => Math.floor(Math.random() * 256)));
    const cache = new PageCache({ maxBytes: 400_000, onEvict: (bytes) => evicted.push(bytes) });
    for (const url of ["/1", "/2", "/3"]) await ticketOf(await cache.lookup(url)).finish({ ...page(""), body: big() });
    await cache.lookup("/1"); // used again: /2 is now the least recently used
    await ticketOf(await cache.lookup("/4")).finish({ ...page(""), body: big() });
    expect(cache.stats().bytes).toBeLessThanOrEqual(400_000);
    expect(evicted.length).toBeGreaterThan(0);
    expect((await cache.lookup("/1")).kind).toBe("hit");
    expect((await cache.lookup("/2")).kind).toBe("render");
  });

  it("lets a key expire entries at scattered moments within a spread, not all at once", async () => {
    const c = clock();
    const cache = new PageCache({ maxBytes: 1_000_000, now: c.now });
    for (let i = 0; i < 10; i++) await ticketOf(await cache.lookup(`/${i}`)).finish(page(String(i), ["weather"]));
    let r = 0;
    expect(cache.expireWithin("weather", 60_000, () => (r += 0.1) - 0.05)).toBe(10);
    c.advance(30_000);
    const lookups = await Promise.all(Array.from({ length: 10 }, (_, i) => cache.lookup(`/${i}`)));
    expect(lookups.filter((l) => l.kind === "render")).toHaveLength(5);
    for (const l of lookups) if (l.kind === "render") l.ticket.abandon();
    c.advance(30_001);
    for (let i = 0; i < 10; i++) {
      const l = await cache.lookup(`/${i}`);
      expect(l.kind).toBe("render");
      if (l.kind === "render") l.ticket.abandon();
    }
  });

  it("never keeps an entry past its longest life", async () => {
    const c = clock();
    const cache = new PageCache({ maxBytes: 1_000_000, maxAgeMs: 60_000, now: c.now });
    await ticketOf(await cache.lookup("/a")).finish({ ...page("a"), maxAgeMs: 10 * 60_000 });
    c.advance(59_999);
    expect((await cache.lookup("/a")).kind).toBe("hit");
    c.advance(2);
    expect((await cache.lookup("/a")).kind).toBe("render");
  });

  it("when the render does not finish (the client went away), one waiter renders in its place and the rest get its bytes", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const first = ticketOf(await cache.lookup("/a"));
    const waiters = Array.from({ length: 50 }, () => cache.lookup("/a"));
    first.abort();
    // Let the waiters wake: the first becomes the renderer, the others wait on it.
    await new Promise((resolve) => setImmediate(resolve));
    const settled = await Promise.race([Promise.all(waiters), new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), 20))]);
    expect(settled).toBe("waiting");
    const renderer = await Promise.race(waiters.map(async (w) => w));
    await ticketOf(renderer).finish(page("yeniden"));
    const answers = await Promise.all(waiters);
    expect(answers.filter((a) => a.kind === "render")).toHaveLength(1);
    expect(answers.filter((a) => a.kind === "hit")).toHaveLength(49);
    expect(cache.stats().renders).toBe(1);
    expect((await cache.lookup("/a")).kind).toBe("hit");
  });

  it("keeps what a waiter rendered for itself after an uncacheable answer, once it is cacheable", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const first = ticketOf(await cache.lookup("/a"));
    const waiter = cache.lookup("/a");
    first.abandon();
    await ticketOf(await waiter).finish(page("sonra geldi"));
    expect((await cache.lookup("/a")).kind).toBe("hit");
  });

  it("after an abandoned render, waiters render for themselves", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const first = ticketOf(await cache.lookup("/yok"));
    const waiter = cache.lookup("/yok");
    first.abandon();
    expect((await waiter).kind).toBe("render");
  });

  it("empties itself when changes may have been missed", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    await ticketOf(await cache.lookup("/a")).finish(page("a"));
    cache.clear();
    expect(cache.stats().entries).toBe(0);
    expect((await cache.lookup("/a")).kind).toBe("render");
  });
});
