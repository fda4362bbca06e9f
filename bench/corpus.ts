// A synthetic Turkish news corpus for the search benchmark: deterministic (seeded), built from
// hand-written word lists with Turkish suffixes (vowel harmony, consonant hardening and softening,
// apostrophes after proper names) and Zipf-like frequencies, so common words are common and the
// tail is rare. Not real news; close enough in shape for an inverted index to behave as in production.

// ---- randomness ----

import { type Rng, mulberry32 } from "../src/news/demo/random.ts";

export { type Rng, mulberry32 };

/** Picks from a list ranked most common first, with weight 1 / (rank + 1)^exponent. */
export class Zipf<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    exponent = 1,
  ) {
    if (items.length === 0) throw new Error("Zipf needs at least one item");
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let k = 0; k < items.length; k++) {
      sum += 1 / (k + 1) ** exponent;
      this.cumulative[k] = sum;
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng() * this.total;
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) < r) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo] as T;
  }
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function oneOf<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

// ---- Turkish morphology (enough for news prose) ----

const BACK_VOWELS = "aıou";
const VOWELS = "aeıioöuüâîû";
const HARD = "fstkçşhp";

// Turkish case mapping for one letter (I -> ı, İ -> i), much cheaper than toLocaleLowerCase("tr").
function lowerChar(c: string): string {
  return c === "I" ? "ı" : c === "İ" ? "i" : c.toLowerCase();
}

function upperChar(c: string): string {
  return c === "i" ? "İ" : c === "ı" ? "I" : c.toUpperCase();
}

function lower(word: string): string {
  return word.toLocaleLowerCase("tr");
}

function lastVowel(word: string): string {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = lowerChar(word[i] ?? "");
    if (VOWELS.includes(c)) return c === "â" ? "a" : c === "î" ? "i" : c === "û" ? "u" : c;
  }
  return "e";
}

/** a / e */
function h2(vowel: string): string {
  return BACK_VOWELS.includes(vowel) ? "a" : "e";
}

/** ı / i / u / ü */
function h4(vowel: string): string {
  if (vowel === "a" || vowel === "ı") return "ı";
  if (vowel === "e" || vowel === "i") return "i";
  if (vowel === "o" || vowel === "u") return "u";
  return "ü";
}

function endsInVowel(word: string): boolean {
  return word.length > 0 && VOWELS.includes(lowerChar(word.at(-1) ?? ""));
}

function endsHard(word: string): boolean {
  return word.length > 0 && HARD.includes(lowerChar(word.at(-1) ?? ""));
}

export type NounForm = "nom" | "pl" | "acc" | "gen" | "loc" | "abl" | "dat" | "poss" | "possAcc" | "possLoc" | "plAcc" | "plGen" | "plLoc";

/**
 * A word that takes case suffixes. Spec strings: "proje", "destek/desteğ" (stem before a vowel
 * suffix), "gol@ü" (loanword taking front suffixes: golü, golde).
 */
export interface Noun {
  stem: string;
  soft: string;
  vowel: string;
}

export function noun(spec: string): Noun {
  const [body = spec, vowelOverride] = spec.split("@");
  const [stem = body, soft = stem] = body.split("/");
  return { stem, soft, vowel: vowelOverride ?? lastVowel(stem) };
}

/** Suffixes a common noun: proje -> projeyi, destek -> desteğin, gol -> golde. */
export function inflect(n: Noun, form: NounForm): string {
  const { stem, soft, vowel: v } = n;
  const vowelEnd = endsInVowel(stem);
  const pl = `${stem}l${h2(v)}r`;
  const plV = h2(v) === "a" ? "a" : "e";
  const poss = vowelEnd ? `${stem}s${h4(v)}` : `${soft}${h4(v)}`;
  switch (form) {
    case "nom":
      return stem;
    case "pl":
      return pl;
    case "acc":
      return vowelEnd ? `${stem}y${h4(v)}` : `${soft}${h4(v)}`;
    case "gen":
      return vowelEnd ? `${stem}n${h4(v)}n` : `${soft}${h4(v)}n`;
    case "loc":
      return `${stem}${endsHard(stem) ? "t" : "d"}${h2(v)}`;
    case "abl":
      return `${stem}${endsHard(stem) ? "t" : "d"}${h2(v)}n`;
    case "dat":
      return vowelEnd ? `${stem}y${h2(v)}` : `${soft}${h2(v)}`;
    case "poss":
      return poss;
    case "possAcc":
      return `${poss}n${h4(v)}`;
    case "possLoc":
      return `${poss}nd${h2(v)}`;
    case "plAcc":
      return `${pl}${h4(plV)}`;
    case "plGen":
      return `${pl}${h4(plV)}n`;
    case "plLoc":
      return `${pl}d${plV}`;
  }
}

export type ProperForm = "nom" | "gen" | "loc" | "abl" | "dat" | "acc";

/** A proper name; `say` is how it is pronounced, which decides the suffix (AB'nin: "abe"). */
export interface Proper {
  name: string;
  say: string;
}

export function proper(spec: string): Proper {
  const [name = spec, say = lower(name)] = spec.split("|");
  return { name, say };
}

/** Suffixes a proper name after an apostrophe: Kudüs'te, Iğdır'ın, Ankara'nın, NATO'nun, AB'de. */
export function properForm(p: Proper, form: ProperForm): string {
  if (form === "nom") return p.name;
  const v = lastVowel(p.say);
  const vowelEnd = endsInVowel(p.say);
  const d = endsHard(p.say) ? "t" : "d";
  const suffix =
    form === "gen"
      ? `${vowelEnd ? "n" : ""}${h4(v)}n`
      : form === "acc"
        ? `${vowelEnd ? "y" : ""}${h4(v)}`
        : form === "dat"
          ? `${vowelEnd ? "y" : ""}${h2(v)}`
          : form === "loc"
            ? `${d}${h2(v)}`
            : `${d}${h2(v)}n`;
  return `${p.name}'${suffix}`;
}

export type VerbForm =
  "past" | "pastPl" | "evid" | "prog" | "fut" | "neg" | "pass" | "passPast" | "passProg" | "passFut" | "passNoun" | "passNounAcc" | "partPres" | "factAcc";

function futureOf(stem: string): string {
  const v = lastVowel(stem);
  return `${stem}${endsInVowel(stem) ? "y" : ""}${h2(v) === "a" ? "acak" : "ecek"}`;
}

function progressiveOf(stem: string): string {
  const base = endsInVowel(stem) ? stem.slice(0, -1) : stem;
  return `${base}${h4(lastVowel(base))}yor`;
}

function pastOf(stem: string): string {
  return `${stem}${endsHard(stem) ? "t" : "d"}${h4(lastVowel(stem))}`;
}

function passiveOf(stem: string): string {
  const v = h4(lastVowel(stem));
  if (endsInVowel(stem)) return `${stem}n`;
  return stem.endsWith("l") ? `${stem}${v}n` : `${stem}${v}l`;
}

/** Conjugates a verb stem: başlat -> başlattı, başlatıldı, başlatılmasını, başlatacak… */
export function conjugate(stem: string, form: VerbForm): string {
  const v = lastVowel(stem);
  const pass = passiveOf(stem);
  switch (form) {
    case "past":
      return pastOf(stem);
    case "pastPl":
      return `${pastOf(stem)}l${h2(v)}r`;
    case "evid":
      return `${stem}m${h4(v)}ş`;
    case "prog":
      return progressiveOf(stem);
    case "fut":
      return futureOf(stem);
    case "neg":
      return `${stem}m${h2(v)}d${h4(h2(v))}`;
    case "pass":
      return pass;
    case "passPast":
      return pastOf(pass);
    case "passProg":
      return progressiveOf(pass);
    case "passFut":
      return futureOf(pass);
    case "passNoun":
      return `${pass}m${h2(v)}s${h4(h2(v))}`;
    case "passNounAcc":
      return `${pass}m${h2(v)}s${h4(h2(v))}n${h4(h2(v))}`;
    case "partPres":
      return `${stem}${endsInVowel(stem) ? "y" : ""}${h2(v)}n`;
    case "factAcc": {
      // açıkladığını, yaptığını
      const i = h4(v);
      return `${stem}${endsHard(stem) ? "t" : "d"}${i}ğ${i}n${i}`;
    }
  }
}

// ---- word lists (most common first within each list) ----

/** All 81 provinces, roughly by population. */
export const PROVINCES = [
  "İstanbul",
  "Ankara",
  "İzmir",
  "Bursa",
  "Antalya",
  "Konya",
  "Adana",
  "Şanlıurfa",
  "Gaziantep",
  "Kocaeli",
  "Mersin",
  "Diyarbakır",
  "Hatay",
  "Manisa",
  "Kayseri",
  "Samsun",
  "Balıkesir",
  "Kahramanmaraş",
  "Van",
  "Aydın",
  "Tekirdağ",
  "Sakarya",
  "Denizli",
  "Muğla",
  "Eskişehir",
  "Mardin",
  "Trabzon",
  "Malatya",
  "Ordu",
  "Erzurum",
  "Afyonkarahisar",
  "Sivas",
  "Tokat",
  "Zonguldak",
  "Batman",
  "Elazığ",
  "Kütahya",
  "Çorum",
  "Adıyaman",
  "Osmaniye",
  "Şırnak",
  "Çanakkale",
  "Isparta",
  "Giresun",
  "Ağrı",
  "Yozgat",
  "Aksaray",
  "Düzce",
  "Edirne",
  "Siirt",
  "Kastamonu",
  "Niğde",
  "Kırklareli",
  "Uşak",
  "Rize",
  "Bolu",
  "Muş",
  "Karaman",
  "Amasya",
  "Yalova",
  "Bingöl",
  "Kırıkkale",
  "Bitlis",
  "Karabük",
  "Nevşehir",
  "Kars",
  "Kilis",
  "Hakkari",
  "Burdur",
  "Kırşehir",
  "Sinop",
  "Erzincan",
  "Çankırı",
  "Bartın",
  "Iğdır",
  "Artvin",
  "Bilecik",
  "Gümüşhane",
  "Ardahan",
  "Tunceli",
  "Bayburt",
] as const;

const COUNTRIES = [
  "Türkiye",
  "Almanya",
  "Rusya",
  "Ukrayna",
  "Azerbaycan",
  "Yunanistan",
  "İran",
  "Irak",
  "Suriye",
  "Fransa",
  "İngiltere",
  "Çin",
  "Mısır",
  "Katar",
  "Japonya",
  "İtalya",
  "Gürcistan",
  "Bulgaristan",
  "İspanya",
  "Hollanda",
  "Kazakistan",
  "Özbekistan",
  "Macaristan",
  "Romanya",
  "Pakistan",
  "Kanada",
  "Brezilya",
  "Endonezya",
  "Libya",
  "Tunus",
];

const WORLD_CITIES = [
  "Brüksel",
  "Moskova",
  "Washington",
  "Berlin",
  "Londra",
  "Kudüs",
  "Paris",
  "Tahran",
  "Gazze",
  "Bağdat",
  "Şam",
  "Kahire",
  "Atina",
  "Bakü",
  "Tiflis",
  "Roma",
  "Pekin",
  "Tokyo",
  "Kiev",
  "Halep",
  "Lefkoşa",
  "Üsküp",
  "Saraybosna",
  "Doha",
  "Riyad",
  "Cenevre",
  "Viyana",
  "Madrid",
  "Ramallah",
  "Budapeşte",
];

/** Institutions: nominative and genitive, since their last word is already a possessive. */
const INSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ["Cumhurbaşkanlığı", "Cumhurbaşkanlığının"],
  ["Sağlık Bakanlığı", "Sağlık Bakanlığının"],
  ["Büyükşehir Belediyesi", "Büyükşehir Belediyesinin"],
  ["Valilik", "Valiliğin"],
  ["Merkez Bankası", "Merkez Bankasının"],
  ["Milli Eğitim Bakanlığı", "Milli Eğitim Bakanlığının"],
  ["İçişleri Bakanlığı", "İçişleri Bakanlığının"],
  ["Emniyet Müdürlüğü", "Emniyet Müdürlüğünün"],
  ["Dışişleri Bakanlığı", "Dışişleri Bakanlığının"],
  ["Hazine ve Maliye Bakanlığı", "Hazine ve Maliye Bakanlığının"],
  ["Ticaret Bakanlığı", "Ticaret Bakanlığının"],
  ["Tarım ve Orman Bakanlığı", "Tarım ve Orman Bakanlığının"],
  ["İl Sağlık Müdürlüğü", "İl Sağlık Müdürlüğünün"],
  ["Ulaştırma ve Altyapı Bakanlığı", "Ulaştırma ve Altyapı Bakanlığının"],
  ["Meteoroloji Genel Müdürlüğü", "Meteoroloji Genel Müdürlüğünün"],
  ["Enerji ve Tabii Kaynaklar Bakanlığı", "Enerji ve Tabii Kaynaklar Bakanlığının"],
  ["Aile ve Sosyal Hizmetler Bakanlığı", "Aile ve Sosyal Hizmetler Bakanlığının"],
  ["Çevre, Şehircilik ve İklim Değişikliği Bakanlığı", "Çevre, Şehircilik ve İklim Değişikliği Bakanlığının"],
  ["Gençlik ve Spor Bakanlığı", "Gençlik ve Spor Bakanlığının"],
  ["Kültür ve Turizm Bakanlığı", "Kültür ve Turizm Bakanlığının"],
  ["Adalet Bakanlığı", "Adalet Bakanlığının"],
  ["Sanayi ve Teknoloji Bakanlığı", "Sanayi ve Teknoloji Bakanlığının"],
  ["Türkiye Futbol Federasyonu", "Türkiye Futbol Federasyonunun"],
  ["Yükseköğretim Kurulu", "Yükseköğretim Kurulunun"],
  ["Anayasa Mahkemesi", "Anayasa Mahkemesinin"],
  ["Rekabet Kurumu", "Rekabet Kurumunun"],
  ["İl Milli Eğitim Müdürlüğü", "İl Milli Eğitim Müdürlüğünün"],
  ["Karayolları Genel Müdürlüğü", "Karayolları Genel Müdürlüğünün"],
  ["Sermaye Piyasası Kurulu", "Sermaye Piyasası Kurulunun"],
  ["Diyanet İşleri Başkanlığı", "Diyanet İşleri Başkanlığının"],
];

/** Institutions named after their province: "Konya Valiliği", "Konya Valiliğinin". */
const LOCAL_INSTITUTIONS = new Map<string, readonly [string, string]>([
  ["Valilik", ["Valiliği", "Valiliğinin"]],
  ["Büyükşehir Belediyesi", ["Büyükşehir Belediyesi", "Büyükşehir Belediyesinin"]],
  ["İl Sağlık Müdürlüğü", ["İl Sağlık Müdürlüğü", "İl Sağlık Müdürlüğünün"]],
  ["İl Milli Eğitim Müdürlüğü", ["İl Milli Eğitim Müdürlüğü", "İl Milli Eğitim Müdürlüğünün"]],
]);

/** Acronyms and names, with their pronunciation where it differs: "TBMM|tebememe" -> TBMM'nin. */
const ORGANISATIONS = [
  "TBMM|tebememe",
  "TÜİK",
  "AFAD",
  "NATO",
  "AB|abe",
  "BM|beme",
  "SGK|segeke",
  "TÜBİTAK",
  "Kızılay",
  "İŞKUR",
  "UEFA",
  "DSÖ|deseö",
  "YÖK",
  "MEB",
  "THY|tehaye",
  "TCDD|tecedede",
  "BOTAŞ",
  "ASELSAN",
  "Borsa İstanbul",
  "FIFA",
  "TOKİ",
  "AKOM",
  "İSKİ",
  "EGO",
  "KOSGEB",
  "TMO|temeo",
  "TRT|teret",
  "MHRS|memhaerse",
  "ÖSYM|ösyem",
  "BDDK|bedede",
].map(proper);

/** Joining noun phrases; with "bir", "için", "göre" in the templates, the head of the Zipf curve. */
const CONJUNCTIONS = ["ve", "ile", "ve", "veya", "ya da", "hem de", "ile birlikte"];

const INTENSIFIERS = ["daha", "en", "çok", "oldukça", "son derece", "giderek daha", "bir o kadar"];

const CONNECTORS = [
  "Ayrıca",
  "Öte yandan",
  "Bu arada",
  "Buna göre",
  "Açıklamada",
  "Ancak",
  "Bununla birlikte",
  "Diğer yandan",
  "Bilindiği gibi",
  "Yetkililere göre",
  "Edinilen bilgiye göre",
  "Öte yandan",
  "Bunun yanı sıra",
  "Ayrıntılara göre",
  "Son olarak",
];

const TIMES = [
  "bugün",
  "dün",
  "yarın",
  "bu sabah",
  "dün akşam",
  "geçen hafta",
  "bu hafta",
  "geçen yıl",
  "bu yıl",
  "önümüzdeki günlerde",
  "öğle saatlerinde",
  "hafta sonu",
  "ay sonunda",
  "kısa süre önce",
  "yıl sonuna kadar",
  "gece saatlerinde",
  "sabah saatlerinde",
  "önümüzdeki ay",
  "geçtiğimiz günlerde",
  "bayram öncesinde",
  "yaz aylarında",
  "kış döneminde",
  "ilk çeyrekte",
  "son iki yılda",
];

const MANNERS = [
  "hızla",
  "kısa sürede",
  "yeniden",
  "büyük ölçüde",
  "tamamen",
  "kısmen",
  "yakından",
  "dikkatle",
  "ilk kez",
  "bir kez daha",
  "titizlikle",
  "adım adım",
  "aralıksız",
  "planlandığı gibi",
  "beklenenden erken",
  "sorunsuz şekilde",
];

const ADJECTIVES = [
  "yeni",
  "büyük",
  "önemli",
  "ilk",
  "son",
  "yüksek",
  "genel",
  "ulusal",
  "yerel",
  "özel",
  "resmi",
  "ekonomik",
  "küresel",
  "bölgesel",
  "uluslararası",
  "kapsamlı",
  "kritik",
  "ciddi",
  "güçlü",
  "hızlı",
  "yoğun",
  "acil",
  "geniş",
  "dijital",
  "yeşil",
  "modern",
  "tarihi",
  "kültürel",
  "sosyal",
  "teknik",
  "yabancı",
  "yerli",
  "güvenli",
  "etkili",
  "kalıcı",
  "geçici",
  "toplam",
  "yıllık",
  "aylık",
  "günlük",
  "haftalık",
  "stratejik",
  "ortak",
  "temel",
  "olumlu",
  "olumsuz",
  "ağır",
  "hafif",
  "sıcak",
  "soğuk",
  "şiddetli",
  "kuvvetli",
  "zorlu",
  "başarılı",
  "küçük",
  "eski",
  "sürdürülebilir",
  "yenilenebilir",
  "akıllı",
  "elektrikli",
  "yapay",
  "organik",
  "kırsal",
  "kentsel",
  "merkezi",
  "idari",
  "hukuki",
  "mali",
  "askeri",
  "siyasi",
  "diplomatik",
  "sportif",
  "sanatsal",
  "bilimsel",
  "akademik",
  "çevreci",
  "şeffaf",
  "detaylı",
  "olağanüstü",
  "beklenmedik",
  "anlamlı",
  "tarihî",
  "görkemli",
  "sessiz",
  "kalabalık",
  "verimli",
  "rekor",
];

const GENERAL_NOUNS = [
  "çalışma",
  "proje",
  "açıklama",
  "toplantı",
  "karar",
  "süreç/sürec",
  "konu",
  "yıl",
  "bölge",
  "vatandaş",
  "hizmet",
  "yatırım",
  "destek/desteğ",
  "program",
  "plan",
  "hedef",
  "sorun",
  "çözüm",
  "talep/taleb",
  "fiyat",
  "artış",
  "rakam",
  "oran",
  "veri",
  "rapor",
  "sonuç/sonuc",
  "etkinlik/etkinliğ",
  "tören",
  "ziyaret",
  "görüşme",
  "anlaşma",
  "uygulama",
  "düzenleme",
  "yasa",
  "teklif",
  "bütçe",
  "kaynak/kaynağ",
  "sektör",
  "şirket",
  "firma",
  "ürün",
  "üretim",
  "merkez",
  "tesis",
  "altyapı",
  "yol",
  "köprü",
  "hastane",
  "okul",
  "aile",
  "çocuk/çocuğ",
  "kadın",
  "genç",
  "nüfus",
  "işçi",
  "esnaf",
  "yetkili",
  "uzman",
  "ekip/ekib",
  "personel",
  "güvenlik/güvenliğ",
  "kontrol@ü",
  "denetim",
  "soruşturma",
  "dava",
  "ceza",
  "yardım",
  "kampanya",
  "başvuru",
  "sistem",
  "teknoloji",
  "enerji",
  "doğalgaz",
  "elektrik/elektriğ",
  "hava",
  "deprem",
  "yangın",
  "kaza",
  "trafik/trafiğ",
  "ulaşım",
  "turizm",
  "festival",
  "kitap/kitab",
  "tarih",
  "kültür",
  "sanat",
  "spor",
  "sağlık/sağlığ",
  "eğitim",
  "ekonomi",
  "ihracat",
  "dönem",
  "gelişme",
  "adım",
  "süre",
  "gündem",
  "kurum",
  "toplum",
  "sözleşme",
  "ihale",
  "inşaat",
  "kapasite",
  "miktar",
  "ortalama",
  "değer",
  "bilgi",
  "belge",
  "kriter",
  "strateji",
  "vizyon",
  "model",
  "kurul",
  "heyet",
  "temsilci",
  "katılımcı",
  "ödül",
  "yarışma",
  "fuar",
  "konferans",
  "panel",
  "seminer",
  "zirve",
  "eylem",
  "tedbir",
  "önlem",
  "risk",
  "tehdit",
  "uyarı",
  "alarm",
  "tatbikat",
  "operasyon",
  "şüpheli",
  "tanık/tanığ",
  "mağdur",
  "bina",
  "meydan",
  "cadde",
  "sokak/sokağ",
  "liman",
  "havalimanı",
  "otoyol",
  "tünel",
  "baraj",
  "santral",
  "fabrika",
  "depo",
];

type CategorySlug = "gundem" | "turkiye" | "dunya" | "ekonomi" | "spor" | "saglik" | "kultur-sanat" | "bilim-teknoloji" | "yasam" | "egitim";

/** The ten default categories with a share of the corpus and their own vocabulary. */
const CATEGORIES: ReadonlyArray<{ slug: CategorySlug; share: number; nouns: readonly string[] }> = [
  {
    slug: "gundem",
    share: 18,
    nouns: [
      "seçim",
      "milletvekili",
      "kanun",
      "oturum",
      "önerge",
      "muhalefet",
      "iktidar",
      "parti",
      "miting",
      "kabine",
      "genelge",
      "bildiri",
      "anket",
      "reform",
      "anayasa",
      "komisyon",
      "oylama",
      "lider",
      "kongre",
      "grup",
    ],
  },
  {
    slug: "turkiye",
    share: 15,
    nouns: [
      "belediye",
      "köy",
      "ilçe",
      "mahalle",
      "vali",
      "kaymakam",
      "muhtar",
      "konut",
      "heyelan",
      "çığ",
      "kuraklık/kuraklığ",
      "hasat",
      "kanal",
      "sel",
      "yağış",
      "asfalt",
      "park",
      "pazar",
      "çiftçi",
      "üretici",
    ],
  },
  {
    slug: "dunya",
    share: 12,
    nouns: [
      "zirve",
      "ateşkes",
      "müzakere",
      "büyükelçi",
      "yaptırım",
      "kriz",
      "savaş",
      "barış",
      "diplomasi",
      "mülteci",
      "sınır",
      "başbakan",
      "cumhurbaşkanı",
      "seçmen",
      "darbe",
      "protesto",
      "gösterici",
      "koalisyon",
      "ittifak",
      "konsolosluk/konsolosluğ",
    ],
  },
  {
    slug: "ekonomi",
    share: 12,
    nouns: [
      "enflasyon",
      "faiz",
      "dolar",
      "euro",
      "borsa",
      "ithalat",
      "büyüme",
      "istihdam",
      "işsizlik/işsizliğ",
      "vergi",
      "kredi",
      "mevduat",
      "yatırımcı",
      "döviz",
      "altın",
      "akaryakıt",
      "maaş",
      "ücret",
      "emekli",
      "teşvik",
    ],
  },
  {
    slug: "spor",
    share: 14,
    nouns: [
      "maç",
      "gol@ü",
      "takım",
      "transfer",
      "şampiyonluk/şampiyonluğ",
      "lig",
      "kupa",
      "sezon",
      "futbolcu",
      "antrenman",
      "taraftar",
      "stadyum",
      "derbi",
      "puan",
      "galibiyet",
      "mağlubiyet",
      "hakem",
      "basketbol",
      "voleybol",
      "hoca",
    ],
  },
  {
    slug: "saglik",
    share: 7,
    nouns: [
      "doktor",
      "hasta",
      "tedavi",
      "aşı",
      "ilaç/ilac",
      "ameliyat",
      "salgın",
      "virüs",
      "grip",
      "kanser",
      "diyabet",
      "organ",
      "bağış",
      "poliklinik",
      "hemşire",
      "randevu",
      "teşhis",
      "beslenme",
      "obezite",
      "hijyen",
    ],
  },
  {
    slug: "kultur-sanat",
    share: 6,
    nouns: [
      "sergi",
      "konser",
      "film",
      "tiyatro",
      "roman",
      "yazar",
      "sanatçı",
      "müze",
      "kazı",
      "eser",
      "galeri",
      "opera",
      "bale",
      "belgesel",
      "yönetmen",
      "oyuncu",
      "şiir",
      "koleksiyon",
      "restorasyon",
      "sahne",
    ],
  },
  {
    slug: "bilim-teknoloji",
    share: 6,
    nouns: [
      "uydu",
      "roket",
      "yazılım",
      "siber",
      "saldırı",
      "araştırma",
      "keşif/keşf",
      "laboratuvar",
      "mühendis",
      "robot",
      "batarya",
      "otomobil",
      "internet",
      "platform",
      "girişim",
      "algoritma",
      "çip",
      "zeka",
      "bilim",
      "teleskop",
    ],
  },
  {
    slug: "yasam",
    share: 6,
    nouns: [
      "tatil",
      "bayram",
      "düğün",
      "lokanta",
      "yemek",
      "tarif",
      "moda",
      "hayvan",
      "kedi",
      "köpek/köpeğ",
      "bahçe",
      "sahil",
      "plaj",
      "kamp",
      "alışveriş",
      "yürüyüş",
      "bisiklet",
      "kahve",
      "çay",
      "dinlence",
    ],
  },
  {
    slug: "egitim",
    share: 4,
    nouns: [
      "öğrenci",
      "öğretmen",
      "sınav",
      "karne",
      "üniversite",
      "burs",
      "müfredat",
      "ders",
      "tercih",
      "kontenjan",
      "mezun",
      "lise",
      "anaokulu",
      "akademisyen",
      "rektör",
      "kampüs",
      "yurt",
      "kütüphane",
      "diploma",
      "veli",
    ],
  },
];

export const CATEGORY_SLUGS: readonly CategorySlug[] = CATEGORIES.map((c) => c.slug);

/** Seldom seen words: a few articles each, or none in a small corpus. */
const RARE_NOUNS = [
  "fındık",
  "kayısı",
  "hamsi",
  "zeytinyağı",
  "lavanta",
  "leylek",
  "palamut",
  "kestane",
  "incir",
  "nar",
  "çini",
  "kilim",
  "mozaik",
  "şelale",
  "kanyon",
  "mağara",
  "kaplıca",
  "çeşme",
  "hamam",
  "konak",
  "yalı",
  "gulet",
  "yelken",
  "satranç",
  "güreş",
  "okçuluk",
  "cirit",
  "tarhana",
  "pekmez",
  "lokum",
  "künefe",
  "salep",
  "boza",
  "safran",
  "orkide",
  "flamingo",
  "ceylan",
  "vaşak",
  "bozayı",
  "karakulak",
  "yunus",
  "caretta",
  "travertin",
  "peribacası",
  "buzul",
  "volkan",
  "kümbet",
  "medrese",
  "köşk",
  "kano",
  "paraşüt",
  "eskrim",
  "bilardo",
  "ebru",
  "kemençe",
  "sarnıç",
  "lahit",
  "kervansaray",
  "sikke",
  "höyük",
  "obruk",
  "kelaynak",
  "lüfer",
  "tulum",
  "bağlama",
  "mihrap",
  "minyatür",
  "hüsnühat",
  "papirüs",
];

const RARE_CONTEXTS = ["sezonu", "hasadı", "festivali", "sergisi", "sayımı", "projesi", "rotası", "atölyesi", "yarışması", "müzesi", "ustaları", "meraklıları"];

const VERBS_TRANSITIVE = [
  "açıkla",
  "başlat",
  "düzenle",
  "gerçekleştir",
  "tamamla",
  "incele",
  "değerlendir",
  "duyur",
  "yayımla",
  "hazırla",
  "geliştir",
  "planla",
  "destekle",
  "imzala",
  "tartış",
  "karşıla",
  "sağla",
  "koru",
  "yenile",
  "genişlet",
  "güçlendir",
  "hızlandır",
  "ertele",
  "denetle",
  "yakala",
  "tutukla",
  "kurtar",
  "taşı",
  "ağırla",
  "onayla",
  "topla",
  "aç",
  "kapat",
  "artır",
  "kur",
  "yap",
  "ver",
  "al",
  "kazan",
  "belirle",
  "paylaş",
  "sun",
  "üret",
  "dağıt",
  "kutla",
  "gönder",
  "yaşa",
  "uygula",
  "iste",
  "izle",
];

const VERBS_INTRANSITIVE = [
  "başla",
  "sür",
  "art",
  "azal",
  "düş",
  "yüksel",
  "gerile",
  "ulaş",
  "gel",
  "katıl",
  "çık",
  "toplan",
  "buluş",
  "görüş",
  "dön",
  "kal",
  "yerleş",
  "ilerle",
];

const CHANGE_VERBS = ["art", "yüksel", "azal", "gerile", "düş"];

const SPEECH_VERBS = ["belirtti", "söyledi", "vurguladı", "açıkladı", "bildirdi", "ifade etti", "kaydetti", "dile getirdi", "hatırlattı", "aktardı"];

const TITLES = [
  "Bakan",
  "Vali",
  "Başkan",
  "Müdür",
  "Prof. Dr.",
  "Doç. Dr.",
  "Kaymakam",
  "Rektör",
  "Teknik Direktör",
  "Milletvekili",
  "Uzman",
  "Dr.",
  "Sözcü",
  "Genel Müdür",
  "Komutan",
];

const FIRST_NAMES = [
  "Ahmet",
  "Mehmet",
  "Mustafa",
  "Ayşe",
  "Fatma",
  "Zeynep",
  "Elif",
  "Emre",
  "Burak",
  "Can",
  "Deniz",
  "Ece",
  "Selin",
  "Hakan",
  "Murat",
  "Kemal",
  "Özlem",
  "Gül",
  "Serkan",
  "Tuba",
  "Kerem",
  "Oğuz",
  "Yasemin",
  "Nur",
  "Cem",
  "Barış",
  "Sibel",
  "Gökhan",
  "İlker",
  "Derya",
  "Onur",
  "Merve",
  "Hüseyin",
  "Hasan",
  "Ali",
  "Ömer",
  "Yusuf",
  "İbrahim",
  "Esra",
  "Şule",
];

const SURNAMES = [
  "Yılmaz",
  "Kaya",
  "Demir",
  "Şahin",
  "Çelik",
  "Yıldız",
  "Yıldırım",
  "Öztürk",
  "Aydın",
  "Özdemir",
  "Arslan",
  "Doğan",
  "Kılıç",
  "Aslan",
  "Çetin",
  "Kara",
  "Koç",
  "Kurt",
  "Özkan",
  "Şimşek",
  "Polat",
  "Korkmaz",
  "Erdem",
  "Tekin",
  "Aksoy",
  "Güneş",
  "Bulut",
  "Uçar",
  "Ateş",
  "Işık",
  "Acar",
  "Keskin",
  "Eren",
  "Karataş",
  "Altun",
  "Ekinci",
  "Akın",
  "Türkmen",
  "Coşkun",
  "Sarı",
];

const UNITS = ["kişi", "ton", "kilometre", "lira", "dolar", "adet", "metre", "hektar", "dönüm", "megavat", "araç", "konut", "öğrenci", "hasta", "ağaç"];

const MAGNITUDES = ["bin", "milyon", "milyar"];

const QUOTE_OPENERS = ["Bu", "Tüm", "Bütün", "Bazı", "Yeni", "Gerekli", "Eksik", "Planlanan", "Kalan", "Hasarlı"];

// ---- vocabulary as samplers ----

const provinces = new Zipf(
  PROVINCES.map((p) => proper(p)),
  0.9,
);
const countries = new Zipf(
  COUNTRIES.map((c) => proper(c)),
  1.1,
);
const worldCities = new Zipf(
  WORLD_CITIES.map((c) => proper(c)),
  1.1,
);
const institutions = new Zipf(INSTITUTIONS, 1);
const organisations = new Zipf(ORGANISATIONS, 1);
const conjunctions = new Zipf(CONJUNCTIONS, 1);
const intensifiers = new Zipf(INTENSIFIERS, 1);
const connectors = new Zipf(CONNECTORS, 1);
const times = new Zipf(TIMES, 1);
const manners = new Zipf(MANNERS, 1);
const adjectives = new Zipf(ADJECTIVES, 1.05);
const generalNouns = new Zipf(GENERAL_NOUNS.map(noun), 1);
const categoryNouns = new Map(CATEGORIES.map((c) => [c.slug, new Zipf(c.nouns.map(noun), 0.9)]));
const rareNouns = new Zipf(RARE_NOUNS.map(noun), 1.2);
const rareContexts = new Zipf(RARE_CONTEXTS, 1);
const transitiveVerbs = new Zipf(VERBS_TRANSITIVE, 1);
const intransitiveVerbs = new Zipf(VERBS_INTRANSITIVE, 1);
const changeVerbs = new Zipf(CHANGE_VERBS, 0.8);
const speechVerbs = new Zipf(SPEECH_VERBS, 1);
const titles = new Zipf(TITLES, 1);
const firstNames = new Zipf(FIRST_NAMES, 0.8);
const surnames = new Zipf(SURNAMES, 0.8);
const units = new Zipf(UNITS, 1);
const categoryPick = (() => {
  const expanded: CategorySlug[] = [];
  for (const c of CATEGORIES) for (let i = 0; i < c.share; i++) expanded.push(c.slug);
  return expanded;
})();

/** Every distinct base word in the lists (before suffixes), for tests and the report. */
export function vocabulary(): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of text.split(/[\s,|/@]+/)) if (w !== "" && /\p{L}/u.test(w)) words.add(lower(w));
  };
  const lists: ReadonlyArray<readonly string[]> = [
    PROVINCES,
    COUNTRIES,
    WORLD_CITIES,
    CONJUNCTIONS,
    INTENSIFIERS,
    CONNECTORS,
    TIMES,
    MANNERS,
    ADJECTIVES,
    RARE_NOUNS,
    RARE_CONTEXTS,
    VERBS_TRANSITIVE,
    VERBS_INTRANSITIVE,
    SPEECH_VERBS,
    TITLES,
    FIRST_NAMES,
    SURNAMES,
    UNITS,
    MAGNITUDES,
    QUOTE_OPENERS,
    INSTITUTIONS.map(([nom]) => nom),
    ORGANISATIONS.map((o) => o.name),
    GENERAL_NOUNS.map((n) => n.split(/[/@]/)[0] ?? n),
    ...CATEGORIES.map((c) => c.nouns.map((n) => n.split(/[/@]/)[0] ?? n)),
  ];
  for (const list of lists) for (const item of list) add(item);
  return words;
}

// ---- sentences ----

/** What an article keeps coming back to: its place, its subject, its category's words. */
interface Topic {
  category: CategorySlug;
  /** The main place and a second one. */
  places: readonly [Proper, Proper];
  noun: Noun;
  person: string;
  /** The institutions the story is about. */
  bodies: readonly string[];
  /** The sentence shapes this article uses: a subset, so each shape's words are not in every article. */
  shapes: readonly number[];
}

/** How many sentence shapes Writer.sentence knows. */
const SHAPES = 16;

/** Genitive of each institution name handed out (names are few: provinces × a handful). */
const GENITIVES = new Map<string, string>();

class Writer {
  constructor(
    private readonly rng: Rng,
    private readonly topic: Topic,
  ) {}

  chance(p: number): boolean {
    return this.rng() < p;
  }

  place(): Proper {
    const r = this.rng();
    if (r < 0.65) return this.topic.places[0];
    if (r < 0.9) return this.topic.places[1];
    if (this.topic.category === "dunya") return this.chance(0.5) ? worldCities.pick(this.rng) : countries.pick(this.rng);
    return this.chance(0.9) ? provinces.pick(this.rng) : countries.pick(this.rng);
  }

  noun(form: NounForm = "nom"): string {
    const n = this.chance(0.12) ? this.topic.noun : this.chance(0.4) ? this.categoryNoun() : generalNouns.pick(this.rng);
    return inflect(n, form);
  }

  categoryNoun(): Noun {
    const z = categoryNouns.get(this.topic.category);
    return z ? z.pick(this.rng) : generalNouns.pick(this.rng);
  }

  adj(): string {
    const a = adjectives.pick(this.rng);
    return this.chance(0.15) ? `${intensifiers.pick(this.rng)} ${a}` : a;
  }

  /** Two noun phrases joined: "yatırım ve istihdam". */
  nouns(form: NounForm = "nom"): string {
    return this.chance(0.3) ? `${this.noun("nom")} ${conjunctions.pick(this.rng)} ${this.noun(form)}` : this.noun(form);
  }

  percent(): string {
    return this.chance(0.6) ? String(int(this.rng, 1, 60)) : `${int(this.rng, 0, 40)},${int(this.rng, 1, 9)}`;
  }

  /** Two different places, for "…'dan …'a". */
  route(): [Proper, Proper] {
    const from = this.place();
    let to = this.place();
    if (to === from) to = this.topic.category === "dunya" ? countries.pick(this.rng) : provinces.pick(this.rng);
    return [from, to];
  }

  time(): string {
    return times.pick(this.rng);
  }

  manner(): string {
    return manners.pick(this.rng);
  }

  tverb(form: VerbForm): string {
    return conjugate(transitiveVerbs.pick(this.rng), form);
  }

  iverb(form: VerbForm): string {
    return conjugate(intransitiveVerbs.pick(this.rng), form);
  }

  /** An institution or organisation, nominative or genitive. */
  body(form: "nom" | "gen", fresh = false): string {
    if (!fresh && this.topic.bodies.length > 0 && this.chance(0.8)) {
      const own = oneOf(this.rng, this.topic.bodies);
      return form === "nom" ? own : (GENITIVES.get(own) ?? own);
    }
    let nom: string;
    let gen: string;
    if (this.chance(0.6)) {
      [nom, gen] = institutions.pick(this.rng);
      const local = LOCAL_INSTITUTIONS.get(nom);
      if (local) {
        const place = this.place().name;
        [nom, gen] = [`${place} ${local[0]}`, `${place} ${local[1]}`];
      }
    } else {
      const o = organisations.pick(this.rng);
      [nom, gen] = [o.name, properForm(o, "gen")];
    }
    GENITIVES.set(nom, gen);
    return form === "nom" ? nom : gen;
  }

  person(): string {
    if (this.chance(0.35)) return this.topic.person;
    return `${titles.pick(this.rng)} ${firstNames.pick(this.rng)} ${surnames.pick(this.rng)}`;
  }

  number(): string {
    const r = this.rng();
    if (r < 0.5) return String(int(this.rng, 2, 99));
    if (r < 0.8) return String(int(this.rng, 100, 999));
    if (r < 0.93) return `${int(this.rng, 2, 999)} bin`;
    return `${int(this.rng, 1, 9)},${int(this.rng, 1, 9)} ${this.chance(0.8) ? "milyon" : "milyar"}`;
  }

  year(): string {
    return String(int(this.rng, 2019, 2027));
  }

  unit(): string {
    return units.pick(this.rng);
  }

  /** One sentence of body text, without the final full stop. */
  sentence(): string {
    const r = this.rng;
    const pick = oneOf(r, this.topic.shapes);
    let s: string;
    switch (pick) {
      case 0:
      case 1:
        s = `${this.body("nom")} ${this.time()} ${properForm(this.place(), "loc")} ${this.adj()} bir ${this.noun()} ${this.tverb("past")}`;
        break;
      case 2:
        s = `${properForm(this.place(), "gen")} ${this.noun("poss")} ${this.time()} yüzde ${this.percent()} ${conjugate(changeVerbs.pick(r), "past")}`;
        break;
      case 3:
        s = `${this.person()}, ${this.noun("gen")} ${this.adj()} olduğunu ${speechVerbs.pick(r)}`;
        break;
      case 4:
        s = `${this.body("gen")} açıklamasına göre ${this.nouns("pl")} ${this.time()} ${this.iverb("fut")}`;
        break;
      case 5:
        s = `${properForm(this.place(), "dat")} ${this.number()} ${this.unit()} ${this.noun()} ${conjugate(oneOf(r, ["gönder", "taşı", "ulaştır", "dağıt", "ver"]), "passPast")}`;
        break;
      case 6:
        s = `${this.person()}, “${oneOf(r, QUOTE_OPENERS)} ${this.noun("pl")} ${this.manner()} ${this.tverb("passFut")}” dedi`;
        break;
      case 7:
        s = `${this.noun("gen")} ${this.tverb("passNoun")} için ${this.adj()} ${this.nouns("pl")} ${this.tverb("passProg")}`;
        break;
      case 8:
        s = `${properForm(this.place(), "loc")} ${this.time()} ${this.adj()} ${this.noun()} ${this.tverb("passPast")}`;
        break;
      case 9: {
        const [from, to] = this.route();
        s = `${this.noun("pl")} ${properForm(from, "abl")} ${properForm(to, "dat")} ${this.iverb("past")}`;
        break;
      }
      case 10:
        s = `${this.body("nom")} ${this.noun("gen")} ${this.noun("possAcc")} ${this.tverb("past")}`;
        break;
      case 11:
        s = `${this.year()} yılında ${int(r, 2, 990)} ${this.unit()} için ${this.adj()} ${this.noun()} ${this.tverb("passPast")}`;
        break;
      case 12:
        s = `${this.adj()} ${this.noun("pl")} ${conjunctions.pick(r)} ${this.adj()} ${this.noun("pl")} ${this.manner()} ${this.iverb("prog")}`;
        break;
      case 13:
        s = `${this.person()}, ${this.noun("possLoc")} ${this.adj()} ${this.noun("pl")} ${this.tverb("factAcc")} ${speechVerbs.pick(r)}`;
        break;
      case 14:
        s = `${this.body("nom")} ${this.adj()} ${this.nouns("acc")} ${this.time()} ${this.tverb("fut")}`;
        break;
      default:
        s = `${this.body("nom")} ${this.noun("plAcc")} ${this.manner()} ${this.tverb("evid")}`;
        break;
    }
    if (this.chance(0.15)) s = `${connectors.pick(r)}, ${lowerFirst(s)}`;
    return capitalise(s);
  }

  /** A sentence about something rare: "Giresun'da fındık hasadı dün başladı". */
  rareSentence(): string {
    const n = rareNouns.pick(this.rng);
    const s = this.chance(0.5)
      ? `${properForm(this.place(), "loc")} ${n.stem} ${rareContexts.pick(this.rng)} ${this.time()} ${this.iverb("past")}`
      : `${this.person()}, ${inflect(n, "gen")} ${this.adj()} bir ${this.noun()} olduğunu ${speechVerbs.pick(this.rng)}`;
    return capitalise(s);
  }

  /** A short headline clause (4–8 words). */
  headlineClause(): string {
    const r = this.rng;
    switch (Math.floor(r() * 7)) {
      case 0:
        return `${properForm(this.place(), "loc")} ${this.adj()} ${this.noun()} ${this.tverb("passPast")}`;
      case 1:
        return `${properForm(this.place(), "gen")} ${this.noun("poss")} yüzde ${this.percent()} ${conjugate(changeVerbs.pick(r), "past")}`;
      case 2:
        return `${this.body("nom")} ${this.adj()} ${this.noun("acc")} ${this.tverb("past")}`;
      case 3:
        return `${this.noun("pl")} ${this.time()} ${properForm(this.place(), "dat")} ${this.iverb("past")}`;
      case 4:
        return `${this.adj()} ${this.noun()} için ${this.adj()} ${this.noun("pl")} ${this.tverb("passFut")}`;
      case 5:
        return `${this.body("gen")} ${this.adj()} ${this.noun()} ${this.noun("poss")} ${this.tverb("passPast")}`;
      default:
        return `${this.person()}: “${capitalise(this.noun("pl"))} ${this.manner()} ${this.tverb("passFut")}”`;
    }
  }
}

function capitalise(s: string): string {
  const i = s.startsWith("“") ? 1 : 0;
  return s.slice(0, i) + upperChar(s.charAt(i)) + s.slice(i + 1);
}

function lowerFirst(s: string): string {
  // Proper names and institutions keep their capital letter.
  const first = s.split(" ")[0] ?? "";
  if (/['’]/.test(first) || /^\p{Lu}\p{Lu}/u.test(first) || PROPER_STARTS.has(first)) return s;
  return lowerChar(s.charAt(0)) + s.slice(1);
}

const PROPER_STARTS = new Set<string>([
  ...INSTITUTIONS.map(([nom]) => nom.split(" ")[0] ?? nom),
  ...ORGANISATIONS.map((o) => o.name.split(" ")[0] ?? o.name),
  ...TITLES.map((t) => t.split(" ")[0] ?? t),
  ...PROVINCES,
  ...COUNTRIES,
  ...WORLD_CITIES,
]);

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// ---- articles ----

export interface GeneratedArticle {
  title: string;
  spot: string;
  /** HTML paragraphs, as the editor would store it. */
  body: string;
  categorySlug: CategorySlug;
  publishedAt: string;
  /** Words in title + spot + body. */
  words: number;
}

export interface CorpusOptions {
  seed: number;
  /** Articles in the whole corpus: publication times spread evenly over the span. */
  count: number;
  now: Date;
  /** How far back the oldest article goes (default two years). */
  spanDays?: number;
}

/** Bumped whenever the output for a given seed changes, so kept corpora are rebuilt. */
export const CORPUS_VERSION = 1;

function withinWords(make: () => string, min: number, max: number, rng: Rng, join: string): string {
  const target = int(rng, min, max);
  for (let attempt = 0; attempt < 30; attempt++) {
    const parts: string[] = [];
    let n = 0;
    while (n < target) {
      const part = make();
      parts.push(part);
      n += countWords(part);
    }
    if (n <= max) return parts.join(join);
  }
  // Rare: cut to the maximum rather than loop forever.
  const words: string[] = [];
  while (words.length < min) words.push(...make().split(/\s+/));
  return words.slice(0, max).join(" ");
}

/** Article `index` (0-based) of the corpus; the same options always give the same article. */
export function generateArticle(index: number, options: CorpusOptions): GeneratedArticle {
  const rng = mulberry32((options.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  rng();
  const category = oneOf(rng, categoryPick);
  const nouns = categoryNouns.get(category) ?? generalNouns;
  const somePlace = () => (category === "dunya" && rng() < 0.6 ? (rng() < 0.5 ? worldCities.pick(rng) : countries.pick(rng)) : provinces.pick(rng));
  const shapes = new Set<number>();
  const shapeCount = int(rng, 5, 9);
  while (shapes.size < shapeCount) shapes.add(Math.floor(rng() * SHAPES));
  const topic: Topic = {
    category,
    places: [somePlace(), somePlace()],
    noun: nouns.pick(rng),
    person: `${titles.pick(rng)} ${firstNames.pick(rng)} ${surnames.pick(rng)}`,
    bodies: [],
    shapes: [...shapes],
  };
  const w = new Writer(rng, topic);
  topic.bodies = [w.body("nom", true), w.body("nom", true)];

  let title = withinWords(() => w.headlineClause(), 8, 14, rng, ", ");
  title = rng() < 0.04 ? title.toLocaleUpperCase("tr") : capitalise(title);

  const spot = withinWords(() => `${w.sentence()}.`, 20, 35, rng, " ");

  const bodyTarget = int(rng, 150, 400);
  const rareAt = rng() < 0.06 ? int(rng, 0, 6) : -1;
  const paragraphs: string[] = [];
  let bodyWords = 0;
  let sentences = 0;
  let full = false;
  while (bodyWords < bodyTarget && !full) {
    const paragraph: string[] = [];
    const length = int(rng, 2, 5);
    for (let i = 0; i < length && bodyWords < bodyTarget; i++) {
      const s = `${sentences === rareAt ? w.rareSentence() : w.sentence()}.`;
      const n = countWords(s);
      if (bodyWords + n > 400 && bodyWords >= 150) {
        full = true;
        break;
      }
      paragraph.push(s);
      bodyWords += n;
      sentences++;
    }
    if (paragraph.length > 0) paragraphs.push(`<p>${paragraph.join(" ")}</p>`);
  }
  const body = paragraphs.join("\n");

  const span = (options.spanDays ?? 730) * 86_400_000;
  const step = span / Math.max(1, options.count);
  const jitter = (rng() - 0.5) * Math.min(step, 3_600_000);
  const at = Math.min(options.now.getTime() - 60_000, options.now.getTime() - span + index * step + step / 2 + jitter);

  return {
    title,
    spot,
    body,
    categorySlug: category,
    publishedAt: new Date(at).toISOString(),
    words: countWords(title) + countWords(spot) + bodyWords,
  };
}

/** The corpus, article by article, in publication order. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  for (let i = 0; i < options.count; i++) yield generateArticle(i, options);
}
