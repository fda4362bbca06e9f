// Loading the author profile form: the user's profile (or the one their name would make) and the
// library pictures its photo select offers.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { NotFoundError } from "../../errors.ts";
import { listImages } from "../../media/store.ts";
import type { AuthorProfileInput } from "../../news/authorProfile.ts";
import { findAuthorOfUser } from "../../news/authorStore.ts";
import { authorPath } from "../../news/slug.ts";
import { findUserById } from "../store.ts";
import type { ProfileData } from "../views/ProfilePage.tsx";

/** How many of the newest library pictures the photo select offers. */
const PROFILE_IMAGE_COUNT = 100;

/** The newsroom user `userId` ({id, name}); NotFoundError when there is none. */
export async function findProfileUser(db: Kysely<Database>, userId: number): Promise<{ id: number; name: string }> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError("Kullanıcı", userId);
  return { id: user.id, name: user.name };
}

/**
 * The profile form of `user`, posting to `action` (`own`: the signed-in user's "Profilim"): their profile's values, or for a user who has none
 * yet their name and an empty rest (the profile is made on the first save). `values` replaces them
 * when a refused form is shown again.
 */
export async function loadProfile(
  db: Kysely<Database>,
  { user, action, own, values }: { user: { id: number; name: string }; action: string; own: boolean; values?: AuthorProfileInput },
): Promise<ProfileData> {
  const [profile, images] = await Promise.all([findAuthorOfUser(db, user.id), listImages(db, PROFILE_IMAGE_COUNT, 0)]);
  return {
    action,
    own,
    userName: user.name,
    publicPath: profile ? authorPath(profile.slug) : null,
    values:
      values ??
      (profile
        ? { name: profile.name, slug: profile.slug, title: profile.title, bio: profile.bio, imageId: profile.imageId, links: profile.links }
        : { name: user.name, slug: "", title: "", bio: "", imageId: null, links: [] }),
    images: images.map((i) => ({ id: i.id, caption: i.caption, alt: i.alt })),
  };
}
