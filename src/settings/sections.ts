// The sections of the site's settings and their shapes. Each section is one row of `site_settings`, its fields
// stored as JSON and checked against the section's schema on every read and write. A new section adds its schema
// and default here; no migration is needed.
import { type Static, type TSchema, Type } from "@fastify/type-provider-typebox";
import { Value } from "@sinclair/typebox/value";

/** The name readers see when no settings were saved: the site as it always was. */
export const DEFAULT_SITE_NAME = "Haberci";
export const SITE_NAME_MAX_LENGTH = 80;
/** Largest SVG logo accepted, in bytes. */
export const SVG_LOGO_MAX_BYTES = 100_000;
export const SOCIAL_PROFILES_MAX = 10;
export const SOCIAL_URL_MAX_LENGTH = 300;
/**
 * ads.txt files of large ad-supported sites run to several thousand seller lines (100–300 KB); 512 KiB
 * (characters) leaves room and is what Google's crawler reads of the file.
 */
export const ADS_TXT_MAX_LENGTH = 524_288;

const ImageId = Type.Integer({ minimum: 1, maximum: 2147483647 });

/** The logo: a picture of the media library, or an SVG kept as text. */
export const LogoSetting = Type.Union([Type.Object({ imageId: ImageId }), Type.Object({ svg: Type.String({ maxLength: SVG_LOGO_MAX_BYTES }) })]);
export type LogoSetting = Static<typeof LogoSetting>;

/** Name, logo, default share image and social profiles: shown on every page and in its structured data. */
export const IdentitySection = Type.Object({
  siteName: Type.String({ minLength: 1, maxLength: SITE_NAME_MAX_LENGTH }),
  logo: Type.Union([LogoSetting, Type.Null()]),
  /** A media library picture whose share crops stand in for articles without a picture; null: the built-in one. */
  defaultShareImageId: Type.Union([ImageId, Type.Null()]),
  /** https:// addresses of the publication's profiles (schema.org `sameAs`). */
  socialProfiles: Type.Array(Type.String({ maxLength: SOCIAL_URL_MAX_LENGTH }), { maxItems: SOCIAL_PROFILES_MAX }),
});
export type IdentitySection = Static<typeof IdentitySection>;

/** The text served at /ads.txt (IAB Tech Lab's Authorized Digital Sellers); empty: /ads.txt is a 404. */
export const AdsTxtSection = Type.Object({ text: Type.String({ maxLength: ADS_TXT_MAX_LENGTH }) });
export type AdsTxtSection = Static<typeof AdsTxtSection>;

/** Longest text of a künye field (names, e-mail addresses, phone numbers), in characters. */
export const KUNYE_TEXT_MAX_LENGTH = 200;
/** Longest postal address of the künye, in characters. */
export const KUNYE_ADDRESS_MAX_LENGTH = 500;
/** Most editorial contacts the künye lists. */
export const KUNYE_CONTACTS_MAX = 20;

const KunyeText = Type.String({ maxLength: KUNYE_TEXT_MAX_LENGTH });

/** One editorial contact of the künye: a role ("Genel Yayın Yönetmeni"), a name and an e-mail address or phone. */
export const KunyeContact = Type.Object({ role: KunyeText, name: KunyeText, reach: KunyeText });
export type KunyeContact = Static<typeof KunyeContact>;

/**
 * The künye: the publication's legal details (Press Law 5187 art. 4 as amended by Law 7418; see legal/kunye.ts
 * for which are required). Empty text: not given yet.
 */
export const KunyeSection = Type.Object({
  /** The owner's name or the trade name (sahibinin adı veya ticaret unvanı). */
  owner: KunyeText,
  /** The sorumlu müdür's name. */
  editorInChief: KunyeText,
  /** The place of business (faaliyet gösterilen iş yeri adresi). */
  address: Type.String({ maxLength: KUNYE_ADDRESS_MAX_LENGTH }),
  email: KunyeText,
  phone: KunyeText,
  /** The electronic notification address: a KEP address or a UETS e-tebligat address. */
  eTebligat: KunyeText,
  /** The hosting provider (yer sağlayıcı): its name and address. */
  hostName: KunyeText,
  hostAddress: Type.String({ maxLength: KUNYE_ADDRESS_MAX_LENGTH }),
  contacts: Type.Array(KunyeContact, { maxItems: KUNYE_CONTACTS_MAX }),
});
export type KunyeSection = Static<typeof KunyeSection>;

/** The sections' row names in `site_settings`. */
export type SectionName = "identity" | "ads_txt" | "kunye";

export const DEFAULT_IDENTITY: IdentitySection = { siteName: DEFAULT_SITE_NAME, logo: null, defaultShareImageId: null, socialProfiles: [] };
export const DEFAULT_ADS_TXT: AdsTxtSection = { text: "" };
/** Nothing given: readers see no invented details, admins are warned. */
export const DEFAULT_KUNYE: KunyeSection = {
  owner: "",
  editorInChief: "",
  address: "",
  email: "",
  phone: "",
  eTebligat: "",
  hostName: "",
  hostAddress: "",
  contacts: [],
};

/**
 * A stored section's JSON as a value of `schema`, or `defaults` when there is no row or its text is not valid
 * JSON of that shape (written by a newer release, or by hand): reader pages keep working. Extra properties are
 * dropped.
 */
export function parseSection<T extends TSchema>(schema: T, json: string | undefined, defaults: Static<T>): Static<T> {
  if (json === undefined) return defaults;
  let value: unknown;
  try {
    value = Value.Clean(schema, JSON.parse(json));
  } catch {
    return defaults;
  }
  return Value.Check(schema, value) ? value : defaults;
}
