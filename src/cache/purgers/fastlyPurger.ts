// Fastly: batch purge by surrogate key.
import { purgeInBatches, purgerHttpSettings, sendWithRetries, snippet, type AnswerReader, type CdnPurger, type PurgerHttpOptions } from "./cdnPurger.ts";
import { batchKeys, uniqueSurrogateKeys } from "./surrogateKeys.ts";

/**
 * Keys per request. Fastly API reference, Purging, "Purge multiple surrogate key tags"
 * (https://www.fastly.com/documentation/reference/api/purging/#bulk-purge-tag): "Up to 256 surrogate
 * keys can be purged in one batch request". 256 keys of at most 64 characters make a Surrogate-Key
 * header under 17 KB, within Fastly's 69 KB request header limit
 * (https://www.fastly.com/documentation/reference/vcl/constraints-and-limitations).
 */
export const FASTLY_KEYS_PER_REQUEST = 256;

export interface FastlyPurgerConfig {
  /** The service whose cache is purged (Fastly: "Alphanumeric string identifying the service"). */
  serviceId: string;
  /** An API token with the purge_select scope; sent as Fastly-Key, never logged. */
  apiToken: string;
  /** API base URL without a trailing slash, normally https://api.fastly.com. */
  apiUrl: string;
  /** Mark objects stale instead of removing them, so stale-while-revalidate/stale-if-error can still serve them. */
  softPurge: boolean;
}

/** Fastly's errors are JSON `{ "msg": "...", "detail": "..." }`; anything else is quoted as text. */
const readFastlyAnswer: AnswerReader = (status, body) => {
  if (status >= 200 && status < 300) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null) {
      const { msg, detail } = parsed as { msg?: unknown; detail?: unknown };
      const parts = [msg, detail].filter((part): part is string => typeof part === "string" && part !== "");
      if (parts.length > 0) return snippet(parts.join(": "));
    }
  } catch {
    // not JSON: quote the text
  }
  return snippet(body);
};

/**
 * A purger for one Fastly service: `POST {apiUrl}/service/{serviceId}/purge` with headers
 * `Fastly-Key: <token>`, `Surrogate-Key: k1 k2 …` (at most 256 keys per request) and, when
 * `softPurge`, `Fastly-Soft-Purge: 1` (same reference: "If present, this header triggers the purge to
 * be 'soft', which marks the affected object as stale rather than making it inaccessible").
 * Fastly answers 200 with a JSON map of key to purge id. Errors: see CdnPurger.
 */
export function createFastlyPurger(config: FastlyPurgerConfig, options: PurgerHttpOptions = {}): CdnPurger {
  const settings = purgerHttpSettings(options);
  const url = `${config.apiUrl}/service/${encodeURIComponent(config.serviceId)}/purge`;
  return {
    name: "fastly",
    async purge(keys, signal) {
      const batches = batchKeys(uniqueSurrogateKeys(keys), FASTLY_KEYS_PER_REQUEST);
      await purgeInBatches(batches, (batch) => {
        const headers: Record<string, string> = { "Fastly-Key": config.apiToken, "Surrogate-Key": batch.join(" "), Accept: "application/json" };
        if (config.softPurge) headers["Fastly-Soft-Purge"] = "1";
        return sendWithRetries("fastly", { method: "POST", url, headers }, readFastlyAnswer, settings, signal);
      });
    },
  };
}
