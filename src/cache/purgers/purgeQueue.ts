// Between the news events and the CDN: publishing never waits for, nor fails with, a purge.
// Keys are gathered for a moment, sent one round at a time, and kept (within bounds) while the CDN is down.
import { PurgeError, type CdnPurger } from "./cdnPurger.ts";
import { isSurrogateKey } from "./surrogateKeys.ts";

/** The logger the queue reports to (Fastify's pino logger fits). */
export interface PurgeQueueLog {
  warn(obj: object, msg: string): void;
  info?(obj: object, msg: string): void;
}

export interface PurgeQueueOptions {
  log: PurgeQueueLog;
  /** How long keys gather before a round starts, in milliseconds. Default 50. */
  debounceMs?: number;
  /** Most keys in one round (one purger.purge call); the rest wait for the next. Default 1000. */
  maxKeysPerRound?: number;
  /** Most keys kept waiting; beyond it the first-queued keys are dropped and logged. Default 10000. */
  maxPendingKeys?: number;
  /** Failed rounds a key may take part in before it is dropped and logged. Default 8. */
  maxFailedRounds?: number;
  /** Pause after a failed round, in milliseconds; doubles per failed round in a row. Default 1000. */
  retryDelayMs?: number;
  /** Longest pause after failed rounds, in milliseconds. Default 60000. */
  maxRetryDelayMs?: number;
  /** How long stop() may spend flushing, in milliseconds; then the purge in flight is aborted. Default 2000. */
  stopTimeoutMs?: number;
  /** Called after each round with its outcome and size in keys (e.g. to count haberci_cdn_purges_total). */
  onRound?(result: "ok" | "failed", keys: number): void;
}

/** Counters for the metrics endpoint; all counts since start. */
export interface PurgeQueueStats {
  /** Keys the CDN accepted (a key purged in three rounds counts three times). */
  purged: number;
  /** Rounds that failed after the purger's own retries. */
  failed: number;
  /** Keys given up on: too many failed rounds, queue full, invalid, or left at stop(). */
  dropped: number;
  /** Keys waiting or in flight now. */
  pendingKeys: number;
}

export interface PurgeQueue {
  /**
   * Queues surrogate keys for purging and returns at once: never throws, never waits for the network.
   * Invalid keys are dropped and logged; keys already waiting are not repeated.
   */
  enqueue(keys: readonly string[]): void;
  /** Resolves when no key waits and no round is in flight (tests; a CDN that stays down delays it until keys are dropped). */
  idle(): Promise<void>;
  /**
   * Stops taking keys, sends what waits (no pause between rounds; the purger still retries) and resolves within about
   * `stopTimeoutMs`, aborting the purge in flight when time runs out. Keys left are dropped and logged.
   * Calling it again returns the same promise.
   */
  stop(): Promise<void>;
  stats(): PurgeQueueStats;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts a queue in front of `purger`. Keys arriving within `debounceMs` of each other go out in one
 * purge; one purge is in flight at a time, and keys arriving meanwhile go in the next round. A failed
 * round is logged (warn) and its unpurged keys wait for later rounds, after a pause growing from
 * `retryDelayMs` to `maxRetryDelayMs`; a key is dropped after `maxFailedRounds` failed rounds and the
 * queue keeps at most `maxPendingKeys`, so memory stays bounded while a CDN stays down.
 * Timers are unref'd: the queue never keeps the process alive; call stop() at shutdown.
 */
export function startPurgeQueue(purger: CdnPurger, options: PurgeQueueOptions): PurgeQueue {
  const { log } = options;
  const debounceMs = options.debounceMs ?? 50;
  const maxKeysPerRound = options.maxKeysPerRound ?? 1000;
  const maxPendingKeys = options.maxPendingKeys ?? 10_000;
  const maxFailedRounds = options.maxFailedRounds ?? 8;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 2000;

  /** Waiting keys, in queue order, with the failed rounds each has been through. */
  const pending = new Map<string, number>();
  let inFlight: { keys: readonly string[]; done: Promise<void> } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failuresInARow = 0;
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const abort = new AbortController();
  const counts = { purged: 0, failed: 0, dropped: 0 };
  let idleWaiters: (() => void)[] = [];

  const drop = (keys: readonly string[], msg: string) => {
    if (keys.length === 0) return;
    counts.dropped += keys.length;
    log.warn({ purger: purger.name, keys: keys.length, sample: keys.slice(0, 10) }, msg);
  };

  const settleIdle = () => {
    if (pending.size > 0 || inFlight || timer) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const enforceCap = () => {
    if (pending.size <= maxPendingKeys) return;
    const excess: string[] = [];
    for (const key of pending.keys()) {
      if (excess.length >= pending.size - maxPendingKeys) break;
      excess.push(key);
    }
    for (const key of excess) pending.delete(key);
    drop(excess, `CDN purge queue full (${maxPendingKeys} keys): dropped the first-queued keys`);
  };

  const schedule = () => {
    if (stopping || inFlight || timer || pending.size === 0) return;
    const delay = failuresInARow === 0 ? debounceMs : Math.min(retryDelayMs * 2 ** (failuresInARow - 1), maxRetryDelayMs);
    timer = setTimeout(() => {
      timer = undefined;
      void runRound();
    }, delay);
    timer.unref();
  };

  const onFailure = (round: ReadonlyMap<string, number>, error: unknown) => {
    counts.failed += 1;
    failuresInARow += 1;
    const unpurged = new Set(error instanceof PurgeError ? error.unpurgedKeys : round.keys());
    counts.purged += [...round.keys()].filter((key) => !unpurged.has(key)).length;
    const givenUp: string[] = [];
    for (const key of unpurged) {
      // A key queued again meanwhile belongs to a newer change: it waits with a fresh count.
      if (pending.has(key) || !round.has(key)) continue;
      const failures = (round.get(key) ?? 0) + 1;
      if (stopping || failures >= maxFailedRounds) givenUp.push(key);
      else pending.set(key, failures);
    }
    log.warn(
      { purger: purger.name, keys: unpurged.size, failedRoundsInARow: failuresInARow, err: errorText(error) },
      stopping ? "CDN purge failed while stopping" : "CDN purge failed; keys kept for a later round",
    );
    drop(givenUp, stopping ? "CDN purge queue stopped: keys not purged" : `CDN purge failed ${maxFailedRounds} rounds: keys dropped`);
    enforceCap();
  };

  /** Takes up to maxKeysPerRound waiting keys and purges them; resolves when the round is over (never rejects). */
  const runRound = (): Promise<void> => {
    const round = new Map<string, number>();
    for (const [key, failures] of pending) {
      if (round.size >= maxKeysPerRound) break;
      round.set(key, failures);
    }
    for (const key of round.keys()) pending.delete(key);
    if (round.size === 0) {
      settleIdle();
      return Promise.resolve();
    }
    const keys = [...round.keys()];
    const done = purger
      .purge(keys, abort.signal)
      .then(
        () => {
          counts.purged += keys.length;
          failuresInARow = 0;
          log.info?.({ purger: purger.name, keys: keys.length }, "CDN purge done");
          options.onRound?.("ok", keys.length);
        },
        (error: unknown) => {
          onFailure(round, error);
          options.onRound?.("failed", keys.length);
        },
      )
      .catch((error: unknown) => log.warn({ purger: purger.name, err: errorText(error) }, "CDN purge queue: unexpected error"))
      .finally(() => {
        inFlight = undefined;
        schedule();
        settleIdle();
      });
    inFlight = { keys, done };
    return done;
  };

  const flush = async () => {
    if (inFlight) await inFlight.done;
    while (pending.size > 0) await runRound();
  };

  return {
    enqueue(keys) {
      try {
        if (stopping) {
          drop(keys, "CDN purge queue stopped: keys not purged");
          return;
        }
        const invalid: string[] = [];
        for (const key of keys) {
          if (typeof key === "string" && isSurrogateKey(key)) pending.set(key, 0);
          else invalid.push(String(key).slice(0, 80));
        }
        drop(invalid, "CDN purge queue: not surrogate keys, dropped");
        enforceCap();
        schedule();
      } catch (error) {
        // enqueue runs inside news event handlers: nothing here may reach the publish.
        log.warn({ err: errorText(error) }, "CDN purge queue: enqueue failed");
      }
    },

    idle() {
      if (pending.size === 0 && !inFlight && !timer) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },

    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearTimeout(timer);
        timer = undefined;
        let deadline: NodeJS.Timeout | undefined;
        const timedOut = new Promise<"timeout">((resolve) => {
          deadline = setTimeout(() => resolve("timeout"), stopTimeoutMs);
          deadline.unref();
        });
        const flushing = flush();
        if ((await Promise.race([flushing, timedOut])) === "timeout") {
          abort.abort(new Error("CDN purge queue stopped"));
          await flushing;
        }
        clearTimeout(deadline);
        const left = [...pending.keys()];
        pending.clear();
        drop(left, "CDN purge queue stopped: keys not purged");
        settleIdle();
      })();
      return stopped;
    },

    stats() {
      let pendingKeys = pending.size;
      for (const key of inFlight?.keys ?? []) if (!pending.has(key)) pendingKeys += 1;
      return { ...counts, pendingKeys };
    },
  };
}
