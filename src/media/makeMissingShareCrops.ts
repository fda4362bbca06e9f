// Share crops for pictures stored before crops existed (the demo's and earlier uploads): `haberci crops` runs it in
// the foreground; `haberci serve` runs it in the background at start-up, so an upgrade needs no extra step.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { storeShareCropsOf } from "./storage.ts";
import { countImagesWithoutShareCrops, listImagesWithoutShareCrops, markShareCropsMade } from "./store.ts";

export interface ShareCropReport {
  /** Images that got their crops (or were found too small for any: they are marked done too). */
  made: number;
  /** Images whose largest stored variant is missing or unreadable; they stay unmarked and are tried again next time. */
  missing: number;
}

/**
 * Writes the share crops of every image whose row says it has none (`has_share_crops = 0`), one picture at a
 * time (one core), oldest first, then marks the row. Only then does `shareImagesOf` name the files, so a page never
 * points at a crop not yet written. Two instances running it at once write the same bytes twice; no harm.
 * `onProgress(done, total)` after each image.
 */
export async function makeMissingShareCrops(
  db: Kysely<Database>,
  dataDir: string,
  options: { onProgress?: (done: number, total: number) => void; onMissing?: (storageKey: string) => void } = {},
): Promise<ShareCropReport> {
  const total = await countImagesWithoutShareCrops(db);
  const report: ShareCropReport = { made: 0, missing: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await listImagesWithoutShareCrops(db, afterId, 50);
    if (batch.length === 0) return report;
    for (const image of batch) {
      afterId = image.id;
      if (await storeShareCropsOf(dataDir, image)) {
        await db.transaction().execute((trx) => markShareCropsMade(trx, image.id));
        report.made += 1;
      } else {
        report.missing += 1;
        options.onMissing?.(image.storageKey);
      }
      options.onProgress?.(report.made + report.missing, total);
    }
  }
}
