import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.ts";
import { MAX_IMAGE_PIXELS, assertWithinPixelLimit, formatMegapixels } from "./pixelLimit.ts";

describe("pixel limit", () => {
  it("accepts pictures up to the limit, a 50-megapixel phone photo included", () => {
    expect(() => assertWithinPixelLimit(8160, 6120)).not.toThrow(); // 49.9 MP
    expect(() => assertWithinPixelLimit(8256, 5504)).not.toThrow(); // Nikon Z8, 45.4 MP
    expect(() => assertWithinPixelLimit(10_000, 5_000)).not.toThrow(); // exactly the limit
    expect(MAX_IMAGE_PIXELS).toBe(50_000_000);
  });

  it("refuses a larger picture as too large in pixels, naming both sizes, never as corrupt", () => {
    let refusal: unknown;
    try {
      assertWithinPixelLimit(10_000, 10_000);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect(refusal).toMatchObject({
      message: "Görsel çok büyük: en çok 50 megapiksel olabilir (yüklenen: 100 megapiksel, 10000×10000). Küçültüp yeniden yükleyin.",
      fields: { file: "Görselin piksel sayısı çok büyük." },
    });
  });

  it("never shows a picture over the limit as equal to it", () => {
    expect(() => assertWithinPixelLimit(50_000_001, 1)).toThrow(/yüklenen: 50,1 megapiksel/);
    expect(() => assertWithinPixelLimit(9504, 6336)).toThrow(/yüklenen: 60,3 megapiksel/); // Sony A7R V
  });

  it("formats megapixels the Turkish way, rounded up to a tenth", () => {
    expect(formatMegapixels(100_000_000)).toBe("100");
    expect(formatMegapixels(45_441_024)).toBe("45,5");
    expect(formatMegapixels(50_000_000)).toBe("50");
  });
});
