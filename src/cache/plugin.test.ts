import { describe, expect, it } from "vitest";
import { cacheKeyOf, matchesEtag } from "./plugin.ts";

describe("cacheKeyOf", () => {
  it("keeps only the query parameters the route declares, in one order", () => {
    expect(cacheKeyOf("/haber/spor/", [])).toBe("/haber/spor/");
    expect(cacheKeyOf("/haber/spor/?utm_source=x&fbclid=y", [])).toBe("/haber/spor/");
    expect(cacheKeyOf("/etiket/kar/?utm_source=x&sayfa=2", ["sayfa"])).toBe("/etiket/kar/?sayfa=2");
    expect(cacheKeyOf("/arama?sayfa=2&q=kar+ya%C4%9F%C4%B1%C5%9F%C4%B1", ["q", "sayfa"])).toBe(
      cacheKeyOf("/arama?q=kar+ya%C4%9F%C4%B1%C5%9F%C4%B1&sayfa=2", ["q", "sayfa"]),
    );
    expect(cacheKeyOf("/arama?gclid=1", ["q"])).toBe("/arama");
    // Escapes stay as sent: a malformed one never shares an entry with the character a decoder would make of it.
    expect(cacheKeyOf("/arama?q=%FF", ["q"])).not.toBe(cacheKeyOf("/arama?q=%EF%BF%BD", ["q"]));
  });
});

describe("matchesEtag", () => {
  const etag = '"abc"';
  it("matches the page in any of its encodings, weakly, in a list, or *", () => {
    expect(matchesEtag('"abc"', etag)).toBe(true);
    expect(matchesEtag('"abc-br"', etag)).toBe(true);
    expect(matchesEtag('W/"abc-gz"', etag)).toBe(true);
    expect(matchesEtag('"x", "abc"', etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
  });
  it("does not match another page or a malformed tag", () => {
    expect(matchesEtag('"abd"', etag)).toBe(false);
    expect(matchesEtag("abc", etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
    expect(matchesEtag("", etag)).toBe(false);
  });
});
