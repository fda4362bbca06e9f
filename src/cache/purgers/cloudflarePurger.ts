// Cloudflare: purge cached content by cache-tags.
import { purgeInBatches, purgerHttpSettings, sendWithRetries, snippet, type AnswerReader, type CdnPurger, type PurgerHttpOptions } from "./cdnPurger.ts";
import { batchKeys, uniqueSurrogateKeys } from "./surrogateKeys.ts";

/**
 * Tags per request. Cloudflare Cache docs, "Purge cache", purge limits table
 * (https://developers.cloudflare.com/cache/how-to/purge-cache/): "Max operations per request: 100"
 * for tag purges on every plan. (Older docs said 30; the limit was raised in 2025.)
 */
export const CLOUDFLARE_TAGS_PER_REQUEST = 100;

export interface CloudflarePurgerConfig {
  /** The zone whose cache is purged (its 32-character identifier). */
  zoneId: string;
  /** An API token with the Zone › Cache Purge permission; sent as a Bearer token, never logged. */
  apiToken: string;
  /** API base URL without a trailing slash, normally https://api.cloudflare.com. */
  apiUrl: string;
}

/**
 * Cloudflare API v4 answers `{ "success": boolean, "errors": [{ "code", "message" }], "messages": [], "result": ... }`
 * (https://developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/). A purge counts only
 * with `success: true`, whatever the status; the error list becomes the message.
 */
const readCloudflareAnswer: AnswerReader = (status, body) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return status >= 200 && status < 300 ? `answer is not JSON: ${snippet(body)}` : snippet(body);
  }
  const envelope = typeof parsed === "object" && parsed !== null ? (parsed as { success?: unknown; errors?: unknown }) : {};
  if (status >= 200 && status < 300 && envelope.success === true) return undefined;
  const errors = Array.isArray(envelope.errors) ? envelope.errors : [];
  const texts = errors.map((error: unknown) => {
    if (typeof error !== "object" || error === null) return String(error);
    const { code, message } = error as { code?: unknown; message?: unknown };
    return `${typeof code === "number" || typeof code === "string" ? `${code} ` : ""}${typeof message === "string" ? message : ""}`.trim();
  });
  return snippet(texts.length > 0 ? texts.join("; ") : `success: ${String(envelope.success)}`);
};

/**
 * A purger for one Cloudflare zone: `POST {apiUrl}/client/v4/zones/{zoneId}/purge_cache` with
 * `Authorization: Bearer <token>` and the JSON body `{"tags": ["k1", "k2", …]}`, at most 100 tags per
 * request (Cloudflare API reference, Cache › Purge Cached Content,
 * https://developers.cloudflare.com/api/resources/cache/methods/purge/; "Purge cache by cache-tags",
 * https://developers.cloudflare.com/cache/how-to/purge-cache/purge-by-tags/). An answer with
 * `success: false` is a failure carrying Cloudflare's error messages. Errors: see CdnPurger.
 */
export function createCloudflarePurger(config: CloudflarePurgerConfig, options: PurgerHttpOptions = {}): CdnPurger {
  const settings = purgerHttpSettings(options);
  const url = `${config.apiUrl}/client/v4/zones/${encodeURIComponent(config.zoneId)}/purge_cache`;
  return {
    name: "cloudflare",
    async purge(keys, signal) {
      const batches = batchKeys(uniqueSurrogateKeys(keys), CLOUDFLARE_TAGS_PER_REQUEST);
      await purgeInBatches(batches, (batch) =>
        sendWithRetries(
          "cloudflare",
          {
            method: "POST",
            url,
            headers: { Authorization: `Bearer ${config.apiToken}`, "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ tags: batch }),
          },
          readCloudflareAnswer,
          settings,
          signal,
        ),
      );
    },
  };
}
