// The cache follows the news: each change event drops exactly the entries it touches, here and (for
// changes made on this instance) at the CDN. Events from other instances arrive through the relay.
import { type EventOrigin, newsEvents } from "../news/events.ts";
import { HEADLINES_KEY, SITE_KEY, authorKey, bylineKey, keysForChange, keysForSettingsChange, AUTHOR_SITEMAP_KEY } from "./keys.ts";
import type { PageCache } from "./pageCache.ts";

export interface InvalidationOptions {
  /** Tells the CDN to drop these keys; called only for changes made on this instance, never awaited. */
  purge?: (keys: readonly string[]) => void;
  /** For metrics: one call per change, with the number of entries it dropped here. */
  onInvalidate?: (origin: EventOrigin, dropped: number) => void;
  /** The app's clock (which articles are recent enough for the news sitemap); default the system's. */
  now?: () => Date;
}

/**
 * Subscribes `cache` to the news events: article changes drop `keysForChange`, a new manşet order
 * drops the manşet, a category or source change drops every page, a profile change drops the
 * author's page and the pages with their byline, a settings save drops `keysForSettingsChange` (every
 * page for the site's identity, /ads.txt for its text), and missed changes (a lost
 * PostgreSQL connection) empty the cache. Returns the unsubscribe function.
 */
export function invalidateOnChange(cache: PageCache, options: InvalidationOptions = {}): () => void {
  const apply = (keys: readonly string[], origin: EventOrigin) => {
    const dropped = cache.invalidate(keys);
    options.onInvalidate?.(origin, dropped);
    if (origin === "local") options.purge?.(keys);
  };
  const onArticle = (change: Parameters<typeof keysForChange>[0], origin: EventOrigin) => apply(keysForChange(change, options.now?.() ?? new Date()), origin);
  const onHeadlines = (_change: unknown, origin: EventOrigin) => apply([HEADLINES_KEY], origin);
  const onTaxonomy = (_change: unknown, origin: EventOrigin) => apply([SITE_KEY], origin);
  // A profile edit: the author's page, every page naming them, and the author sitemap (it lists their address).
  const onAuthor = ({ authorId }: { authorId: number }, origin: EventOrigin) => apply([authorKey(authorId), bylineKey(authorId), AUTHOR_SITEMAP_KEY], origin);
  const onSettings = ({ sections }: { sections: string[] }, origin: EventOrigin) => apply(keysForSettingsChange(sections), origin);
  const onMissed = () => cache.clear();
  newsEvents.on("articleChanged", onArticle);
  newsEvents.on("headlinesChanged", onHeadlines);
  newsEvents.on("taxonomyChanged", onTaxonomy);
  newsEvents.on("authorChanged", onAuthor);
  newsEvents.on("settingsChanged", onSettings);
  newsEvents.on("changesMissed", onMissed);
  return () => {
    newsEvents.off("articleChanged", onArticle);
    newsEvents.off("headlinesChanged", onHeadlines);
    newsEvents.off("taxonomyChanged", onTaxonomy);
    newsEvents.off("authorChanged", onAuthor);
    newsEvents.off("settingsChanged", onSettings);
    newsEvents.off("changesMissed", onMissed);
  };
}
