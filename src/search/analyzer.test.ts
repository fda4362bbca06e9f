import { describe, expect, it } from "vitest";
import { analyze, fold, parseQuery, turkishLower } from "./analyzer.ts";

const surfaces = (text: string) => analyze(text).map((t) => t.surface);
const stems = (text: string) => analyze(text).map((t) => t.stems);
/** Whether two spellings share a stem. */
const meet = (a: string, b: string) => (stems(a)[0] ?? []).some((s) => (stems(b)[0] ?? []).includes(s));

describe("Turkish analyzer", () => {
  it.each([
    ["I", "ı"],
    ["İ", "i"],
    ["IĞDIR", "ığdır"],
    ["ISPARTA", "ısparta"],
    ["İSTANBUL", "istanbul"],
    ["KIRŞEHİR", "kırşehir"],
  ])("lower-cases %s the Turkish way -> %s", (input, expected) => {
    expect(turkishLower(input)).toBe(expected);
  });

  it.each([
    ["çğıöşüâîû", "cgiosuaiu"],
    ["ÇĞÖŞÜ".toLocaleLowerCase("tr"), "cgosu"],
    ["kudüs", "kudus"],
    ["café", "cafe"],
  ])("folds %s -> %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("makes dotted and dotless I meet, in both cases and without Turkish letters", () => {
    for (const spelling of ["Iğdır", "IĞDIR", "ığdır", "igdir", "IGDIR"]) expect(surfaces(spelling)).toEqual(["igdir"]);
    for (const spelling of ["İstanbul", "İSTANBUL", "istanbul", "ISTANBUL"]) expect(surfaces(spelling)).toEqual(["istanbul"]);
    for (const spelling of ["Isparta", "ISPARTA", "ısparta", "isparta"]) expect(surfaces(spelling)).toEqual(["isparta"]);
  });

  it.each([
    ["NATO'nun", "nato"],
    ["İstanbul'da", "istanbul"],
    ["Kudüs’te", "kudus"],
    ["Rusya´ya", "rusya"],
    ["Iğdır'da", "igdir"],
    ["Isparta'nın", "isparta"],
    ["1990'larda", "1990"],
  ])("drops the suffix after the apostrophe: %s -> %s", (word, expected) => {
    expect(surfaces(word)).toEqual([expected]);
    expect(stems(word)).toEqual(stems(word.split(/['’´]/)[0] ?? word));
  });

  it("stems so that a base form meets its inflections", () => {
    expect(meet("görüşmelerinin", "görüşme")).toBe(true);
    expect(meet("görüşmelerinin", "gorusme")).toBe(true);
    expect(meet("öğrencilerin", "öğrenci")).toBe(true);
    expect(meet("öğrencilerin", "ogrenci")).toBe(true);
    expect(stems("kitaplar")).toEqual([["kitap"]]);
    expect(stems("Ankara'da")).toEqual(stems("Ankara"));
  });

  it("never lets a very short stem join unrelated words (Iğdır and iki)", () => {
    expect(meet("Iğdır", "iki")).toBe(false);
    expect(meet("Iğdır'da", "Iğdır")).toBe(true);
  });

  it("keeps each word's original spelling and position for highlighting", () => {
    const text = "Dün İstanbul'da, NATO'nun zirvesi!";
    const tokens = analyze(text);
    expect(tokens.map((t) => t.original)).toEqual(["Dün", "İstanbul'da", "NATO'nun", "zirvesi"]);
    expect(tokens.map((t) => text.slice(t.start, t.start + t.original.length))).toEqual(["Dün", "İstanbul'da", "NATO'nun", "zirvesi"]);
  });
});

describe("parseQuery", () => {
  it("makes the last word a prefix unless the reader typed a space after it", () => {
    expect(parseQuery("izmir başlat")).toEqual([
      { surface: "izmir", stems: ["izmir"], prefix: false },
      { surface: "baslat", stems: ["baslat"], prefix: true },
    ]);
    expect(parseQuery("başlat ").at(-1)?.prefix).toBe(false);
  });

  it.each(['"', "*", "NEAR(", "OR", "AND NOT", "---", "((()))", "^", "title:x", "\u0000", "😀"])("turns odd input %j into plain words or nothing", (q) => {
    for (const term of parseQuery(q)) expect(term.surface).toMatch(/^[a-z0-9]+$/);
  });

  it.each([
    ["depremler", "deprem"],
    ["kayısılar", "kayısı"],
    ["seçimler", "seçim"],
  ])("lets the plural %s meet the singular %s, which Snowball stems further", (plural, singular) => {
    const [term] = parseQuery(`${plural} `);
    const [word] = analyze(singular);
    expect(word?.stems.some((s) => term?.stems.includes(s))).toBe(true);
  });

  it("reads at most 200 characters", () => {
    const long = "kelime ".repeat(100);
    expect(parseQuery(long).length).toBeLessThanOrEqual(12);
  });
});
