import ipaddr from "ipaddr.js";
import path from "node:path";
import { ConfigError } from "./errors.ts";

export type DatabaseTarget =
  | { dialect: "sqlite"; file: string } // file may be ":memory:"
  | { dialect: "postgres"; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  dataDir: string;
  publicUrl: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  maxUploadBytes: number;
  weather: WeatherConfig;
  trustProxy: TrustProxy;
  pageCache: PageCacheConfig;
  /** METRICS_TOKEN: Bearer token for GET /metrics; null (unset or empty) leaves /metrics a 404. */
  metricsToken: string | null;
  /** WEBSUB_HUB_URL: the WebSub hub named in every feed and told of each change; null (unset or empty): none. */
  websubHubUrl: string | null;
}

export interface PageCacheConfig {
  /** PAGE_CACHE_MB: memory for cached pages, 0 (off) to 65536; default 256. */
  maxMegabytes: number;
  /** PAGE_CACHE_GRACE_MS: how long after a change readers may still get the previous bytes while a page re-renders; 0 to 10000, default 1000. */
  graceMs: number;
}

/**
 * Which peers may tell the client's address (X-Forwarded-For) and scheme: false (nobody: the
 * socket's address is the client's), a hop count (that many proxies in front, the rightmost
 * entries), or the proxies' addresses/CIDRs. Given to Fastify's `trustProxy` (proxy-addr).
 */
export type TrustProxy = false | number | string[];

export interface WeatherConfig {
  provider: "open-meteo" | "mgm" | "off";
  openMeteoUrl: string;
  openMeteoApiKey: string | undefined;
  mgmUrl: string;
  refreshSeconds: number;
  timeoutMs: number;
}

function parseHttpUrl(name: string, raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return raw.replace(/\/+$/, "");
  } catch {
    // fall through
  }
  throw new ConfigError(`${name} must be an http(s) URL (got ${JSON.stringify(raw)})`);
}

function parseWeather(env: Env): WeatherConfig {
  const provider = env.WEATHER_PROVIDER && env.WEATHER_PROVIDER !== "" ? env.WEATHER_PROVIDER : "open-meteo";
  if (provider !== "open-meteo" && provider !== "mgm" && provider !== "off") {
    throw new ConfigError(`WEATHER_PROVIDER must be open-meteo, mgm or off (got ${JSON.stringify(provider)})`);
  }
  const apiKey = env.OPEN_METEO_API_KEY && env.OPEN_METEO_API_KEY !== "" ? env.OPEN_METEO_API_KEY : undefined;
  // The commercial Open-Meteo service lives on its own host; a key alone switches to it.
  const defaultOpenMeteo = apiKey ? "https://customer-api.open-meteo.com" : "https://api.open-meteo.com";
  const refresh = Number(env.WEATHER_REFRESH_SECONDS ?? 900);
  if (!Number.isInteger(refresh) || refresh < 60 || refresh > 86_400) {
    throw new ConfigError(`WEATHER_REFRESH_SECONDS must be a whole number from 60 to 86400 (got ${JSON.stringify(env.WEATHER_REFRESH_SECONDS)})`);
  }
  const timeout = Number(env.WEATHER_TIMEOUT_MS ?? 10_000);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 120_000) {
    throw new ConfigError(`WEATHER_TIMEOUT_MS must be a whole number from 100 to 120000 (got ${JSON.stringify(env.WEATHER_TIMEOUT_MS)})`);
  }
  return {
    provider,
    openMeteoUrl: parseHttpUrl("OPEN_METEO_URL", env.OPEN_METEO_URL && env.OPEN_METEO_URL !== "" ? env.OPEN_METEO_URL : defaultOpenMeteo),
    openMeteoApiKey: apiKey,
    mgmUrl: parseHttpUrl("MGM_URL", env.MGM_URL && env.MGM_URL !== "" ? env.MGM_URL : "https://servis.mgm.gov.tr/web"),
    refreshSeconds: refresh,
    timeoutMs: timeout,
  };
}

/**
 * Fastify's `trustProxy` option for a TrustProxy. A hop count becomes a trust function (trust the
 * first `hops` peers counted from the socket): Fastify 5 treats a bare number as "trust nobody".
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== "number") return trust;
  return (_address, hop) => hop < trust;
}

/** proxy-addr's names for common ranges, accepted in TRUST_PROXY lists. */
const PROXY_RANGE_NAMES = ["loopback", "linklocal", "uniquelocal"];

function isProxyAddress(entry: string): boolean {
  return PROXY_RANGE_NAMES.includes(entry) || ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry);
}

/**
 * TRUST_PROXY: unset, empty or "0" trusts no proxy; a whole number 1–100 is the number of
 * proxies in front of the app; otherwise a comma-separated list of proxy addresses or CIDRs
 * (IPv4 or IPv6, e.g. "10.0.0.0/8, 2001:db8::1") or loopback/linklocal/uniquelocal.
 * "true" is refused: trusting every peer lets any client choose its address.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (value === "" || value === "0") return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 100) throw new ConfigError(`TRUST_PROXY: a hop count must be from 1 to 100 (got ${JSON.stringify(raw)})`);
    return hops;
  }
  const entries = value.split(",").map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxies or a comma-separated list of proxy addresses/CIDRs (got ${JSON.stringify(bad)} in ${JSON.stringify(raw)})`,
    );
  }
  return entries;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function parseDatabaseUrl(raw: string, cwd = process.cwd()): DatabaseTarget {
  if (raw.startsWith("sqlite:")) {
    const file = raw.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (file === "") throw new ConfigError("DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/haberci.db");
    return { dialect: "sqlite", file: file === ":memory:" ? file : path.resolve(cwd, file) };
  }
  if (raw.startsWith("postgres://") || raw.startsWith("postgresql://")) {
    try {
      const url = new URL(raw);
      if (!url.hostname && !url.searchParams.get("host")) throw new Error("no host");
    } catch {
      throw new ConfigError(`DATABASE_URL: not a valid PostgreSQL URL: ${redact(raw)}`);
    }
    return { dialect: "postgres", url: raw };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres:// (got ${JSON.stringify(redact(raw))})`);
}

function isLogLevel(value: string): value is Config["logLevel"] {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function redact(raw: string): string {
  return raw.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new ConfigError(`PORT must be a number from 1 to 65535 (got ${JSON.stringify(raw)})`);
  return n;
}

function parsePublicUrl(raw: string | undefined, fallback: string): string {
  const value = raw === undefined || raw === "" ? fallback : raw;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL (got ${JSON.stringify(value)})`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** A whole number from `min` to `max` from an environment variable, or `fallback` when unset or empty. */
function parseWholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  return n;
}

/** METRICS_TOKEN: empty turns /metrics off; otherwise at least 16 printable ASCII characters, no spaces (it travels in a header). */
function parseMetricsToken(raw: string | undefined): string | null {
  const value = (raw ?? "").trim();
  if (value === "") return null;
  if (!/^[\x21-\x7e]{16,}$/.test(value)) throw new ConfigError("METRICS_TOKEN must be at least 16 printable ASCII characters without spaces (empty turns /metrics off)");
  return value;
}

/**
 * WEBSUB_HUB_URL: empty or unset means no hub; otherwise an absolute http(s) URL without user
 * name, password or fragment (the hub's publish endpoint, e.g. https://pubsubhubbub.appspot.com/).
 * Kept as written (normalised by the URL parser): hubs tell their endpoints apart by the exact URL.
 */
export function parseWebSubHubUrl(raw: string | undefined): string | null {
  const value = (raw ?? "").trim();
  if (value === "") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`WEBSUB_HUB_URL must be an absolute http(s) URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`WEBSUB_HUB_URL must be an absolute http(s) URL (got ${JSON.stringify(value)})`);
  if (url.username !== "" || url.password !== "" || url.hash !== "") {
    throw new ConfigError("WEBSUB_HUB_URL must not hold a user name, password or #fragment (it is published in every feed)");
  }
  return url.href;
}

/** Reads the environment into a typed config; throws ConfigError with a one-line message on bad values. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = parsePort(env.PORT, 3000);
  const host = env.HOST && env.HOST !== "" ? env.HOST : "127.0.0.1";
  const dataDir = path.resolve(cwd, env.DATA_DIR && env.DATA_DIR !== "" ? env.DATA_DIR : "./data");
  // The default SQLite file lives in DATA_DIR, beside the pictures (README, Configuration).
  const database = parseDatabaseUrl(env.DATABASE_URL && env.DATABASE_URL !== "" ? env.DATABASE_URL : `sqlite:${path.join(dataDir, "haberci.db")}`, cwd);
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host === "127.0.0.1" ? "localhost" : host;
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, `http://${shownHost}:${port}`);
  const logLevel = env.LOG_LEVEL && env.LOG_LEVEL !== "" ? env.LOG_LEVEL : "info";
  if (!isLogLevel(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  const maxUploadMb = env.MAX_UPLOAD_MB && env.MAX_UPLOAD_MB !== "" ? Number(env.MAX_UPLOAD_MB) : 20;
  if (!Number.isFinite(maxUploadMb) || maxUploadMb <= 0 || maxUploadMb > 500) {
    throw new ConfigError(`MAX_UPLOAD_MB must be a number of megabytes from 1 to 500 (got ${JSON.stringify(env.MAX_UPLOAD_MB)})`);
  }
  return {
    port,
    host,
    database,
    dataDir,
    publicUrl,
    logLevel,
    maxUploadBytes: Math.round(maxUploadMb * 1_048_576),
    weather: parseWeather(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    pageCache: {
      maxMegabytes: parseWholeNumber("PAGE_CACHE_MB", env.PAGE_CACHE_MB, 256, 0, 65_536),
      graceMs: parseWholeNumber("PAGE_CACHE_GRACE_MS", env.PAGE_CACHE_GRACE_MS, 1000, 0, 10_000),
    },
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    websubHubUrl: parseWebSubHubUrl(env.WEBSUB_HUB_URL),
  };
}
