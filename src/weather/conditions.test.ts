import { describe, expect, it } from "vitest";
import { CONDITION_TEXT, type ConditionKey, conditionFromMgm, conditionFromWmo, oktasFromPercent } from "./conditions.ts";

describe("CONDITION_TEXT", () => {
  it.each([
    ["acik", "Açık"],
    ["az-bulutlu", "Az Bulutlu"],
    ["parcali-bulutlu", "Parçalı Bulutlu"],
    ["cok-bulutlu", "Çok Bulutlu"],
    ["hafif-yagmurlu", "Hafif Yağmurlu"],
    ["yagmurlu", "Yağmurlu"],
    ["kuvvetli-yagmurlu", "Kuvvetli Yağmurlu"],
    ["karla-karisik-yagmurlu", "Karla Karışık Yağmurlu"],
    ["hafif-kar-yagisli", "Hafif Kar Yağışlı"],
    ["kar-yagisli", "Kar Yağışlı"],
    ["yogun-kar-yagisli", "Yoğun Kar Yağışlı"],
    ["hafif-saganak-yagisli", "Hafif Sağanak Yağışlı"],
    ["saganak-yagisli", "Sağanak Yağışlı"],
    ["kuvvetli-saganak-yagisli", "Kuvvetli Sağanak Yağışlı"],
    ["mevzi-saganak-yagisli", "Mevzi Sağanak Yağışlı"],
    ["gokgurultulu-saganak-yagisli", "Gökgürültülü Sağanak Yağışlı"],
    ["kuvvetli-gokgurultulu-saganak-yagisli", "Kuvvetli Gökgürültülü Sağanak Yağışlı"],
    ["dolu", "Dolu"],
    ["sisli", "Sisli"],
    ["puslu", "Puslu"],
    ["dumanli", "Dumanlı"],
    ["toz-firtinasi", "Toz veya Kum Fırtınası"],
    ["ruzgarli", "Rüzgarlı"],
    ["hafif-ciseleme", "Hafif Çiseleme"],
    ["ciseleme", "Çiseleme"],
    ["donan-yagmur", "Donan Yağmur"],
    ["bilinmiyor", "Bilinmiyor"],
  ] satisfies [ConditionKey, string][])("%s is %s", (key, text) => {
    expect(CONDITION_TEXT[key]).toBe(text);
  });

  it("has exactly the 27 keys, each with a distinct text", () => {
    expect(Object.keys(CONDITION_TEXT)).toHaveLength(27);
    expect(new Set(Object.values(CONDITION_TEXT)).size).toBe(27);
  });
});

describe("oktasFromPercent", () => {
  it.each([
    { percent: 0, oktas: 0 },
    { percent: 6, oktas: 0 }, // 0.48
    { percent: 6.25, oktas: 1 }, // exactly half an okta rounds up
    { percent: 7, oktas: 1 }, // 0.56
    { percent: 25, oktas: 2 },
    { percent: 31, oktas: 2 }, // 2.48
    { percent: 32, oktas: 3 }, // 2.56
    { percent: 50, oktas: 4 },
    { percent: 56, oktas: 4 }, // 4.48
    { percent: 57, oktas: 5 }, // 4.56
    { percent: 62, oktas: 5 }, // 4.96
    { percent: 63, oktas: 5 }, // 5.04
    { percent: 100, oktas: 8 },
    { percent: -5, oktas: 0 }, // clamped
    { percent: 140, oktas: 8 }, // clamped
  ])("$percent% is $oktas oktas", ({ percent, oktas }) => {
    expect(oktasFromPercent(percent)).toBe(oktas);
  });
});

describe("conditionFromWmo", () => {
  describe("codes 0–3 without cloud cover: decided by the code", () => {
    it.each([
      { code: 0, key: "acik" },
      { code: 1, key: "az-bulutlu" },
      { code: 2, key: "parcali-bulutlu" },
      { code: 3, key: "cok-bulutlu" },
    ] satisfies { code: number; key: ConditionKey }[])("$code -> $key", ({ code, key }) => {
      expect(conditionFromWmo(code, null)).toBe(key);
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY])("a cover of %s counts as missing", (cover) => {
      expect(conditionFromWmo(0, cover)).toBe("acik");
      expect(conditionFromWmo(3, cover)).toBe("cok-bulutlu");
    });
  });

  describe("codes 0–3 with cloud cover: decided by oktas, whatever the code", () => {
    const boundaries = [
      { percent: 0, key: "acik" }, // 0 oktas
      { percent: 6, key: "acik" }, // 0
      { percent: 7, key: "az-bulutlu" }, // 1
      { percent: 25, key: "az-bulutlu" }, // 2
      { percent: 31, key: "az-bulutlu" }, // 2
      { percent: 32, key: "parcali-bulutlu" }, // 3
      { percent: 50, key: "parcali-bulutlu" }, // 4
      { percent: 56, key: "parcali-bulutlu" }, // 4
      { percent: 57, key: "cok-bulutlu" }, // 5
      { percent: 62, key: "cok-bulutlu" }, // 5
      { percent: 63, key: "cok-bulutlu" }, // 5
      { percent: 100, key: "cok-bulutlu" }, // 8
    ] satisfies { percent: number; key: ConditionKey }[];
    const rows = [0, 1, 2, 3].flatMap((code) => boundaries.map((b) => ({ code, ...b })));

    it.each(rows)("code $code at $percent% -> $key", ({ code, percent, key }) => {
      expect(conditionFromWmo(code, percent)).toBe(key);
    });

    it("clamps cover outside 0..100", () => {
      expect(conditionFromWmo(3, -10)).toBe("acik");
      expect(conditionFromWmo(0, 120)).toBe("cok-bulutlu");
    });
  });

  describe("other codes", () => {
    it.each([
      { code: 45, key: "sisli" },
      { code: 48, key: "sisli" },
      { code: 51, key: "hafif-ciseleme" },
      { code: 53, key: "ciseleme" },
      { code: 55, key: "ciseleme" },
      { code: 56, key: "donan-yagmur" },
      { code: 57, key: "donan-yagmur" },
      { code: 61, key: "hafif-yagmurlu" },
      { code: 63, key: "yagmurlu" },
      { code: 65, key: "kuvvetli-yagmurlu" },
      { code: 66, key: "donan-yagmur" },
      { code: 67, key: "donan-yagmur" },
      { code: 71, key: "hafif-kar-yagisli" },
      { code: 73, key: "kar-yagisli" },
      { code: 75, key: "yogun-kar-yagisli" },
      { code: 77, key: "hafif-kar-yagisli" },
      { code: 80, key: "hafif-saganak-yagisli" },
      { code: 81, key: "saganak-yagisli" },
      { code: 82, key: "kuvvetli-saganak-yagisli" },
      { code: 85, key: "hafif-kar-yagisli" },
      { code: 86, key: "yogun-kar-yagisli" },
      { code: 95, key: "gokgurultulu-saganak-yagisli" },
      { code: 96, key: "kuvvetli-gokgurultulu-saganak-yagisli" },
      { code: 99, key: "kuvvetli-gokgurultulu-saganak-yagisli" },
    ] satisfies { code: number; key: ConditionKey }[])("$code -> $key (cloud cover ignored)", ({ code, key }) => {
      expect(conditionFromWmo(code, null)).toBe(key);
      expect(conditionFromWmo(code, 0)).toBe(key);
      expect(conditionFromWmo(code, 100)).toBe(key);
    });
  });

  describe("unknown input", () => {
    it.each([
      { name: "null", code: null },
      { name: "NaN", code: Number.NaN },
      { name: "Infinity", code: Number.POSITIVE_INFINITY },
      { name: "a non-integer", code: 61.5 },
      { name: "a non-integer in 0–3", code: 0.5 },
      { name: "negative", code: -1 },
      { name: "an unlisted code (4)", code: 4 },
      { name: "an unlisted code (50)", code: 50 },
      { name: "an unlisted code (98)", code: 98 },
      { name: "above the range", code: 100 },
    ])("$name -> bilinmiyor", ({ code }) => {
      expect(conditionFromWmo(code, null)).toBe("bilinmiyor");
      expect(conditionFromWmo(code, 50)).toBe("bilinmiyor");
    });

    it("every integer 0..99 outside the listed codes is bilinmiyor", () => {
      const listed = new Set([0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99]);
      for (let code = 0; code <= 99; code++) {
        expect(conditionFromWmo(code, null) === "bilinmiyor", `code ${code}`).toBe(!listed.has(code));
      }
    });
  });
});

describe("conditionFromMgm", () => {
  it.each([
    { code: "A", key: "acik" },
    { code: "AB", key: "az-bulutlu" },
    { code: "PB", key: "parcali-bulutlu" },
    { code: "CB", key: "cok-bulutlu" },
    { code: "HY", key: "hafif-yagmurlu" },
    { code: "Y", key: "yagmurlu" },
    { code: "KY", key: "kuvvetli-yagmurlu" },
    { code: "KKY", key: "karla-karisik-yagmurlu" },
    { code: "HKY", key: "hafif-kar-yagisli" },
    { code: "K", key: "kar-yagisli" },
    { code: "YKY", key: "yogun-kar-yagisli" },
    { code: "HSY", key: "hafif-saganak-yagisli" },
    { code: "SY", key: "saganak-yagisli" },
    { code: "KSY", key: "kuvvetli-saganak-yagisli" },
    { code: "MSY", key: "mevzi-saganak-yagisli" },
    { code: "DY", key: "dolu" },
    { code: "GSY", key: "gokgurultulu-saganak-yagisli" },
    { code: "KGSY", key: "kuvvetli-gokgurultulu-saganak-yagisli" },
    { code: "SIS", key: "sisli" },
    { code: "PUS", key: "puslu" },
    { code: "DMN", key: "dumanli" },
    { code: "KF", key: "toz-firtinasi" },
    { code: "R", key: "ruzgarli" },
    { code: "GKR", key: "ruzgarli" },
    { code: "KKR", key: "ruzgarli" },
    { code: "HHY", key: "yagmurlu" },
  ] satisfies { code: string; key: ConditionKey }[])("$code -> $key", ({ code, key }) => {
    expect(conditionFromMgm(code)).toBe(key);
    expect(conditionFromMgm(code.toLowerCase())).toBe(key);
    expect(conditionFromMgm(`  ${code}\t\n`)).toBe(key);
  });

  it.each([
    { input: "cb", key: "cok-bulutlu" },
    { input: "Gsy", key: "gokgurultulu-saganak-yagisli" },
    { input: " kky ", key: "karla-karisik-yagmurlu" },
    { input: "SİS", key: "sisli" }, // Turkish dotted capital I
    { input: "sıs", key: "sisli" }, // Turkish dotless small i
  ] satisfies { input: string; key: ConditionKey }[])("$input -> $key", ({ input, key }) => {
    expect(conditionFromMgm(input)).toBe(key);
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
  ])("$name -> bilinmiyor", ({ code }) => {
    expect(conditionFromMgm(code)).toBe("bilinmiyor");
  });
});
