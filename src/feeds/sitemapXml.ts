// Sitemap XML through the `sitemap` package: url sets (sitemaps.org 0.9, with Google's image and
// news extensions) and sitemap indexes. Pure apart from the package's streams.
//
// Url sets are written by the package's SitemapItemStream (each <url> element, escaped), wrapped in
// the <urlset> element here: its SitemapStream also validates and normalises every address with
// `new URL`, which doubled the time of a 30,000-article month, and the addresses are built by this
// site (absolute, http(s), already normalised).
import { Readable } from "node:stream";
import { ErrorLevel, type IndexItem, SitemapIndexStream, type SitemapItem, SitemapItemStream, streamToPromise } from "sitemap";

/** One URL of a url set; addresses absolute. */
export interface SitemapUrl {
  url: string;
  /** ISO time. */
  lastmod?: string;
  /** Image addresses only (Google deprecated image:caption and image:title in 2022; see news/sitemapStore.ts). */
  images?: Array<{ url: string }>;
  /** Google News: the publication's name, the article's publication time (ISO) and title; language `tr`. */
  news?: { publicationName: string; publishedAt: string; title: string };
}

function toItem(entry: SitemapUrl): SitemapItem {
  return {
    url: entry.url,
    ...(entry.lastmod ? { lastmod: entry.lastmod } : {}),
    img: entry.images ?? [],
    video: [],
    links: [],
    ...(entry.news
      ? { news: { publication: { name: entry.news.publicationName, language: "tr" }, publication_date: entry.news.publishedAt, title: entry.news.title } }
      : {}),
  };
}

/**
 * A `<urlset>` of `entries`, declaring the image and news namespaces only when used. Values are
 * escaped by the package; a value it refuses (an address that is no http(s) URL) throws, never
 * writes a broken file.
 */
export async function renderUrlSet(entries: readonly SitemapUrl[], uses: { images: boolean; news: boolean }): Promise<string> {
  const stream = new SitemapItemStream({ level: ErrorLevel.THROW });
  const chunks: string[] = [urlSetStart(uses)];
  stream.on("data", (chunk: string) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  for (const entry of entries) stream.write(toItem(entry));
  stream.end();
  await ended;
  chunks.push("</urlset>");
  return chunks.join("");
}

function urlSetStart(uses: { images: boolean; news: boolean }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' +
    (uses.news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : "") +
    (uses.images ? ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' : "") +
    ">"
  );
}

/** A `<sitemapindex>` of the sitemaps at these addresses, each with its lastmod when known. */
export async function renderSitemapIndex(entries: ReadonlyArray<{ url: string; lastmod?: string }>): Promise<string> {
  const stream = new SitemapIndexStream({ level: ErrorLevel.THROW });
  const items: IndexItem[] = entries.map((e) => ({ url: e.url, ...(e.lastmod ? { lastmod: e.lastmod } : {}) }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}
