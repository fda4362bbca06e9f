import { describe, expect, it } from "vitest";
import { checkSiteName, checkSvgLogo, looksLikeSvg, parseSocialProfiles } from "./settingsRules.ts";

const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`);

describe("settings rules", () => {
  it("trims the site name and refuses an empty or over-long one", () => {
    expect(checkSiteName("  Kuzey   Gazetesi ")).toEqual({ value: "Kuzey Gazetesi" });
    expect(checkSiteName("   ")).toEqual({ error: "Site adını yazın." });
    expect(checkSiteName("ş".repeat(81))).toEqual({ error: "Site adı en çok 80 karakter olabilir." });
  });

  it("reads one https address per line, skipping blanks and repeats, and names the line it refuses", () => {
    expect(parseSocialProfiles("https://x.com/kuzey\r\n\nhttps://www.instagram.com/kuzey\nhttps://x.com/kuzey\n")).toEqual({
      value: ["https://x.com/kuzey", "https://www.instagram.com/kuzey"],
    });
    expect(parseSocialProfiles("http://x.com/kuzey")).toEqual({ error: "Adres https:// ile başlamalı: http://x.com/kuzey" });
    expect(parseSocialProfiles("x.com/kuzey")).toEqual({ error: "Geçerli bir adres değil: x.com/kuzey" });
    expect(parseSocialProfiles("javascript:alert(1)")).toMatchObject({ error: expect.stringContaining("https://") });
    expect(parseSocialProfiles(Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`).join("\n"))).toEqual({ error: "En çok 10 adres girilebilir." });
  });

  it("tells an SVG from a raster picture", () => {
    expect(looksLikeSvg(svg(""))).toBe(true);
    expect(looksLikeSvg(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg width="1"/>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });

  it("keeps a plain drawing and refuses scripts, handlers, embedded HTML and outside links", () => {
    expect(checkSvgLogo(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/>'))).toMatchObject({
      value: expect.stringContaining("<rect"),
    });
    expect(checkSvgLogo(svg("<script>alert(1)</script>"))).toMatchObject({ error: expect.stringContaining("betik") });
    expect(checkSvgLogo(svg('<rect onload="alert(1)"/>'))).toMatchObject({ error: expect.stringContaining("olay işleyicisi") });
    expect(checkSvgLogo(svg("<foreignObject><div/></foreignObject>"))).toMatchObject({ error: expect.stringContaining("HTML") });
    expect(checkSvgLogo(svg('<image href="https://kotu.example/x.png"/>'))).toMatchObject({ error: expect.stringContaining("bağlantı") });
    expect(checkSvgLogo(svg('<a href="javascript:alert(1)"><rect/></a>'))).toMatchObject({ error: expect.any(String) });
    expect(checkSvgLogo(Buffer.alloc(100_001, 32))).toMatchObject({ error: expect.stringContaining("100 KB") });
  });
});
