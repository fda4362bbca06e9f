// Saving the site's settings (admins, /yonetim/ayarlar): one use case per section. Each checks everything first,
// then writes the section, based on the version the form showed, with its audit entry in one transaction, and
// after commit emits `settingsChanged` (cached pages and every instance's settings memory are dropped).
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { recordAudit } from "../audit/store.ts";
import { ConflictError, InvalidInputError } from "../errors.ts";
import { findImage } from "../media/store.ts";
import { uploadImage } from "../media/uploadImage.ts";
import { newsEvents } from "../news/events.ts";
import {
  type IdentitySection,
  type LogoSetting,
  type SectionName,
  ADS_TXT_MAX_LENGTH,
  DEFAULT_IDENTITY,
  IdentitySection as IdentitySchema,
  parseSection,
} from "./sections.ts";
import { checkSiteName, checkSvgLogo, looksLikeSvg, parseSocialProfiles } from "./settingsRules.ts";
import { findSettingRow, writeSection } from "./store.ts";

/** Who saves, from where, when. */
export interface SettingsActor {
  actor: { id: number; name: string };
  ip: string | null;
  now: Date;
}

const STALE = "Ayarlar siz düzenlerken başka biri tarafından değiştirildi. Sayfayı yenileyip yeniden kaydedin.";

async function currentVersion(db: Kysely<Database>, section: SectionName): Promise<number> {
  return (await findSettingRow(db, section))?.version ?? 0;
}

/**
 * Writes one section with its audit entry (`settings_changed`, subject: the section, `detail`), then announces it
 * (`settingsChanged`). Returns the new version. Throws ConflictError when `basedOn` (the version the form was made
 * from; 0: never saved) is no longer the stored one. Checks nothing else: callers validate `value` first.
 */
export async function commitSection(db: Kysely<Database>, section: SectionName, value: object, basedOn: number, who: SettingsActor, detail: string): Promise<number> {
  const version = await db.transaction().execute(async (trx) => {
    const written = await writeSection(trx, { section, value: JSON.stringify(value), basedOn, at: who.now.toISOString(), by: who.actor.id });
    if (written === null) throw new ConflictError(STALE);
    await recordAudit(trx, { at: who.now, actor: who.actor, action: "settings_changed", subject: section, detail, ip: who.ip });
    return written;
  });
  newsEvents.emit("settingsChanged", { sections: [section] }, "local");
  return version;
}

export interface IdentityForm {
  siteName: string;
  /** "keep" the stored logo, "none", or the id of a library picture. */
  logo: "keep" | "none" | number;
  /** An uploaded logo (SVG, or a raster picture the media library accepts); replaces `logo` when given. */
  logoFile: Buffer | null;
  /** A library picture whose crops stand in for articles without a picture; null: the built-in card. */
  defaultShareImageId: number | null;
  /** One https:// address per line. */
  socialProfiles: string;
  /** The identity section's version the form was made from (0: never saved). */
  version: number;
}

/**
 * Saves the site's identity: name, logo, default share image, social profiles. Returns the new version.
 * Errors: InvalidInputError with per-field Turkish messages (`siteName`, `logo`, `logoFile`,
 * `defaultShareImageId`, `socialProfiles`), checked before anything is stored; ConflictError when another save
 * came first (checked before an uploaded logo is stored too); ServiceUnavailableError when the image queue is full.
 * A raster logo file joins the media library (alt text: the site name); an SVG is kept in the settings.
 */
export async function saveIdentitySettings(db: Kysely<Database>, form: IdentityForm, who: SettingsActor & { dataDir: string; maxUploadBytes: number }): Promise<number> {
  const fields: Record<string, string> = {};
  const name = checkSiteName(form.siteName);
  if ("error" in name) fields.siteName = name.error;
  const social = parseSocialProfiles(form.socialProfiles);
  if ("error" in social) fields.socialProfiles = social.error;
  if (form.defaultShareImageId !== null && !(await findImage(db, form.defaultShareImageId))) fields.defaultShareImageId = "Seçilen görsel kütüphanede yok.";
  if (typeof form.logo === "number" && form.logoFile === null && !(await findImage(db, form.logo))) fields.logo = "Seçilen görsel kütüphanede yok.";
  const svg = form.logoFile && looksLikeSvg(form.logoFile) ? checkSvgLogo(form.logoFile) : null;
  if (svg && "error" in svg) fields.logoFile = svg.error;
  if ("error" in name || "error" in social || Object.keys(fields).length > 0) throw new InvalidInputError("Ayarlar kaydedilmedi: işaretli alanları düzeltin.", fields);

  const stored = await findSettingRow(db, "identity");
  if ((stored?.version ?? 0) !== form.version) throw new ConflictError(STALE);
  const previous = parseSection(IdentitySchema, stored?.value, DEFAULT_IDENTITY);

  let logo: LogoSetting | null;
  if (svg && "value" in svg) logo = { svg: svg.value };
  else if (form.logoFile) {
    const image = await uploadImage(db, {
      data: form.logoFile,
      caption: "",
      credit: name.value,
      alt: `${name.value} logosu`,
      actor: who.actor,
      now: who.now,
      dataDir: who.dataDir,
      maxBytes: who.maxUploadBytes,
    }).catch((error: unknown) => {
      if (error instanceof InvalidInputError) throw new InvalidInputError(error.message, { logoFile: error.fields?.file ?? error.message });
      throw error;
    });
    logo = { imageId: image.id };
  } else logo = form.logo === "keep" ? previous.logo : form.logo === "none" ? null : { imageId: form.logo };

  const value: IdentitySection = { siteName: name.value, logo, defaultShareImageId: form.defaultShareImageId, socialProfiles: social.value };
  return commitSection(db, "identity", value, form.version, who, `ad: ${name.value}`);
}

/**
 * Saves the text served at /ads.txt (trailing spaces of each line and blank lines at the end dropped; empty
 * turns /ads.txt into a 404). Returns the new version. Errors: InvalidInputError (field `text`) over
 * ADS_TXT_MAX_LENGTH characters, ConflictError when another save came first.
 */
export async function saveAdsTxt(db: Kysely<Database>, form: { text: string; version: number }, who: SettingsActor): Promise<number> {
  if (form.text.length > ADS_TXT_MAX_LENGTH) {
    const message = `ads.txt en çok ${ADS_TXT_MAX_LENGTH / 1024} KB olabilir; bu metin ${Math.ceil(form.text.length / 1024)} KB.`;
    throw new InvalidInputError(message, { text: message });
  }
  const text = form.text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .join("\n")
    .trimEnd();
  if ((await currentVersion(db, "ads_txt")) !== form.version) throw new ConflictError(STALE);
  return commitSection(db, "ads_txt", { text: text === "" ? "" : `${text}\n` }, form.version, who, `${text.split("\n").filter(Boolean).length} satır`);
}
