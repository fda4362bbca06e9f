// Reader-facing times are always Europe/Istanbul, whatever the server's zone.

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Istanbul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function istanbulParts(date: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = PARTS.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** `dd.MM.yyyy HH:mm` in Europe/Istanbul, e.g. `27.12.2021 15:22`. */
export function formatIstanbulTime(value: Date | string): string {
  const p = istanbulParts(toDate(value));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** `HH:mm` in Europe/Istanbul. */
export function formatIstanbulClock(value: Date | string): string {
  const p = istanbulParts(toDate(value));
  return `${p.hour}:${p.minute}`;
}

/** ISO 8601 with the Istanbul offset, for `<time datetime>` and structured data. */
export function toIstanbulIso(value: Date | string): string {
  const date = toDate(value);
  const p = istanbulParts(date);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00${sign}${hh}:${mm}`;
}

/** `YYYY-MM-DDTHH:mm` for a `<input type="datetime-local">` showing Istanbul wall time. */
export function toIstanbulLocalInput(value: Date | string): string {
  const p = istanbulParts(toDate(value));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * Reads `YYYY-MM-DDTHH:mm` (what datetime-local sends) as Istanbul wall time.
 * Returns null for anything else, or for a wall time that does not exist.
 */
export function parseIstanbulLocal(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Try the offsets Istanbul has used; keep the one whose wall time matches.
  for (const offsetHours of [3, 2]) {
    const candidate = new Date(guess - offsetHours * 3_600_000);
    if (toIstanbulLocalInput(candidate) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`) return candidate;
  }
  return null;
}
