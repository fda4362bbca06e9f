// Tag suggestions for the editor's tag field.
import type { Kysely } from "kysely";
import type { Database, Tag } from "../db/schema.ts";
import { findTagsByPrefix } from "./taxonomyStore.ts";
import { type Actor, isEditor } from "./workflow.ts";

/**
 * Up to 10 tags whose slug starts with `prefix` (already a slug), in slug order. Reporters are
 * offered only tags of published articles or of their own (a tag used only on another
 * reporter's draft would leak what that draft is about); editors every tag.
 */
export async function suggestTags(db: Kysely<Database>, prefix: string, actor: Actor): Promise<Tag[]> {
  return findTagsByPrefix(db, prefix, 10, isEditor(actor.role) ? null : { ownerId: actor.id });
}
