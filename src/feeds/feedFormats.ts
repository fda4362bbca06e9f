// One feed, written as RSS 2.0, Atom 1.0 (both through the `feed` package) or JSON Feed 1.1. Pure.
//
// `feed` 6 writes XML through xml-js, which has four habits that would corrupt a news title; the
// values are prepared so that none can:
// - text nodes: `&amp;` is turned back into `&` before escaping, so `&` is doubled first (xmlText);
// - CDATA: only the first `]]>` is split, so the RSS title goes as a text node instead, summaries are
//   HTML-escaped (no `>` left) and bodies come from feedBodyHtml (no `]]>` left);
// - attributes: only `"` is escaped, so `&` and `<` are escaped here (xmlAttribute); where `feed`
//   itself escapes `&` (Atom category labels) a label holding `<` is left out, the term stays;
// - image enclosures get the type `image/jpg` from the file name: the picture goes as Media RSS
//   (RSS) and as the body's first figure (every format) instead.
// JSON Feed: `feed` writes version 1 (one `author`, no `hubs` or `language`), so 1.1 is written here.
import escapeHtml from "escape-html";
import { Feed } from "feed";
import type { FeedFormat } from "./paths.ts";

/** A person or organisation credited with an item. */
export interface FeedAuthor {
  name: string;
  /** Their page on the site (absolute). */
  url?: string;
}

/** The item's picture: a JPEG, absolute URL, its size in pixels, credit and caption. */
export interface FeedImage {
  url: string;
  width: number;
  height: number;
  credit: string;
  caption: string;
  alt: string;
}

/** One article in a feed; URLs absolute, text as readers see it (not escaped). */
export interface FeedEntry {
  /** The permanent id URL (`/h/{id}`): never changes. */
  id: string;
  url: string;
  title: string;
  /** The spot, plain text. */
  summary: string;
  /** The whole body, HTML made for feeds (feedBody.ts). */
  contentHtml: string;
  image: FeedImage | null;
  /** Its category first, then its tags. */
  categories: Array<{ name: string; term: string; url: string }>;
  authors: FeedAuthor[];
  published: Date;
  updated: Date;
}

/** A whole feed; URLs absolute. */
export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  /** The feed's own address in each format (rel="self"). */
  selfUrls: Record<FeedFormat, string>;
  /** The WebSub hub (rel="hub"), or null. */
  hubUrl: string | null;
  /** The newest publication or update among the items. */
  updated: Date;
  /** The publisher, the feed-level author. */
  publisher: FeedAuthor;
  /** The site's icon (absolute), when it has one. */
  iconUrl?: string;
  items: FeedEntry[];
}

const MEDIA_RSS = "http://search.yahoo.com/mrss/";

/** A text node's value for xml-js: `&` doubled, since xml-js turns `&amp;` back into `&` before it escapes. */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;");
}

/** An attribute's value for xml-js, which escapes only `"`. */
function xmlAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function baseFeed(doc: FeedDocument): Feed {
  return new Feed({
    id: doc.selfUrls.atom,
    title: xmlText(doc.title),
    description: xmlText(doc.description),
    link: doc.homeUrl,
    language: "tr",
    updated: doc.updated,
    generator: "Haberci",
    feedLinks: { rss: doc.selfUrls.rss, atom: doc.selfUrls.atom, json: doc.selfUrls.json },
    ...(doc.hubUrl ? { hub: doc.hubUrl } : {}),
    ...(doc.iconUrl ? { favicon: doc.iconUrl } : {}),
    author: { name: xmlText(doc.publisher.name), ...(doc.publisher.url ? { link: doc.publisher.url } : {}) },
    copyright: xmlText(`© ${doc.publisher.name}`),
  });
}

/** The Media RSS element of an item's picture: the JPEG with its size, a thumbnail, the credit and caption. */
function mediaContent(image: FeedImage): Record<string, unknown> {
  const size = { width: String(image.width), height: String(image.height) };
  return {
    _attributes: { "xmlns:media": MEDIA_RSS, url: xmlAttribute(image.url), type: "image/jpeg", medium: "image", ...size },
    "media:thumbnail": { _attributes: { url: xmlAttribute(image.url), ...size } },
    ...(image.credit ? { "media:credit": { _text: xmlText(image.credit) } } : {}),
    ...(image.caption ? { "media:description": { _attributes: { type: "plain" }, _text: xmlText(image.caption) } } : {}),
  };
}

/**
 * RSS 2.0: guid = the permanent id URL, pubDate (RFC 822), the spot as description, the body in
 * content:encoded, categories (domain = their page), the authors as dc:creator (RSS's own <author>
 * must be an e-mail address; `feed` writes one element per extension name, so several names share
 * one dc:creator, joined by commas), the last update as dc:date
 * (W3C-DTF, as Dublin Core requires; read as the update time by feed readers), the picture as
 * media:content (Media RSS) with media:thumbnail and media:credit.
 */
export function renderRss(doc: FeedDocument): string {
  const feed = baseFeed(doc);
  for (const item of doc.items) {
    const extensions = [
      { name: "title", objects: { _text: xmlText(item.title) } },
      { name: "dc:date", objects: { _text: item.updated.toISOString() } },
      ...(item.authors.length > 0 ? [{ name: "dc:creator", objects: { _text: xmlText(item.authors.map((a) => a.name).join(", ")) } }] : []),
      ...(item.image ? [{ name: "media:content", objects: mediaContent(item.image) }] : []),
    ];
    feed.addItem({
      // Written by the "title" extension above: feed would put it in CDATA.
      title: "",
      link: item.url,
      guid: item.id,
      date: item.updated,
      published: item.published,
      description: escapeHtml(item.summary),
      content: item.contentHtml,
      category: item.categories.map((c) => ({ name: xmlText(c.name), domain: xmlAttribute(c.url) })),
      extensions,
    });
  }
  return feed.rss2();
}

/**
 * Atom 1.0 (RFC 4287): id = the permanent id URL, published and updated, title and summary as
 * escaped HTML (type="html"), the body as content, an author per credited person (the publisher
 * for the feed), categories with term and scheme, rel="self", rel="hub".
 */
export function renderAtom(doc: FeedDocument): string {
  const feed = baseFeed(doc);
  for (const item of doc.items) {
    feed.addItem({
      title: escapeHtml(item.title),
      id: item.id,
      link: item.url,
      date: item.updated,
      published: item.published,
      description: escapeHtml(item.summary),
      content: item.contentHtml,
      author: item.authors.map((a) => ({ name: xmlText(a.name), ...(a.url ? { link: a.url } : {}) })),
      category: item.categories.map((c) => ({ term: c.term, scheme: c.url, ...(c.name.includes("<") ? {} : { name: c.name }) })),
    });
  }
  return feed.atom1();
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), the fields this site fills. */
export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: "tr";
  icon?: string;
  authors: Array<{ name: string; url?: string }>;
  hubs?: Array<{ type: "WebSub"; url: string }>;
  items: Array<{
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html: string;
    image?: string;
    date_published: string;
    date_modified: string;
    authors?: Array<{ name: string; url?: string }>;
    tags: string[];
  }>;
}

/** JSON Feed 1.1: the same items; `id` the permanent id URL, `hubs` the WebSub hub. */
export function toJsonFeed(doc: FeedDocument): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.selfUrls.json,
    description: doc.description,
    language: "tr",
    ...(doc.iconUrl ? { icon: doc.iconUrl } : {}),
    authors: [doc.publisher],
    ...(doc.hubUrl ? { hubs: [{ type: "WebSub", url: doc.hubUrl }] } : {}),
    items: doc.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      ...(item.image ? { image: item.image.url } : {}),
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      ...(item.authors.length > 0 ? { authors: item.authors } : {}),
      tags: item.categories.map((c) => c.name),
    })),
  };
}

// Characters XML 1.0 does not allow (§2.2 Char): the edge removes them from what is typed now, text stored
// before may still hold one, and a single one makes the whole feed unreadable.
// eslint-disable-next-line no-control-regex -- naming the allowed controls (tab, line feed, return) is the point
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The feed in one format, as the bytes to send. */
export function renderFeed(doc: FeedDocument, format: FeedFormat): string {
  if (format === "rss") return renderRss(doc).replace(NOT_XML_CHAR, "");
  if (format === "atom") return renderAtom(doc).replace(NOT_XML_CHAR, "");
  return JSON.stringify(toJsonFeed(doc));
}
