// The purger the configuration asks for.
import type { CdnPurger, PurgerHttpOptions } from "./cdnPurger.ts";
import { createCloudflarePurger } from "./cloudflarePurger.ts";
import type { PurgerConfig } from "./config.ts";
import { createFastlyPurger } from "./fastlyPurger.ts";
import { createVarnishPurger } from "./varnishPurger.ts";

/**
 * The CdnPurger for `config` (purgerConfigFromEnv), or null when purging is off. `options` tune the
 * HTTP calls (PurgerHttpOptions: fetch, timeoutMs 5000, retries 4, minRetryMs 500, maxRetryMs 10000,
 * maxRetryAfterMs 30000). Throws nothing itself; see CdnPurger for what `purge` throws.
 */
export function createPurger(config: PurgerConfig, options: PurgerHttpOptions = {}): CdnPurger | null {
  switch (config.kind) {
    case "off":
      return null;
    case "fastly":
      return createFastlyPurger(config, options);
    case "cloudflare":
      return createCloudflarePurger(config, options);
    case "varnish":
      return createVarnishPurger(config, options);
  }
}
