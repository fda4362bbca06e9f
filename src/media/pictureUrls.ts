// The one place that knows how a stored picture's files are named and where readers fetch them:
// `${storageKey}-${width}.webp` for every variant width and `${storageKey}.jpg` for the JPEG
// fallback, under DATA_DIR/media on disk and under MEDIA_PREFIX on the web.

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
}

/** The file name of one WebP variant, relative to the media directory: `${storageKey}-${width}.webp`. */
export function variantFileName(storageKey: string, width: number): string {
  return `${storageKey}-${width}.webp`;
}

/** The file name of the JPEG fallback, relative to the media directory: `${storageKey}.jpg`. */
export function fallbackFileName(storageKey: string): string {
  return `${storageKey}.jpg`;
}

/**
 * The storage key of a media file name (relative, "/" separators) made by variantFileName or
 * fallbackFileName, or null for any other file.
 */
export function storageKeyOfFileName(fileName: string): string | null {
  const match = /^(.+?)(?:-\d+\.webp|\.jpg)$/.exec(fileName);
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
  };
}
