import { describe, expect, it } from "vitest";
import { ConfigError } from "../../errors.ts";
import { PURGER_ENV_HELP, purgerConfigFromEnv } from "./config.ts";

const FASTLY = { CDN_PURGER: "fastly", FASTLY_SERVICE_ID: "SU1Z0isxPaozGVKXdv0eY", FASTLY_API_TOKEN: "fastly-token" };
const CLOUDFLARE = { CDN_PURGER: "cloudflare", CLOUDFLARE_ZONE_ID: "023e105f4ecef8ad9ca31a8372d0c353", CLOUDFLARE_API_TOKEN: "cf-token" };
const VARNISH = { CDN_PURGER: "varnish", VARNISH_URLS: "http://varnish-1:6081" };

/** The ConfigError message `env` gives (fails the test when it gives none). */
function errorOf(env: Record<string, string | undefined>): string {
  try {
    purgerConfigFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("purgerConfigFromEnv", () => {
  it("is off when CDN_PURGER is unset, blank or off, whatever else is set", () => {
    expect(purgerConfigFromEnv({})).toEqual({ kind: "off" });
    expect(purgerConfigFromEnv({ CDN_PURGER: "  ", FASTLY_API_TOKEN: "x" })).toEqual({ kind: "off" });
    expect(purgerConfigFromEnv({ CDN_PURGER: "off" })).toEqual({ kind: "off" });
  });

  it("refuses an unknown purger, naming the choices", () => {
    expect(errorOf({ CDN_PURGER: "akamai" })).toBe('CDN_PURGER must be off, fastly, cloudflare or varnish (got "akamai")');
    expect(errorOf({ CDN_PURGER: "Fastly" })).toContain("CDN_PURGER must be");
  });

  describe("fastly", () => {
    it("reads the service, token and defaults", () => {
      expect(purgerConfigFromEnv(FASTLY)).toEqual({
        kind: "fastly",
        serviceId: "SU1Z0isxPaozGVKXdv0eY",
        apiToken: "fastly-token",
        apiUrl: "https://api.fastly.com",
        softPurge: false,
      });
    });

    it("takes an API URL without its trailing slash, and soft purge true or false", () => {
      const config = purgerConfigFromEnv({ ...FASTLY, FASTLY_API_URL: "http://127.0.0.1:9999/", FASTLY_SOFT_PURGE: "true" });
      expect(config).toMatchObject({ apiUrl: "http://127.0.0.1:9999", softPurge: true });
      expect(purgerConfigFromEnv({ ...FASTLY, FASTLY_SOFT_PURGE: "FALSE" })).toMatchObject({ softPurge: false });
    });

    it("requires the service id and token", () => {
      expect(errorOf({ ...FASTLY, FASTLY_SERVICE_ID: undefined })).toBe("FASTLY_SERVICE_ID is required when CDN_PURGER=fastly");
      expect(errorOf({ ...FASTLY, FASTLY_API_TOKEN: "" })).toBe("FASTLY_API_TOKEN is required when CDN_PURGER=fastly");
    });

    it("refuses a malformed service id, token, URL or soft purge flag", () => {
      expect(errorOf({ ...FASTLY, FASTLY_SERVICE_ID: "abc/../def" })).toBe('FASTLY_SERVICE_ID must be letters and digits only (got "abc/../def")');
      const tokenError = errorOf({ ...FASTLY, FASTLY_API_TOKEN: "secret part two" });
      expect(tokenError).toContain("FASTLY_API_TOKEN must be one API token");
      expect(tokenError).not.toContain("secret");
      expect(errorOf({ ...FASTLY, FASTLY_API_URL: "ftp://api.fastly.com" })).toBe('FASTLY_API_URL must be an http(s) URL (got "ftp://api.fastly.com")');
      expect(errorOf({ ...FASTLY, FASTLY_API_URL: "not a url" })).toBe('FASTLY_API_URL must be an http(s) URL (got "not a url")');
      expect(errorOf({ ...FASTLY, FASTLY_API_URL: "https://api.fastly.com/?x=1" })).toContain('FASTLY_API_URL must be a base URL without "?" or "#"');
      expect(errorOf({ ...FASTLY, FASTLY_SOFT_PURGE: "yes" })).toBe('FASTLY_SOFT_PURGE must be true or false (got "yes")');
    });
  });

  describe("cloudflare", () => {
    it("reads the zone, token and default API URL", () => {
      expect(purgerConfigFromEnv(CLOUDFLARE)).toEqual({
        kind: "cloudflare",
        zoneId: "023e105f4ecef8ad9ca31a8372d0c353",
        apiToken: "cf-token",
        apiUrl: "https://api.cloudflare.com",
      });
      expect(purgerConfigFromEnv({ ...CLOUDFLARE, CLOUDFLARE_API_URL: "http://127.0.0.1:8787" })).toMatchObject({ apiUrl: "http://127.0.0.1:8787" });
    });

    it("requires the zone and token, and refuses malformed ones", () => {
      expect(errorOf({ ...CLOUDFLARE, CLOUDFLARE_ZONE_ID: undefined })).toBe("CLOUDFLARE_ZONE_ID is required when CDN_PURGER=cloudflare");
      expect(errorOf({ ...CLOUDFLARE, CLOUDFLARE_API_TOKEN: undefined })).toBe("CLOUDFLARE_API_TOKEN is required when CDN_PURGER=cloudflare");
      expect(errorOf({ ...CLOUDFLARE, CLOUDFLARE_ZONE_ID: "example.com" })).toContain("CLOUDFLARE_ZONE_ID must be the zone's identifier");
      expect(errorOf({ ...CLOUDFLARE, CLOUDFLARE_ZONE_ID: "0".repeat(33) })).toContain("CLOUDFLARE_ZONE_ID must be the zone's identifier");
      expect(errorOf({ ...CLOUDFLARE, CLOUDFLARE_API_TOKEN: "tok\nen" })).toContain("CLOUDFLARE_API_TOKEN must be one API token");
      expect(errorOf({ ...CLOUDFLARE, CLOUDFLARE_API_URL: "https://user:pw@api.cloudflare.com" })).toBe("CLOUDFLARE_API_URL must not contain a user name or password");
    });
  });

  describe("varnish", () => {
    it("reads every URL (trimmed, repeats dropped, a bare host gets /) and defaults to xkey", () => {
      expect(purgerConfigFromEnv({ ...VARNISH, VARNISH_URLS: " http://varnish-1:6081 , https://varnish-2/purge,http://varnish-1:6081/" })).toEqual({
        kind: "varnish",
        urls: ["http://varnish-1:6081/", "https://varnish-2/purge"],
        mode: "xkey",
      });
    });

    it("takes ban mode", () => {
      expect(purgerConfigFromEnv({ ...VARNISH, VARNISH_PURGE_MODE: "ban" })).toMatchObject({ mode: "ban" });
    });

    it("requires URLs and refuses bad ones or a bad mode", () => {
      expect(errorOf({ CDN_PURGER: "varnish" })).toBe("VARNISH_URLS is required when CDN_PURGER=varnish");
      expect(errorOf({ ...VARNISH, VARNISH_URLS: "http://a:6081,,http://b:6081" })).toContain("VARNISH_URLS has an empty entry");
      expect(errorOf({ ...VARNISH, VARNISH_URLS: "http://a:6081,varnish-2:6081" })).toBe('VARNISH_URLS must be an http(s) URL (got "varnish-2:6081")');
      expect(errorOf({ ...VARNISH, VARNISH_URLS: "http://admin:secret@a:6081" })).toBe("VARNISH_URLS must not contain a user name or password");
      expect(errorOf({ ...VARNISH, VARNISH_PURGE_MODE: "purge" })).toBe('VARNISH_PURGE_MODE must be xkey or ban (got "purge")');
    });
  });

  it("documents every variable in the help lines", () => {
    for (const name of [
      "CDN_PURGER",
      "FASTLY_SERVICE_ID",
      "FASTLY_API_TOKEN",
      "FASTLY_API_URL",
      "FASTLY_SOFT_PURGE",
      "CLOUDFLARE_ZONE_ID",
      "CLOUDFLARE_API_TOKEN",
      "CLOUDFLARE_API_URL",
      "VARNISH_URLS",
      "VARNISH_PURGE_MODE",
    ]) {
      expect(PURGER_ENV_HELP).toContain(name);
    }
  });
});
