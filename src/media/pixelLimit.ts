import { InvalidInputError } from "../errors.ts";

/**
 * Largest picture accepted, in pixels (width × height of the first frame): 50 megapixels.
 * Covers full-frame news cameras (45.7 MP Nikon Z8/Z9, 45 MP Canon R5) and phones' 50 MP modes (8160×6120);
 * 60 MP and medium-format files (Sony A7R, Fujifilm GFX) must be downscaled first. The largest variant is
 * 1920 px wide, so nothing bigger is ever shown; the bound keeps six pictures at once well under 600 MB
 * of memory (see bench/uploadMemory.ts).
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

const megapixels = new Intl.NumberFormat("tr-TR", { maximumFractionDigits: 1 });

/** Megapixels for people, rounded up to a tenth so a picture over the limit never reads as equal to it: 50 000 001 → "50,1". */
export function formatMegapixels(pixels: number): string {
  return megapixels.format(Math.ceil(pixels / 100_000) / 10);
}

/**
 * Refuses a picture of more than `limit` pixels with an InvalidInputError that says so (too large, not corrupt).
 * Decided from the header's width and height, before any pixel is decoded.
 */
export function assertWithinPixelLimit(width: number, height: number, limit: number = MAX_IMAGE_PIXELS): void {
  const pixels = width * height;
  if (pixels <= limit) return;
  throw new InvalidInputError(
    `Görsel çok büyük: en çok ${formatMegapixels(limit)} megapiksel olabilir (yüklenen: ${formatMegapixels(pixels)} megapiksel, ${width}×${height}). Küçültüp yeniden yükleyin.`,
    { file: "Görselin piksel sayısı çok büyük." },
  );
}
