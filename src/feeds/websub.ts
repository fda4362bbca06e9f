// WebSub (W3C Recommendation, 2018): every feed names the hub (rel="hub", rel="self"); after each
// change made on this instance the hub is told which feeds changed, so subscribers get them at once.
// The spec leaves the publisher-to-hub call to the hub; the common one (PubSubHubbub 0.4, used by
// Google's and Superfeedr's hubs) is a form POST of `hub.mode=publish` and one `hub.url` per topic.
//
// Never in the way of a publish: the event handler only adds topics to a bounded set; one round at a
// time sends them (p-queue), retrying failures with backoff (p-retry); a hub that refuses (4xx) or
// stays down is logged, and topics over the bound are dropped with a warning (the hub then learns of
// them at the next change, or subscribers at their next poll).
import type { Kysely } from "kysely";
import PQueue from "p-queue";
import pRetry, { AbortError } from "p-retry";
import type { Database } from "../db/schema.ts";
import { type ArticleChange, type ArticleFacts, type EventOrigin, newsEvents } from "../news/events.ts";
import { findAuthorById } from "../news/authorStore.ts";
import { loadTaxonomy } from "../news/taxonomyCache.ts";
import { findTagsByIds } from "../news/taxonomyStore.ts";
import { FEED_FORMATS, type FeedSubject, feedPath } from "./paths.ts";

/** A feed named by ids, as a change's facts give them. */
export type ChangedFeed =
  { kind: "all" } | { kind: "breaking" } | { kind: "headlines" } | { kind: "category"; id: number } | { kind: "tag"; id: number } | { kind: "author"; id: number };

/**
 * The feeds an article change may alter (pure): none unless readers saw it before or after; then the
 * site feed, the feeds of its categories, tags and authors before and after, son dakika when it was or is
 * flagged, the manşet when it was or is in a slot.
 */
export function changedFeeds({ before, after }: Pick<ArticleChange, "before" | "after">): ChangedFeed[] {
  const seen = [before, after].filter((f): f is ArticleFacts => f !== null && f.visible);
  if (seen.length === 0) return [];
  const out: ChangedFeed[] = [{ kind: "all" }];
  for (const id of new Set(seen.map((f) => f.categoryId))) out.push({ kind: "category", id });
  for (const id of new Set(seen.flatMap((f) => f.tagIds))) out.push({ kind: "tag", id });
  for (const id of new Set(seen.flatMap((f) => f.authorIds))) out.push({ kind: "author", id });
  if (seen.some((f) => f.breaking)) out.push({ kind: "breaking" });
  if (seen.some((f) => f.headline)) out.push({ kind: "headlines" });
  return out;
}

/** The body of a publish notification: `hub.mode=publish` and each topic as `hub.url`. */
export function publishBody(topics: readonly string[]): string {
  const form = new URLSearchParams({ "hub.mode": "publish" });
  for (const topic of topics) form.append("hub.url", topic);
  return form.toString();
}

export interface WebSubOptions {
  db: Kysely<Database>;
  /** The hub's address (WEBSUB_HUB_URL). */
  hubUrl: string;
  /** The site's absolute address (PUBLIC_URL), for the topics. */
  publicUrl: string;
  log: { warn(message: string): void; error(details: object, message: string): void };
  /** Attempts after the first (default 4: about 1 + 2 + 4 + 8 s of backoff). */
  retries?: number;
  /** First backoff in ms (default 1000), doubling. */
  minTimeoutMs?: number;
  /** Each request's limit in ms (default 10000). */
  timeoutMs?: number;
  /** Most topics waiting at once (default 2000); more are dropped with a warning. */
  maxWaiting?: number;
  /** At most this many topics per request (default 100). */
  batchSize?: number;
}

export interface WebSubPinger {
  /** Resolves when nothing is waiting or being sent (tests). */
  idle(): Promise<void>;
  /** Unsubscribes and ends the round being sent (what is waiting is dropped). */
  stop(): Promise<void>;
}

/**
 * Subscribes to the news events of this instance (origin "local": the instance where a change happens
 * tells the hub, once) and pings the hub with the changed feeds' addresses in every format: an
 * article's feeds when it changes, the manşet's when its order does, an author's and the site
 * feed when the author's public profile does.
 */
export function startWebSubPings(options: WebSubOptions): WebSubPinger {
  const { db, hubUrl, publicUrl, log } = options;
  const retries = options.retries ?? 4;
  const minTimeout = options.minTimeoutMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxWaiting = options.maxWaiting ?? 2000;
  const batchSize = options.batchSize ?? 100;
  const queue = new PQueue({ concurrency: 1 });
  /** Aborted by stop(): the request in flight and its retries end at once. */
  const stopping = new AbortController();
  /** Feeds changed and not yet resolved to addresses; addresses waiting to be sent. */
  let changed: ChangedFeed[] = [];
  const waiting = new Set<string>();
  let dropped = 0;

  const topicsOf = async (feeds: ChangedFeed[]): Promise<string[]> => {
    const categories = new Map((await loadTaxonomy(db)).categories.map((c) => [c.id, c.slug]));
    const tagIds = feeds.flatMap((f) => (f.kind === "tag" ? [f.id] : []));
    const tags = new Map((await findTagsByIds(db, tagIds)).map((t) => [t.id, t.slug]));
    // A byline has a few authors: one lookup each.
    const authorIds = [...new Set(feeds.flatMap((f) => (f.kind === "author" ? [f.id] : [])))];
    const authors = new Map((await Promise.all(authorIds.map((id) => findAuthorById(db, id)))).flatMap((a) => (a ? [[a.id, a.slug] as const] : [])));
    const subjects = feeds.flatMap((f): FeedSubject[] => {
      if (f.kind === "category") {
        const slug = categories.get(f.id);
        return slug === undefined ? [] : [{ kind: "category", slug }];
      }
      if (f.kind === "tag") {
        const slug = tags.get(f.id);
        return slug === undefined ? [] : [{ kind: "tag", slug }];
      }
      if (f.kind === "author") {
        const slug = authors.get(f.id);
        return slug === undefined ? [] : [{ kind: "author", slug }];
      }
      return [f];
    });
    return subjects.flatMap((s) => FEED_FORMATS.map((format) => `${publicUrl}${feedPath(s, format)}`));
  };

  const send = async (topics: string[]) => {
    const response = await fetch(hubUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: publishBody(topics),
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]),
    });
    await response.body?.cancel();
    if (response.ok) return;
    const failure = new Error(`WebSub hub answered ${response.status}`);
    // A refusal will not change by asking again; overload and outages may.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) throw new AbortError(failure);
    throw failure;
  };

  const round = async () => {
    const feeds = changed;
    changed = [];
    if (feeds.length > 0) {
      for (const topic of await topicsOf(feeds)) {
        if (waiting.size >= maxWaiting) dropped += 1;
        else waiting.add(topic);
      }
    }
    if (dropped > 0) {
      log.warn(`WebSub: ${dropped} feed addresses dropped (more than ${maxWaiting} waiting)`);
      dropped = 0;
    }
    while (waiting.size > 0 && !stopping.signal.aborted) {
      const batch = [...waiting].slice(0, batchSize);
      for (const topic of batch) waiting.delete(topic);
      try {
        await pRetry(() => send(batch), { retries, minTimeout, factor: 2, signal: stopping.signal });
      } catch (error) {
        if (!stopping.signal.aborted) log.error({ err: error, hub: hubUrl, topics: batch.length }, "WebSub publish ping failed");
      }
    }
  };

  const schedule = (feeds: ChangedFeed[]) => {
    if (feeds.length === 0) return;
    // Bounded before resolution too: each change adds at most a few dozen feeds.
    if (changed.length < maxWaiting) changed.push(...feeds);
    else dropped += feeds.length;
    // One round waiting is enough: it takes everything added before it starts.
    if (queue.size === 0) {
      queue.add(round).catch((error: unknown) => log.error({ err: error }, "WebSub round failed"));
    }
  };

  const onArticle = (change: ArticleChange, origin: EventOrigin) => {
    if (origin === "local") schedule(changedFeeds(change));
  };
  const onHeadlines = (_change: unknown, origin: EventOrigin) => {
    if (origin === "local") schedule([{ kind: "headlines" }]);
  };
  // A renamed author: their feed (at its new address) and the site feed, whose items name them.
  const onAuthor = ({ authorId }: { authorId: number }, origin: EventOrigin) => {
    if (origin === "local") schedule([{ kind: "author", id: authorId }, { kind: "all" }]);
  };
  newsEvents.on("articleChanged", onArticle);
  newsEvents.on("headlinesChanged", onHeadlines);
  newsEvents.on("authorChanged", onAuthor);

  return {
    idle: () => queue.onIdle(),
    async stop() {
      newsEvents.off("articleChanged", onArticle);
      newsEvents.off("headlinesChanged", onHeadlines);
      newsEvents.off("authorChanged", onAuthor);
      queue.clear();
      waiting.clear();
      stopping.abort();
      await queue.onIdle();
    },
  };
}
