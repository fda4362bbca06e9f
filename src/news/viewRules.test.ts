// Which views count, and the key they are remembered by.
import { describe, expect, it } from "vitest";
import { newViewSalt, viewKey, viewSkipReason } from "./viewRules.ts";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("viewSkipReason", () => {
  it("counts a browser, and skips crawlers, tools, headless browsers and requests without a user agent", () => {
    expect(viewSkipReason({ userAgent: FIREFOX, purpose: undefined })).toBeUndefined();
    for (const ua of [
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
      "python-requests/2.32.3",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "",
      "   ",
      undefined,
    ]) {
      expect(viewSkipReason({ userAgent: ua, purpose: undefined }), String(ua)).toBe("bot");
    }
  });

  it("skips what a browser fetches ahead of the reader", () => {
    for (const purpose of ["prefetch", "prefetch;prerender", "Prefetch", "preview"]) expect(viewSkipReason({ userAgent: FIREFOX, purpose }), purpose).toBe("prefetch");
  });
});

describe("viewKey", () => {
  const reader = { ip: "203.0.113.7", userAgent: FIREFOX };
  it("is 32 hex characters, the same for the same reader, article and salt", () => {
    const salt = newViewSalt();
    expect(viewKey(salt, reader, 5)).toMatch(/^[0-9a-f]{32}$/);
    expect(viewKey(salt, reader, 5)).toBe(viewKey(salt, { ...reader }, 5));
  });

  it("differs by article, address, user agent and salt", () => {
    const salt = newViewSalt();
    const keys = new Set([
      viewKey(salt, reader, 5),
      viewKey(salt, reader, 6),
      viewKey(salt, { ...reader, ip: "203.0.113.8" }, 5),
      viewKey(salt, { ...reader, userAgent: `${FIREFOX} ` }, 5),
      viewKey(newViewSalt(), reader, 5),
    ]);
    expect(keys.size).toBe(5);
  });
});
