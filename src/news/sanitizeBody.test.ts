import { describe, expect, it } from "vitest";
import { removeControlCharacters, sanitizeBody } from "./sanitizeBody.ts";

describe("sanitizeBody", () => {
  it("keeps what a newsroom writes", () => {
    const html =
      '<h2>Ara başlık</h2><p>Metin <strong>kalın</strong> ve <em>eğik</em>, <a href="/haber/dunya/x-1.html">iç bağlantı</a>.</p>' +
      "<blockquote><p>“Alıntı” dedi.</p></blockquote><ul><li>bir</li></ul>";
    expect(sanitizeBody(html)).toBe(html);
  });

  it.each([
    ["<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
    ['<p onclick="alert(1)">x</p>', "<p>x</p>"],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<img src="x" onerror="alert(1)">', '<img src="x" loading="lazy" />'],
    ['<iframe src="https://evil.example/embed"></iframe>', ""],
    ["<style>body{display:none}</style><p>x</p>", "<p>x</p>"],
  ])("removes what runs: %s", (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected);
  });

  it("keeps a body picture as a figure with its responsive variants, caption and credit", () => {
    const figure =
      '<figure><img src="/medya/2026/11/ab-960.webp" srcset="/medya/2026/11/ab-320.webp 320w, /medya/2026/11/ab-960.webp 960w" sizes="(max-width: 760px) 100vw, 760px" width="960" height="540" alt="Körfezde yelkenliler" loading="lazy" />' +
      "<figcaption>İzmir Körfezi <small>[Fotoğraf: DHA]</small></figcaption></figure>";
    expect(sanitizeBody(figure)).toBe(figure);
  });

  it("drops what a figure may not carry: handlers, styles, classes and script addresses", () => {
    expect(
      sanitizeBody(
        '<figure class="x" style="float:left" onclick="a()"><img src="javascript:alert(1)" alt="a"><figcaption onmouseover="b()">Altyazı <small style="color:red">[Fotoğraf: AA]</small></figcaption></figure>',
      ),
    ).toBe('<figure><img alt="a" loading="lazy" /><figcaption>Altyazı <small>[Fotoğraf: AA]</small></figcaption></figure>');
  });

  it("opens outside links safely in a new tab", () => {
    expect(sanitizeBody('<a href="https://www.tbmm.gov.tr">TBMM</a>')).toBe('<a href="https://www.tbmm.gov.tr" rel="noopener noreferrer" target="_blank">TBMM</a>');
  });

  it("keeps embeds from allowed video hosts", () => {
    const embed = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>';
    expect(sanitizeBody(embed)).toBe(embed);
  });

  it.each([
    ["<p>Ankara\u0000 Valiliği</p>", "<p>Ankara Valiliği</p>"], // sanitize-html alone keeps the NUL
    ["<p>a\u0001b\u007fc\u0085d</p>", "<p>abcd</p>"],
    // Controls written as character references (&#x9f; would be Ÿ: HTML reads 0x80–0x9F as
    // windows-1252 where it has a letter there, but 0x81 and 0x9D stay controls).
    ["<p>a&#1;b&#x7f;c&#x81;d&#x9d;&#13;</p>", "<p>abcd\n</p>"],
    ["<p>bir\r\niki\tüç</p>", "<p>bir\niki\tüç</p>"],
    ['<a href="/haber/x-1.html" title="Ba\u0000şlık">x</a>', '<a href="/haber/x-1.html" title="Başlık">x</a>'],
  ])("removes control characters: %j", (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected);
  });

  it.each(['<a href="java&#x7f;script:alert(1)">x</a>', '<a href="java&#1;script:alert(1)">x</a>', '<a href="java\u0000script:alert(1)">x</a>'])(
    "judges a link after its controls are gone: %s",
    (input) => {
      expect(sanitizeBody(input)).toBe("<a>x</a>");
    },
  );

  it("removeControlCharacters keeps tab and newline and turns CR into LF", () => {
    expect(removeControlCharacters("a\u0000\tb\r\nc\rd\u0080")).toBe("a\tb\nc\nd");
  });
});
