// The author profile form (/yonetim/profil, and an admin's /yonetim/kullanicilar/:id/profil).
import { type Static, Type } from "@fastify/type-provider-typebox";
import { Int32Id } from "../../http/schemas.ts";
import { AUTHOR_LIMITS, type AuthorProfileInput, MAX_AUTHOR_LINKS } from "../../news/authorProfile.ts";
import { Csrf } from "../schemas.ts";

const Link = Type.String({ maxLength: AUTHOR_LIMITS.link + 100 });

/**
 * The form as sent: text bounded a little above the limits (longer text gets the form's Turkish
 * message from normaliseAuthorProfile, not a bare 400), one `links` field per link input.
 */
export const ProfileForm = Type.Object(
  {
    _csrf: Csrf,
    name: Type.String({ maxLength: AUTHOR_LIMITS.name + 100 }),
    slug: Type.Optional(Type.String({ maxLength: AUTHOR_LIMITS.slug + 100 })),
    title: Type.Optional(Type.String({ maxLength: AUTHOR_LIMITS.title + 100 })),
    bio: Type.Optional(Type.String({ maxLength: AUTHOR_LIMITS.bio + 400 })),
    imageId: Type.Optional(Type.Union([Int32Id, Type.Literal("")])),
    links: Type.Optional(Type.Union([Link, Type.Array(Link, { maxItems: MAX_AUTHOR_LINKS })])),
  },
  { additionalProperties: false },
);
export type ProfileFormBody = Static<typeof ProfileForm>;

/** The form's fields as a profile input: absent text reads as empty, no picture as null, links in form order. */
export function profileInputFromForm(form: ProfileFormBody): AuthorProfileInput {
  return {
    name: form.name,
    slug: form.slug ?? "",
    title: form.title ?? "",
    bio: form.bio ?? "",
    imageId: typeof form.imageId === "number" ? form.imageId : null,
    links: Array.isArray(form.links) ? form.links : form.links === undefined ? [] : [form.links],
  };
}
