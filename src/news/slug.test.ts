import { describe, expect, it } from "vitest";
import { articlePath, categoryPath, parseNewsFile } from "./slug.ts";

describe("parseNewsFile", () => {
  it.each([
    ["turkiyenin-gundemi-42.html", { kind: "article", slug: "turkiyenin-gundemi", id: 42 }],
    ["2025-butcesi-onaylandi-7.html", { kind: "article", slug: "2025-butcesi-onaylandi", id: 7 }],
    ["42.html", { kind: "article", slug: "", id: 42 }],
    ["3.sayfa.html", { kind: "page", page: 3 }],
  ] as const)("%s", (file, expected) => {
    expect(parseNewsFile(file)).toEqual(expected);
  });

  it.each(["0.sayfa.html", "abc.html", "haber-0.html", "x-12.htm", "../etc-1.html.bak", ""])("rejects %s", (file) => {
    expect(parseNewsFile(file)).toBeNull();
  });
});

describe("paths", () => {
  it("builds the URL contract", () => {
    expect(articlePath("dunya", "kudus-te-gerilim", 12)).toBe("/haber/dunya/kudus-te-gerilim-12.html");
    expect(categoryPath("spor")).toBe("/haber/spor/");
    expect(categoryPath("spor", 2)).toBe("/haber/spor/2.sayfa.html");
  });
});
