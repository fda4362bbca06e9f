// Surrogate keys: the names under which cached pages (here and at the CDN) are dropped. A page carries
// the keys of everything it shows; a change names the keys it touches (`keysForChange`). Keys are
// lowercase tokens (Fastly Surrogate-Key, Cloudflare Cache-Tag and Varnish xkey all accept them).
import type { ArticleChange, ArticleFacts } from "../news/events.ts";

/** Every page showing article `id`: its own page, fragment and API answer, and every list or teaser with its card. */
export const articleKey = (id: number): string => `article-${id}`;
/** Lists of a category's published articles (its pages, the home block, the API filtered by it). */
export const categoryKey = (id: number): string => `category-${id}`;
/** Lists of a tag's published articles (tag pages, the API filtered by it, "İlgili Haberler" of articles with the tag). */
export const tagKey = (id: number): string => `tag-${id}`;
/** Lists of an author's published articles (`/yazar/{slug}/` and its pages, the author's feeds and sitemap entry). */
export const authorKey = (id: number): string => `author-${id}`;
/** Pages naming the author in a byline (article pages, fragments, the API's article) besides their author page: dropped when the profile changes. */
export const bylineKey = (id: number): string => `byline-${id}`;
/** Lists of a source's published articles. */
export const sourceKey = (id: number): string => `source-${id}`;
/** Lists of every published article (home's latest, the unfiltered API list, the site feed, the sitemap index). */
export const LATEST_KEY = "latest";
/** The son dakika strip and page. */
export const BREAKING_KEY = "breaking";
/** The manşet. */
export const HEADLINES_KEY = "headlines";
/** Search result pages (any change to a published article may change what matches). */
export const SEARCH_KEY = "search";
/** Pages showing the header's weather line, and the weather pages. */
export const WEATHER_KEY = "weather";
/** Every cached answer (the plugin adds it): categories and sources appear in every header and card. */
export const SITE_KEY = "site";
/**
 * The monthly article sitemap of `month` ("2026-11", UTC), all its parts: every published article of
 * that month is on it with its address, lastmod and picture, so any change to one drops it.
 */
export const sitemapMonthKey = (month: string): string => `sitemap-${month}`;
/** The Google News sitemap (published articles of the last NEWS_SITEMAP_WINDOW_MS). */
export const NEWS_SITEMAP_KEY = "sitemap-news";
/** The tag sitemap: tags that have at least one published article. */
export const TAG_SITEMAP_KEY = "sitemap-tags";
/** The author sitemap: authors that have at least one published article. */
export const AUTHOR_SITEMAP_KEY = "sitemap-authors";
/** How far back the Google News sitemap reaches: 48 hours (Google News sitemap guidelines). */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000;

/** The UTC month ("2026-11") of an ISO time: which monthly sitemap lists an article published then. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** /ads.txt, the only page showing the ads_txt settings section. */
export const ADS_TXT_KEY = "ads-txt";

/** /kunye/ and /iletisim/, the only pages showing the künye settings section (footers only link to them). */
export const KUNYE_KEY = "kunye";

/** The key of each settings section shown on some pages only; any other section is on every page. */
const SECTION_KEYS: Readonly<Record<string, string>> = { ads_txt: ADS_TXT_KEY, kunye: KUNYE_KEY };

/**
 * The keys a save of settings sections touches: the site's identity (name, logo, default share image, social
 * profiles) is on every page, so `site`; ads.txt and the künye only their own pages. A section not named here
 * touches `site`, to be safe.
 */
export function keysForSettingsChange(sections: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const section of sections) keys.add(SECTION_KEYS[section] ?? SITE_KEY);
  return [...keys];
}

function differs(a: readonly number[], b: readonly number[]): number[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((x) => !inB.has(x)), ...b.filter((x) => !inA.has(x))];
}

/** The ids of a dimension (category, source, tags) in which the article is listed, from its facts. */
function listedIn(facts: ArticleFacts | null, of: (f: ArticleFacts) => number[]): number[] {
  return facts?.visible ? of(facts) : [];
}

/**
 * The surrogate keys a change of one article touches: always the article's own key (pages showing it
 * hold it), plus each list whose membership changed — the list it entered or left by being published or
 * unpublished, or by a new category, source, tags or authors — and the son dakika, manşet and search lists when
 * its place in them changed. A title edit of a published article touches its own key and search only:
 * lists that do not show it keep their bytes. Sitemaps: the monthly sitemap of its publication month
 * (before and after) whenever it is listed there, since its lastmod, address or picture may have
 * changed; the news sitemap when it was published less than 48 hours (plus a minute for clocks)
 * before `now`; the tag and author sitemaps when its tags or authors changed.
 */
export function keysForChange({ articleId, before, after }: ArticleChange, now: Date = new Date()): string[] {
  const keys = new Set<string>([articleKey(articleId)]);
  const wasVisible = before?.visible ?? false;
  const isVisible = after?.visible ?? false;
  if (!wasVisible && !isVisible) return [...keys];
  keys.add(SEARCH_KEY);
  const newsSince = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS - 60_000).toISOString();
  for (const facts of [before, after]) {
    if (!facts?.visible || facts.publishedAt === null) continue;
    keys.add(sitemapMonthKey(monthOf(facts.publishedAt)));
    if (facts.publishedAt >= newsSince) keys.add(NEWS_SITEMAP_KEY);
  }
  if (wasVisible !== isVisible) keys.add(LATEST_KEY);
  for (const id of differs(
    listedIn(before, (f) => [f.categoryId]),
    listedIn(after, (f) => [f.categoryId]),
  ))
    keys.add(categoryKey(id));
  for (const id of differs(
    listedIn(before, (f) => [f.sourceId]),
    listedIn(after, (f) => [f.sourceId]),
  ))
    keys.add(sourceKey(id));
  const tagsChanged = differs(
    listedIn(before, (f) => f.tagIds),
    listedIn(after, (f) => f.tagIds),
  );
  for (const id of tagsChanged) keys.add(tagKey(id));
  if (tagsChanged.length > 0) keys.add(TAG_SITEMAP_KEY);
  const authorsChanged = differs(
    listedIn(before, (f) => f.authorIds),
    listedIn(after, (f) => f.authorIds),
  );
  for (const id of authorsChanged) keys.add(authorKey(id));
  if (authorsChanged.length > 0) keys.add(AUTHOR_SITEMAP_KEY);
  const breaking = (f: ArticleFacts | null) => (f?.visible && f.breaking ? `on:${f.breakingUntil ?? ""}` : "off");
  if (breaking(before) !== breaking(after)) keys.add(BREAKING_KEY);
  const headline = (f: ArticleFacts | null) => Boolean(f?.visible && f.headline);
  if (headline(before) !== headline(after)) keys.add(HEADLINES_KEY);
  return [...keys];
}

/** Keys of a page naming these authors in a byline. */
export function bylineKeys(authors: ReadonlyArray<{ id: number }>): string[] {
  return authors.map((author) => bylineKey(author.id));
}

/** Keys of a page showing these article cards (each card's own key). */
export function articleKeys(items: ReadonlyArray<{ id: number }>): string[] {
  return items.map((item) => articleKey(item.id));
}
