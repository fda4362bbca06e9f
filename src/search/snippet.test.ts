import { describe, expect, it } from "vitest";
import { parseQuery } from "./analyzer.ts";
import { makeSnippet } from "./snippet.ts";

describe("makeSnippet", () => {
  it("marks matches in the original spelling, not the folded form", () => {
    expect(makeSnippet("Heyet dün İstanbul'da toplandı; NATO'nun temsilcisi de oradaydı.", parseQuery("istanbul nato"))).toBe(
      "Heyet dün <mark>İstanbul&#39;da</mark> toplandı; <mark>NATO&#39;nun</mark> temsilcisi de oradaydı.",
    );
  });

  it("finds inflected words and prefixes", () => {
    expect(makeSnippet("Görüşmelerin başlatılmasını istedi.", parseQuery("görüşme başlat"))).toBe("<mark>Görüşmelerin</mark> <mark>başlatılmasını</mark> istedi.");
  });

  it("cuts a window around the first match in a long text and escapes HTML", () => {
    const text = `${"Giriş cümlesi burada. ".repeat(30)}Iğdır'da <b>kar</b> yağışı başladı. ${"Son cümle. ".repeat(30)}`;
    const html = makeSnippet(text, parseQuery("igdir"), 120);
    expect(html.startsWith("… ")).toBe(true);
    expect(html.endsWith(" …")).toBe(true);
    expect(html).toContain("<mark>Iğdır&#39;da</mark> &lt;b&gt;kar&lt;/b&gt;");
    expect(html.length).toBeLessThan(220);
  });
});
