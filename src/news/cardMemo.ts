// Cards of articles kept in memory between reader pages (issue 11: a reader page is one or two
// indexed statements plus in-memory data). A page's statement picks ids with the few columns that
// say whether a remembered card still holds; only the cards not remembered are read (one more
// statement), by primary key.
//
// A remembered card holds while the article's `version` (bumped by every save, publication and
// scheduled publication: articleStore.ts) and the taxonomy generation (category names and slugs:
// taxonomyCache.ts) are those it was made from. The son dakika flag is not part of it: it changes
// without a new version, and with time, so it is worked out on every read from the picked row.
// Nothing needs an event: on many instances a stale card is never shown, since the version is
// read from the database with the pick.
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../db/schema.ts";
import type { ArticleCard } from "./types.ts";

interface Remembered {
  version: number;
  generation: number;
  /** Its `isBreaking` is as it was when made: readers of the memo work it out again. */
  card: ArticleCard;
}

/** Cards per database: at about 1 KB each, at most ~10 MB. */
const MAX_CARDS = 10_000;

// Keyed by the Kysely instance, so tests' databases never see each other's cards.
const memos = new WeakMap<Kysely<Database>, LRUCache<number, Remembered>>();

function memoOf(db: Kysely<Database>): LRUCache<number, Remembered> {
  let memo = memos.get(db);
  if (!memo) {
    memo = new LRUCache<number, Remembered>({ max: MAX_CARDS });
    memos.set(db, memo);
  }
  return memo;
}

/** The card of article `id` as made at `version` under taxonomy `generation`; undefined when not remembered (or made from other data). */
export function rememberedCard(db: Kysely<Database>, id: number, version: number, generation: number): ArticleCard | undefined {
  const found = memoOf(db).get(id);
  return found && found.version === version && found.generation === generation ? found.card : undefined;
}

/** Keeps the card of article `id`, made from its row at `version` under taxonomy `generation` (read before the row was). */
export function rememberCard(db: Kysely<Database>, id: number, version: number, generation: number, card: ArticleCard): void {
  memoOf(db).set(id, { version, generation, card });
}
