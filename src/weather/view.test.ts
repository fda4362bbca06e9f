// The weather pages read from memory (issue 11): what the refresher stores shows on the next page.
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { provinceByPlate } from "./provinces.ts";
import { refreshWeather } from "./refresher.ts";
import type { WeatherProvider, WeatherReport } from "./types.ts";
import { getAllWeather, getWeather } from "./view.ts";

/** Answers Ankara and İstanbul at `temperature`. */
function provider(temperature: number): WeatherProvider {
  const report = (plate: string): WeatherReport => ({
    plate,
    observedAt: "2026-11-29T09:00:00.000Z",
    temperature,
    humidity: 80,
    windSpeed: 5,
    isDay: true,
    condition: "cok-bulutlu",
    forecast: [],
  });
  return { name: "open-meteo", credit: "Open-Meteo", fetchAll: async () => ({ reports: [report("06"), report("34")], skipped: [] }) };
}

describeEachDatabase("weather views", (get) => {
  const ankara = provinceByPlate("06");
  if (!ankara) throw new Error("no Ankara");

  it("shows each province's latest stored report, the next page after the refresher stored it", async () => {
    const { db } = get();
    expect((await getWeather(db, ankara)).text).toBe("Ankara");
    await refreshWeather(db, provider(11.3), new Date("2026-11-29T09:00:00Z"));
    expect((await getWeather(db, ankara)).text).toBe("Çok Bulutlu 11.3ºC Ankara");
    await refreshWeather(db, provider(-2), new Date("2026-11-29T09:15:00Z"));
    expect((await getWeather(db, ankara)).text).toBe("Çok Bulutlu -2.0ºC Ankara");
    const all = await getAllWeather(db);
    expect(all).toHaveLength(81);
    expect(all.filter((v) => v.temperature !== null).map((v) => v.province)).toEqual(["Ankara", "İstanbul"]);
  });
});
