// The settings page's forms (admins). Limits here only bound the input; the settings rules (settings/) give each
// field its Turkish message.
import { type Static, Type } from "@fastify/type-provider-typebox";
import { ADS_TXT_MAX_LENGTH } from "../../settings/sections.ts";
import type { IdentityForm as IdentityInput } from "../../settings/saveSettings.ts";
import { Csrf } from "../schemas.ts";

const Version = Type.String({ pattern: "^[0-9]{1,9}$" });
/** "" (none), or a picture id. */
const OptionalImageId = Type.String({ pattern: "^([1-9][0-9]{0,9})?$" });

/** The identity form (multipart, for the logo file): name, logo choice or file, default share image, social profiles. */
export const IdentitySettingsForm = Type.Object(
  {
    _csrf: Csrf,
    version: Version,
    siteName: Type.String({ maxLength: 400 }),
    /** "mevcut" keeps the stored logo, "yok" removes it, digits choose a library picture. */
    logo: Type.String({ pattern: "^(mevcut|yok|[1-9][0-9]{0,9})$" }),
    defaultShareImageId: OptionalImageId,
    socialProfiles: Type.String({ maxLength: 5_000 }),
    logoFile: Type.Optional(Type.Unsafe<Buffer>({ description: "an SVG or a picture" })),
  },
  { additionalProperties: false },
);

export const AdsTxtForm = Type.Object({ _csrf: Csrf, version: Version, text: Type.String({ maxLength: ADS_TXT_MAX_LENGTH }) }, { additionalProperties: false });

/** The identity form as the save use case takes it (an empty file input is no file). */
export function identityInputOf(form: Static<typeof IdentitySettingsForm>): IdentityInput {
  const id = (text: string) => (text === "" ? null : Number(text));
  return {
    siteName: form.siteName,
    logo: form.logo === "mevcut" ? "keep" : form.logo === "yok" ? "none" : Number(form.logo),
    logoFile: Buffer.isBuffer(form.logoFile) && form.logoFile.length > 0 ? form.logoFile : null,
    defaultShareImageId: id(form.defaultShareImageId),
    socialProfiles: form.socialProfiles,
    version: Number(form.version),
  };
}
