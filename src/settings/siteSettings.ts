// The site's settings as reader pages need them, held in memory: read once per database and dropped whenever a
// save emits `settingsChanged` (on PostgreSQL the relay emits it on every instance) or changes may have been
// missed. Every reader page's header uses them, so they must cost no query once warm.
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { type ShareImage, type ShareImages, shareImagesOf, toPicture } from "../media/pictureUrls.ts";
import { findImage } from "../media/store.ts";
import { newsEvents } from "../news/events.ts";
import { BRAND_PREFIX, type BrandAssets, THEME_COLOR, brandAssets } from "./brand.ts";
import { AdsTxtSection, DEFAULT_ADS_TXT, DEFAULT_IDENTITY, DEFAULT_KUNYE, IdentitySection, KunyeSection, parseSection } from "./sections.ts";
import { listSettingRows } from "./store.ts";

/** A logo as pages show it: a site-relative address, and its size when known. */
export interface LogoRef {
  url: string;
  width: number | null;
  height: number | null;
}

/** What every page shows of the site itself (settings with the built-in brand where nothing is set). */
export interface SiteIdentity {
  siteName: string;
  /** The logo chosen in the settings; null: the header shows the name. */
  logo: LogoRef | null;
  /** The organisation's logo for structured data: the chosen one, else the built-in 512 px icon. */
  publisherLogo: LogoRef;
  /** Share images of articles without a picture (and of pages without one): the chosen picture's, else built-in. */
  defaultShare: ShareImages;
  socialProfiles: string[];
  themeColor: string;
  /** Site-relative addresses of the favicons and the manifest, for every page's head. */
  icons: { svg: string; ico: string; appleTouch: string; manifest: string };
}

export interface SiteSettings {
  identity: SiteIdentity;
  /** The identity section as stored (or its defaults), for the settings form. */
  identitySection: IdentitySection;
  /** The SVG logo's bytes when the logo is an SVG, served at `identity.logo.url`. */
  svgLogo: { path: string; body: Buffer } | null;
  adsTxt: string;
  /** The publication's legal details (künye) as stored, or empty when never saved. */
  kunye: KunyeSection;
  /** The stored version of each section (0: never saved), for the settings form's stale-save check. */
  versions: { identity: number; adsTxt: number; kunye: number };
}

/** The address of an SVG logo: content-hashed, so it can be cached for a year. */
export function svgLogoPath(svg: string): string {
  return `${BRAND_PREFIX}logo.${crypto.createHash("sha256").update(svg).digest("hex").slice(0, 10)}.svg`;
}

const builtInShare = (brand: BrandAssets): ShareImages => {
  const one = (f: { path: string; width: number; height: number }): ShareImage => ({ url: f.path, width: f.width, height: f.height });
  return { wide: one(brand.share.wide), standard: one(brand.share.standard), square: one(brand.share.square), og: one(brand.share.og) };
};

function identityOf(brand: BrandAssets, chosen: Pick<SiteIdentity, "siteName" | "logo" | "defaultShare" | "socialProfiles">): SiteIdentity {
  return {
    ...chosen,
    publisherLogo: chosen.logo ?? { url: brand.icon512.path, width: brand.icon512.width, height: brand.icon512.height },
    themeColor: THEME_COLOR,
    icons: { svg: brand.faviconSvg.path, ico: brand.faviconIco.path, appleTouch: brand.appleTouchIcon.path, manifest: "/site.webmanifest" },
  };
}

/** The identity with nothing chosen (the defaults of every setting): for pages rendered while the database fails. */
export async function builtInIdentity(): Promise<SiteIdentity> {
  const brand = await brandAssets();
  return identityOf(brand, { siteName: DEFAULT_IDENTITY.siteName, logo: null, defaultShare: builtInShare(brand), socialProfiles: [] });
}

async function read(db: Kysely<Database>): Promise<SiteSettings> {
  const [rows, brand] = await Promise.all([listSettingRows(db), brandAssets()]);
  const row = (name: string) => rows.find((r) => r.section === name);
  const identitySection = parseSection(IdentitySection, row("identity")?.value, DEFAULT_IDENTITY);
  const adsTxt = parseSection(AdsTxtSection, row("ads_txt")?.value, DEFAULT_ADS_TXT);
  const builtIn = builtInShare(brand);

  let logo: LogoRef | null = null;
  let svgLogo: SiteSettings["svgLogo"] = null;
  const chosen = identitySection.logo;
  if (chosen && "svg" in chosen) {
    const path = svgLogoPath(chosen.svg);
    logo = { url: path, width: null, height: null };
    svgLogo = { path, body: Buffer.from(chosen.svg) };
  } else if (chosen) {
    const image = await findImage(db, chosen.imageId);
    const picture = image ? toPicture(image, identitySection.siteName, 480) : null;
    // The WebP variant: it keeps a PNG's transparency (the JPEG fallback would not), at its own size.
    if (image && picture) logo = { url: picture.src, width: picture.srcWidth, height: picture.srcHeight };
  }
  const shareImage = identitySection.defaultShareImageId === null ? undefined : await findImage(db, identitySection.defaultShareImageId);
  const chosenShare = shareImage ? shareImagesOf(shareImage) : null;
  const defaultShare: ShareImages = chosenShare
    ? {
        wide: chosenShare.wide ?? builtIn.wide,
        standard: chosenShare.standard ?? builtIn.standard,
        square: chosenShare.square ?? builtIn.square,
        og: chosenShare.og ?? builtIn.og,
      }
    : builtIn;

  return {
    identity: identityOf(brand, { siteName: identitySection.siteName, logo, defaultShare, socialProfiles: identitySection.socialProfiles }),
    identitySection,
    svgLogo,
    adsTxt: adsTxt.text,
    kunye: parseSection(KunyeSection, row("kunye")?.value, DEFAULT_KUNYE),
    versions: { identity: row("identity")?.version ?? 0, adsTxt: row("ads_txt")?.version ?? 0, kunye: row("kunye")?.version ?? 0 },
  };
}

interface Held {
  generation: number;
  settings: Promise<SiteSettings>;
}

// Keyed by the Kysely instance, so tests' databases never see each other's settings.
const held = new WeakMap<Kysely<Database>, Held>();
let generation = 0;

/** Forgets every held reading; the next page reads the settings again. */
export function forgetSiteSettings(): void {
  generation += 1;
}

newsEvents.on("settingsChanged", forgetSiteSettings);
newsEvents.on("changesMissed", forgetSiteSettings);

/**
 * The site's settings of `db`, from memory (one query, plus one per chosen picture, the first time and after each
 * save). A failed reading is not kept: the next call tries again, and this one rejects.
 */
export function loadSiteSettings(db: Kysely<Database>): Promise<SiteSettings> {
  const current = held.get(db);
  if (current && current.generation === generation) return current.settings;
  const entry: Held = { generation, settings: read(db) };
  held.set(db, entry);
  entry.settings.catch(() => {
    if (held.get(db) === entry) held.delete(db);
  });
  return entry.settings;
}
