// The addresses of the feeds and sitemaps (README, "Feeds and sitemaps"; DESIGN.md, URLs). Pure.
//
// Feeds live under /rss/, the format chosen by the extension: `.xml` RSS 2.0, `.atom` Atom 1.0,
// `.json` JSON Feed 1.1.
//   /rss/tum-haberler.xml       every published article
//   /rss/son-dakika.xml         son dakika
//   /rss/manset.xml             the manşet, in slot order
//   /rss/{category-slug}.xml    a category
//   /rss/etiket/{tag-slug}.xml  a tag
//   /rss/yazar/{author-slug}.xml an author
// The three special names share the categories' namespace: they are reserved, and no category may be
// given one of them (checked against the default categories by test; they win over a category).

/** The three feed formats and their extensions. */
export const FEED_FORMATS = ["rss", "atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

const EXTENSION: Record<FeedFormat, string> = { rss: "xml", atom: "atom", json: "json" };

/** What a feed lists. */
export type FeedSubject =
  { kind: "all" } | { kind: "breaking" } | { kind: "headlines" } | { kind: "category"; slug: string } | { kind: "tag"; slug: string } | { kind: "author"; slug: string };

/** Names under /rss/ that are not categories. */
export const RESERVED_FEED_NAMES = { all: "tum-haberler", breaking: "son-dakika", headlines: "manset" } as const;

/** The path of a feed in one format, e.g. `/rss/dunya.atom`, `/rss/etiket/deprem.json`. */
export function feedPath(subject: FeedSubject, format: FeedFormat): string {
  const ext = EXTENSION[format];
  switch (subject.kind) {
    case "all":
    case "breaking":
    case "headlines":
      return `/rss/${RESERVED_FEED_NAMES[subject.kind]}.${ext}`;
    case "category":
      return `/rss/${subject.slug}.${ext}`;
    case "tag":
      return `/rss/etiket/${subject.slug}.${ext}`;
    case "author":
      return `/rss/yazar/${subject.slug}.${ext}`;
  }
}

/** The path of a feed in every format. */
export function feedPaths(subject: FeedSubject): Record<FeedFormat, string> {
  return { rss: feedPath(subject, "rss"), atom: feedPath(subject, "atom"), json: feedPath(subject, "json") };
}

/** `dunya.xml` → { name: "dunya", format: "rss" }; null for any other file name. */
export function parseFeedFile(file: string): { name: string; format: FeedFormat } | null {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(xml|atom|json)$/.exec(file);
  if (!match?.[1] || !match[2]) return null;
  const format = FEED_FORMATS.find((f) => EXTENSION[f] === match[2]);
  return format ? { name: match[1], format } : null;
}

/** The subject of a top-level feed name: one of the reserved names, else a category. */
export function topLevelSubject(name: string): FeedSubject {
  if (name === RESERVED_FEED_NAMES.all) return { kind: "all" };
  if (name === RESERVED_FEED_NAMES.breaking) return { kind: "breaking" };
  if (name === RESERVED_FEED_NAMES.headlines) return { kind: "headlines" };
  return { kind: "category", slug: name };
}

/** Content types of the formats (RFC 4287 for Atom; JSON Feed 1.1 names application/feed+json). */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** The sitemap index. */
export const SITEMAP_INDEX_PATH = "/sitemap.xml";
/** The Google News sitemap. */
export const NEWS_SITEMAP_PATH = "/sitemap-news.xml";
/** The sitemap of the category pages. */
export const CATEGORY_SITEMAP_PATH = "/sitemap/kategoriler.xml";
/** The sitemap of the author pages. */
export const AUTHOR_SITEMAP_PATH = "/sitemap/yazarlar.xml";

/** At most this many URLs in one sitemap file (sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;

/** A monthly article sitemap, part `part` (from 1; the first part has no number): `/sitemap/haber-2026-11.xml`, `/sitemap/haber-2026-11-2.xml`. */
export function monthSitemapPath(month: string, part = 1): string {
  return part <= 1 ? `/sitemap/haber-${month}.xml` : `/sitemap/haber-${month}-${part}.xml`;
}

/** The tag sitemap, part `part`: `/sitemap/etiketler.xml`, `/sitemap/etiketler-2.xml`. */
export function tagSitemapPath(part = 1): string {
  return part <= 1 ? "/sitemap/etiketler.xml" : `/sitemap/etiketler-${part}.xml`;
}

/** A file under /sitemap/: a month's part, or a part of the tag sitemap; null for anything else. */
export type SitemapFile = { kind: "month"; month: string; part: number } | { kind: "tags"; part: number } | { kind: "categories" } | { kind: "authors" };

export function parseSitemapFile(file: string): SitemapFile | null {
  if (file === "kategoriler.xml") return { kind: "categories" };
  if (file === "yazarlar.xml") return { kind: "authors" };
  const month = /^haber-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(file);
  if (month) return { kind: "month", month: `${month[1]}-${month[2]}`, part: Number(month[3] ?? 1) };
  const tags = /^etiketler(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(file);
  if (tags) return { kind: "tags", part: Number(tags[1] ?? 1) };
  return null;
}

/** The UTC bounds of a month "2026-11": from its first instant up to the next month's (ISO). */
export function monthRange(month: string): { from: string; to: string } {
  const [year, mon] = month.split("-").map(Number);
  const from = new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1, 1));
  const to = new Date(Date.UTC(year ?? 1970, mon ?? 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Types for `<link rel="alternate">` (no parameters). */
const ALTERNATE_TYPES: Record<FeedFormat, string> = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" };
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom", json: "JSON Feed" };

/** A page's feed in every format, as `<link rel="alternate">` entries titled `${title} (RSS)` and so on. */
export function feedAlternates(subject: FeedSubject, title: string): Array<{ type: string; title: string; href: string }> {
  return FEED_FORMATS.map((format) => ({ type: ALTERNATE_TYPES[format], title: `${title} (${FORMAT_NAMES[format]})`, href: feedPath(subject, format) }));
}
