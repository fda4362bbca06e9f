import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./cdnPurger.ts";
import { batchKeys, isSurrogateKey, uniqueSurrogateKeys } from "./surrogateKeys.ts";

describe("surrogate keys", () => {
  it("accepts 1 to 64 of a-z, 0-9 and -", () => {
    for (const key of ["article-12", "home", "a", "x".repeat(64)]) expect(isSurrogateKey(key)).toBe(true);
    for (const key of ["", "Home", "tag 1", "tag,1", "kategori-ş", "x".repeat(65), "a\nb"]) expect(isSurrogateKey(key)).toBe(false);
  });

  it("drops repeats in first-seen order and refuses anything else", () => {
    expect(uniqueSurrogateKeys(["home", "latest", "home"])).toEqual(["home", "latest"]);
    expect(() => uniqueSurrogateKeys(["home", "X-Evil: 1"])).toThrow(RangeError);
  });

  it("cuts batches by count and by joined length", () => {
    expect(batchKeys(["a", "b", "c"], 2)).toEqual([["a", "b"], ["c"]]);
    expect(batchKeys(["aaa", "bbb", "ccc"], 10, 7)).toEqual([["aaa", "bbb"], ["ccc"]]);
    expect(batchKeys([], 10)).toEqual([]);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-11-29T12:00:00Z");
  it("reads seconds and HTTP dates (RFC 9110, 10.2.3)", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
