import { describe, expect, it } from "vitest";
import { parseQuery } from "../src/search/analyzer.ts";
import { CATEGORY_SLUGS, PROVINCES, Zipf, conjugate, countWords, generateArticle, inflect, mulberry32, noun, proper, properForm, vocabulary } from "./corpus.ts";

const OPTIONS = { seed: 7, count: 1000, now: new Date("2026-11-27T12:00:00.000Z") };

describe("corpus words", () => {
  it("has all 81 provinces and several hundred distinct words", () => {
    expect(new Set(PROVINCES).size).toBe(81);
    expect(vocabulary().size).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ["İstanbul", "loc", "İstanbul'da"],
    ["İstanbul", "gen", "İstanbul'un"],
    ["Iğdır", "gen", "Iğdır'ın"],
    ["Kudüs", "loc", "Kudüs'te"],
    ["Ankara", "gen", "Ankara'nın"],
    ["Ankara", "dat", "Ankara'ya"],
    ["Kars", "abl", "Kars'tan"],
    ["Hakkari", "loc", "Hakkari'de"],
    ["Gaziantep", "gen", "Gaziantep'in"],
    ["NATO", "gen", "NATO'nun"],
    ["AB|abe", "gen", "AB'nin"],
  ] as const)("%s + %s = %s", (name, form, expected) => {
    expect(properForm(proper(name), form)).toBe(expected);
  });

  it("follows vowel harmony, hardening and softening", () => {
    expect(inflect(noun("proje"), "acc")).toBe("projeyi");
    expect(inflect(noun("destek/desteğ"), "gen")).toBe("desteğin");
    expect(inflect(noun("gol@ü"), "loc")).toBe("golde");
    expect(inflect(noun("süreç/sürec"), "possLoc")).toBe("sürecinde");
    expect(conjugate("başlat", "passNounAcc")).toBe("başlatılmasını");
    expect(conjugate("açıkla", "passPast")).toBe("açıklandı");
    expect(conjugate("yap", "factAcc")).toBe("yaptığını");
    expect(conjugate("başla", "prog")).toBe("başlıyor");
    expect(conjugate("incele", "fut")).toBe("inceleyecek");
  });
});

describe("Zipf", () => {
  it("makes the first items common and the last rare", () => {
    const rng = mulberry32(1);
    const z = new Zipf(
      Array.from({ length: 100 }, (_, i) => i),
      1,
    );
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const k = z.pick(rng);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[0]).toBeGreaterThan(8 * (counts[20] ?? 0));
    expect(counts[99]).toBeLessThan((counts[0] ?? 0) / 50);
  });
});

describe("generateArticle", () => {
  const articles = Array.from({ length: 300 }, (_, i) => generateArticle(i, OPTIONS));

  it("is deterministic", () => {
    expect(generateArticle(123, OPTIONS)).toEqual(articles[123]);
    expect(generateArticle(123, { ...OPTIONS, seed: 8 })).not.toEqual(articles[123]);
  });

  it("keeps titles, spots and bodies within their lengths", () => {
    for (const a of articles) {
      expect(countWords(a.title)).toBeGreaterThanOrEqual(8);
      expect(countWords(a.title)).toBeLessThanOrEqual(14);
      expect(countWords(a.spot)).toBeGreaterThanOrEqual(20);
      expect(countWords(a.spot)).toBeLessThanOrEqual(35);
      const body = countWords(a.body.replace(/<[^>]+>/g, " "));
      expect(body).toBeGreaterThanOrEqual(150);
      expect(body).toBeLessThanOrEqual(400);
      expect(a.body).toMatch(/^<p>.*<\/p>$/s);
    }
  });

  it("spreads publication over two years, oldest first, in the default categories", () => {
    const first = Date.parse(articles[0]?.publishedAt ?? "");
    const last = Date.parse(generateArticle(OPTIONS.count - 1, OPTIONS).publishedAt);
    expect(OPTIONS.now.getTime() - first).toBeGreaterThan(725 * 86_400_000);
    expect(last).toBeLessThan(OPTIONS.now.getTime());
    expect(OPTIONS.now.getTime() - last).toBeLessThan(86_400_000);
    for (const a of articles) expect(CATEGORY_SLUGS).toContain(a.categorySlug);
    expect(new Set(articles.map((a) => a.categorySlug)).size).toBe(10);
  });

  it("writes words the analyzer reads back as Turkish", () => {
    const text = articles.map((a) => `${a.title} ${a.spot} ${a.body}`).join(" ");
    expect(text).toMatch(/[çğıöşüİ]/);
    expect(text).toMatch(/\p{Lu}[\p{Ll}]+'(?:da|de|ta|te|ın|in|un|ün|nın|nin|nun|nün)\b/u);
    expect(parseQuery("Kudüs'te")[0]?.surface).toBe("kudus");
  });
});
