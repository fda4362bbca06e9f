// What readers see of the weather: the header line, the JSON for the picker, the province page.
import type { Kysely } from "kysely";
import type { Database, WeatherReportRow } from "../db/schema.ts";
import { CONDITION_TEXT, type ConditionKey } from "./conditions.ts";
import { PROVINCES, PROVINCES_SORTED, type Province } from "./provinces.ts";
import * as store from "./store.ts";
import type { DailyForecast } from "./types.ts";

export interface WeatherView {
  plate: string;
  province: string;
  slug: string;
  /** The header line, e.g. "Çok Bulutlu 11.3ºC Ankara"; just the province before any data arrived. */
  text: string;
  /** The line without the province, e.g. "Çok Bulutlu 11.3ºC"; null before any data arrived. */
  reading: string | null;
  condition: ConditionKey | null;
  conditionText: string | null;
  temperature: number | null;
  humidity: number | null;
  windSpeed: number | null;
  isDay: boolean | null;
  observedAt: string | null;
  updatedAt: string | null;
  provider: string | null;
  forecast: DailyForecast[];
}

/** One decimal and ºC, as in 11.3ºC. */
export function formatTemperature(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${(Object.is(rounded, -0) ? 0 : rounded).toFixed(1)}ºC`;
}

type Report = { condition: ConditionKey; temperature: number | null } | null;

/** Condition and temperature, e.g. "Çok Bulutlu 11.3ºC"; null without a temperature. */
export function weatherReading(report: Report): string | null {
  if (!report || report.temperature === null) return null;
  return `${CONDITION_TEXT[report.condition]} ${formatTemperature(report.temperature)}`;
}

/** The header line, e.g. "Çok Bulutlu 11.3ºC Ankara"; the province alone without a temperature. */
export function weatherLine(province: string, report: Report): string {
  const reading = weatherReading(report);
  return reading ? `${reading} ${province}` : province;
}

function isCondition(value: string): value is ConditionKey {
  return Object.hasOwn(CONDITION_TEXT, value);
}

function parseForecast(json: string): DailyForecast[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as DailyForecast[]) : [];
  } catch {
    return [];
  }
}

export function toView(province: Province, row: WeatherReportRow | undefined): WeatherView {
  const condition = row && isCondition(row.condition) ? row.condition : null;
  const report = row && condition ? { condition, temperature: row.temperature } : null;
  return {
    plate: province.plate,
    province: province.name,
    slug: province.slug,
    text: weatherLine(province.name, report),
    reading: weatherReading(report),
    condition,
    conditionText: condition ? CONDITION_TEXT[condition] : null,
    temperature: row?.temperature ?? null,
    humidity: row?.humidity ?? null,
    windSpeed: row?.windSpeed ?? null,
    isDay: row?.isDay === null || row?.isDay === undefined ? null : row.isDay === 1,
    observedAt: row?.observedAt ?? null,
    updatedAt: row?.fetchedAt ?? null,
    provider: row?.provider ?? null,
    forecast: row ? parseForecast(row.forecast) : [],
  };
}

/**
 * How long a reading of the reports serves pages, in milliseconds: the refresher stores a round at
 * most every 60 s and drops the memory when it does (forgetWeatherLine), so this bounds only what
 * another instance's refresher wrote (PostgreSQL) and any write that forgot to say so.
 */
const HELD_FOR_MS = 30_000;

interface Held {
  /** performance.now() when the reading started. */
  at: number;
  views: Promise<ReadonlyMap<string, WeatherView>>;
}

// Per database (tests open many); the views are shared by every caller and never changed.
const held = new WeakMap<Kysely<Database>, Held>();

async function readViews(db: Kysely<Database>): Promise<ReadonlyMap<string, WeatherView>> {
  const rows = new Map((await store.listReports(db)).map((r) => [r.plate, r]));
  return new Map(PROVINCES.map((p) => [p.plate, toView(p, rows.get(p.plate))]));
}

/** Every province's view by plate: one query per 30 s at most; a failed reading is not kept (this call rejects). */
function heldViews(db: Kysely<Database>): Promise<ReadonlyMap<string, WeatherView>> {
  const now = performance.now();
  const current = held.get(db);
  if (current && now - current.at < HELD_FOR_MS) return current.views;
  const entry: Held = { at: now, views: readViews(db) };
  held.set(db, entry);
  entry.views.catch(() => {
    if (held.get(db) === entry) held.delete(db);
  });
  return entry.views;
}

/**
 * Drops the weather held in memory for `db` (the header line and all 81 provinces): the next page
 * reads the stored reports again. For whoever stores reports (the refresher, after its commit).
 */
export function forgetWeatherLine(db: Kysely<Database>): void {
  held.delete(db);
}

/** The province's weather as readers see it (the header line, its page, its JSON), from memory. */
export async function getWeather(db: Kysely<Database>, province: Province): Promise<WeatherView> {
  return (await heldViews(db)).get(province.plate) ?? toView(province, undefined);
}

/** How /hava-durumu/ lists the provinces: by name (Turkish order), coldest first, or warmest first. */
export type WeatherSort = "ad" | "sicaklik" | "sicaklik-azalan";

const NAME_ORDER = new Map(PROVINCES_SORTED.map((p, i) => [p.name, i]));

/**
 * The provinces' weather in the order asked for: by name in Turkish collation (the order of
 * PROVINCES_SORTED), or by temperature, ascending or descending, provinces without data last.
 * Pure; the input is not changed.
 */
export function sortWeather(rows: readonly WeatherView[], sort: WeatherSort): WeatherView[] {
  if (sort === "ad") return [...rows].sort((a, b) => (NAME_ORDER.get(a.province) ?? 0) - (NAME_ORDER.get(b.province) ?? 0));
  if (sort === "sicaklik") return [...rows].sort((a, b) => (a.temperature ?? Number.POSITIVE_INFINITY) - (b.temperature ?? Number.POSITIVE_INFINITY));
  return [...rows].sort((a, b) => (b.temperature ?? Number.NEGATIVE_INFINITY) - (a.temperature ?? Number.NEGATIVE_INFINITY));
}

/** All 81 provinces' weather in plate order, from memory (see getWeather). */
export async function getAllWeather(db: Kysely<Database>): Promise<WeatherView[]> {
  const views = await heldViews(db);
  return PROVINCES.map((p) => views.get(p.plate) ?? toView(p, undefined));
}
