import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { loadTaxonomy } from "../news/taxonomyCache.ts";
import type { Assets } from "../ui/assets.ts";
import type { Chrome } from "../ui/Layout.tsx";
import { formatIstanbulClock } from "../lib/time.ts";
import { DEFAULT_PLATE, PROVINCES_SORTED, provinceByPlate } from "../weather/provinces.ts";
import { getWeather } from "../weather/view.ts";

export const SITE_NAME = "Haberci";

const PICKER = PROVINCES_SORTED.map((p) => ({ plate: p.plate, name: p.name }));

/**
 * What every page's header and footer need. Asks the database nothing once warm: the categories
 * and the weather are held in memory (news/taxonomyCache.ts, weather/view.ts). Falls back to no
 * categories, and to the bare province name, when the database fails.
 */
export async function loadChrome(db: Kysely<Database>, assets: Assets, publicUrl: string): Promise<Chrome> {
  const defaultProvince = provinceByPlate(DEFAULT_PLATE);
  if (!defaultProvince) throw new Error("province 06 missing");
  const [categories, weather] = await Promise.all([
    loadTaxonomy(db).then(
      (t) => t.categories,
      () => [],
    ),
    getWeather(db, defaultProvince).catch(() => null),
  ]);
  return {
    siteName: SITE_NAME,
    publicUrl,
    scriptUrl: assets.scriptUrl,
    styleUrl: assets.styleUrl,
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    // Every reader gets the same header (the default province); the browser applies their own choice.
    weather: {
      plate: defaultProvince.plate,
      slug: defaultProvince.slug,
      text: weather?.text ?? defaultProvince.name,
      updated: weather?.updatedAt ? `Son güncelleme ${formatIstanbulClock(weather.updatedAt)}` : null,
    },
    provinces: PICKER,
  };
}
