// What the home page control page offers: the published articles and the manşet slots.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { listForNewsroom } from "../../news/articleStore.ts";
import { HEADLINE_SLOTS } from "../../news/homeControl.ts";
import type { HeadlineCandidate } from "../views/HeadlinesPage.tsx";

/** How many published articles the page offers, most recently changed first. */
export const CANDIDATE_COUNT = 200;

/**
 * The published articles (at most CANDIDATE_COUNT, most recently changed first) with their
 * manşet slot and son dakika flag (a boolean), and the slot numbers 1…HEADLINE_SLOTS.
 */
export async function loadHomeControl(db: Kysely<Database>): Promise<{ published: HeadlineCandidate[]; slots: number[] }> {
  const rows = await listForNewsroom(db, { status: "published", limit: CANDIDATE_COUNT });
  return {
    published: rows.map((r) => ({ id: r.id, title: r.title, headlineSlot: r.headlineSlot, isBreaking: r.isBreaking === 1 })),
    slots: Array.from({ length: HEADLINE_SLOTS }, (_, i) => i + 1),
  };
}
