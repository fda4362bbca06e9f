// Article, category and tag addresses (DESIGN.md, URLs). The slug rule itself is in lib/slug.ts.

export type NewsPath = { kind: "article"; slug: string; id: number } | { kind: "page"; page: number };

/** Largest article id: ids live in a 4-byte integer column. */
const MAX_ARTICLE_ID = 2_147_483_647;

/**
 * Parses the last segment of `/haber/{category}/…`: `{slug}-{id}.html` or `{n}.sayfa.html`.
 * An id past the column's range (`x-9999999999.html`) is no address at all: null.
 */
export function parseNewsFile(file: string): NewsPath | null {
  const page = /^([1-9]\d{0,5})\.sayfa\.html$/.exec(file);
  if (page) return { kind: "page", page: Number(page[1]) };
  const article = /^(?:(.*)-)?([1-9]\d{0,9})\.html$/.exec(file);
  if (article && Number(article[2]) <= MAX_ARTICLE_ID) return { kind: "article", slug: article[1] ?? "", id: Number(article[2]) };
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

/** `/yazar/{slug}/`, page n: `/yazar/{slug}/{n}.sayfa.html` (the category pages' shape). */
export function authorPath(authorSlug: string, page = 1): string {
  return page <= 1 ? `/yazar/${authorSlug}/` : `/yazar/${authorSlug}/${page}.sayfa.html`;
}

/**
 * The permanent address of an article, `/h/{id}`: answered with a 301 to its current URL (the id
 * decides), so it never changes with the title or category. Feeds use it as the item's guid.
 */
export function articleIdPath(id: number): string {
  return `/h/${id}`;
}
