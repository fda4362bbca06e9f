// Weather conditions in the vocabulary of the Turkish State Meteorological Service (MGM),
// mapped from WMO codes (Open-Meteo's weather_code) and from MGM's own hadise codes.

export type ConditionKey =
  | "acik"
  | "az-bulutlu"
  | "parcali-bulutlu"
  | "cok-bulutlu"
  | "hafif-yagmurlu"
  | "yagmurlu"
  | "kuvvetli-yagmurlu"
  | "karla-karisik-yagmurlu"
  | "hafif-kar-yagisli"
  | "kar-yagisli"
  | "yogun-kar-yagisli"
  | "hafif-saganak-yagisli"
  | "saganak-yagisli"
  | "kuvvetli-saganak-yagisli"
  | "mevzi-saganak-yagisli"
  | "gokgurultulu-saganak-yagisli"
  | "kuvvetli-gokgurultulu-saganak-yagisli"
  | "dolu"
  | "sisli"
  | "puslu"
  | "dumanli"
  | "toz-firtinasi"
  | "ruzgarli"
  | "hafif-ciseleme"
  | "ciseleme"
  | "donan-yagmur"
  | "bilinmiyor";

/** Display text, in MGM's words. */
export const CONDITION_TEXT: Record<ConditionKey, string> = {
  acik: "Açık",
  "az-bulutlu": "Az Bulutlu",
  "parcali-bulutlu": "Parçalı Bulutlu",
  "cok-bulutlu": "Çok Bulutlu",
  "hafif-yagmurlu": "Hafif Yağmurlu",
  yagmurlu: "Yağmurlu",
  "kuvvetli-yagmurlu": "Kuvvetli Yağmurlu",
  "karla-karisik-yagmurlu": "Karla Karışık Yağmurlu",
  "hafif-kar-yagisli": "Hafif Kar Yağışlı",
  "kar-yagisli": "Kar Yağışlı",
  "yogun-kar-yagisli": "Yoğun Kar Yağışlı",
  "hafif-saganak-yagisli": "Hafif Sağanak Yağışlı",
  "saganak-yagisli": "Sağanak Yağışlı",
  "kuvvetli-saganak-yagisli": "Kuvvetli Sağanak Yağışlı",
  "mevzi-saganak-yagisli": "Mevzi Sağanak Yağışlı",
  "gokgurultulu-saganak-yagisli": "Gökgürültülü Sağanak Yağışlı",
  "kuvvetli-gokgurultulu-saganak-yagisli": "Kuvvetli Gökgürültülü Sağanak Yağışlı",
  dolu: "Dolu",
  sisli: "Sisli",
  puslu: "Puslu",
  dumanli: "Dumanlı",
  "toz-firtinasi": "Toz veya Kum Fırtınası",
  ruzgarli: "Rüzgarlı",
  "hafif-ciseleme": "Hafif Çiseleme",
  ciseleme: "Çiseleme",
  "donan-yagmur": "Donan Yağmur",
  bilinmiyor: "Bilinmiyor",
};

/** WMO codes other than 0–3 (which depend on cloud cover). */
const WMO: ReadonlyMap<number, ConditionKey> = new Map<number, ConditionKey>([
  [45, "sisli"],
  [48, "sisli"],
  [51, "hafif-ciseleme"],
  [53, "ciseleme"],
  [55, "ciseleme"],
  [56, "donan-yagmur"],
  [57, "donan-yagmur"],
  [61, "hafif-yagmurlu"],
  [63, "yagmurlu"],
  [65, "kuvvetli-yagmurlu"],
  [66, "donan-yagmur"],
  [67, "donan-yagmur"],
  [71, "hafif-kar-yagisli"],
  [73, "kar-yagisli"],
  [75, "yogun-kar-yagisli"],
  [77, "hafif-kar-yagisli"], // snow grains
  [80, "hafif-saganak-yagisli"],
  [81, "saganak-yagisli"],
  [82, "kuvvetli-saganak-yagisli"],
  [85, "hafif-kar-yagisli"], // snow showers
  [86, "yogun-kar-yagisli"],
  [95, "gokgurultulu-saganak-yagisli"],
  [96, "kuvvetli-gokgurultulu-saganak-yagisli"],
  [99, "kuvvetli-gokgurultulu-saganak-yagisli"],
]);

/** Codes 0–3 when cloud cover is missing. */
const SKY_BY_CODE: readonly ConditionKey[] = ["acik", "az-bulutlu", "parcali-bulutlu", "cok-bulutlu"];

/** Cloud cover in eighths of sky: round(percent / 12.5), halves rounded up, clamped to 0..8. */
export function oktasFromPercent(percent: number): number {
  return Math.min(8, Math.max(0, Math.round(percent / 12.5)));
}

function skyFromOktas(oktas: number): ConditionKey {
  if (oktas === 0) return "acik";
  if (oktas <= 2) return "az-bulutlu";
  if (oktas <= 4) return "parcali-bulutlu";
  return "cok-bulutlu";
}

/** WMO weather interpretation code (Open-Meteo's weather_code) + cloud cover in percent (nullable) -> key. */
export function conditionFromWmo(code: number | null, cloudCoverPercent: number | null): ConditionKey {
  if (code === null || !Number.isInteger(code)) return "bilinmiyor";
  if (code >= 0 && code <= 3) {
    // A non-finite cover (NaN, Infinity) is as good as missing.
    if (cloudCoverPercent === null || !Number.isFinite(cloudCoverPercent)) return SKY_BY_CODE[code] ?? "bilinmiyor";
    return skyFromOktas(oktasFromPercent(cloudCoverPercent));
  }
  return WMO.get(code) ?? "bilinmiyor";
}

/** MGM hadise codes, the service's own abbreviations. */
const MGM: ReadonlyMap<string, ConditionKey> = new Map<string, ConditionKey>([
  ["A", "acik"],
  ["AB", "az-bulutlu"],
  ["PB", "parcali-bulutlu"],
  ["CB", "cok-bulutlu"],
  ["HY", "hafif-yagmurlu"],
  ["Y", "yagmurlu"],
  ["KY", "kuvvetli-yagmurlu"],
  ["KKY", "karla-karisik-yagmurlu"],
  ["HKY", "hafif-kar-yagisli"],
  ["K", "kar-yagisli"],
  ["YKY", "yogun-kar-yagisli"],
  ["HSY", "hafif-saganak-yagisli"],
  ["SY", "saganak-yagisli"],
  ["KSY", "kuvvetli-saganak-yagisli"],
  ["MSY", "mevzi-saganak-yagisli"],
  ["DY", "dolu"],
  ["GSY", "gokgurultulu-saganak-yagisli"],
  ["KGSY", "kuvvetli-gokgurultulu-saganak-yagisli"],
  ["SIS", "sisli"],
  ["PUS", "puslu"],
  ["DMN", "dumanli"],
  ["KF", "toz-firtinasi"],
  ["R", "ruzgarli"],
  ["GKR", "ruzgarli"], // strong southerly wind
  ["KKR", "ruzgarli"], // strong northerly wind
  ["HHY", "yagmurlu"],
]);

/** MGM hadise code (e.g. "CB", "HSY", "KKY", "GSY") -> key. Case-insensitive, trimmed. */
export function conditionFromMgm(code: string | null | undefined): ConditionKey {
  if (typeof code !== "string") return "bilinmiyor";
  // Locale-independent upper case; a Turkish dotted İ ("sİs" typed on a Turkish keyboard) counts as I.
  const normalized = code.trim().toUpperCase().replace(/İ/g, "I");
  return MGM.get(normalized) ?? "bilinmiyor";
}
