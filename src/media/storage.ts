import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { cropFileName, fallbackFileName, storageKeyOfFileName, variantFileName } from "./pictureUrls.ts";
import { MAX_IMAGE_PIXELS } from "./pixelLimit.ts";
import { SHARE_CROP_NAMES, largestStoredSize, shareCropSizes } from "./shareCrops.ts";

// libvips keeps recent operations and their pixels in a cache (up to 50 MB by default) in case they are asked
// for again; each upload is new, so the cache only holds memory (about 30 MB less peak RSS without it, measured
// with bench/uploadMemory.ts). On glibc sharp already runs one libvips thread per picture (sharp.concurrency()
// is 1), and imageQueue.ts runs one picture per core.
sharp.cache(false);

/** Widths of the responsive WebP variants; an image also gets one at its own width when narrower than the largest. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** Width of the JPEG fallback for browsers without WebP. */
export const FALLBACK_WIDTH = 1280;

export interface StoredImage {
  width: number;
  height: number;
  variantWidths: string;
  /** 1: the share crops the picture is big enough for were written (see shareCrops.ts). */
  hasShareCrops: number;
}

export function mediaDir(dataDir: string): string {
  return path.join(dataDir, "media");
}

/**
 * The media files of a storage key, relative to the media directory (named in pictureUrls.ts).
 * Returns the key of such a file path (with "/" separators), or null for any other file.
 */
export function storageKeyOfFile(relativePath: string): string | null {
  return storageKeyOfFileName(relativePath.split(path.sep).join("/"));
}

export function variantWidthsFor(width: number): number[] {
  const below = VARIANT_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? width);
  return [...below.filter((w) => w < top), top];
}

/**
 * Writes the share crops (`${storageKey}.16x9.jpg`, `.4x3.jpg`, `.1x1.jpg`, `.og.jpg`) that the picture is big
 * enough for, cut from `largest` (a copy of the picture at its largest stored size, `source` pixels; sizes from
 * shareCropSizes). Each crop keeps the region sharp's attention strategy finds most salient (skin tones,
 * saturated colour, contrast), so a 1:1 cut of a wide photo keeps its people and subject rather than whatever
 * sits in the middle. JPEG, quality 82, on white where the picture is transparent.
 */
async function writeShareCrops(dir: string, storageKey: string, largest: () => sharp.Sharp, source: { width: number; height: number }): Promise<void> {
  const sizes = shareCropSizes(source);
  for (const crop of SHARE_CROP_NAMES) {
    const size = sizes[crop];
    if (!size) continue;
    await largest()
      .resize({ width: size.width, height: size.height, fit: "cover", position: sharp.strategy.attention })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toFile(path.join(dir, cropFileName(storageKey, crop)));
  }
}

/**
 * Writes the share crops of an image stored before crops existed, from its largest stored WebP variant (the
 * upload itself is not kept). Returns false, writing nothing, when that file is missing or unreadable.
 */
export async function storeShareCropsOf(dataDir: string, image: { storageKey: string; width: number; height: number; variantWidths: string }): Promise<boolean> {
  const source = largestStoredSize(image);
  if (!source) return false;
  const file = path.join(mediaDir(dataDir), variantFileName(image.storageKey, source.width));
  let decoded;
  try {
    decoded = await sharp(file, { failOn: "truncated", limitInputPixels: MAX_IMAGE_PIXELS }).raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  } catch {
    return false;
  }
  const { data, info } = decoded;
  const largest = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  await writeShareCrops(mediaDir(dataDir), image.storageKey, largest, { width: Math.min(source.width, info.width), height: Math.min(source.height, info.height) });
  return true;
}

/**
 * Whether an upload's variants keep its animation: a GIF or WebP of more than one frame whose frames
 * together stay within MAX_IMAGE_PIXELS (libvips decodes an animation as one tall strip of frames, and
 * that bound keeps its memory like a still picture's). A longer animation keeps only its first frame.
 */
export function keepsAnimation(meta: { format?: string; pages?: number; width?: number; pageHeight?: number; height?: number }): boolean {
  const frames = meta.pages ?? 1;
  if (frames < 2 || (meta.format !== "gif" && meta.format !== "webp")) return false;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  return (meta.width ?? 0) * frameHeight * frames <= MAX_IMAGE_PIXELS;
}

/**
 * Writes the WebP variants (`${storageKey}-${width}.webp`), a JPEG fallback (`${storageKey}.jpg`) and the share
 * crops the picture is big enough for (writeShareCrops). An animated GIF or WebP (keepsAnimation) gets animated
 * WebP variants, so readers see it move; its JPEG fallback and share crops are its first frame.
 * The input is decoded once, streaming (sequential read, sharp's default, made explicit), straight to the largest
 * variant's width (JPEG and WebP shrink while decoding); the smaller variants and the fallback are made from that
 * in-memory copy (1920 px wide at most, ~11 MB as RGBA), not by decoding the upload again for each. Pictures over MAX_IMAGE_PIXELS are refused
 * by sharp too (callers check first, see pixelLimit.ts). sharp drops EXIF, XMP and with them any GPS location,
 * unless asked to keep metadata.
 */
export async function storeImageVariants(dataDir: string, storageKey: string, input: Buffer): Promise<StoredImage> {
  const source = sharp(input, { failOn: "truncated", pages: 1, limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true });
  const meta = await source.metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new Error("image has no size");
  const widths = variantWidthsFor(width);
  const top = widths[widths.length - 1] ?? width;
  const dir = mediaDir(dataDir);
  await fs.mkdir(path.dirname(path.join(dir, storageKey)), { recursive: true });
  const animated = keepsAnimation(meta);
  if (animated) {
    // Every frame, resized per variant straight from the upload (an animation is decoded once per width).
    for (const w of widths) {
      await sharp(input, { failOn: "truncated", animated: true, limitInputPixels: MAX_IMAGE_PIXELS })
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 78, effort: 4 })
        .toFile(path.join(dir, variantFileName(storageKey, w)));
    }
  }
  const { data, info } = await source
    .rotate()
    .resize({ width: top, withoutEnlargement: true, fastShrinkOnLoad: true })
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  const largest = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  for (const w of animated ? [] : widths) {
    await largest()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: 78, effort: 4 })
      .toFile(path.join(dir, variantFileName(storageKey, w)));
  }
  await largest()
    .resize({ width: Math.min(width, FALLBACK_WIDTH), withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 80, mozjpeg: true })
    .toFile(path.join(dir, fallbackFileName(storageKey)));
  const stored = { width, height, variantWidths: widths.join(",") };
  const cropSource = largestStoredSize(stored);
  if (cropSource) await writeShareCrops(dir, storageKey, largest, { width: Math.min(cropSource.width, info.width), height: Math.min(cropSource.height, info.height) });
  return { ...stored, hasShareCrops: 1 };
}
