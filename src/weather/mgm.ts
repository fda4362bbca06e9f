// The Turkish State Meteorological Service's public web service: province centres, latest observations
// (sondurumlar) and daily forecasts (tahminler/gunluk).
import PQueue from "p-queue";
import { toIstanbulDay } from "../lib/time.ts";
import { conditionFromMgm } from "./conditions.ts";
import { finite, getJson } from "./http.ts";
import { type DailyForecast, type FetchResult, ProviderError, type WeatherProvider, type WeatherReport } from "./types.ts";

export interface MgmOptions {
  baseUrl: string;
  timeoutMs: number;
  concurrency?: number;
}

// The service answers browsers of its own site; it refuses requests without these.
const HEADERS = { origin: "https://www.mgm.gov.tr", "user-agent": "Mozilla/5.0 (compatible; Haberci weather refresher)" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** MGM marks missing measurements with -9999. */
function measured(value: unknown): number | null {
  const n = finite(value);
  return n === null || n <= -9999 ? null : n;
}

export function parseMgmObservation(plate: string, latest: unknown, daily: unknown): WeatherReport | null {
  const obs: unknown = Array.isArray(latest) ? latest[0] : latest;
  if (!isRecord(obs)) return null;
  const temperature = measured(obs.sicaklik);
  const time = typeof obs.veriZamani === "string" ? Date.parse(obs.veriZamani) : Number.NaN;
  if (temperature === null || Number.isNaN(time)) return null;
  const forecast: DailyForecast[] = [];
  const day: unknown = Array.isArray(daily) ? daily[0] : daily;
  if (isRecord(day)) {
    for (let n = 1; n <= 5; n++) {
      const date = day[`tarihGun${n}`];
      if (typeof date !== "string" || Number.isNaN(Date.parse(date))) continue;
      forecast.push({
        // MGM dates are midnight Istanbul time expressed in UTC (e.g. 2026-11-26T21:00:00.000Z): take the Istanbul day.
        date: toIstanbulDay(date),
        min: measured(day[`enDusukGun${n}`]),
        max: measured(day[`enYuksekGun${n}`]),
        condition: conditionFromMgm(typeof day[`hadiseGun${n}`] === "string" ? String(day[`hadiseGun${n}`]) : null),
        precipitationChance: null,
      });
    }
  }
  return {
    plate,
    observedAt: new Date(time).toISOString(),
    temperature,
    humidity: measured(obs.nem),
    windSpeed: measured(obs.ruzgarHiz),
    isDay: null,
    condition: conditionFromMgm(typeof obs.hadiseKodu === "string" ? obs.hadiseKodu : null),
    forecast,
  };
}

export function createMgmProvider(options: MgmOptions): WeatherProvider {
  const base = options.baseUrl.replace(/\/+$/, "");
  let centres: Map<string, { merkezId: number; dailyId: number }> | undefined;

  const loadCentres = async () => {
    const body = await getJson(`${base}/merkezler/iller`, options.timeoutMs, HEADERS);
    if (!Array.isArray(body)) throw new ProviderError("province centre list is not an array", "garbage");
    const map = new Map<string, { merkezId: number; dailyId: number }>();
    for (const item of body) {
      if (!isRecord(item)) continue;
      const plate = finite(item.ilPlaka);
      const merkezId = finite(item.merkezId);
      const dailyId = finite(item.gunlukTahminIstNo) ?? merkezId;
      if (plate !== null && merkezId !== null && dailyId !== null) map.set(String(plate).padStart(2, "0"), { merkezId, dailyId });
    }
    if (map.size === 0) throw new ProviderError("province centre list is empty", "garbage");
    return map;
  };

  return {
    name: "mgm",
    credit: "Hava durumu verisi: Meteoroloji Genel Müdürlüğü (MGM)",
    async fetchAll(provinces): Promise<FetchResult> {
      centres ??= await loadCentres();
      const known = centres;
      const reports: WeatherReport[] = [];
      const skipped: string[] = [];
      let firstError: ProviderError | undefined;
      const queue = new PQueue({ concurrency: options.concurrency ?? 6 });
      const fetchOne = async (p: (typeof provinces)[number]) => {
        const centre = known.get(p.plate);
        if (!centre) {
          skipped.push(p.plate);
          return;
        }
        try {
          const [latest, daily] = await Promise.all([
            getJson(`${base}/sondurumlar?merkezid=${centre.merkezId}`, options.timeoutMs, HEADERS),
            getJson(`${base}/tahminler/gunluk?istno=${centre.dailyId}`, options.timeoutMs, HEADERS),
          ]);
          const report = parseMgmObservation(p.plate, latest, daily);
          if (report) reports.push(report);
          else skipped.push(p.plate);
        } catch (error) {
          if (!(error instanceof ProviderError)) throw error;
          firstError ??= error;
          skipped.push(p.plate);
          // A rate limit or timeout will hit the rest too: stop this round.
          if (error.kind === "rate_limited" || error.kind === "timeout") queue.clear();
        }
      };
      await queue.addAll(provinces.map((p) => () => fetchOne(p)));
      if (reports.length === 0) throw firstError ?? new ProviderError("no usable province in the answers", "garbage");
      return { reports, skipped };
    },
  };
}
