// The manşet's pure rules: how many slots there are, the stamp a manşet form carries, and the
// one-step changes an editor makes to the order (move up or down, take out, add).
import crypto from "node:crypto";
import { InvalidInputError } from "../errors.ts";

/** Manşet slots on the home page: 1–5 (README, "What a reader gets": "manşet (headline slots 1–5)"). */
export const HEADLINE_SLOTS = 5;

/** What an editor asked the manşet form to do besides saving the order as it stands. */
export type SlotChange = { kind: "up" | "down" | "remove" | "add"; articleId: number };

/**
 * The stamp of a manşet order (article ids, slot 1 first): 16 hex characters of the SHA-256 of
 * the ids. A manşet form carries the stamp of the order it was opened on; a save whose stamp is
 * not the stored order's was made over another editor's newer change. The empty manşet has a stamp too.
 */
export function headlineStamp(articleIds: readonly number[]): string {
  return crypto
    .createHash("sha256")
    .update(`manset:${articleIds.join(",")}`)
    .digest("hex")
    .slice(0, 16);
}

/** What an editor is told when the manşet is full and they add one more. */
export const HEADLINES_FULL = `Manşette en çok ${HEADLINE_SLOTS} haber olabilir; önce birini çıkarın.`;

/**
 * The order `articleIds` (slot 1 first) after `change`: "up"/"down" swap the article with its
 * neighbour (no change at either end, or for an article not in the order); "remove" takes it out;
 * "add" puts it in the last slot (no change when already in). Throws InvalidInputError
 * (HEADLINES_FULL) when adding to a manşet that already holds HEADLINE_SLOTS articles.
 */
export function applySlotChange(articleIds: readonly number[], change: SlotChange): number[] {
  const ids = [...articleIds];
  const at = ids.indexOf(change.articleId);
  switch (change.kind) {
    case "add":
      if (at >= 0) return ids;
      if (ids.length >= HEADLINE_SLOTS) throw new InvalidInputError(HEADLINES_FULL);
      return [...ids, change.articleId];
    case "remove":
      return ids.filter((id) => id !== change.articleId);
    case "up":
    case "down": {
      const to = change.kind === "up" ? at - 1 : at + 1;
      if (at < 0 || to < 0 || to >= ids.length) return ids;
      [ids[at], ids[to]] = [ids[to] as number, ids[at] as number];
      return ids;
    }
  }
}
