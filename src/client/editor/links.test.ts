import { describe, expect, it } from "vitest";
import { isAllowedHref, isAllowedImageSrc, normalizeHref } from "./links.ts";

describe("isAllowedHref", () => {
  it("allows http, https, mailto and site-relative addresses", () => {
    for (const href of ["https://www.trt.net.tr/", "HTTP://example.com", "mailto:haber@example.com", "/haber/gundem/a-1.html", "#bolum", "?sayfa=2", "etiket/ankara/"]) {
      expect(isAllowedHref(href), href).toBe(true);
    }
  });

  it("refuses other schemes, protocol-relative and disguised addresses", () => {
    for (const href of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "tel:+905551112233",
      "//evil.example/",
      "/\\evil.example/",
      "",
      "ftp://x",
    ]) {
      expect(isAllowedHref(href), href).toBe(false);
    }
  });
});

describe("isAllowedImageSrc", () => {
  it("allows web and site images only", () => {
    expect(isAllowedImageSrc("https://cdn.example.com/a.jpg")).toBe(true);
    expect(isAllowedImageSrc("/medya/2026/a.webp")).toBe(true);
    expect(isAllowedImageSrc("file:///C:/a.png")).toBe(false);
    expect(isAllowedImageSrc("data:image/png;base64,AA")).toBe(false);
    expect(isAllowedImageSrc("//cdn.example.com/a.jpg")).toBe(false);
    expect(isAllowedImageSrc("a.jpg")).toBe(false);
  });
});

describe("normalizeHref", () => {
  it("completes bare domains and e-mail addresses", () => {
    expect(normalizeHref("  www.aa.com.tr/tr/gundem ")).toBe("https://www.aa.com.tr/tr/gundem");
    expect(normalizeHref("resmigazete.gov.tr")).toBe("https://resmigazete.gov.tr");
    expect(normalizeHref("editor@haberci.com.tr")).toBe("mailto:editor@haberci.com.tr");
    expect(normalizeHref("/haber/spor/derbi-7.html")).toBe("/haber/spor/derbi-7.html");
    expect(normalizeHref("haber.html")).toBe("haber.html");
  });

  it("returns null for empty or refused addresses", () => {
    expect(normalizeHref("   ")).toBeNull();
    expect(normalizeHref("javascript:alert(1)")).toBeNull();
  });
});
