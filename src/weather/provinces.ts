// The 81 provinces (plate code, name, seat coordinates). Coordinates: GeoNames, CC BY 4.0.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { slugify } from "../lib/slug.ts";

export interface Province {
  plate: string;
  name: string;
  slug: string;
  lat: number;
  lon: number;
}

export const GEONAMES_CREDIT = "Coğrafi veriler: GeoNames (CC BY 4.0)";
export const DEFAULT_PLATE = "06";

/**
 * Reads the TSV (`plate name lat lon geonames_id`, with a header line; csv-parse, tab-separated,
 * no quoting); throws `provinces.tsv line N is malformed` on a line without a two-digit plate, a
 * name or finite coordinates.
 */
export function parseProvinces(tsv: string): Province[] {
  const rows = parse(tsv.trim(), { delimiter: "\t", quote: false, relax_column_count: true, bom: true }).slice(1);
  return rows.map((row, i) => {
    const [plate, name, lat, lon] = row;
    const latN = Number(lat);
    const lonN = Number(lon);
    if (!plate || !/^\d{2}$/.test(plate) || !name || !Number.isFinite(latN) || !Number.isFinite(lonN)) {
      throw new Error(`provinces.tsv line ${i + 2} is malformed`);
    }
    return { plate, name, slug: slugify(name), lat: latN, lon: lonN };
  });
}

export const PROVINCES: readonly Province[] = parseProvinces(fs.readFileSync(new URL("./provinces.tsv", import.meta.url), "utf8"));

const collator = new Intl.Collator("tr");
/** The picker's order: Turkish collation (Bursa < Çanakkale, Iğdır < Isparta < İstanbul). */
export const PROVINCES_SORTED: readonly Province[] = [...PROVINCES].sort((a, b) => collator.compare(a.name, b.name));

const byPlate = new Map(PROVINCES.map((p) => [p.plate, p]));
const bySlug = new Map(PROVINCES.map((p) => [p.slug, p]));

export function provinceByPlate(plate: string): Province | undefined {
  return byPlate.get(plate);
}

export function provinceBySlug(slug: string): Province | undefined {
  return bySlug.get(slug);
}

/**
 * The province a typed or mis-cased address names (`İstanbul`, `ŞANLIURFA`, `Kahramanmaraş`): its
 * text through the slug rule (lib/slug.ts), or undefined when that names no province.
 */
export function provinceByName(text: string): Province | undefined {
  return bySlug.get(slugify(text));
}
