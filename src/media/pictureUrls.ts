// The one place that knows how a stored picture's files are named and where readers fetch them:
// `${storageKey}-${width}.webp` for every variant width, `${storageKey}.jpg` for the JPEG
// fallback and `${storageKey}.${crop}.jpg` for the share crops (crop: 16x9, 4x3, 1x1, og), under
// DATA_DIR/media on disk and under MEDIA_PREFIX on the web. Storage keys never hold a "." (random
// base64url or hex), so the crops' names cannot be mistaken for another key's fallback.
import { type ShareCropName, largestStoredSize, shareCropSizes } from "./shareCrops.ts";

/** Where the picture files are served from (`@fastify/static` in app.ts). */
export const MEDIA_PREFIX = "/medya/";

/** A picture as the views need it: every stored WebP width, largest last. */
export interface Picture {
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  /** JPEG for browsers without WebP, when one was made. */
  fallback: string | null;
  /** The size of the `src` variant itself (the WebP nearest the preferred width), in pixels. */
  srcWidth: number;
  srcHeight: number;
}

/** The file name of one WebP variant, relative to the media directory: `${storageKey}-${width}.webp`. */
export function variantFileName(storageKey: string, width: number): string {
  return `${storageKey}-${width}.webp`;
}

/** The file name of the JPEG fallback, relative to the media directory: `${storageKey}.jpg`. */
export function fallbackFileName(storageKey: string): string {
  return `${storageKey}.jpg`;
}

/** The part of a share crop's file name after the storage key. */
const CROP_SUFFIX: Record<ShareCropName, string> = { wide: "16x9", standard: "4x3", square: "1x1", og: "og" };

/** The file name of one share crop, relative to the media directory: `${storageKey}.16x9.jpg` (4x3, 1x1, og). */
export function cropFileName(storageKey: string, crop: ShareCropName): string {
  return `${storageKey}.${CROP_SUFFIX[crop]}.jpg`;
}

/**
 * The storage key of a media file name (relative, "/" separators) made by variantFileName,
 * fallbackFileName or cropFileName, or null for any other file.
 */
export function storageKeyOfFileName(fileName: string): string | null {
  const match = /^([^.]+?)(?:-\d+\.webp|\.(?:16x9|4x3|1x1|og)\.jpg|\.jpg)$/.exec(fileName);
  return match?.[1] ?? null;
}

/** The address of the variant file for one width of a stored image, e.g. `/medya/2026/05/ab12-640.webp`. */
export function variantPath(storageKey: string, width: number): string {
  return `${MEDIA_PREFIX}${variantFileName(storageKey, width)}`;
}

/** The stored widths (`images.variant_widths`, "320,640") as positive integers, smallest first; junk is dropped. */
export function parseWidths(variantWidths: string): number[] {
  return variantWidths
    .split(",")
    .map(Number)
    .filter((w) => Number.isInteger(w) && w > 0)
    .sort((a, b) => a - b);
}

/**
 * The addresses of an image's smallest and largest variants, for the newsroom's media library
 * (thumbnail, and the address to paste into an article). Null when no width is stored.
 */
export function variantPathsOf(image: { storageKey: string; variantWidths: string }): { smallest: string; largest: string } | null {
  const widths = parseWidths(image.variantWidths);
  const smallest = widths[0];
  const largest = widths.at(-1);
  if (smallest === undefined || largest === undefined) return null;
  return { smallest: variantPath(image.storageKey, smallest), largest: variantPath(image.storageKey, largest) };
}

/** Builds `src`/`srcset` from the stored widths; `src` is the variant closest to `preferred` (pixels). Null without widths. */
export function toPicture(
  image: { storageKey: string; width: number; height: number; variantWidths: string; hasFallback?: number | null },
  alt: string,
  preferred = 800,
): Picture | null {
  const widths = parseWidths(image.variantWidths);
  if (widths.length === 0) return null;
  const src = widths.reduce((best, w) => (Math.abs(w - preferred) < Math.abs(best - preferred) ? w : best));
  return {
    src: variantPath(image.storageKey, src),
    srcset: widths.map((w) => `${variantPath(image.storageKey, w)} ${w}w`).join(", "),
    width: image.width,
    height: image.height,
    alt,
    fallback: image.hasFallback === 1 ? `${MEDIA_PREFIX}${fallbackFileName(image.storageKey)}` : null,
    srcWidth: src,
    srcHeight: Math.round((src * image.height) / image.width),
  };
}

/** One share crop: its site-relative address (prefix PUBLIC_URL for an absolute one) and size in pixels. */
export interface ShareImage {
  /** e.g. `/medya/2026/11/ab12.16x9.jpg`. */
  url: string;
  width: number;
  height: number;
}

/** A picture's share crops (JPEG): 16:9, 4:3, 1:1 and the 1200×630 Open Graph card; null for a crop it is too small for. */
export type ShareImages = Record<ShareCropName, ShareImage | null>;

/**
 * The share crops of a stored image (rules and sizes in shareCrops.ts), or null when none were made for it yet
 * (`hasShareCrops` 0: an image stored before crops existed, until `haberci crops` or the start-up backfill
 * reaches it) or it is too small for every crop.
 */
export function shareImagesOf(image: { storageKey: string; width: number; height: number; variantWidths: string; hasShareCrops: number | null }): ShareImages | null {
  if (image.hasShareCrops !== 1) return null;
  const source = largestStoredSize(image);
  if (!source) return null;
  const sizes = shareCropSizes(source);
  const one = (crop: ShareCropName): ShareImage | null => {
    const size = sizes[crop];
    return size ? { url: `${MEDIA_PREFIX}${cropFileName(image.storageKey, crop)}`, ...size } : null;
  };
  const images: ShareImages = { wide: one("wide"), standard: one("standard"), square: one("square"), og: one("og") };
  return Object.values(images).some((i) => i !== null) ? images : null;
}
