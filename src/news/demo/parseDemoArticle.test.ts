import { describe, expect, it } from "vitest";
import { parseDemoArticle } from "./parseDemoArticle.ts";

const sample = `---
title: Ankara'da yeni metro hattı: ilk sefer yapıldı
spot: Başkentte uzun süredir beklenen hat hizmete girdi.
source: AA
tags: Ankara, Ulaşım, ankara, Metro
caption: İlk seferi yapan tren istasyonda
hours_ago: 5
breaking: yes
headline: no
---
İlk paragraf.

## Ara başlık

> "Güzel oldu," dedi.
`;

describe("parseDemoArticle", () => {
  it("reads the header, keeping colons inside values and dropping repeated tags", () => {
    const a = parseDemoArticle(sample, "x.md", "gundem");
    expect(a.title).toBe("Ankara'da yeni metro hattı: ilk sefer yapıldı");
    expect(a.sourceName).toBe("AA");
    expect(a.tags).toEqual(["Ankara", "Ulaşım", "Metro"]);
    expect(a.hoursAgo).toBe(5);
    expect(a.breaking).toBe(true);
    expect(a.headline).toBe(false);
    expect(a.body.startsWith("İlk paragraf.")).toBe(true);
  });

  it("names the file and the missing field", () => {
    expect(() => parseDemoArticle(sample.replace(/^spot:.*$/m, ""), "bad.md", "gundem")).toThrow("bad.md: missing spot");
    expect(() => parseDemoArticle("no header", "bad.md", "gundem")).toThrow("bad.md: missing --- header block");
  });
});
