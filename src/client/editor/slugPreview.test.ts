import { describe, expect, it } from "vitest";
import { articleIdFromAction, previewParts } from "./slugPreview.ts";

describe("slug preview", () => {
  it("reads the article id from the form action", () => {
    expect(articleIdFromAction("/yonetim/haber/42")).toBe("42");
    expect(articleIdFromAction("http://localhost:3000/yonetim/haber/42/")).toBe("42");
    expect(articleIdFromAction("/yonetim/haber/yeni")).toBe("…");
  });

  it("builds the path around the Turkish slug", () => {
    expect(previewParts("gundem", "Iğdır'da Şiddetli Yağış", "42")).toEqual({
      prefix: "/haber/gundem/",
      slug: "igdirda-siddetli-yagis",
      suffix: "-42.html",
    });
  });
});
