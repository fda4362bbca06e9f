import { describe, expect, it } from "vitest";
import { cropFileName, fallbackFileName, shareImagesOf, storageKeyOfFileName, toPicture, variantFileName, variantPathsOf } from "./pictureUrls.ts";

const image = { storageKey: "2026/11/liman", width: 2400, height: 1600, variantWidths: "1280,320,640", hasFallback: 1 };

describe("picture URLs", () => {
  it("serves the variant closest to the preferred width, lists every width smallest first, and the JPEG fallback", () => {
    expect(toPicture(image, "Liman")).toEqual({
      src: "/medya/2026/11/liman-640.webp",
      srcset: "/medya/2026/11/liman-320.webp 320w, /medya/2026/11/liman-640.webp 640w, /medya/2026/11/liman-1280.webp 1280w",
      width: 2400,
      height: 1600,
      alt: "Liman",
      fallback: "/medya/2026/11/liman.jpg",
      srcWidth: 640,
      srcHeight: 427,
    });
    expect(toPicture(image, "Liman", 1280)?.src).toBe("/medya/2026/11/liman-1280.webp");
  });

  it("has no picture without stored widths, and no fallback when none was made", () => {
    expect(toPicture({ ...image, variantWidths: "" }, "Liman")).toBeNull();
    expect(toPicture({ ...image, hasFallback: 0 }, "Liman")?.fallback).toBeNull();
  });

  it("gives the media library the smallest and the largest variant", () => {
    expect(variantPathsOf(image)).toEqual({ smallest: "/medya/2026/11/liman-320.webp", largest: "/medya/2026/11/liman-1280.webp" });
    expect(variantPathsOf({ ...image, variantWidths: "" })).toBeNull();
  });

  it("reads the storage key back from the file names it makes, and from no other file", () => {
    expect(storageKeyOfFileName(variantFileName("2026/11/a-12", 1920))).toBe("2026/11/a-12");
    expect(storageKeyOfFileName(fallbackFileName("2026/11/a-12"))).toBe("2026/11/a-12");
    expect(storageKeyOfFileName("2026/11/a.png")).toBeNull();
  });
});

describe("share crops", () => {
  const photo = { storageKey: "2026/11/liman", width: 3840, height: 2160, variantWidths: "320,640,960,1280,1920", hasShareCrops: 1 };

  it("names each crop after the storage key and gives its size, cut from the largest stored width", () => {
    expect(shareImagesOf(photo)).toEqual({
      wide: { url: "/medya/2026/11/liman.16x9.jpg", width: 1920, height: 1080 },
      standard: { url: "/medya/2026/11/liman.4x3.jpg", width: 1440, height: 1080 },
      square: { url: "/medya/2026/11/liman.1x1.jpg", width: 1080, height: 1080 },
      og: { url: "/medya/2026/11/liman.og.jpg", width: 1200, height: 630 },
    });
  });

  it("has none before they are made, and none of a picture too small for any", () => {
    expect(shareImagesOf({ ...photo, hasShareCrops: 0 })).toBeNull();
    expect(shareImagesOf({ ...photo, width: 500, height: 400, variantWidths: "320,500" })).toBeNull();
  });

  it("leaves out only the crops a small picture cannot fill", () => {
    const small = shareImagesOf({ ...photo, width: 800, height: 600, variantWidths: "320,640,800" });
    expect(small?.wide).toBeNull();
    expect(small?.og).toBeNull();
    expect(small?.standard).toEqual({ url: "/medya/2026/11/liman.4x3.jpg", width: 800, height: 600 });
  });

  it("reads the storage key back from a crop's file name", () => {
    for (const crop of ["wide", "standard", "square", "og"] as const) {
      expect(storageKeyOfFileName(cropFileName("2026/11/a-12", crop))).toBe("2026/11/a-12");
      expect(storageKeyOfFileName(cropFileName("demo/0a1b2c", crop))).toBe("demo/0a1b2c");
    }
  });
});
