// News events, emitted after commit. Subscribers (page cache, CDN purger, live streams, search-side
// caches) may lag a moment; they log their failures and never undo the change. On PostgreSQL the
// cache's relay carries the same events to every other instance, which emits them there with
// origin "remote" (so work done once for the whole site, such as a CDN purge, is done by the
// instance where the change happened).
import { EventEmitter } from "node:events";

/** What readers can see of an article at one moment: enough to tell which pages show it. */
export interface ArticleFacts {
  /** Published: readers can see it (on its page and in lists). */
  visible: boolean;
  categoryId: number;
  sourceId: number;
  tagIds: number[];
  /** The byline's authors, in id order (empty: an agency item). */
  authorIds: number[];
  /** The son dakika flag as stored: on, until `breakingUntil` (null: until turned off). */
  breaking: boolean;
  breakingUntil: string | null;
  /** In a manşet slot. */
  headline: boolean;
  /** Publication time (ISO, UTC) as stored, null before the first publication: which monthly sitemap and whether the news sitemap list it. */
  publishedAt: string | null;
}

/** One article changed: its facts before and after (null: it did not exist, or no longer does). */
export interface ArticleChange {
  articleId: number;
  before: ArticleFacts | null;
  after: ArticleFacts | null;
}

/** Where an event was first emitted: this process, or another instance (through PostgreSQL NOTIFY). */
export type EventOrigin = "local" | "remote";

export interface NewsEvents {
  articleChanged: [change: ArticleChange, origin: EventOrigin];
  /** The manşet order changed (slots of these articles, in order, now). */
  headlinesChanged: [change: { articleIds: number[] }, origin: EventOrigin];
  /** Categories or sources were added, renamed or removed. */
  taxonomyChanged: [change: Record<string, never>, origin: EventOrigin];
  /** An author's public profile (name, slug, title, bio, photo, links) changed: their page and every byline naming them. */
  authorChanged: [change: { authorId: number }, origin: EventOrigin];
  /**
   * Sections of the site's settings were saved (settings/: "identity" is the name, logo, share image
   * and social profiles every page shows; "ads_txt" is /ads.txt only).
   */
  settingsChanged: [change: { sections: string[] }, origin: EventOrigin];
  /**
   * Changes may have been missed (the instance lost its link to the others, e.g. its PostgreSQL
   * LISTEN connection dropped): anything kept from earlier reads must be dropped. Not relayed.
   */
  changesMissed: [change: Record<string, never>, origin: EventOrigin];
}

/** The news events a relay carries to other instances (changesMissed is about this instance only). */
export const NEWS_EVENT_NAMES = ["articleChanged", "headlinesChanged", "taxonomyChanged", "authorChanged", "settingsChanged"] as const satisfies ReadonlyArray<
  keyof NewsEvents
>;

export const newsEvents = new EventEmitter<NewsEvents>();
// Every instance of the app in one process (tests) and every subscriber (cache, purger, relay, live).
newsEvents.setMaxListeners(0);
