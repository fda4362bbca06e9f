import { describe, expect, it } from "vitest";
import { sanitizeBody } from "./sanitizeBody.ts";

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

  it("opens outside links safely in a new tab", () => {
    expect(sanitizeBody('<a href="https://www.tbmm.gov.tr">TBMM</a>')).toBe(
      '<a href="https://www.tbmm.gov.tr" rel="noopener noreferrer" target="_blank">TBMM</a>',
    );
  });

  it("keeps embeds from allowed video hosts", () => {
    const embed = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>';
    expect(sanitizeBody(embed)).toBe(embed);
  });
});
