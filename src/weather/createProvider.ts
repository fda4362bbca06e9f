import type { WeatherConfig } from "../config.ts";
import { createMgmProvider } from "./mgm.ts";
import { createOpenMeteoProvider } from "./openMeteo.ts";
import type { WeatherProvider } from "./types.ts";

export function createWeatherProvider(config: WeatherConfig): WeatherProvider | null {
  if (config.provider === "off") return null;
  if (config.provider === "mgm") return createMgmProvider({ baseUrl: config.mgmUrl, timeoutMs: config.timeoutMs });
  return createOpenMeteoProvider({ baseUrl: config.openMeteoUrl, apiKey: config.openMeteoApiKey, timeoutMs: config.timeoutMs });
}
