import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectDatabase, type Db } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type Refresher, startWeatherRefresher } from "./refresher.ts";
import { ProviderError, type WeatherProvider, type WeatherReport } from "./types.ts";

/** A provider in this process: answers two provinces, or fails while `down` is set. */
function fakeProvider(): WeatherProvider & { down: boolean } {
  const report = (plate: string): WeatherReport => ({
    plate,
    observedAt: "2026-11-29T09:00:00.000Z",
    temperature: 11.3,
    humidity: 80,
    windSpeed: 5,
    isDay: true,
    condition: "cok-bulutlu",
    forecast: [],
  });
  return {
    name: "open-meteo",
    credit: "Open-Meteo",
    down: false,
    async fetchAll() {
      if (this.down) throw new ProviderError("HTTP 503", "http");
      return { reports: [report("06"), report("34")], skipped: [] };
    },
  };
}

describe("the weather refresher's state (for /metrics)", () => {
  let handle: Db;
  let refresher: Refresher | undefined;
  beforeEach(async () => {
    handle = await connectDatabase({ dialect: "sqlite", file: ":memory:" });
    await migrateToLatest(handle.db);
  });
  afterEach(async () => {
    refresher?.stop();
    await handle.close();
  });

  it("tells when it last tried and succeeded, how many rounds failed in a row and how many provinces it stored", async () => {
    const provider = fakeProvider();
    let clock = new Date("2026-11-29T09:00:00Z");
    refresher = startWeatherRefresher(handle.db, provider, { everySeconds: 900, now: () => clock, log: { info: () => {}, warn: () => {} } });
    // The first round starts at once; refreshNow joins it.
    await refresher.refreshNow();
    expect(refresher.state()).toEqual({
      lastAttemptAt: new Date("2026-11-29T09:00:00Z"),
      lastSuccessAt: new Date("2026-11-29T09:00:00Z"),
      consecutiveFailures: 0,
      lastStored: 2,
    });

    provider.down = true;
    clock = new Date("2026-11-29T09:15:00Z");
    await refresher.refreshNow();
    clock = new Date("2026-11-29T09:16:00Z");
    await refresher.refreshNow();
    expect(refresher.state()).toEqual({
      lastAttemptAt: new Date("2026-11-29T09:16:00Z"),
      lastSuccessAt: new Date("2026-11-29T09:00:00Z"),
      consecutiveFailures: 2,
      lastStored: 2,
    });

    provider.down = false;
    clock = new Date("2026-11-29T09:17:00Z");
    await refresher.refreshNow();
    expect(refresher.state()).toEqual({
      lastAttemptAt: new Date("2026-11-29T09:17:00Z"),
      lastSuccessAt: new Date("2026-11-29T09:17:00Z"),
      consecutiveFailures: 0,
      lastStored: 2,
    });
  });

  it("has no success to report while the provider has never answered", async () => {
    const provider = fakeProvider();
    provider.down = true;
    refresher = startWeatherRefresher(handle.db, provider, {
      everySeconds: 900,
      now: () => new Date("2026-11-29T09:00:00Z"),
      log: { info: () => {}, warn: () => {} },
    });
    await refresher.refreshNow();
    expect(refresher.state()).toEqual({ lastAttemptAt: new Date("2026-11-29T09:00:00Z"), lastSuccessAt: null, consecutiveFailures: 1, lastStored: 0 });
  });
});
