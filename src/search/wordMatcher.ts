// Finding the words of a text that answer a query, fast enough to run over hundreds of titles per
// search: one native regular expression finds where a matching word may start, and only those
// words go through the analyzer. Its answers are those of `analyze` + `matchKind` on every word
// (a test holds it to that over the demo articles).
import { APOSTROPHES, analyze, analyzeWord, matchKind, type QueryTerm } from "./analyzer.ts";

export interface WordMatch {
  /** Offset and length of the word in the text, apostrophe suffix included. */
  start: number;
  length: number;
  /** Index of the query term it answers. */
  term: number;
  kind: "word" | "stem";
}

export interface WordMatcher {
  find(text: string): WordMatch[];
}

/**
 * Where a matching word may start: its folded surface, or its stem less the last letter, since
 * Snowball only strips suffixes but may then change the stem's last consonant (kitabı -> kitap)
 * or add a vowel after a final d or g. Needles that another needle begins are left out.
 */
function needlesOf(terms: QueryTerm[]): string[] {
  const all = new Set(terms.flatMap((t) => [t.surface, ...t.stems.map((s) => s.slice(0, Math.max(2, s.length - 1)))]));
  return [...all].filter((n) => ![...all].some((other) => other !== n && n.startsWith(other)));
}

// Latin-1 and Latin Extended-A: every letter of Turkish and of most European names.
const LATIN_END = 0x17f;

// Every character that lower-cases and folds to a given ASCII letter or digit: the regular
// expression's stand-in for folding the text (i <- i I ı İ î Î í …).
const SPELLINGS: Map<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (let c = 0x20; c <= LATIN_END; c++) {
    const ch = String.fromCharCode(c);
    const folded = analyzeWord(ch)?.surface;
    if (folded === undefined || !/^[a-z0-9]$/.test(folded)) continue;
    map.set(folded, [...(map.get(folded) ?? []), ch]);
  }
  return map;
})();

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch;
}

function spellingsPattern(needle: string): string | undefined {
  let pattern = "";
  for (const ch of needle) {
    const spellings = SPELLINGS.get(ch);
    if (!spellings) return undefined;
    pattern += `[${spellings.map(escapeClass).join("")}]`;
  }
  return pattern;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** At a word's start: not after a letter or digit, nor in the suffix after an apostrophe (NATO'nun). */
function wordStartsAt(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1] ?? "";
  if (LETTER_OR_DIGIT.test(before)) return false;
  return !(APOSTROPHES.test(before) && at >= 2 && LETTER_OR_DIGIT.test(text[at - 2] ?? ""));
}

const WORD_AT = /[\p{L}\p{N}]+(?:['’´‘ʼ`][\p{L}\p{N}]+)?/uy;
// What the character classes do not cover: accents written as separate combining marks, and
// accented Latin letters past Latin Extended-A. Texts with them are analysed word by word.
// eslint-disable-next-line no-misleading-character-class -- the combining-mark ranges are listed on purpose, one code point at a time
const UNCOVERED = /[\u0180-\u024f\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1eff\u20d0-\u20ff\ufe20-\ufe2f]/;

function answers(terms: QueryTerm[], found: WordMatch[], start: number, original: string): void {
  const token = analyzeWord(original);
  if (!token) return;
  for (let i = 0; i < terms.length; i++) {
    const kind = matchKind(token, terms[i] as QueryTerm);
    if (kind) found.push({ start, length: original.length, term: i, kind });
  }
}

function findByAnalysis(text: string, terms: QueryTerm[]): WordMatch[] {
  const found: WordMatch[] = [];
  for (const token of analyze(text)) answers(terms, found, token.start, token.original);
  return found;
}

const cache = new Map<string, WordMatcher>();
const CACHE_LIMIT = 500;

/** A matcher for these query terms (remembered: a search applies it to hundreds of texts). */
export function wordMatcher(terms: QueryTerm[]): WordMatcher {
  const key = JSON.stringify(terms);
  let matcher = cache.get(key);
  if (matcher) return matcher;
  const patterns = needlesOf(terms).map(spellingsPattern);
  if (patterns.length === 0 || patterns.some((p) => p === undefined)) {
    // A word outside the Latin alphabet: analyse every word.
    matcher = { find: (text) => findByAnalysis(text, terms) };
  } else {
    const starts = new RegExp(patterns.join("|"), "gu");
    matcher = {
      find(text) {
        if (UNCOVERED.test(text)) return findByAnalysis(text, terms);
        const found: WordMatch[] = [];
        starts.lastIndex = 0;
        for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
          if (!wordStartsAt(text, m.index)) continue;
          WORD_AT.lastIndex = m.index;
          const word = WORD_AT.exec(text);
          if (word) answers(terms, found, m.index, word[0]);
        }
        return found;
      },
    };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, matcher);
  return matcher;
}
