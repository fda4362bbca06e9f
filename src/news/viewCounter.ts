import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { toIstanbulDay } from "../lib/time.ts";
import { addViews } from "./articleStore.ts";
import { isPublished } from "./cardStore.ts";
import { newViewSalt, VIEW_REPEAT_MS, type ViewRequest, type ViewSkip, viewKey, viewSkipReason } from "./viewRules.ts";
import * as store from "./viewStore.ts";

export interface ViewCounter {
  /**
   * Queues a reader's view of an article (written at the next flush), or says why it does not count.
   * Whether it counts again within 30 minutes is decided at the flush, against the database.
   */
  record(articleId: number, request: ViewRequest): ViewSkip | undefined;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export interface ViewCounterOptions {
  /** How often queued views are written (ms); default 5 s. */
  everyMs?: number;
  onError?: (error: unknown) => void;
  /** The clock (tests move it). */
  now?: () => Date;
}

interface QueuedView {
  articleId: number;
  request: ViewRequest;
  at: Date;
}

/** Rows per statement when writing marks (two parameters each; well under SQLite's and PostgreSQL's limits). */
const CHUNK = 400;

/**
 * Page views, counted honestly (issue 13): a reader's view of an article counts once per 30 minutes
 * (VIEW_REPEAT_MS), bots and prefetches not at all (news/viewRules.ts). No cookie is set and nothing
 * personal is stored: a counted view leaves only a mark, a keyed hash of (the day's salt, address, user
 * agent, article id) with its expiry, deleted when it expires; the day's salt is deleted after the day.
 * Marks and salts live in the database, so instances sharing a PostgreSQL database dedupe together.
 * (Around midnight a reader's view may count twice: the new day's salt gives a new key.)
 *
 * Views wait in memory (address and user agent included, never written) and are written in one
 * transaction every few seconds, so reading never waits on a write.
 */
export function createViewCounter(db: Kysely<Database>, options: ViewCounterOptions = {}): ViewCounter {
  const { everyMs = 5_000, onError = () => {}, now = () => new Date() } = options;
  let queued: QueuedView[] = [];
  let salt: { day: string; value: string } | undefined;
  /** The latest expiry this counter wrote and has not yet deleted. */
  let latestExpiry: Date | undefined;

  const write = async (batch: QueuedView[]) => {
    const at = now();
    const today = toIstanbulDay(at);
    await db.transaction().execute(async (trx) => {
      const salts = new Map<string, string>();
      const saltOf = async (day: string) => {
        if (salt?.day === day) return salt.value;
        const known = salts.get(day) ?? (await store.daySalt(trx, day, newViewSalt()));
        salts.set(day, known);
        return known;
      };
      // Repeats of one key go to later rounds, so each statement holds a key once and rounds keep time order.
      const rounds: Array<Array<store.ViewMark & { articleId: number }>> = [];
      const seen = new Map<string, number>();
      for (const view of batch) {
        const keyHash = viewKey(await saltOf(toIstanbulDay(view.at)), view.request, view.articleId);
        const round = seen.get(keyHash) ?? 0;
        seen.set(keyHash, round + 1);
        const expiresAt = new Date(view.at.getTime() + VIEW_REPEAT_MS);
        (rounds[round] ??= []).push({ keyHash, seenAt: view.at.toISOString(), expiresAt: expiresAt.toISOString(), articleId: view.articleId });
        if (!latestExpiry || expiresAt > latestExpiry) latestExpiry = expiresAt;
      }
      const counts = new Map<number, number>();
      for (const round of rounds) {
        for (let i = 0; i < round.length; i += CHUNK) {
          const chunk = round.slice(i, i + CHUNK);
          const counted = await store.claimViewMarks(
            trx,
            chunk.map(({ keyHash, seenAt, expiresAt }) => ({ keyHash, seenAt, expiresAt })),
          );
          for (const mark of chunk) if (counted.has(mark.keyHash)) counts.set(mark.articleId, (counts.get(mark.articleId) ?? 0) + 1);
        }
      }
      await addViews(trx, counts);
      await tidy(trx, at, today);
      const todays = salts.get(today);
      if (todays) salt = { day: today, value: todays };
    });
  };

  const tidy = async (trx: Parameters<typeof store.deleteExpiredViewMarks>[0], at: Date, today: string) => {
    await store.deleteExpiredViewMarks(trx, at.toISOString());
    await store.dropSaltsBefore(trx, today);
    if (latestExpiry && latestExpiry <= at) latestExpiry = undefined;
    if (salt && salt.day !== today) salt = undefined;
  };

  const flush = async () => {
    const batch = queued;
    queued = [];
    try {
      if (batch.length > 0) {
        await write(batch);
      } else {
        // Nothing to write: still delete what has expired (marks, yesterday's salt) without waiting for a view.
        const at = now();
        const today = toIstanbulDay(at);
        if ((latestExpiry && latestExpiry <= at) || (salt && salt.day !== today)) {
          await db.transaction().execute((trx) => tidy(trx, at, today));
        }
      }
    } catch (error) {
      onError(error);
    }
  };
  const timer = setInterval(() => void flush(), everyMs);
  timer.unref();
  return {
    record(articleId, request) {
      const skip = viewSkipReason(request);
      if (!skip) queued.push({ articleId, request, at: now() });
      return skip;
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

/**
 * Counts a reader's view of a published article (in `views`, written later; see createViewCounter for
 * what counts); anything else is NotFoundError. Returns why the view does not count, if it does not.
 */
export async function recordArticleView(db: Kysely<Database>, views: ViewCounter, id: number, request: ViewRequest): Promise<ViewSkip | undefined> {
  if (!(await isPublished(db, id))) throw new NotFoundError("Haber", id);
  return views.record(id, request);
}
