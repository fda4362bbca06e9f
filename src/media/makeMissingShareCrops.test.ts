import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { makeMissingShareCrops } from "./makeMissingShareCrops.ts";
import { shareImagesOf } from "./pictureUrls.ts";
import { findImage, insertImage } from "./store.ts";

describeEachDatabase("makeMissingShareCrops", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-crops-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** An image as stored before crops existed: WebP variants only, `has_share_crops` 0. */
  const oldImage = async (storageKey: string, width: number, height: number, withFiles = true) => {
    const widths = width > 1920 ? [320, 1920] : [320, width];
    if (withFiles) {
      fs.mkdirSync(path.dirname(path.join(dataDir, "media", storageKey)), { recursive: true });
      for (const w of widths) {
        await sharp({ create: { width, height, channels: 3, background: "#884422" } })
          .resize({ width: w })
          .webp()
          .toFile(path.join(dataDir, "media", `${storageKey}-${w}.webp`));
      }
    }
    return get()
      .db.transaction()
      .execute((trx) =>
        insertImage(trx, {
          storageKey,
          width,
          height,
          variantWidths: widths.join(","),
          caption: "",
          credit: "AA",
          alt: "Eski görsel",
          createdAt: "2026-01-01T00:00:00Z",
        }),
      );
  };

  it("gives older pictures their crops from the largest stored variant, marks them, and leaves missing files to the next run", async () => {
    const big = await oldImage("2025/12/eskiBuyuk", 3200, 1800);
    const gone = await oldImage("2025/12/dosyasiYok", 2000, 1500, false);
    expect(shareImagesOf((await findImage(get().db, big))!)).toBeNull();
    const progress: number[] = [];
    const report = await makeMissingShareCrops(get().db, dataDir, { onProgress: (done) => progress.push(done) });
    expect(report).toEqual({ made: 1, missing: 1 });
    expect(progress).toEqual([1, 2]);
    const share = shareImagesOf((await findImage(get().db, big))!);
    expect(share?.wide).toMatchObject({ width: 1920, height: 1080 });
    const og = await sharp(path.join(dataDir, "media", "2025/12/eskiBuyuk.og.jpg")).metadata();
    expect(og).toMatchObject({ format: "jpeg", width: 1200, height: 630 });
    expect((await findImage(get().db, gone))?.hasShareCrops).toBe(0);
    expect(await makeMissingShareCrops(get().db, dataDir)).toEqual({ made: 0, missing: 1 });
  });
});
