// The rules of the condition mapping: cloud cover in oktas decides the sky for WMO 0–3, every
// WMO code the providers send reads as one of MGM's words, intensity follows the code, and
// anything unknown or malformed reads "Bilinmiyor". The tables themselves are not restated.
import { describe, expect, it } from "vitest";
import { CONDITION_TEXT, type ConditionKey, conditionFromMgm, conditionFromWmo, oktasFromPercent } from "./conditions.ts";

const text = (key: ConditionKey) => CONDITION_TEXT[key];

/** The WMO codes Open-Meteo documents for weather_code (WMO 4677, as used by Open-Meteo). */
const DOCUMENTED_WMO = [0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99];

describe("CONDITION_TEXT", () => {
  it("gives every condition its own text, so no two conditions read the same", () => {
    const texts = Object.values(CONDITION_TEXT);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("oktasFromPercent", () => {
  it("rounds to the nearest eighth of sky, exactly half an okta up", () => {
    expect(oktasFromPercent(6)).toBe(0); // 0.48
    expect(oktasFromPercent(6.25)).toBe(1); // 0.5
    expect(oktasFromPercent(56)).toBe(4); // 4.48
    expect(oktasFromPercent(57)).toBe(5); // 4.56
    expect(oktasFromPercent(100)).toBe(8);
  });

  it("never goes below 0 or above 8, whatever the provider sends", () => {
    for (let percent = -50; percent <= 150; percent += 0.5) {
      const oktas = oktasFromPercent(percent);
      expect(oktas, `${percent}%`).toBeGreaterThanOrEqual(0);
      expect(oktas, `${percent}%`).toBeLessThanOrEqual(8);
      expect(Number.isInteger(oktas)).toBe(true);
    }
  });

  it("never falls as the cover grows", () => {
    for (let percent = 0; percent < 100; percent++) expect(oktasFromPercent(percent + 1)).toBeGreaterThanOrEqual(oktasFromPercent(percent));
  });
});

describe("conditionFromWmo", () => {
  it("reads codes 0–3 without a cloud cover from the code, clearest first", () => {
    expect([0, 1, 2, 3].map((code) => conditionFromWmo(code, null))).toEqual(["acik", "az-bulutlu", "parcali-bulutlu", "cok-bulutlu"]);
    // A non-finite cover is as good as missing.
    expect(conditionFromWmo(0, Number.NaN)).toBe("acik");
    expect(conditionFromWmo(3, Number.POSITIVE_INFINITY)).toBe("cok-bulutlu");
  });

  it("lets the cloud cover decide codes 0–3, whatever the code says", () => {
    for (let percent = 0; percent <= 100; percent++) {
      const byCode = [0, 1, 2, 3].map((code) => conditionFromWmo(code, percent));
      expect(new Set(byCode).size, `${percent}%`).toBe(1);
    }
  });

  it.each([
    { below: 6, above: 7, from: "acik", to: "az-bulutlu" }, // 0 -> 1 okta
    { below: 31, above: 32, from: "az-bulutlu", to: "parcali-bulutlu" }, // 2 -> 3 oktas
    { below: 56, above: 57, from: "parcali-bulutlu", to: "cok-bulutlu" }, // 4 -> 5 oktas
  ] satisfies { below: number; above: number; from: ConditionKey; to: ConditionKey }[])(
    "turns $from into $to between $below% and $above% cover",
    ({ below, above, from, to }) => {
      expect(conditionFromWmo(3, below)).toBe(from);
      expect(conditionFromWmo(0, above)).toBe(to);
    },
  );

  it("clamps a cover outside 0..100", () => {
    expect(conditionFromWmo(3, -10)).toBe("acik");
    expect(conditionFromWmo(0, 120)).toBe("cok-bulutlu");
  });

  it("reads every documented WMO code as one of MGM's words, and ignores cloud cover above code 3", () => {
    for (const code of DOCUMENTED_WMO) {
      const key = conditionFromWmo(code, null);
      expect(key, `code ${code}`).not.toBe("bilinmiyor");
      expect(CONDITION_TEXT[key], `code ${code}`).toBeTruthy();
      if (code > 3) {
        expect(conditionFromWmo(code, 0), `code ${code}`).toBe(key);
        expect(conditionFromWmo(code, 100), `code ${code}`).toBe(key);
      }
    }
  });

  it("reads every other integer code as unknown", () => {
    for (let code = -5; code <= 120; code++) {
      if (!DOCUMENTED_WMO.includes(code)) expect(conditionFromWmo(code, 50), `code ${code}`).toBe("bilinmiyor");
    }
  });

  it.each([null, Number.NaN, Number.POSITIVE_INFINITY, 61.5, 0.5])("reads %s as unknown", (code) => {
    expect(conditionFromWmo(code, null)).toBe("bilinmiyor");
    expect(conditionFromWmo(code, 50)).toBe("bilinmiyor");
  });

  it.each([
    { family: "rain", codes: [61, 63, 65] },
    { family: "snow", codes: [71, 73, 75] },
    { family: "showers", codes: [80, 81, 82] },
  ])("says how hard it falls for $family: light, moderate and heavy read differently, light as Hafif", ({ codes }) => {
    const words = codes.map((code) => text(conditionFromWmo(code, null)));
    expect(new Set(words).size).toBe(3);
    expect(words[0]).toMatch(/^Hafif /);
    expect(words[1]).not.toMatch(/^(Hafif|Kuvvetli|Yoğun) /);
    expect(words[2]).toMatch(/^(Kuvvetli|Yoğun) /);
  });

  it("reads freezing drizzle and freezing rain as Donan Yağmur, and thunderstorms with Gökgürültülü", () => {
    for (const code of [56, 57, 66, 67]) expect(text(conditionFromWmo(code, null))).toBe("Donan Yağmur");
    for (const code of [95, 96, 99]) expect(text(conditionFromWmo(code, null))).toMatch(/Gökgürültülü/);
  });
});

describe("conditionFromMgm", () => {
  it("reads MGM's codes whatever their case and surrounding space", () => {
    for (const code of ["CB", "cb", "Cb", " cb ", "CB\t\n"]) expect(conditionFromMgm(code), JSON.stringify(code)).toBe("cok-bulutlu");
    expect(conditionFromMgm(" kky ")).toBe("karla-karisik-yagmurlu");
    expect(conditionFromMgm("Gsy")).toBe("gokgurultulu-saganak-yagisli");
  });

  it("reads the Turkish dotted İ and dotless ı as I", () => {
    expect(conditionFromMgm("SİS")).toBe("sisli");
    expect(conditionFromMgm("sıs")).toBe("sisli");
  });

  it("reads the plain, southerly and northerly wind codes all as Rüzgarlı", () => {
    expect(["R", "GKR", "KKR"].map(conditionFromMgm)).toEqual(["ruzgarli", "ruzgarli", "ruzgarli"]);
  });

  it.each([
    { name: "null", code: null },
    { name: "undefined", code: undefined },
    { name: "empty", code: "" },
    { name: "blank", code: "   " },
    { name: "an unknown code", code: "XYZ" },
    { name: "the display text", code: "Çok Bulutlu" },
    { name: "a condition key", code: "acik" },
    { name: "a code with inner space", code: "C B" },
    { name: "a prototype property", code: "constructor" },
    { name: "__proto__", code: "__proto__" },
  ])("reads $name as unknown", ({ code }) => {
    expect(conditionFromMgm(code)).toBe("bilinmiyor");
  });
});
