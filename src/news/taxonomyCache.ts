// Categories and sources held in memory for reader pages (issue 11: every page's header lists the
// categories, and category pages look theirs up by slug). They change rarely: the memory is read
// once per database and dropped whenever news emits `taxonomyChanged` (on PostgreSQL the relay
// emits it on every instance), and by `installDefaults`, which writes them without an event.
// Write use cases keep reading the tables in their transaction (taxonomyStore.ts).
import type { Kysely } from "kysely";
import type { Category, Database, Source } from "../db/schema.ts";
import { newsEvents } from "./events.ts";
import { listCategories, listSources } from "./taxonomyStore.ts";

/** One reading of the categories and sources. Shared by every caller: do not change it. */
export interface Taxonomy {
  /** Menu order: position, then id. */
  categories: readonly Category[];
  /** Id order. */
  sources: readonly Source[];
  categoryBySlug: ReadonlyMap<string, Category>;
}

interface Held {
  generation: number;
  taxonomy: Promise<Taxonomy>;
}

// Keyed by the Kysely instance, so tests' databases never see each other's rows. A change event
// names no database: it moves the generation on, which makes every held reading stale at once.
const held = new WeakMap<Kysely<Database>, Held>();
let generation = 0;

/** Which reading of the taxonomy is current: moves on with every change (cards made under an older one are stale: cardMemo.ts). */
export function taxonomyGeneration(): number {
  return generation;
}

/** Forgets every held reading; the next reader page reads the tables again. */
export function forgetTaxonomy(): void {
  generation += 1;
}

newsEvents.on("taxonomyChanged", forgetTaxonomy);
// A change may have been missed (the PostgreSQL relay reconnected): read them again.
newsEvents.on("changesMissed", forgetTaxonomy);

async function read(db: Kysely<Database>): Promise<Taxonomy> {
  const [categories, sources] = await Promise.all([listCategories(db), listSources(db)]);
  return { categories, sources, categoryBySlug: new Map(categories.map((c) => [c.slug, c])) };
}

/**
 * The categories and sources of `db`, from memory (two queries the first time, and after each
 * change). A failed reading is not kept: the next call tries again, and this one rejects.
 */
export function loadTaxonomy(db: Kysely<Database>): Promise<Taxonomy> {
  const current = held.get(db);
  if (current && current.generation === generation) return current.taxonomy;
  // A change announced while this reading runs leaves it with the old generation: stale at once.
  const entry: Held = { generation, taxonomy: read(db) };
  held.set(db, entry);
  entry.taxonomy.catch(() => {
    if (held.get(db) === entry) held.delete(db);
  });
  return entry.taxonomy;
}
