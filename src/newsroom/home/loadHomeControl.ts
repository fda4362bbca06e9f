// What the home page control page shows: the manşet in slot order, the son dakika items that are
// on now, and for each a short search to add a published article.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { listCurrentBreaking, listForNewsroom } from "../../news/articleStore.ts";
import { HEADLINE_SLOTS } from "../../news/headlineOrder.ts";
import { readHeadlineOrder } from "../../news/homeControl.ts";
import { searchArticles } from "../../search/searchArticles.ts";
import type { BreakingRow, HeadlinesPageProps, PickRow, SlotRow } from "../views/HeadlinesPage.tsx";

/** How many articles a search offers to add (to the manşet or to son dakika). */
export const PICK_LIMIT = 10;

/** How many of the newest published articles are offered before anything is searched for (a short page on a phone). */
export const SUGGESTION_LIMIT = 5;

/** How many current son dakika items the page lists (far more than a newsroom flags at once). */
export const BREAKING_LIMIT = 50;

export interface HomeControlInput {
  now: Date;
  /** The manşet search's words (blank: the newest published articles). */
  ara?: string;
  /** The son dakika search's words (blank: the newest published articles). */
  sdara?: string;
  /** The editor's own order when a refused form is shown again (article ids, slot 1 first); the stored one otherwise. */
  order?: number[];
  /** The stamp the form carries: the stored order's unless a refused form keeps the one it was opened on. */
  stamp?: string;
  /** After another editor's change (409): show the stored manşet beside the editor's order. */
  showStored?: boolean;
  /** An article the son dakika search must offer (the one whose refused form is shown again). */
  breakingPick?: number;
}

/** The page's data but for the chrome and the notices. */
export type HomeControlData = Pick<HeadlinesPageProps, "slots" | "stamp" | "stored" | "slotCount" | "picks" | "breaking" | "breakingPicks">;

/**
 * The manşet (`order`, else the stored order, as titled rows; ids no longer found are left out),
 * its stamp, the son dakika items on at `now` (at most BREAKING_LIMIT, with their end times), and
 * for each list published articles not on it: up to PICK_LIMIT of the search's best matches for
 * `ara` / `sdara`, or the SUGGESTION_LIMIT newest published when blank.
 */
export async function loadHomeControl(db: Kysely<Database>, input: HomeControlInput): Promise<HomeControlData> {
  const stored = await readHeadlineOrder(db);
  const order = input.order ?? stored.articleIds;
  const [slots, storedSlots, breakingRows] = await Promise.all([
    titled(db, order),
    input.showStored ? titled(db, stored.articleIds) : undefined,
    listCurrentBreaking(db, input.now, BREAKING_LIMIT),
  ]);
  const breaking: BreakingRow[] = breakingRows.map((r) => ({ id: r.id, title: r.title, until: r.breakingUntil }));
  const [picks, breakingPicks] = await Promise.all([
    findPicks(db, { query: input.ara ?? "", exclude: order, now: input.now }),
    findPicks(db, { query: input.sdara ?? "", exclude: breaking.map((b) => b.id), now: input.now, include: input.breakingPick }),
  ]);
  return { slots, stamp: input.stamp ?? stored.stamp, stored: storedSlots, slotCount: HEADLINE_SLOTS, picks, breaking, breakingPicks };
}

/** The rows of `ids` in that order, with their titles; ids not found are left out. */
async function titled(db: Kysely<Database>, ids: readonly number[]): Promise<SlotRow[]> {
  if (ids.length === 0) return [];
  const rows = await listForNewsroom(db, { ids, limit: ids.length });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, title: row.title, published: row.status === "published" }] : [];
  });
}

/**
 * Published articles not in `exclude`: up to PICK_LIMIT of the search's matches for `query` in its
 * order, or the SUGGESTION_LIMIT newest published when `query` is blank; `include` (when published) comes first.
 */
async function findPicks(
  db: Kysely<Database>,
  { query, exclude, now, include }: { query: string; exclude: readonly number[]; now: Date; include?: number },
): Promise<{ query: string; rows: PickRow[] }> {
  const blank = query.trim() === "";
  const limit = blank ? SUGGESTION_LIMIT : PICK_LIMIT;
  const want = limit + exclude.length + 1;
  let rows: PickRow[];
  if (blank) {
    const newest = await listForNewsroom(db, { status: "published", order: "published-desc", limit: want });
    rows = newest.map((r) => ({ id: r.id, title: r.title, publishedAt: r.publishedAt }));
  } else {
    const found = await searchArticles(db, { q: query, page: 1, pageSize: want, now, statuses: ["published"] });
    rows = found.hits.map((h) => ({ id: h.card.id, title: h.card.title, publishedAt: h.card.publishedAt }));
  }
  if (include !== undefined && !rows.some((r) => r.id === include)) {
    const [row] = await listForNewsroom(db, { ids: [include], status: "published", limit: 1 });
    if (row) rows.unshift({ id: row.id, title: row.title, publishedAt: row.publishedAt });
  }
  const skip = new Set(exclude);
  return { query, rows: rows.filter((r) => !skip.has(r.id)).slice(0, limit) };
}
