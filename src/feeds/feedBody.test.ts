import { describe, expect, it } from "vitest";
import { feedBodyHtml, leadFigureHtml } from "./feedBody.ts";

const SITE = "https://haberci.test";

describe("feedBodyHtml", () => {
  it("keeps the text and makes every address absolute", () => {
    const html = feedBodyHtml('<p>Bkz. <a href="/haber/dunya/">Dünya</a> <img src="/medya/a.jpg" srcset="/medya/a-320.webp 320w" loading="lazy" alt="A"></p>', SITE);
    expect(html).toBe(`<p>Bkz. <a href="${SITE}/haber/dunya/">Dünya</a> <img alt="A" src="${SITE}/medya/a.jpg" /></p>`);
  });

  it("drops scripts, styles, event handlers and inline styles; turns players into links", () => {
    const html = feedBodyHtml(
      '<p style="color:red" onclick="x()">a</p><script>alert(1)</script><style>p{}</style><iframe src="https://player.vimeo.com/video/1" title="Film"></iframe><a href="javascript:alert(1)">b</a>',
      SITE,
    );
    expect(html).toBe('<p>a</p><a href="https://player.vimeo.com/video/1">Film</a><a>b</a>');
  });

  it("carries a body picture's figure, caption and credit, its address made absolute", () => {
    const html = feedBodyHtml(
      '<figure><img src="/medya/a-960.webp" srcset="/medya/a-320.webp 320w" sizes="100vw" width="960" height="540" alt="Körfez" loading="lazy" /><figcaption>İzmir <small>[Fotoğraf: DHA]</small></figcaption></figure>',
      SITE,
    );
    expect(html).toBe(
      `<figure><img width="960" height="540" alt="Körfez" src="${SITE}/medya/a-960.webp" /><figcaption>İzmir <small>[Fotoğraf: DHA]</small></figcaption></figure>`,
    );
  });

  it("leaves no ]]> that could end a CDATA section", () => {
    expect(feedBodyHtml('<p>a ]]> b</p><p title="]]>">c</p>', SITE)).not.toContain("]]>");
  });
});

describe("leadFigureHtml", () => {
  it("the picture with its caption and credit, escaped", () => {
    expect(leadFigureHtml({ url: `${SITE}/medya/a.jpg`, width: 1200, height: 675, alt: 'Bir "salon"', caption: "Borsa & salon", credit: "AA" })).toBe(
      `<figure><img src="${SITE}/medya/a.jpg" alt="Bir &quot;salon&quot;" width="1200" height="675"><figcaption>Borsa &amp; salon [Fotoğraf: AA]</figcaption></figure>`,
    );
  });
});
