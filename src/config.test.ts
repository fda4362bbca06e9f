import { describe, expect, it } from "vitest";
import { fastifyTrustProxy, loadConfig, parseDatabaseUrl, parseTrustProxy } from "./config.ts";

describe("loadConfig", () => {
  it("has working defaults for a fresh checkout", () => {
    const c = loadConfig({}, "/srv/haberci");
    expect(c).toEqual({
      port: 3000,
      host: "127.0.0.1",
      database: { dialect: "sqlite", file: "/srv/haberci/data/haberci.db" },
      dataDir: "/srv/haberci/data",
      publicUrl: "http://localhost:3000",
      logLevel: "info",
      maxUploadBytes: 20 * 1_048_576,
      weather: {
        provider: "open-meteo",
        openMeteoUrl: "https://api.open-meteo.com",
        openMeteoApiKey: undefined,
        mgmUrl: "https://servis.mgm.gov.tr/web",
        refreshSeconds: 900,
        timeoutMs: 10_000,
      },
      trustProxy: false,
      pageCache: { maxMegabytes: 256, graceMs: 1000 },
      metricsToken: null,
      websubHubUrl: null,
    });
  });

  it("reads the WebSub hub: none by default, an http(s) URL kept as written, a clear error otherwise", () => {
    expect(loadConfig({ WEBSUB_HUB_URL: "" }).websubHubUrl).toBeNull();
    expect(loadConfig({ WEBSUB_HUB_URL: " https://pubsubhubbub.appspot.com/ " }).websubHubUrl).toBe("https://pubsubhubbub.appspot.com/");
    expect(loadConfig({ WEBSUB_HUB_URL: "http://hub.example:8080/yayinla?site=a" }).websubHubUrl).toBe("http://hub.example:8080/yayinla?site=a");
    for (const bad of ["hub.example", "ftp://hub.example/", "/hub", "https://"]) {
      expect(() => loadConfig({ WEBSUB_HUB_URL: bad }), bad).toThrow(/^WEBSUB_HUB_URL must be an absolute http\(s\) URL/);
    }
    expect(() => loadConfig({ WEBSUB_HUB_URL: "https://kullanici:parola@hub.example/" })).toThrow(/must not hold a user name, password or #fragment/);
    expect(() => loadConfig({ WEBSUB_HUB_URL: "https://hub.example/#x" })).toThrow(/#fragment/);
  });

  it("sizes the page cache and guards /metrics from the environment", () => {
    expect(loadConfig({ PAGE_CACHE_MB: "0", PAGE_CACHE_GRACE_MS: "250" }).pageCache).toEqual({ maxMegabytes: 0, graceMs: 250 });
    expect(loadConfig({ METRICS_TOKEN: "  prometheus-okuyucu-2026  " }).metricsToken).toBe("prometheus-okuyucu-2026");
    for (const bad of ["-1", "1.5", "abc", "65537"])
      expect(() => loadConfig({ PAGE_CACHE_MB: bad }), bad).toThrow(/^PAGE_CACHE_MB must be a whole number from 0 to 65536/);
    expect(() => loadConfig({ PAGE_CACHE_GRACE_MS: "60000" })).toThrow(/PAGE_CACHE_GRACE_MS/);
    expect(() => loadConfig({ METRICS_TOKEN: "kisa" })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({ METRICS_TOKEN: "iki kelimeli uzun bir parola" })).toThrow(/without spaces/);
  });

  it("keeps the default SQLite file in DATA_DIR", () => {
    expect(loadConfig({ DATA_DIR: "/var/lib/haberci" }, "/srv/haberci").database).toEqual({ dialect: "sqlite", file: "/var/lib/haberci/haberci.db" });
  });

  it("reads every variable", () => {
    const c = loadConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgres://u:p@db:5432/haberci",
        DATA_DIR: "/var/lib/haberci",
        PUBLIC_URL: "https://www.haberci.example/",
        LOG_LEVEL: "warn",
      },
      "/srv",
    );
    expect(c.port).toBe(8080);
    expect(c.database).toEqual({ dialect: "postgres", url: "postgres://u:p@db:5432/haberci" });
    expect(c.dataDir).toBe("/var/lib/haberci");
    expect(c.publicUrl).toBe("https://www.haberci.example");
  });

  it.each([
    [{ PORT: "abc" }, /PORT must be a number/],
    [{ PORT: "70000" }, /PORT must be a number/],
    [{ DATABASE_URL: "mysql://localhost/x" }, /DATABASE_URL must start with sqlite: or postgres:\/\//],
    [{ DATABASE_URL: "sqlite:" }, /needs a file path/],
    [{ PUBLIC_URL: "haberci.example" }, /PUBLIC_URL must be an absolute http\(s\) URL/],
    [{ PUBLIC_URL: "ftp://haberci.example" }, /PUBLIC_URL must be an absolute/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ MAX_UPLOAD_MB: "lots" }, /MAX_UPLOAD_MB must be a number/],
    [{ WEATHER_PROVIDER: "yahoo" }, /WEATHER_PROVIDER must be open-meteo, mgm or off/],
    [{ WEATHER_REFRESH_SECONDS: "5" }, /WEATHER_REFRESH_SECONDS must be a whole number from 60/],
    [{ OPEN_METEO_URL: "api.open-meteo.com" }, /OPEN_METEO_URL must be an http\(s\) URL/],
    [{ TRUST_PROXY: "true" }, /TRUST_PROXY must be a number of proxies or a comma-separated list/],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /TRUST_PROXY must be .* \(got "10\.0\.0\.0\/33"/],
    [{ TRUST_PROXY: "10.0.0.1, proxy.internal" }, /TRUST_PROXY must be .* \(got "proxy\.internal"/],
    [{ TRUST_PROXY: "-1" }, /TRUST_PROXY must be/],
    [{ TRUST_PROXY: "500" }, /TRUST_PROXY: a hop count must be from 1 to 100/],
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => loadConfig(env, "/srv")).toThrow(message);
  });

  it("uses the commercial Open-Meteo host when an API key is given", () => {
    expect(loadConfig({ OPEN_METEO_API_KEY: "k" }, "/srv").weather).toMatchObject({ openMeteoUrl: "https://customer-api.open-meteo.com", openMeteoApiKey: "k" });
  });

  it("never repeats a database password in an error", () => {
    expect(() => parseDatabaseUrl("mysql://user:secret@host/db")).toThrow(/user:\*\*\*@host/);
  });

  it("trusts no proxy unless TRUST_PROXY names a hop count or the proxies", () => {
    expect(loadConfig({}, "/srv").trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }, "/srv").trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }, "/srv").trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }, "/srv").trustProxy).toBe(2);
    expect(parseTrustProxy(" 10.0.0.0/8 , 192.0.2.7,2001:db8::/32, ::1, loopback ")).toEqual(["10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "::1", "loopback"]);
  });

  it("gives Fastify a hop count as a trust function over the hops, since Fastify ignores a bare number", () => {
    const trust = fastifyTrustProxy(2);
    if (typeof trust !== "function") throw new Error("expected a function");
    expect([0, 1, 2].map((hop) => trust("10.0.0.1", hop))).toEqual([true, true, false]);
    expect(fastifyTrustProxy(false)).toBe(false);
    expect(fastifyTrustProxy(["10.0.0.0/8"])).toEqual(["10.0.0.0/8"]);
  });
});
