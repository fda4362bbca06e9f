import { describe, expect, it } from "vitest";
import { bodyText } from "./htmlText.ts";

describe("bodyText", () => {
  it("gives one line per paragraph, heading, list item, quote, caption and line break", () => {
    const html =
      '<h2>Ara başlık</h2><p>Bir <strong>iki</strong> <a href="https://x.tr/">üç</a><br>dört</p>' +
      "<ul><li>madde</li><li><p>iç paragraf</p></li></ul><blockquote><p>Söz</p></blockquote>" +
      '<figure><img src="/medya/a.jpg" alt="Fotoğraf"><figcaption>Alt yazı</figcaption></figure>';
    expect(bodyText(html)).toBe("Ara başlık\nBir iki üç\ndört\nmadde\niç paragraf\nSöz\nAlt yazı");
  });

  it("decodes entities, not only the five the sanitiser writes", () => {
    expect(bodyText("<p>5 &lt; 6 &amp; &quot;q&quot; it&#39;s &#351;ehir&nbsp;merkezi &hellip;</p>")).toBe('5 < 6 & "q" it\'s şehir\u00a0merkezi …');
  });

  it("runs a table row's cells together and gives images, rules and embeds no text", () => {
    expect(
      bodyText('<table><tr><th>Gün</th><th>Saat</th></tr><tr><td>Pzt</td><td>10</td></tr></table><hr><iframe src="https://www.youtube.com/embed/x"></iframe><p>son</p>'),
    ).toBe("GünSaat\nPzt10\nson");
  });

  it("collapses spaces and drops blank and indented lines", () => {
    expect(bodyText("<p>  çok \t  boşluk </p>\n\n<p>\n   satır\n</p>")).toBe("çok boşluk\nsatır");
  });
});
