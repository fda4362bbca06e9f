// Varnish: our own caches, told over HTTP by the VCL in docs/cdn.md.
import { PurgeError, purgeInBatches, purgerHttpSettings, sendWithRetries, plainAnswer, type CdnPurger, type PurgerHttpOptions } from "./cdnPurger.ts";
import { batchKeys, uniqueSurrogateKeys } from "./surrogateKeys.ts";

/**
 * Longest key list per request header, in bytes. Varnish refuses a request whose header exceeds the
 * varnishd parameter http_req_hdr_len (default 8k; varnishd(1), "Run-Time Parameters",
 * https://varnish-cache.org/docs/trunk/reference/varnishd.html#http-req-hdr-len); half of it leaves
 * room for the rest of the request and for a ban expression built from the list.
 */
export const VARNISH_HEADER_BYTES = 4000;

/**
 * xkey: `PURGE` with `xkey-purge: k1 k2 …`, the header the vmod-xkey documentation purges by
 * (varnish-modules, vmod_xkey(3), "Example", https://github.com/varnish/varnish-modules/blob/master/src/vmod_xkey.vcc).
 * ban: `BAN` with `X-Ban-Surrogate-Keys: k1 k2 …`; the VCL turns it into a lurker-friendly ban on
 * obj.http.Surrogate-Key (Varnish users guide, "Purging and banning", "Bans",
 * https://varnish-cache.org/docs/trunk/users-guide/purging.html#bans).
 */
export type VarnishPurgeMode = "xkey" | "ban";

export interface VarnishPurgerConfig {
  /** Every Varnish to tell, as http(s) URLs (a bare host gets the path "/"). No credentials in them. */
  urls: string[];
  mode: VarnishPurgeMode;
}

/**
 * A purger for a set of Varnish servers: for each URL, `PURGE {url}` with `xkey-purge: k1 k2 …`
 * (xkey mode) or `BAN {url}` with `X-Ban-Surrogate-Keys: k1 k2 …` (ban mode), the keys cut so the
 * header stays within VARNISH_HEADER_BYTES. Any 2xx is success (the VCL in docs/cdn.md answers 200).
 * All servers are told in parallel; when any fails (after retries), throws one PurgeError naming
 * each failed server, with the keys it may still hold. Errors: see CdnPurger.
 */
export function createVarnishPurger(config: VarnishPurgerConfig, options: PurgerHttpOptions = {}): CdnPurger {
  const settings = purgerHttpSettings(options);
  const method = config.mode === "xkey" ? "PURGE" : "BAN";
  const header = config.mode === "xkey" ? "xkey-purge" : "X-Ban-Surrogate-Keys";
  return {
    name: "varnish",
    async purge(keys, signal) {
      const batches = batchKeys(uniqueSurrogateKeys(keys), Number.POSITIVE_INFINITY, VARNISH_HEADER_BYTES);
      const results = await Promise.allSettled(
        config.urls.map((url) =>
          purgeInBatches(batches, (batch) => sendWithRetries("varnish", { method, url, headers: { [header]: batch.join(" ") } }, plainAnswer, settings, signal)),
        ),
      );
      const failures = results.filter((result): result is PromiseRejectedResult => result.status === "rejected").map((result): unknown => result.reason);
      if (failures.length === 0) return;
      const unpurged = new Set<string>();
      for (const failure of failures) for (const key of failure instanceof PurgeError ? failure.unpurgedKeys : batches.flat()) unpurged.add(key);
      const messages = failures.map((failure) => (failure instanceof Error ? failure.message : String(failure)));
      const status = failures.length === 1 && failures[0] instanceof PurgeError ? failures[0].status : undefined;
      throw new PurgeError(`${failures.length} of ${config.urls.length} Varnish servers failed: ${messages.join("; ")}`, [...unpurged], status);
    },
  };
}
