// The share crops of a picture: the JPEGs that search engines, news aggregators and social networks show.
// Pure geometry; storage.ts cuts them, pictureUrls.ts names them.
//
// Rules (issue 12, "Structured data" and "Social cards"; Google's article structured data asks for images at
// 16:9, 4:3 and 1:1 of at least 50,000 pixels, we ask for 300,000; Open Graph's large card is 1200×630):
// - every crop is cut from the picture's largest stored size (the widest WebP variant, at most 1920 px wide);
// - the 16:9, 4:3 and 1:1 crops are the largest rectangle of their ratio inside it, never enlarged;
// - the 16:9 crop needs at least 1200 px of width, the 4:3 and 1:1 ones at least 300,000 pixels;
// - the Open Graph crop is exactly 1200×630, scaled down from the largest 40:21 rectangle, which must be at
//   least that big;
// - a picture too small for a crop gets none of it (no upscaled, blurry copy): readers of the share images fall
//   back to the site's default share image for that crop.

/** The crops every picture may get, by name. */
export const SHARE_CROP_NAMES = ["wide", "standard", "square", "og"] as const;
export type ShareCropName = (typeof SHARE_CROP_NAMES)[number];

/** Width of the Open Graph crop, and the least width of the 16:9 crop. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Least width of the 16:9 crop. */
export const MIN_WIDE_WIDTH = 1200;
/** Least pixel count of the 4:3 and 1:1 crops (and of the 16:9 one, which its width already guarantees). */
export const MIN_CROP_PIXELS = 300_000;

export interface CropSize {
  width: number;
  height: number;
}

export type ShareCropSizes = Record<ShareCropName, CropSize | null>;

/**
 * The size in pixels of the largest stored copy of a picture: the widest WebP variant (`variantWidths`) and the
 * height scaled to it, rounded down (so a crop computed from it never needs a pixel the stored copy lacks).
 * Null when no width is stored.
 */
export function largestStoredSize(image: { width: number; height: number; variantWidths: string }): CropSize | null {
  const widths = image.variantWidths
    .split(",")
    .map(Number)
    .filter((w) => Number.isInteger(w) && w > 0);
  if (widths.length === 0 || image.width <= 0 || image.height <= 0) return null;
  const top = Math.max(...widths);
  return { width: top, height: Math.floor((image.height * top) / image.width) };
}

/** The largest rectangle of exactly `rw:rh` inside `source` (whole multiples of the ratio). */
function largestOfRatio(source: CropSize, rw: number, rh: number): CropSize {
  const k = Math.min(Math.floor(source.width / rw), Math.floor(source.height / rh));
  return { width: k * rw, height: k * rh };
}

const bigEnough = (size: CropSize) => size.width * size.height >= MIN_CROP_PIXELS;

/**
 * The size of each share crop cut from a stored copy of `source` pixels, or null for a crop the picture is too
 * small for (rules at the top of this file). E.g. 1920×1080 gives wide 1920×1080, standard 1440×1080, square
 * 1080×1080, og 1200×630; 800×600 gives only standard 800×600 and square 600×600.
 */
export function shareCropSizes(source: CropSize): ShareCropSizes {
  const wide = largestOfRatio(source, 16, 9);
  const standard = largestOfRatio(source, 4, 3);
  const square = largestOfRatio(source, 1, 1);
  const ogRegion = largestOfRatio(source, 40, 21);
  return {
    wide: wide.width >= MIN_WIDE_WIDTH && bigEnough(wide) ? wide : null,
    standard: bigEnough(standard) ? standard : null,
    square: bigEnough(square) ? square : null,
    og: ogRegion.width >= OG_WIDTH && ogRegion.height >= OG_HEIGHT ? { width: OG_WIDTH, height: OG_HEIGHT } : null,
  };
}
