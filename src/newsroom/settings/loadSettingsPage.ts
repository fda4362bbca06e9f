// The settings page's data: the stored settings and the library pictures to choose from.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { loadSiteSettings } from "../../settings/siteSettings.ts";
import { listLibrary } from "../media/listLibrary.ts";
import type { PictureChoice, SettingsPageProps } from "../views/SettingsPage.tsx";

/** The forms' stored values, the current logo and the newest library pictures (plus any chosen one older than those). */
export async function loadSettingsPage(db: Kysely<Database>): Promise<Pick<SettingsPageProps, "identity" | "adsTxt" | "currentLogo" | "pictures">> {
  const [settings, library] = await Promise.all([loadSiteSettings(db), listLibrary(db)]);
  const section = settings.identitySection;
  const pictures: PictureChoice[] = library.map((i) => ({ id: i.id, label: `#${i.id} ${i.alt || i.caption} (${i.width}×${i.height})` }));
  const chosen = [section.logo && "imageId" in section.logo ? section.logo.imageId : null, section.defaultShareImageId];
  for (const id of chosen) if (id !== null && !pictures.some((p) => p.id === id)) pictures.push({ id, label: `#${id}` });
  return {
    identity: {
      siteName: section.siteName,
      logo: "mevcut",
      defaultShareImageId: section.defaultShareImageId === null ? "" : String(section.defaultShareImageId),
      socialProfiles: section.socialProfiles.join("\n"),
      version: settings.versions.identity,
    },
    adsTxt: { text: settings.adsTxt, version: settings.versions.adsTxt },
    currentLogo: settings.identity.logo ? { url: settings.identity.logo.url, svg: settings.svgLogo !== null } : null,
    pictures,
  };
}
