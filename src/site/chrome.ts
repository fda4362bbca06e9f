import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { loadTaxonomy } from "../news/taxonomyCache.ts";
import type { Assets } from "../ui/assets.ts";
import type { Chrome } from "../ui/Layout.tsx";
import { formatIstanbulClock } from "../lib/time.ts";
import { DEFAULT_PLATE, PROVINCES_SORTED, provinceByPlate } from "../weather/provinces.ts";
import { getWeather } from "../weather/view.ts";
import { builtInIdentity, loadSiteSettings } from "../settings/siteSettings.ts";

const PICKER = PROVINCES_SORTED.map((p) => ({ plate: p.plate, name: p.name }));

/**
 * What every page's header and footer need, the site's identity (settings/) included. Asks the database nothing once warm: the categories
 * and the weather are held in memory (news/taxonomyCache.ts, weather/view.ts). Falls back to no
 * categories, the bare province name and the built-in identity when the database fails.
 */
export async function loadChrome(db: Kysely<Database>, assets: Assets, publicUrl: string): Promise<Chrome> {
  const defaultProvince = provinceByPlate(DEFAULT_PLATE);
  if (!defaultProvince) throw new Error("province 06 missing");
  const [categories, weather, identity] = await Promise.all([
    loadTaxonomy(db).then(
      (t) => t.categories,
      () => [],
    ),
    getWeather(db, defaultProvince).catch(() => null),
    loadSiteSettings(db).then(
      (s) => s.identity,
      () => builtInIdentity(),
    ),
  ]);
  return {
    siteName: identity.siteName,
    logo: identity.logo,
    publisherLogo: identity.publisherLogo,
    defaultShare: identity.defaultShare,
    socialProfiles: identity.socialProfiles,
    themeColor: identity.themeColor,
    icons: identity.icons,
    publicUrl,
    scriptUrl: assets.scriptUrl,
    styleUrl: assets.styleUrl,
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    // Every reader gets the same header (the default province); the browser applies their own choice.
    weather: {
      plate: defaultProvince.plate,
      slug: defaultProvince.slug,
      province: defaultProvince.name,
      reading: weather?.reading ?? null,
      updated: weather?.updatedAt ? `Son güncelleme ${formatIstanbulClock(weather.updatedAt)}` : null,
    },
    provinces: PICKER,
  };
}
