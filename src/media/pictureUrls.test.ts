import { describe, expect, it } from "vitest";
import { fallbackFileName, storageKeyOfFileName, toPicture, variantFileName, variantPathsOf } from "./pictureUrls.ts";

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
