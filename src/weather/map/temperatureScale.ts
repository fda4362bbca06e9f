// Pure rules of the weather map: which colour a temperature gets, the legend's lines, and which
// province labels fit at which text size (so labels never overlap).

export interface TemperatureBand {
  /** Lowest and highest whole degree of the band; null for the open ends. */
  min: number | null;
  max: number | null;
  colour: string;
  /** The legend's words, e.g. "15 ile 19ºC", "35ºC ve üstü". */
  text: string;
}

// Band edges in whole degrees: band i holds EDGES[i - 1] … EDGES[i] - 1; the first and last are open.
const EDGES = [-10, -5, 0, 5, 10, 15, 20, 25, 30, 35];
// Cold to hot; every colour light or strong enough for the map's dark labels with their white halo.
const COLOURS = ["#2b3a8c", "#3f63c4", "#6b96e0", "#9fc2ee", "#cfe3f1", "#eef1c8", "#f8dc8a", "#f6b763", "#ec8a45", "#d9582f", "#a9292a"];

/** A province without data: grey, and "Veri yok" in the legend. */
export const NO_DATA_COLOUR = "#d5d5d5";

export const TEMPERATURE_BANDS: readonly TemperatureBand[] = COLOURS.map((colour, i) => {
  const min = i === 0 ? null : (EDGES[i - 1] ?? null);
  const max = i === EDGES.length ? null : (EDGES[i] ?? 0) - 1;
  const text = min === null ? `${max}ºC ve altı` : max === null ? `${min}ºC ve üstü` : `${min} ile ${max}ºC`;
  return { min, max, colour, text };
});

/** The whole degrees the map shows for a temperature in ºC (Math.round: 2.5 → 3, -2.5 → -2; never -0). */
export function mapDegrees(celsius: number): number {
  const n = Math.round(celsius);
  return Object.is(n, -0) ? 0 : n;
}

/** The band of a temperature in ºC, by the whole degrees the map shows (so a "15º" label is never coloured as 10–14). */
export function temperatureBand(celsius: number): TemperatureBand {
  const n = mapDegrees(celsius);
  const i = EDGES.findIndex((edge) => n < edge);
  return TEMPERATURE_BANDS[i === -1 ? EDGES.length : i] as TemperatureBand;
}

/** A province's label on the map: whole degrees, e.g. "12º", "-3º". */
export function mapLabelText(celsius: number): string {
  return `${mapDegrees(celsius)}º`;
}

/**
 * The legend: the bands from the coldest to the hottest present (those between included, so the scale
 * reads continuously); empty without temperatures.
 */
export function legendBands(temperatures: readonly number[]): TemperatureBand[] {
  if (temperatures.length === 0) return [];
  const indexes = temperatures.map((t) => TEMPERATURE_BANDS.indexOf(temperatureBand(t)));
  return TEMPERATURE_BANDS.slice(Math.min(...indexes), Math.max(...indexes) + 1);
}

/**
 * Label text sizes in map units, per screen: the map is 1014 units wide, so 26 units are about 10 px on a
 * 390-px phone, 19 units about 11 px at 600 px and 13 units about 14 px on a desktop. site.css switches
 * them with the same breakpoints (.map-label).
 */
export const LABEL_SIZES = { large: 26, medium: 19, small: 13 } as const;
export type LabelFit = keyof typeof LABEL_SIZES;

/**
 * Half the diagonal of a label's box (map units) at a font size: bold digits and the minus about 0.62 em
 * wide, º about 0.4 em, cap height 0.75 em, plus the white halo (0.12 em each side).
 */
export function labelHalfDiagonal(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += ch === "º" ? 0.4 : 0.62;
  const halfWidth = (width / 2 + 0.12) * fontSize;
  const halfHeight = (0.75 / 2 + 0.12) * fontSize;
  return Math.hypot(halfWidth, halfHeight);
}

/**
 * The largest size at which a label fits inside its province: centred on the province's label spot, its box
 * must lie within the circle of `room` units around it (the distance from the spot to the border). Circles of
 * different provinces never overlap, so neither do labels. Undefined when it fits at no size.
 */
export function labelFit(text: string, room: number): LabelFit | undefined {
  for (const fit of ["large", "medium", "small"] as const) {
    if (labelHalfDiagonal(text, LABEL_SIZES[fit]) <= room) return fit;
  }
  return undefined;
}
