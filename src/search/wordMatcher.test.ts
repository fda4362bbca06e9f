import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoArticles } from "../news/demo/loadDemoArticles.ts";
import { analyze, fold, matchKind, parseQuery, type QueryTerm, type Token, turkishLower } from "./analyzer.ts";
import { type WordMatch, wordMatcher } from "./wordMatcher.ts";

/** The slow, obviously right answer: analyse every word. */
function byAnalysis(text: string | Token[], terms: QueryTerm[]): WordMatch[] {
  return (typeof text === "string" ? analyze(text) : text).flatMap((token) =>
    terms.flatMap((term, i) => {
      const kind = matchKind(token, term);
      return kind ? [{ start: token.start, length: token.original.length, term: i, kind }] : [];
    }),
  );
}

describe("wordMatcher", () => {
  let texts: string[] = [];
  let words: string[] = [];

  beforeAll(async () => {
    const demo = await loadDemoArticles();
    texts = demo.flatMap((a) => [a.title, a.spot, a.body]);
    words = [...new Set(texts.flatMap((t) => analyze(t).map((w) => w.original)))];
  });

  it("finds words in any case and spelling, with their apostrophe suffix, but not inside other words", () => {
    const text = "İSTANBUL'da, Istanbul ve istanbullu; GÖRÜŞMELERİNİN ardından NATO'nun kararı. Kudüs'te ve KUDUS; başlatılmasını";
    const found = wordMatcher(parseQuery("istanbul kudus gorusme başlat")).find(text);
    expect(found.map((m) => [text.slice(m.start, m.start + m.length), m.term, m.kind])).toEqual([
      ["İSTANBUL'da", 0, "word"],
      ["Istanbul", 0, "word"],
      ["GÖRÜŞMELERİNİN", 2, "stem"],
      ["Kudüs'te", 1, "word"],
      ["KUDUS", 1, "word"],
      ["başlatılmasını", 3, "word"],
    ]);
    expect(wordMatcher(parseQuery("nun")).find("NATO'nun kararı")).toEqual([]);
  });

  it("gives the same answer as analysing every word, over every demo text", () => {
    // Queries made of demo words: each word alone, as a prefix of its first letters, and in pairs.
    const step = Math.ceil(words.length / 150);
    const queries = words.filter((_, i) => i % step === 0).flatMap((w, i) => [`${w} `, w.slice(0, 2 + (i % 5)), `${w} ${words[(i * 13) % words.length]} `]);
    const analysed = texts.map((text) => ({ text, tokens: analyze(text) }));
    let compared = 0;
    for (const q of queries) {
      const terms = parseQuery(q);
      if (terms.length === 0) continue;
      const matcher = wordMatcher(terms);
      for (const { text, tokens } of analysed) {
        const expected = byAnalysis(tokens, terms);
        const actual = matcher.find(text);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ q, text: text.slice(0, 80), actual }).toEqual({ q, text: text.slice(0, 80), actual: expected });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("holds the assumption it rests on: every folded word starts with each of its stems less the last letter", () => {
    for (const word of words) {
      const [token] = analyze(word);
      if (!token) continue;
      for (const stem of token.stems) expect(token.surface.startsWith(stem.slice(0, Math.max(2, stem.length - 1))), `${word} -> ${stem}`).toBe(true);
    }
  });

  it("falls back to word-by-word analysis for accents it has no class for", () => {
    for (const text of ["Kudu\u0308s'te toplandılar", "Ǯ harfi ve Kudüs'te toplantı", "Kudüs'te Ǆ"]) {
      expect(wordMatcher(parseQuery("kudus")).find(text)).toEqual(byAnalysis(text, parseQuery("kudus")));
    }
    expect(wordMatcher(parseQuery("kudus")).find("Ǯ harfi ve Kudüs'te toplantı")).toHaveLength(1);
    const cyrillic = parseQuery("москва");
    expect(wordMatcher(cyrillic).find("Москва'да görüşme")).toEqual(byAnalysis("Москва'да görüşme", cyrillic));
  });
});

describe("fast lower-casing and folding", () => {
  it("agrees with the tr locale and full Unicode folding over every demo text", async () => {
    const demo = await loadDemoArticles();
    const samples = [...demo.flatMap((a) => [a.title, a.spot, a.body]), "I\u0307stanbul İI ıi ÇĞÖŞÜ Ǆ ß ẞ café Ωmega"];
    for (const text of samples) {
      expect(turkishLower(text)).toBe(text.toLocaleLowerCase("tr"));
      const lower = text.toLocaleLowerCase("tr");
      expect(fold(lower)).toBe(
        lower
          .replace(/[çğıöşüâîû]/g, (c) => ({ ç: "c", ğ: "g", ı: "i", ö: "o", ş: "s", ü: "u", â: "a", î: "i", û: "u" })[c] ?? c)
          .normalize("NFKD")
          .replace(/\p{M}+/gu, ""),
      );
    }
  });
});
