// Open-Meteo's forecast API: one batched request for every province (the answer is an array in request order).
import { parseIstanbulLocal } from "../lib/time.ts";
import { conditionFromWmo } from "./conditions.ts";
import { finite, getJson } from "./http.ts";
import { type DailyForecast, type FetchResult, ProviderError, type WeatherProvider, type WeatherReport } from "./types.ts";

export interface OpenMeteoOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

const CURRENT = "temperature_2m,relative_humidity_2m,is_day,weather_code,cloud_cover,wind_speed_10m";
const DAILY = "weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max";

export function openMeteoUrl(options: OpenMeteoOptions, points: ReadonlyArray<{ lat: number; lon: number }>): string {
  const params = new URLSearchParams({
    latitude: points.map((p) => p.lat.toFixed(4)).join(","),
    longitude: points.map((p) => p.lon.toFixed(4)).join(","),
    current: CURRENT,
    daily: DAILY,
    timezone: "Europe/Istanbul",
    forecast_days: "7",
  });
  if (options.apiKey) params.set("apikey", options.apiKey);
  return `${options.baseUrl.replace(/\/+$/, "")}/v1/forecast?${params.toString()}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function column(daily: Record<string, unknown>, name: string, i: number): unknown {
  const values = daily[name];
  return Array.isArray(values) ? values[i] : undefined;
}

/** One location's answer -> report, or null when it is unusable (no time or no temperature). */
export function parseOpenMeteoLocation(plate: string, item: unknown): WeatherReport | null {
  if (!isRecord(item) || !isRecord(item.current)) return null;
  const current = item.current;
  // Open-Meteo gives local wall time and its offset; without the offset, the wall time is Istanbul's.
  const offset = finite(item.utc_offset_seconds);
  const observed =
    typeof current.time !== "string" ? null : offset === null ? parseIstanbulLocal(current.time) : new Date(Date.parse(`${current.time}Z`) - offset * 1000);
  const temperature = finite(current.temperature_2m);
  if (observed === null || Number.isNaN(observed.getTime()) || temperature === null) return null;
  const forecast: DailyForecast[] = [];
  if (isRecord(item.daily) && Array.isArray(item.daily.time)) {
    const daily = item.daily;
    item.daily.time.forEach((date, i) => {
      if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
      const code = finite(column(daily, "weather_code", i));
      forecast.push({
        date,
        min: finite(column(daily, "temperature_2m_min", i)),
        max: finite(column(daily, "temperature_2m_max", i)),
        condition: conditionFromWmo(code, null),
        precipitationChance: finite(column(daily, "precipitation_probability_max", i)),
      });
    });
  }
  const isDay = finite(current.is_day);
  return {
    plate,
    observedAt: observed.toISOString(),
    temperature,
    humidity: finite(current.relative_humidity_2m),
    windSpeed: finite(current.wind_speed_10m),
    isDay: isDay === null ? null : isDay === 1,
    condition: conditionFromWmo(finite(current.weather_code), finite(current.cloud_cover)),
    forecast,
  };
}

export function createOpenMeteoProvider(options: OpenMeteoOptions): WeatherProvider {
  return {
    name: "open-meteo",
    credit: "Hava durumu verisi: Open-Meteo.com (CC BY 4.0)",
    async fetchAll(provinces): Promise<FetchResult> {
      const body = await getJson(openMeteoUrl(options, provinces), options.timeoutMs);
      const items = Array.isArray(body) ? body : provinces.length === 1 ? [body] : null;
      if (!items || items.length !== provinces.length) {
        throw new ProviderError(`expected ${provinces.length} locations, got ${Array.isArray(body) ? body.length : "no array"}`, "garbage");
      }
      const reports: WeatherReport[] = [];
      const skipped: string[] = [];
      provinces.forEach((p, i) => {
        const report = parseOpenMeteoLocation(p.plate, items[i]);
        if (report) reports.push(report);
        else skipped.push(p.plate);
      });
      if (reports.length === 0) throw new ProviderError("no usable location in the answer", "garbage");
      return { reports, skipped };
    },
  };
}
