// Editing an author's public profile (name, slug, title, bio, photo, links): one's own, or anyone's as an admin.
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database } from "../db/schema.ts";
import { ForbiddenError, InvalidInputError } from "../errors.ts";
import { findImage } from "../media/store.ts";
import { type AuthorProfileInput, normaliseAuthorProfile } from "./authorProfile.ts";
import { type AuthorProfile, ensureAuthorForUser, findAuthorById, findAuthorBySlug, updateAuthorRow } from "./authorStore.ts";
import { newsEvents } from "./events.ts";
import type { Actor } from "./workflow.ts";

export interface SaveAuthorProfileInput {
  /** The newsroom user whose profile this is (made from their name if they have none yet). */
  user: { id: number; name: string };
  input: AuthorProfileInput;
  actor: Actor;
  now: Date;
  ip?: string | null;
}

/** Whether `actor` may edit the profile of user `userId`: their own, or anyone's as an admin (yönetici). */
export function canEditProfile(actor: Actor, userId: number): boolean {
  return actor.role === "yonetici" || actor.id === userId;
}

/**
 * Saves the profile of `user`: checks first — the actor may edit it (ForbiddenError otherwise), the
 * fields are valid (normaliseAuthorProfile), no other author has the slug and the photo exists in
 * the media library (InvalidInputError with Turkish per-field messages) — then writes it with an
 * audit entry in one transaction and, after commit, emits `authorChanged` (the author page and
 * every page with their byline are dropped from the cache). Returns the profile as saved.
 */
export async function saveAuthorProfile(db: Kysely<Database>, { user, input, actor, now, ip }: SaveAuthorProfileInput): Promise<AuthorProfile> {
  if (!canEditProfile(actor, user.id)) throw new ForbiddenError("Yalnızca kendi profilinizi düzenleyebilirsiniz.");
  const clean = normaliseAuthorProfile(input);
  const slugTaken = () => new InvalidInputError("Profil kaydedilemedi: işaretli alanları düzeltin.", { slug: `“${clean.slug}” adresi başka bir yazarda kullanılıyor.` });
  const write = db.transaction().execute(async (trx) => {
    const id = await ensureAuthorForUser(trx, user);
    const holder = await findAuthorBySlug(trx, clean.slug);
    if (holder && holder.id !== id) throw slugTaken();
    if (clean.imageId !== null && !(await findImage(trx, clean.imageId))) {
      throw new InvalidInputError("Profil kaydedilemedi: işaretli alanları düzeltin.", { imageId: "Seçilen görsel bulunamadı." });
    }
    await updateAuthorRow(trx, id, clean);
    await recordAudit(trx, { at: now, actor, action: "author_profile_changed", subject: `yazar #${id}`, detail: clean.name, ip });
    const row = await findAuthorById(trx, id);
    if (!row) throw new Error("author vanished");
    return row;
  });
  // Another save may take the slug between the check and the write: the unique index refuses it, and
  // that is the same "taken" as the check's, not a failure.
  const saved = await write.catch(async (error: unknown) => {
    const holder = error instanceof InvalidInputError ? undefined : await findAuthorBySlug(db, clean.slug);
    throw holder && holder.userId !== user.id ? slugTaken() : error;
  });
  newsEvents.emit("authorChanged", { authorId: saved.id }, "local");
  return saved;
}
