import { describe, expect, it } from "vitest";
import { parseQuery } from "./analyzer.ts";
import { inverseDocumentFrequency, rankCandidates, recencyBoost, relevance } from "./rank.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const doc = (id: number, title: string, spot = "Ayrıntılar geliyor.", age = 1) => ({ id, title, spot, publishedAt: daysAgo(age) });

describe("ranking", () => {
  it("puts a title match above a spot match above a body-only match", () => {
    const terms = parseQuery("deprem ");
    const ids = rankCandidates(
      [doc(1, "Okullarda güvenlik haftası"), doc(2, "Okullarda hafta", "Deprem tatbikatı yapıldı."), doc(3, "Deprem tatbikatı yapıldı")],
      terms,
      [1],
      NOW,
    );
    expect(ids).toEqual([3, 2, 1]);
  });

  it("puts the word as typed above a word that only shares its stem", () => {
    const terms = parseQuery("görüşme ");
    expect(relevance({ title: "Görüşme sona erdi", spot: "" }, terms, [1])).toBeGreaterThan(relevance({ title: "Görüşmeler sona erdi", spot: "" }, terms, [1]));
  });

  it("counts a repeated word, with diminishing returns", () => {
    const terms = parseQuery("enflasyon ");
    const once = relevance({ title: "Enflasyon açıklandı", spot: "Veriler yayımlandı." }, terms, [1]);
    const twice = relevance({ title: "Enflasyon açıklandı", spot: "Enflasyon beklentisi değişti." }, terms, [1]);
    const thrice = relevance({ title: "Enflasyon açıklandı", spot: "Enflasyon ve enflasyon beklentisi." }, terms, [1]);
    expect(twice).toBeGreaterThan(once);
    expect(thrice - twice).toBeLessThan(twice - once);
  });

  it("weighs a rare word above a common one", () => {
    const terms = parseQuery("istanbul kemençe ");
    const common = inverseDocumentFrequency(900, 1000);
    const rare = inverseDocumentFrequency(3, 1000);
    expect(rare).toBeGreaterThan(common);
    expect(common).toBeGreaterThan(0);
    const ids = rankCandidates(
      [doc(1, "İstanbul'da konser", "Kemençe sesi yükseldi."), doc(2, "Kemençe ustası ödül aldı", "İstanbul'daki törende.")],
      terms,
      [common, rare],
      NOW,
    );
    expect(ids).toEqual([2, 1]);
  });

  it("prefers this week's story to an equally relevant old one, and the newer on a tie", () => {
    expect(recencyBoost(daysAgo(0), NOW)).toBeCloseTo(2);
    expect(recencyBoost(daysAgo(7), NOW)).toBeCloseTo(1.5);
    expect(recencyBoost(daysAgo(700), NOW)).toBeLessThan(1.01);
    const terms = parseQuery("deprem ");
    expect(rankCandidates([doc(1, "Deprem bölgesinde konut", "", 300), doc(2, "Deprem bölgesinde okul", "", 1)], terms, [1], NOW)).toEqual([2, 1]);
    expect(rankCandidates([doc(5, "Deprem raporu", "", 3), doc(9, "Deprem raporu", "", 3)], terms, [1], NOW)).toEqual([9, 5]);
    // A title match from a month ago still beats a body-only match from today.
    expect(rankCandidates([doc(1, "Okul haftası", "", 0), doc(2, "Deprem raporu yayımlandı", "", 30)], terms, [1], NOW)).toEqual([2, 1]);
  });

  it("matches the last word as a prefix", () => {
    const terms = parseQuery("başlat");
    expect(relevance({ title: "Tatbikatın başlatılması", spot: "" }, terms, [1])).toBeGreaterThan(relevance({ title: "Tatbikat sürüyor", spot: "" }, terms, [1]));
  });
});
