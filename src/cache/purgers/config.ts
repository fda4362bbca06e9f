// Which CDN to tell when news changes, read from the environment.
import { ConfigError } from "../../errors.ts";

/** Where purges go; `off` sends none. Built by purgerConfigFromEnv, consumed by createPurger. */
export type PurgerConfig =
  | { kind: "off" }
  | { kind: "fastly"; serviceId: string; apiToken: string; apiUrl: string; softPurge: boolean }
  | { kind: "cloudflare"; zoneId: string; apiToken: string; apiUrl: string }
  | { kind: "varnish"; urls: string[]; mode: "xkey" | "ban" };

type Env = Record<string, string | undefined>;

/** Lines for the CLI's help, aligned under its "Environment:" block. */
export const PURGER_ENV_HELP = [
  "             CDN_PURGER (off|fastly|cloudflare|varnish; off): which CDN to tell when news changes",
  "             FASTLY_SERVICE_ID, FASTLY_API_TOKEN, FASTLY_API_URL (https://api.fastly.com), FASTLY_SOFT_PURGE (true|false; false)",
  "             CLOUDFLARE_ZONE_ID, CLOUDFLARE_API_TOKEN, CLOUDFLARE_API_URL (https://api.cloudflare.com)",
  "             VARNISH_URLS (comma-separated http(s) URLs, one per Varnish), VARNISH_PURGE_MODE (xkey|ban; xkey)",
].join("\n");

const KINDS = ["off", "fastly", "cloudflare", "varnish"] as const;

/** The trimmed value, or undefined when unset or blank. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function required(env: Env, name: string, why: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(`${name} is required when ${why}`);
  return value;
}

/**
 * An API token: visible ASCII without spaces (it goes into an HTTP header). The message never shows
 * the value: a token pasted wrongly is still a secret.
 */
function token(env: Env, name: string, why: string): string {
  const value = required(env, name, why);
  if (!/^[\x21-\x7e]+$/.test(value)) throw new ConfigError(`${name} must be one API token of visible ASCII characters without spaces (value not shown)`);
  return value;
}

/** An http(s) URL without user:password (fetch refuses those; tokens belong in their own variables). */
function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL (got ${JSON.stringify(raw)})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`${name} must be an http(s) URL (got ${JSON.stringify(raw)})`);
  if (url.username !== "" || url.password !== "") throw new ConfigError(`${name} must not contain a user name or password`);
  return url;
}

/** An API base URL: an http(s) URL without a trailing slash, query or fragment. */
function apiBase(env: Env, name: string, fallback: string): string {
  const raw = read(env, name) ?? fallback;
  const url = httpUrl(name, raw);
  if (url.search !== "" || url.hash !== "") throw new ConfigError(`${name} must be a base URL without "?" or "#" (got ${JSON.stringify(raw)})`);
  return url.href.replace(/\/+$/, "");
}

function bool(env: Env, name: string): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  throw new ConfigError(`${name} must be true or false (got ${JSON.stringify(env[name])})`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name) ?? fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new ConfigError(`${name} must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)} (got ${JSON.stringify(env[name])})`);
  return found;
}

/**
 * Reads the CDN purger settings from `env` (process.env in production):
 * - CDN_PURGER: off | fastly | cloudflare | varnish; unset or blank means off.
 * - fastly: FASTLY_SERVICE_ID (required, letters and digits), FASTLY_API_TOKEN (required),
 *   FASTLY_API_URL (default https://api.fastly.com), FASTLY_SOFT_PURGE (true | false, default false).
 * - cloudflare: CLOUDFLARE_ZONE_ID (required, 32 letters/digits at most: Cloudflare's zone identifier),
 *   CLOUDFLARE_API_TOKEN (required), CLOUDFLARE_API_URL (default https://api.cloudflare.com).
 * - varnish: VARNISH_URLS (required; comma-separated http(s) URLs, repeats dropped; a bare host
 *   gets the path "/"), VARNISH_PURGE_MODE (xkey | ban, default xkey).
 * Values are trimmed; variables of other vendors are ignored. API base URLs lose a trailing slash.
 * Throws ConfigError with one English line naming the variable when a value is missing or bad;
 * token values are never quoted in messages.
 */
export function purgerConfigFromEnv(env: Env): PurgerConfig {
  const kind = oneOf(env, "CDN_PURGER", KINDS, "off");
  switch (kind) {
    case "off":
      return { kind };
    case "fastly": {
      const why = "CDN_PURGER=fastly";
      const serviceId = required(env, "FASTLY_SERVICE_ID", why);
      if (!/^[A-Za-z0-9]+$/.test(serviceId)) throw new ConfigError(`FASTLY_SERVICE_ID must be letters and digits only (got ${JSON.stringify(serviceId)})`);
      return {
        kind,
        serviceId,
        apiToken: token(env, "FASTLY_API_TOKEN", why),
        apiUrl: apiBase(env, "FASTLY_API_URL", "https://api.fastly.com"),
        softPurge: bool(env, "FASTLY_SOFT_PURGE"),
      };
    }
    case "cloudflare": {
      const why = "CDN_PURGER=cloudflare";
      const zoneId = required(env, "CLOUDFLARE_ZONE_ID", why);
      if (!/^[A-Za-z0-9]{1,32}$/.test(zoneId))
        throw new ConfigError(`CLOUDFLARE_ZONE_ID must be the zone's identifier: up to 32 letters and digits (got ${JSON.stringify(zoneId)})`);
      return {
        kind,
        zoneId,
        apiToken: token(env, "CLOUDFLARE_API_TOKEN", why),
        apiUrl: apiBase(env, "CLOUDFLARE_API_URL", "https://api.cloudflare.com"),
      };
    }
    case "varnish": {
      const raw = required(env, "VARNISH_URLS", "CDN_PURGER=varnish");
      const entries = raw.split(",").map((entry) => entry.trim());
      if (entries.some((entry) => entry === "")) throw new ConfigError(`VARNISH_URLS has an empty entry (got ${JSON.stringify(raw)}); separate URLs with single commas`);
      const urls = [...new Set(entries.map((entry) => httpUrl("VARNISH_URLS", entry).href))];
      return { kind, urls, mode: oneOf(env, "VARNISH_PURGE_MODE", ["xkey", "ban"] as const, "xkey") };
    }
  }
}
