import { describe, expect, it } from "vitest";
import { createLastModifiedClock } from "./lastModified.ts";

describe("Last-Modified of feeds and sitemaps", () => {
  const at = (iso: string) => new Date(iso);

  it("keeps the date while the bytes stay the same, and moves it when they change", () => {
    const clock = createLastModifiedClock();
    expect(clock("/rss/dunya.xml", "a", at("2026-11-30T10:00:00.400Z"))).toBe("Mon, 30 Nov 2026 10:00:00 GMT");
    expect(clock("/rss/dunya.xml", "a", at("2026-11-30T10:05:00Z"))).toBe("Mon, 30 Nov 2026 10:00:00 GMT");
    expect(clock("/rss/dunya.xml", "b", at("2026-11-30T10:06:00Z"))).toBe("Mon, 30 Nov 2026 10:06:00 GMT");
  });

  it("gives new bytes built in the same second as the previous build a later date, so If-Modified-Since never hides them", () => {
    const clock = createLastModifiedClock();
    const first = clock("/sitemap.xml", "önce", at("2026-11-30T10:00:00.100Z"));
    const second = clock("/sitemap.xml", "sonra", at("2026-11-30T10:00:00.900Z"));
    expect(Date.parse(second)).toBeGreaterThan(Date.parse(first));
    // Other paths have their own dates.
    expect(clock("/rss/spor.xml", "önce", at("2026-11-30T10:00:00.900Z"))).toBe(first);
  });
});
