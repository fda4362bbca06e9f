// The media library page's pictures.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { listImages } from "../../media/store.ts";
import type { MediaImage } from "../views/MediaPage.tsx";

/** How many of the newest pictures the library page shows. */
export const LIBRARY_SIZE = 100;

/** The newest LIBRARY_SIZE pictures, newest first, with the columns the library page shows. */
export async function listLibrary(db: Kysely<Database>): Promise<MediaImage[]> {
  const images = await listImages(db, LIBRARY_SIZE, 0);
  return images.map((i) => ({
    id: i.id,
    storageKey: i.storageKey,
    variantWidths: i.variantWidths,
    width: i.width,
    height: i.height,
    caption: i.caption,
    credit: i.credit,
    alt: i.alt,
  }));
}
