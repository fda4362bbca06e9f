// The URL slug rule (DESIGN.md): Turkish lower-case, apostrophes deleted, Turkish letters
// to their ASCII base, every other run of non-alphanumerics to one hyphen, never truncated.

const APOSTROPHES = /['’‘´`ʼ]/g;
const TURKISH_TO_ASCII: Record<string, string> = { ç: "c", ğ: "g", ı: "i", ö: "o", ş: "s", ü: "u", â: "a", î: "i", û: "u" };

export function slugify(text: string): string {
  return text
    .toLocaleLowerCase("tr")
    .replace(APOSTROPHES, "")
    .replace(/[çğıöşüâîû]/g, (ch) => TURKISH_TO_ASCII[ch] ?? ch)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // combining marks left by decomposition (é -> e, and the dot of i̇)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export type NewsPath = { kind: "article"; slug: string; id: number } | { kind: "page"; page: number };

/** Parses the last segment of `/haber/{category}/…`: `{slug}-{id}.html` or `{n}.sayfa.html`. */
export function parseNewsFile(file: string): NewsPath | null {
  const page = /^([1-9]\d{0,5})\.sayfa\.html$/.exec(file);
  if (page) return { kind: "page", page: Number(page[1]) };
  const article = /^(?:(.*)-)?([1-9]\d{0,9})\.html$/.exec(file);
  if (article) return { kind: "article", slug: article[1] ?? "", id: Number(article[2]) };
  return null;
}

export function articlePath(categorySlug: string, slug: string, id: number): string {
  return `/haber/${categorySlug}/${slug}-${id}.html`;
}

export function categoryPath(categorySlug: string, page = 1): string {
  return page <= 1 ? `/haber/${categorySlug}/` : `/haber/${categorySlug}/${page}.sayfa.html`;
}

export function tagPath(tagSlug: string, page = 1): string {
  return page <= 1 ? `/etiket/${tagSlug}/` : `/etiket/${tagSlug}/?sayfa=${page}`;
}
