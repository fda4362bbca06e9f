import type { ConditionKey } from "./conditions.ts";

export interface DailyForecast {
  /** YYYY-MM-DD, Istanbul calendar day. */
  date: string;
  min: number | null;
  max: number | null;
  condition: ConditionKey;
  /** Percent, 0-100; null when the provider gives none. */
  precipitationChance: number | null;
}

/** One province's latest observation and forecast, as a provider reported it. */
export interface WeatherReport {
  plate: string;
  observedAt: string;
  temperature: number;
  humidity: number | null;
  windSpeed: number | null;
  isDay: boolean | null;
  condition: ConditionKey;
  forecast: DailyForecast[];
}

export type ProviderName = "open-meteo" | "mgm";

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: "timeout" | "rate_limited" | "http" | "garbage" | "network",
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

export interface FetchResult {
  reports: WeatherReport[];
  /** Provinces skipped because the answer for them was unusable (nulls, garbage). */
  skipped: string[];
}

export interface WeatherProvider {
  name: ProviderName;
  /** Source credit shown to readers. */
  credit: string;
  fetchAll(provinces: ReadonlyArray<{ plate: string; name: string; lat: number; lon: number }>): Promise<FetchResult>;
}
