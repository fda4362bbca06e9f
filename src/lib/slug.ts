// The URL slug rule (DESIGN.md, README "Slugs follow one rule"): Turkish lower-case, apostrophes
// deleted, Turkish letters to their ASCII base, other letters with marks to their base letter,
// letters of other alphabets transliterated, every other run of non-alphanumerics to one hyphen,
// never truncated.
import transliterate from "@sindresorhus/transliterate";

const APOSTROPHES = /['’‘´`ʼ]/g;
const TURKISH_TO_ASCII: Record<string, string> = { ç: "c", ğ: "g", ı: "i", ö: "o", ş: "s", ü: "u", â: "a", î: "i", û: "u" };
/** A run of letters of other scripts (Cyrillic, Greek, Arabic, …) with their marks: `й` stays one letter. */
const NON_LATIN_RUN = /(?:(?!\p{Script=Latin})\p{L}\p{M}*)+/gu;
/** Letters or digits still outside a-z0-9 once marks are gone: `ß`, `ł`, `ø`, `æ`, Arabic-Indic digits. */
const LEFTOVER_RUN = /[^\P{L}a-z]+|[^\P{N}0-9]+/gu;

function transliterateRun(run: string): string {
  return transliterate(run).toLowerCase().replace(APOSTROPHES, "");
}

/**
 * The slug of a title, tag, author or province name: `Türkiye'nin` -> `turkiyenin`,
 * `Путин` -> `putin`, `Ελλάδα` -> `ellada`. Turkish and Latin text follow the house rule alone
 * (Turkish lower-case, so `I` -> `ı` -> `i`; the Turkish mapping runs first and Latin letters lose
 * their marks by decomposition, so `ö` stays `o` and `ä` becomes `a`, never the German `oe`/`ae`
 * that the library would give). Letters of other scripts, and Latin letters that do not decompose
 * (`ß` -> `ss`, `ł` -> `l`), are transliterated with @sindresorhus/transliterate; what it leaves
 * alone (CJK, Hebrew) becomes a separator. Returns "" when nothing usable is left (emoji,
 * punctuation only): callers refuse such input rather than drop it.
 */
export function slugify(text: string): string {
  return text
    .toLocaleLowerCase("tr")
    .replace(APOSTROPHES, "")
    .replace(/[çğıöşüâîû]/g, (ch) => TURKISH_TO_ASCII[ch] ?? ch)
    .replace(NON_LATIN_RUN, transliterateRun)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // combining marks left by decomposition (é -> e, and the dot of i̇)
    .replace(LEFTOVER_RUN, transliterateRun)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
