// Reader-facing times are always Europe/Istanbul, whatever the server's zone. The zone's
// offsets (UTC+3 since September 2016, +2/+3 and older ones before) come from the ICU time-zone
// database through @date-fns/tz; nothing here knows a number of hours.
import { TZDate, tzOffset } from "@date-fns/tz";
import { LRUCache } from "lru-cache";

const ZONE = "Europe/Istanbul";

const two = (n: number) => String(n).padStart(2, "0");

type IstanbulParts = Readonly<Record<"year" | "month" | "day" | "hour" | "minute", string> & { offsetMinutes: number }>;

/**
 * Wall-clock fields by epoch minute: a page shows dozens of times and the zone lookup is the
 * costliest part of rendering a card. Every field depends only on the minute (Istanbul's offsets are
 * whole minutes); the most recent 10,000 minutes are kept.
 */
const partsByMinute = new LRUCache<number, IstanbulParts>({ max: 10_000 });

/** The Istanbul wall-clock fields of an instant, zero-padded (`year` four digits in YEAR_RANGE), and the offset in minutes. */
function istanbulParts(value: Date | string): IstanbulParts {
  const ms = (typeof value === "string" ? new Date(value) : value).getTime();
  const minute = Math.floor(ms / 60_000);
  const known = partsByMinute.get(minute);
  if (known) return known;
  const instant = new Date(minute * 60_000);
  const d = new TZDate(instant, ZONE);
  const parts: IstanbulParts = {
    year: String(d.getFullYear()).padStart(4, "0"),
    month: two(d.getMonth() + 1),
    day: two(d.getDate()),
    hour: two(d.getHours()),
    minute: two(d.getMinutes()),
    offsetMinutes: Math.round(tzOffset(ZONE, instant)),
  };
  if (Number.isFinite(minute)) partsByMinute.set(minute, parts);
  return parts;
}

/** Istanbul's offset from UTC at an instant, in milliseconds (from the time-zone database). */
function istanbulOffsetMs(ms: number): number {
  return Math.round(tzOffset(ZONE, new Date(ms)) * 60_000);
}

/** `dd.MM.yyyy HH:mm` in Europe/Istanbul, e.g. `27.12.2021 15:22`. */
export function formatIstanbulTime(value: Date | string): string {
  const p = istanbulParts(value);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** `HH:mm` in Europe/Istanbul. */
export function formatIstanbulClock(value: Date | string): string {
  const p = istanbulParts(value);
  return `${p.hour}:${p.minute}`;
}

/** ISO 8601 to the minute with the Istanbul offset of that instant, e.g. `2021-12-27T15:22:00+03:00`, for `<time datetime>` and structured data. */
export function toIstanbulIso(value: Date | string): string {
  const p = istanbulParts(value);
  const offsetMinutes = p.offsetMinutes;
  const abs = Math.abs(offsetMinutes);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `YYYY-MM-DD`: the Istanbul calendar day of an instant (`2026-11-26T21:00:00Z` is `2026-11-27`). */
export function toIstanbulDay(value: Date | string): string {
  const p = istanbulParts(value);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYY-MM-DDTHH:mm` for a `<input type="datetime-local">` showing Istanbul wall time. */
export function toIstanbulLocalInput(value: Date | string): string {
  const p = istanbulParts(value);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A calendar day as written `YYYY-MM-DD`; month and day count from 1. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * The years a typed date may have, both ends included. Below 1900 there is no news archive to
 * filter and Istanbul kept local mean time; the bound also refuses year 0000, which is year -1
 * in UTC and makes PostgreSQL fail (500). Above 9999 an ISO string needs a sign (`+010000-…`),
 * which neither database reads as a date. Istanbul is ahead of UTC, so every instant of these
 * years is a four-digit ISO year in UTC too.
 */
export const YEAR_RANGE = { min: 1900, max: 9999 } as const;

/** Milliseconds since the epoch of a wall time, its fields read as UTC (no two-digit-year quirk). */
function wallMs(day: CalendarDay, hour = 0, minute = 0, second = 0): number {
  const wall = new Date(0);
  wall.setUTCFullYear(day.year, day.month - 1, day.day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime();
}

const DAY_MS = 86_400_000;

/**
 * The instant an Istanbul wall time names: the earlier one when the clocks went back, null when
 * they went forward over it. Istanbul's offset changes at most once within a day either side,
 * so the offsets a day before and a day after are the only candidates; a candidate is the
 * answer when the zone has that offset at the instant it gives.
 */
function fromIstanbulWall(wall: number): Date | null {
  const offsets = [istanbulOffsetMs(wall - DAY_MS), istanbulOffsetMs(wall + DAY_MS)];
  const instants = offsets.map((offset) => wall - offset).filter((t) => istanbulOffsetMs(t) === wall - t);
  return instants.length === 0 ? null : new Date(Math.min(...instants));
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(wallMs({ year, month: month + 1, day: 0 })).getUTCDate();
}

/**
 * Reads a day filter, exactly `YYYY-MM-DD`: `{ year, month, day }`, or null for anything else,
 * for a day that does not exist (`2031-02-30`, `2031-13-01`, `2030-02-29`) and for a year
 * outside YEAR_RANGE (`0000-01-01`).
 */
export function parseIsoDay(text: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

/** The first instant of an Istanbul day (its midnight, or the end of a clock change over it). */
export function istanbulDayStart(day: CalendarDay): Date {
  const wall = wallMs(day);
  return fromIstanbulWall(wall) ?? new Date(wall - istanbulOffsetMs(wall - DAY_MS));
}

/** The first instant after an Istanbul day: the start of the next day (exclusive end). */
export function istanbulDayEnd(day: CalendarDay): Date {
  const next = new Date(wallMs(day) + DAY_MS);
  return istanbulDayStart({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
}

/**
 * Reads exactly `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss` (what datetime-local sends) as
 * Istanbul wall time. Returns null for anything else: another shape or surrounding spaces
 * (`now`, "", `2031-02-30 10:00`), a day that does not exist (`2031-02-30`, `2031-13-01`), an
 * hour, minute or second out of range (`24:00`, `23:60`), a year outside YEAR_RANGE (`0000`),
 * or a wall time the clocks skipped (before 2016; Istanbul has kept UTC+3 since).
 */
export function parseIstanbulLocal(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const second = Number(m[6] ?? "0");
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return fromIstanbulWall(wallMs({ year, month, day }, hour, minute, second));
}

/** What a day filter that parseIsoDay refuses is told (Turkish). */
export const DAY_MESSAGE = `Geçerli bir gün girin: YYYY-AA-GG, ${YEAR_RANGE.min}–${YEAR_RANGE.max} yılları arasında.`;

/**
 * A range of Istanbul days as instants, for day filters: `from` (YYYY-MM-DD) at the start of its
 * day, `to` at the start of the day after its own (exclusive); either may be left out. `invalid`
 * names the ends parseIsoDay refuses (`2031-02-30`, `0000-01-01`, which reached PostgreSQL as
 * year -1), to be answered with DAY_MESSAGE before any query runs.
 */
export function istanbulDayRange(from: string | undefined, to: string | undefined): { from?: Date; to?: Date; invalid: Array<"from" | "to"> } {
  const fromDay = from === undefined ? undefined : parseIsoDay(from);
  const toDay = to === undefined ? undefined : parseIsoDay(to);
  const invalid: Array<"from" | "to"> = [];
  if (fromDay === null) invalid.push("from");
  if (toDay === null) invalid.push("to");
  return { from: fromDay ? istanbulDayStart(fromDay) : undefined, to: toDay ? istanbulDayEnd(toDay) : undefined, invalid };
}
