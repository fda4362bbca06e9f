import type { Picture } from "./types.ts";

export const MEDIA_PREFIX = "/medya/";

/** The variant file for one width of a stored image. */
export function variantPath(storageKey: string, width: number): string {
  return `${MEDIA_PREFIX}${storageKey}-${width}.webp`;
}

export function parseWidths(variantWidths: string): number[] {
  return variantWidths
    .split(",")
    .map(Number)
    .filter((w) => Number.isInteger(w) && w > 0)
    .sort((a, b) => a - b);
}

/** Builds `src`/`srcset` from the stored widths; `src` is the variant closest to `preferred`. */
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
    fallback: image.hasFallback === 1 ? `${MEDIA_PREFIX}${image.storageKey}.jpg` : null,
  };
}
