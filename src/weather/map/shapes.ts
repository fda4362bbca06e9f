// The 81 province outlines of the weather map (provinceShapes.json, made by scripts/buildProvinceShapes.ts
// from turkey-map-react's data, MIT: see NOTICE beside this file).
import fs from "node:fs";

export interface ProvinceShape {
  plate: string;
  /** SVG path data in the map's box (`0 0 width height`), whole units. */
  d: string;
  /** The point inside the province farthest from its border, and that distance (map units). */
  label: { x: number; y: number; r: number };
}

export interface MapShapes {
  width: number;
  height: number;
  /** By plate code ("01" … "81"). */
  provinces: ReadonlyMap<string, ProvinceShape>;
}

/** Shown under the map: the outlines' source and licence. */
export const MAP_CREDIT = "Harita verisi: turkey-map-react, Erdi Gökçe (MIT lisansı)";
export const MAP_CREDIT_URL = "https://github.com/erdigokce/turkey-map-react";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Reads provinceShapes.json (`{ width, height, provinces: [{ plate, d, label: [x, y, r] }] }`);
 * throws `provinceShapes.json entry N is malformed` on an entry without a two-digit plate, path data
 * or a numeric label spot.
 */
export function parseMapShapes(json: string): MapShapes {
  const value: unknown = JSON.parse(json);
  if (!isObject(value) || !isNumber(value.width) || !isNumber(value.height) || !Array.isArray(value.provinces)) {
    throw new Error("provinceShapes.json is malformed");
  }
  const provinces = new Map<string, ProvinceShape>();
  value.provinces.forEach((entry: unknown, i) => {
    const label = isObject(entry) && Array.isArray(entry.label) ? (entry.label as unknown[]) : [];
    const [x, y, r] = label;
    if (
      !isObject(entry) ||
      typeof entry.plate !== "string" ||
      !/^\d{2}$/.test(entry.plate) ||
      typeof entry.d !== "string" ||
      !isNumber(x) ||
      !isNumber(y) ||
      !isNumber(r)
    ) {
      throw new Error(`provinceShapes.json entry ${i + 1} is malformed`);
    }
    provinces.set(entry.plate, { plate: entry.plate, d: entry.d, label: { x, y, r } });
  });
  return { width: value.width, height: value.height, provinces };
}

export const MAP_SHAPES: MapShapes = parseMapShapes(fs.readFileSync(new URL("./provinceShapes.json", import.meta.url), "utf8"));
