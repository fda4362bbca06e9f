import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

/** Widths of the responsive WebP variants; an image also gets one at its own width when narrower than the largest. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** Width of the JPEG fallback for browsers without WebP. */
export const FALLBACK_WIDTH = 1280;

export interface StoredImage {
  width: number;
  height: number;
  variantWidths: string;
}

export function mediaDir(dataDir: string): string {
  return path.join(dataDir, "media");
}

export function variantWidthsFor(width: number): number[] {
  const below = VARIANT_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? width);
  return [...below.filter((w) => w < top), top];
}

/**
 * Writes the WebP variants (`${storageKey}-${width}.webp`) and a JPEG fallback (`${storageKey}.jpg`).
 * sharp drops EXIF, XMP and with them any GPS location, unless asked to keep metadata.
 */
export async function storeImageVariants(dataDir: string, storageKey: string, input: Buffer): Promise<StoredImage> {
  const image = sharp(input, { failOn: "truncated", pages: 1, limitInputPixels: 100_000_000 }).rotate();
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new Error("image has no size");
  const widths = variantWidthsFor(width);
  const base = path.join(mediaDir(dataDir), storageKey);
  await fs.mkdir(path.dirname(base), { recursive: true });
  for (const w of widths) {
    await image.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 78, effort: 4 }).toFile(`${base}-${w}.webp`);
  }
  await image
    .clone()
    .resize({ width: Math.min(width, FALLBACK_WIDTH), withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 80, mozjpeg: true })
    .toFile(`${base}.jpg`);
  return { width, height, variantWidths: widths.join(",") };
}
