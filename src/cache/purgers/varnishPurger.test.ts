import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PurgeError, type PurgerHttpOptions } from "./cdnPurger.ts";
import { startFakeCdnServer, type FakeCdnServer, type RecordedRequest } from "../../../test/fakeCdnServer.ts";
import { createVarnishPurger, VARNISH_HEADER_BYTES } from "./varnishPurger.ts";

const FAST: PurgerHttpOptions = { retries: 2, minRetryMs: 5, maxRetryMs: 20, timeoutMs: 2000 };

/** A Varnish running the VCL of docs/cdn.md: PURGE + xkey-purge, or BAN + X-Ban-Surrogate-Keys, 200 with a synthetic body. */
function varnish(request: RecordedRequest) {
  const keys = /^[a-z0-9-]+( [a-z0-9-]+)*$/;
  if (request.method === "PURGE" && keys.test(String(request.headers["xkey-purge"]))) return { status: 200, body: "Invalidated 3 objects" };
  if (request.method === "BAN" && keys.test(String(request.headers["x-ban-surrogate-keys"]))) return { status: 200, body: "Banned" };
  return { status: 405, body: "Not allowed." };
}

let one: FakeCdnServer;
let two: FakeCdnServer;
beforeEach(async () => {
  await Promise.all([one?.close(), two?.close()]);
  [one, two] = await Promise.all([startFakeCdnServer(varnish), startFakeCdnServer(varnish)]);
});
afterAll(() => Promise.all([one.close(), two.close()]));

describe("Varnish purger", () => {
  it("xkey mode: sends PURGE / with xkey-purge to every Varnish", async () => {
    await createVarnishPurger({ urls: [`${one.url}/`, `${two.url}/`], mode: "xkey" }, FAST).purge(["article-12", "home", "home"]);
    for (const server of [one, two]) {
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.method).toBe("PURGE");
      expect(server.requests[0]?.path).toBe("/");
      expect(server.requests[0]?.headers["xkey-purge"]).toBe("article-12 home");
    }
  });

  it("ban mode: sends BAN / with X-Ban-Surrogate-Keys", async () => {
    await createVarnishPurger({ urls: [`${one.url}/`], mode: "ban" }, FAST).purge(["category-3", "latest"]);
    expect(one.requests[0]?.method).toBe("BAN");
    expect(one.requests[0]?.path).toBe("/");
    expect(one.requests[0]?.headers["x-ban-surrogate-keys"]).toBe("category-3 latest");
  });

  it("keeps each key header within the size Varnish accepts", async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `article-${String(i).padStart(50, "0")}`);
    await createVarnishPurger({ urls: [`${one.url}/`], mode: "xkey" }, FAST).purge(keys);
    expect(one.requests.length).toBeGreaterThan(1);
    expect(one.requests.every((r) => String(r.headers["xkey-purge"]).length <= VARNISH_HEADER_BYTES)).toBe(true);
    expect(one.requests.flatMap((r) => String(r.headers["xkey-purge"]).split(" "))).toEqual(keys);
  });

  it("retries a Varnish that answers 503 and succeeds", async () => {
    one.script.push({ status: 503, body: "Backend fetch failed" }, { status: 429, headers: { "retry-after": "0" } });
    await createVarnishPurger({ urls: [`${one.url}/`], mode: "xkey" }, FAST).purge(["home"]);
    expect(one.requests).toHaveLength(3);
  });

  it("does not retry a 403 (the VCL's ACL refused us)", async () => {
    one.script.push({ status: 403, body: "Forbidden" });
    await expect(createVarnishPurger({ urls: [`${one.url}/`], mode: "xkey" }, FAST).purge(["home"])).rejects.toThrow(/HTTP 403 Forbidden/);
    expect(one.requests).toHaveLength(1);
  });

  it("purges the Varnish that is up and names the one that is not", async () => {
    two.answer = () => ({ status: 503, body: "down" });
    const error = (await createVarnishPurger({ urls: [`${one.url}/`, `${two.url}/`], mode: "ban" }, FAST)
      .purge(["home"])
      .catch((e: unknown) => e)) as PurgeError;
    expect(error).toBeInstanceOf(PurgeError);
    expect(error.message).toContain(`1 of 2 Varnish servers failed`);
    expect(error.message).toContain(two.url);
    expect(error.unpurgedKeys).toEqual(["home"]);
    expect(one.requests).toHaveLength(1);
    expect(two.requests).toHaveLength(3);
  });

  it("times out on a Varnish that never answers", async () => {
    one.answer = () => "hang";
    await expect(createVarnishPurger({ urls: [`${one.url}/`], mode: "xkey" }, { ...FAST, retries: 0, timeoutMs: 200 }).purge(["home"])).rejects.toThrow(
      /no answer within 200 ms/,
    );
    expect(one.requests).toHaveLength(1);
  });
});
