// Fetches every province in the background and keeps the latest good report in the database.
// Readers never wait on a provider: pages read the database only.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { formatIstanbulClock } from "../lib/time.ts";
import { PROVINCES } from "./provinces.ts";
import * as store from "./store.ts";
import { weatherEvents } from "./events.ts";
import { forgetWeatherLine } from "./view.ts";
import { ProviderError, type WeatherProvider } from "./types.ts";

export interface RefresherOptions {
  everySeconds: number;
  log: { info(msg: string): void; warn(msg: string): void };
  now?: () => Date;
  /** First retry after a failure; doubles up to everySeconds. */
  firstRetrySeconds?: number;
}

/** Where the refresher stands, for monitoring (`/metrics`); a snapshot, not a live view. */
export interface RefresherState {
  /** When the latest round started; null before the first. */
  lastAttemptAt: Date | null;
  /** When the latest round that stored data started; null until one has. */
  lastSuccessAt: Date | null;
  /** Rounds failed in a row since the last success (0 after a success or before any round). */
  consecutiveFailures: number;
  /** Provinces stored by the latest successful round (0 until one has). */
  lastStored: number;
}

export interface Refresher {
  /** One round now; resolves with true when fresh data was stored. */
  refreshNow(): Promise<boolean>;
  /** The refresher's standing now (see RefresherState). */
  state(): RefresherState;
  stop(): void;
}

/** One round: fetch, store the good reports. Failures leave the stored data as it was. */
export async function refreshWeather(db: Kysely<Database>, provider: WeatherProvider, now: Date): Promise<{ stored: number; skipped: string[] }> {
  const { reports, skipped } = await provider.fetchAll(PROVINCES);
  await db.transaction().execute((trx) => store.saveReports(trx, provider.name, reports, now));
  forgetWeatherLine(db); // pages hold the reports in memory
  if (reports.length > 0) weatherEvents.emit("refreshed", { stored: reports.length, at: now });
  return { stored: reports.length, skipped };
}

export function startWeatherRefresher(db: Kysely<Database>, provider: WeatherProvider, options: RefresherOptions): Refresher {
  const now = options.now ?? (() => new Date());
  const firstRetry = options.firstRetrySeconds ?? 30;
  let failures = 0;
  let lastAttemptAt: Date | null = null;
  let lastSuccessAt: Date | null = null;
  let lastStored = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<boolean> | undefined;

  const schedule = (seconds: number) => {
    if (stopped) return;
    timer = setTimeout(() => void round(), seconds * 1000);
    timer.unref();
  };

  const round = (): Promise<boolean> => {
    running ??= (async () => {
      const startedAt = now();
      lastAttemptAt = startedAt;
      try {
        const { stored, skipped } = await refreshWeather(db, provider, startedAt);
        if (failures > 0 || skipped.length > 0) {
          options.log.info(
            `weather: ${provider.name} answered for ${stored} provinces${skipped.length ? ` (unusable data for ${skipped.join(", ")}: kept their last report)` : ""}`,
          );
        }
        failures = 0;
        lastSuccessAt = startedAt;
        lastStored = stored;
        schedule(options.everySeconds);
        return true;
      } catch (error) {
        failures += 1;
        const backoff = Math.min(options.everySeconds, firstRetry * 2 ** (failures - 1));
        const wait = error instanceof ProviderError && error.retryAfterSeconds ? Math.max(backoff, error.retryAfterSeconds) : backoff;
        const last = await store.findReport(db, "06").catch(() => undefined);
        const kept = last ? `keeping data from ${formatIstanbulClock(last.fetchedAt)}` : "no data yet";
        options.log.warn(`weather: ${provider.name} failed (${(error as Error).message}); ${kept}; retrying in ${wait} s`);
        schedule(wait);
        return false;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  void round();
  return {
    refreshNow: () => {
      if (timer) clearTimeout(timer);
      return round();
    },
    state: () => ({ lastAttemptAt, lastSuccessAt, consecutiveFailures: failures, lastStored }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
