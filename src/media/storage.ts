import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

/** Widths of the responsive WebP variants; an image never gets a variant wider than itself. */
export const VARIANT_WIDTHS = [480, 800, 1200, 1920] as const;

export interface StoredImage {
  width: number;
  height: number;
  variantWidths: string;
}

export function mediaDir(dataDir: string): string {
  return path.join(dataDir, "media");
}

/**
 * Writes the WebP variants of an image as `${storageKey}-${width}.webp` under the media folder.
 * sharp drops EXIF (and with it any location) unless asked to keep it.
 */
export async function storeImageVariants(dataDir: string, storageKey: string, input: Buffer): Promise<StoredImage> {
  const image = sharp(input, { failOn: "error" }).rotate();
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new Error("image has no size");
  const widths = VARIANT_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(VARIANT_WIDTHS[0]);
  const base = path.join(mediaDir(dataDir), storageKey);
  await fs.mkdir(path.dirname(base), { recursive: true });
  for (const w of widths) {
    await image
      .clone()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: 78, effort: 4 })
      .toFile(`${base}-${w}.webp`);
  }
  return { width, height, variantWidths: widths.join(",") };
}
