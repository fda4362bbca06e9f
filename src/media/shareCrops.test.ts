import { describe, expect, it } from "vitest";
import { MIN_CROP_PIXELS, largestStoredSize, shareCropSizes } from "./shareCrops.ts";

describe("share crop sizes", () => {
  it("cuts the largest rectangle of each ratio from a landscape picture, and a 1200×630 card", () => {
    expect(shareCropSizes({ width: 1920, height: 1080 })).toEqual({
      wide: { width: 1920, height: 1080 },
      standard: { width: 1440, height: 1080 },
      square: { width: 1080, height: 1080 },
      og: { width: 1200, height: 630 },
    });
  });

  it("cuts from a portrait picture without enlarging it", () => {
    const sizes = shareCropSizes({ width: 1280, height: 1920 });
    expect(sizes.wide).toEqual({ width: 1280, height: 720 });
    expect(sizes.standard).toEqual({ width: 1280, height: 960 });
    expect(sizes.square).toEqual({ width: 1280, height: 1280 });
  });

  it("makes no crop narrower than 1200 px (16:9) or under 300,000 pixels, and no card from a smaller picture", () => {
    const sizes = shareCropSizes({ width: 1100, height: 700 });
    expect(sizes.wide).toBeNull();
    expect(sizes.og).toBeNull();
    expect(sizes.square).toEqual({ width: 700, height: 700 });
    const tiny = shareCropSizes({ width: 640, height: 400 });
    expect(tiny.standard).toBeNull(); // 532×399 = 212,268 pixels
    expect(tiny.square).toBeNull();
    for (const size of Object.values(shareCropSizes({ width: 1200, height: 675 }))) {
      if (size) expect(size.width * size.height).toBeGreaterThanOrEqual(MIN_CROP_PIXELS);
    }
  });

  it("takes the widest stored variant as the source, its height rounded down", () => {
    expect(largestStoredSize({ width: 4000, height: 3001, variantWidths: "320,640,1920" })).toEqual({ width: 1920, height: 1440 });
    expect(largestStoredSize({ width: 4000, height: 3000, variantWidths: "" })).toBeNull();
  });
});
