// The Turkish analyzer: pure functions shared by indexing and querying, so both sides agree.
//   "NATO'nun"   -> surface "nato",   stem "nato"
//   "IĞDIR'da"   -> surface "igdir",  stem "igdir"
//   "görüşmelerinin" -> surface "gorusmelerinin", stem "gorusme"
import snowball from "snowball-stemmers";

const stemmer = snowball.newStemmer("turkish");

// Stemming is the costly step and news text repeats its words: remember recent answers.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

export const APOSTROPHES = /['’´‘ʼ`]/;
const FOLD: Record<string, string> = { ç: "c", ğ: "g", ı: "i", ö: "o", ş: "s", ü: "u", â: "a", î: "i", û: "u" };

/**
 * Turkish lower-case: I -> ı, İ -> i (never the locale of the server). The two dotted/dotless
 * letters are the whole difference from the root locale's rules, and mapping them first is many
 * times faster than asking ICU for the "tr" locale on every call.
 */
export function turkishLower(text: string): string {
  return text.replace(/I\u0307|[Iİ]/g, (c) => (c === "I" ? "ı" : "i")).toLowerCase();
}

// Text without any letter that folding changes: most words of most articles.
// eslint-disable-next-line no-control-regex -- "all ASCII" includes the control range on purpose
const NOTHING_TO_FOLD = /^[\x00-\x7F]*$/;

/** ç ğ ı ö ş ü â î û -> c g i o s u a i u, and any other combining accent removed. */
export function fold(word: string): string {
  const turkish = word.replace(/[çğıöşüâîû]/g, (c) => FOLD[c] ?? c);
  return NOTHING_TO_FOLD.test(turkish) ? turkish : turkish.normalize("NFKD").replace(/\p{M}+/gu, "");
}

export interface Token {
  /** The word as written, for highlighting. */
  original: string;
  /** Offset of `original` in the text. */
  start: number;
  /** Folded lower-case word without its apostrophe suffix. */
  surface: string;
  /**
   * Folded Snowball stems of the word without its apostrophe suffix: the stem of the Turkish
   * spelling and the stem of the folded spelling, since readers type either (görüşme / gorusme).
   */
  stems: string[];
}

// A word: letters and digits, possibly joined by one apostrophe to a suffix (NATO'nun, 1990'larda).
const WORD = /[\p{L}\p{N}]+(?:['’´‘ʼ`][\p{L}\p{N}]+)?/gu;

const wordCache = new Map<string, { surface: string; stems: string[] } | null>();

/** A written word lower-cased the Turkish way, without its apostrophe suffix: what gets stemmed. */
function baseForm(original: string): string {
  return turkishLower(original.split(APOSTROPHES)[0] ?? original);
}

/** One written word -> its surface form and stems (remembered: the same words come back all the time). */
export function analyzeWord(original: string): { surface: string; stems: string[] } | null {
  let result = wordCache.get(original);
  if (result !== undefined) return result;
  const base = baseForm(original);
  const surface = fold(base);
  if (surface === "") {
    result = null;
  } else {
    // A stem under three letters says too little (Iğdır -> "ık", the stem of "iki" too): keep the word itself instead.
    const stems = [fold(stem(base)), fold(stem(surface))].map((x) => (x.length < 3 ? surface : x));
    result = { surface, stems: stems[0] === stems[1] ? [stems[0] ?? surface] : stems };
  }
  if (wordCache.size >= STEM_CACHE_LIMIT) wordCache.clear();
  wordCache.set(original, result);
  return result;
}

export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = analyzeWord(m[0]);
    if (word) tokens.push({ original: m[0], start: m.index ?? 0, surface: word.surface, stems: word.stems });
  }
  return tokens;
}

/** Text ready for a full-text column: the surface forms, space-separated. */
export function surfaceText(text: string): string {
  return analyze(text)
    .map((t) => t.surface)
    .join(" ");
}

/** The stems, space-separated. */
export function stemText(text: string): string {
  return analyze(text)
    .flatMap((t) => t.stems)
    .join(" ");
}

export interface QueryTerm {
  surface: string;
  stems: string[];
  /** The last word of the query also matches as a prefix (başlat -> başlatılmasını). */
  prefix: boolean;
}

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

/**
 * Reads what a reader typed into terms. Anything that is not a word (quotes, *, NEAR(, OR,
 * punctuation) is ignored, so no query can break the search engine's syntax.
 */
export function parseQuery(raw: string): QueryTerm[] {
  const tokens = analyze(raw.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_TERMS);
  const trailingSpace = /\s$/.test(raw.slice(0, MAX_QUERY_LENGTH));
  return tokens.map((t, i) => ({
    surface: t.surface,
    stems: queryStems(t.original, t.stems),
    prefix: i === tokens.length - 1 && !trailingSpace && t.surface.length >= 2,
  }));
}

/**
 * A query word's stems, and the stems of those: Snowball stops after a plural suffix, so
 * "depremler" stems to "deprem" while "deprem" itself stems to "depre", and a reader asking for
 * "depremler" would miss every article that says "deprem". (Only queries take the second step;
 * the index keeps one stem per spelling.)
 */
function queryStems(original: string, stems: string[]): string[] {
  const firstStem = stem(baseForm(original));
  // A first stem under three letters was not kept (see analyzeWord): nothing to go on from.
  if (fold(firstStem).length < 3) return stems;
  const second = [fold(stem(firstStem)), fold(stem(fold(firstStem)))].filter((x) => x.length >= 3);
  return [...new Set([...stems, ...second])];
}

/**
 * How a written word answers a query term: as the word itself (or, for the last word being
 * typed, a word it begins), only through a shared stem, or not at all.
 */
export function matchKind(token: { surface: string; stems: string[] }, term: QueryTerm): "word" | "stem" | null {
  if (token.surface === term.surface || (term.prefix && token.surface.startsWith(term.surface))) return "word";
  return token.stems.some((s) => term.stems.includes(s)) ? "stem" : null;
}
