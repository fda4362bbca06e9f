// XSS regression table for sanitizeBody: known filter-evasion payloads (OWASP cheat-sheet
// style) go in, and whatever comes out must hold nothing a browser would run. The checks look
// at the OUTPUT only, both as a raw string and tag by tag with attribute values decoded the way
// a browser would, so they do not depend on how the sanitiser arrived at it.
import { describe, expect, it } from "vitest";
import { sanitizeBody } from "./sanitizeBody.ts";

// ---------------------------------------------------------------------------------------------
// Output parsing
// ---------------------------------------------------------------------------------------------

interface Tag {
  name: string;
  raw: string;
  attrs: Array<{ name: string; value: string }>;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  lpar: "(",
  rpar: ")",
  nbsp: "\u00a0",
  period: ".",
  comma: ",",
  semi: ";",
};

/** Decodes character references once, as the HTML parser does for an attribute value. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Every start tag in the output with its attributes (values entity-decoded). */
function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  // A tag name ends at NUL, as in the HTML tokenizer.
  // eslint-disable-next-line no-control-regex
  const tagRe = /<([a-z][^\s/>\x00]*)([^>]*)>/gi;
  const attrRe = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of html.matchAll(tagRe)) {
    const attrs: Tag["attrs"] = [];
    for (const a of (m[2] ?? "").matchAll(attrRe)) {
      attrs.push({ name: a[1]!.toLowerCase(), value: decodeEntities(a[2] ?? a[3] ?? a[4] ?? "") });
    }
    tags.push({ name: m[1]!.toLowerCase(), raw: m[0], attrs });
  }
  return tags;
}

/** What a browser's URL parser sees: C0 controls and spaces do not separate a scheme. */
function normaliseUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x20\u00a0]+/g, "").toLowerCase();
}

const ALLOWED_IFRAME_PREFIXES = ["https://www.youtube-nocookie.com/", "https://www.youtube.com/", "https://player.vimeo.com/"];

const FORBIDDEN_SUBSTRINGS: Array<[string, string]> = [
  ["<script", "no <script> element"],
  ["javascript:", "no javascript: URL"],
  ["vbscript:", "no vbscript: URL"],
  ["data:text/html", "no data:text/html URL"],
  ["<object", "no <object> element"],
  ["<embed", "no <embed> element"],
  ["<base", "no <base> element"],
  ["<meta", "no <meta> element"],
  ["<form", "no <form> element"],
  ["<style", "no <style> element"],
  ["style=", "no style= attribute"],
  ["srcdoc", "no srcdoc attribute"],
  ["<svg", "no <svg> element"],
  ["<math", "no <math> element"],
  ["<link", "no <link> element"],
];

const DANGEROUS_SCHEMES = ["javascript:", "vbscript:", "data:text/html"];

/** Fails with one line per broken rule if the output could run anything in a browser. */
function assertSafe(output: string): void {
  const problems: string[] = [];
  const lower = output.toLowerCase();

  for (const [needle, rule] of FORBIDDEN_SUBSTRINGS) {
    if (lower.includes(needle)) problems.push(`${rule}: found "${needle}"`);
  }

  if (/<[^>]+\son[a-z]+\s*=/i.test(output)) {
    problems.push("no on* event-handler attribute: matched /<[^>]+\\son[a-z]+\\s*=/i");
  }

  const tags = parseTags(output);
  for (const tag of tags) {
    for (const attr of tag.attrs) {
      if (/^on/i.test(attr.name)) {
        problems.push(`no on* event-handler attribute: <${tag.name} ${attr.name}=…>`);
      }
      if (attr.name === "style" || attr.name === "srcdoc") {
        problems.push(`no ${attr.name} attribute: <${tag.name} ${attr.name}=…>`);
      }
      const url = normaliseUrl(attr.value);
      for (const scheme of DANGEROUS_SCHEMES) {
        if (url.includes(scheme)) {
          problems.push(`no ${scheme} URL (after entity decoding): <${tag.name} ${attr.name}="${attr.value}">`);
        }
      }
    }
    if (tag.name === "iframe") {
      const src = tag.attrs.find((a) => a.name === "src")?.value.trim() ?? "";
      if (!ALLOWED_IFRAME_PREFIXES.some((prefix) => src.startsWith(prefix))) {
        problems.push(`<iframe> only from YouTube (nocookie) or Vimeo: ${tag.raw}`);
      }
    }
  }
  // Any <iframe text the tag regex might have missed (e.g. odd characters after the name).
  const iframeCount = (lower.match(/<iframe/g) ?? []).length;
  if (iframeCount !== tags.filter((t) => t.name === "iframe").length) {
    problems.push("<iframe> only from YouTube (nocookie) or Vimeo: unparsed <iframe in output");
  }

  expect(problems, `unsafe sanitizer output:\n${output}\n`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

interface Payload {
  name: string;
  payload: string;
}

const B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; // <script>alert(1)</script>

const PAYLOADS: Payload[] = [
  // --- <script> in casings, encodings and broken forms
  { name: "plain <script>", payload: "<script>alert(1)</script>" },
  { name: "upper-case <SCRIPT>", payload: "<SCRIPT>alert(1)</SCRIPT>" },
  { name: "mixed-case <ScRiPt>", payload: "<p>önce</p><ScRiPt>alert(1)</sCrIpT><p>sonra</p>" },
  { name: "external <script src>", payload: '<script src="https://evil.example/x.js"></script>' },
  { name: "<script/xss src> with slash separator", payload: '<script/xss src="https://evil.example/x.js"></script>' },
  { name: "double-open <<script>", payload: "<<script>alert(1);//<</script>" },
  { name: "unclosed <script>", payload: "<p>metin</p><script>alert(1)" },
  { name: "split <scr<script>ipt>", payload: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { name: "<script> with document.write of an <img onerror>", payload: '<script type="text/javascript">document.write("<img src=x onerror=alert(1)>")</script>' },
  { name: "entity-encoded &lt;script&gt; text", payload: "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" },
  { name: "double-encoded &amp;lt;script&amp;gt; text", payload: "<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</p>" },
  { name: "null byte inside <script> tag name", payload: "<scr\u0000ipt>alert(1)</scr\u0000ipt>" },
  { name: "null byte after <script", payload: "<script\u0000>alert(1)</script>" },
  { name: "<script> with attribute containing >", payload: '<script a=">" src="https://evil.example/x.js"></script>' },

  // --- event-handler attributes
  { name: "<img src=x onerror>", payload: "<img src=x onerror=alert(1)>" },
  { name: "<IMG SRC ONERROR> upper case", payload: "<IMG SRC=x ONERROR=alert(1)>" },
  { name: "onerror with entity-encoded parens", payload: "<img src=x onerror=alert&#40;1&#41;>" },
  { name: "onerror with spaces around =", payload: '<img src="x" alt="x" onerror  =  "alert(1)">' },
  { name: "<img/src/onerror> slash-separated attributes", payload: "<img/src=x/onerror=alert(1)>" },
  { name: "<img/onerror> slash before handler", payload: "<img src=x/ onerror=alert(1)>" },
  { name: "onerror=eval(src) with javascript-ish src", payload: "<img src=x:alert(alt) onerror=eval(src) alt=0>" },
  { name: "<body onload>", payload: "<body onload=alert(1)><p>gövde</p></body>" },
  { name: "<p onmouseover>", payload: '<p onmouseover="alert(1)">üzerine gel</p>' },
  { name: "<a onclick> on an allowed tag", payload: '<a href="/haber/gundem/x-1.html" onclick="alert(1)">tıkla</a>' },
  { name: "<input autofocus onfocus>", payload: "<input autofocus onfocus=alert(1)>" },
  { name: "<div onanimationstart> with style animation", payload: '<div style="animation-name:spin" onanimationstart="alert(1)">dönen</div>' },
  { name: "<details open ontoggle>", payload: "<details open ontoggle=alert(1)><summary>özet</summary></details>" },
  { name: "<video><source onerror>", payload: "<video><source onerror=alert(1)></video>" },
  { name: "<audio src onerror>", payload: "<audio src=x onerror=alert(1)>" },
  { name: "<marquee onstart>", payload: "<marquee onstart=alert(1)>kayan yazı</marquee>" },
  { name: "custom element <xss onclick>", payload: "<xss onclick=alert(1) tabindex=1>tıkla</xss>" },
  { name: "handler hidden after quoted title", payload: '<a href="https://haberci.example/" title="a" onmouseover=alert(1)//">bağlantı</a>' },
  { name: "<table onmouseover> on allowed table tag", payload: "<table onmouseover=alert(1)><tr><td>hücre</td></tr></table>" },

  // --- dangerous URL schemes in href/src/action/formaction/xlink:href
  { name: "href=javascript:", payload: '<a href="javascript:alert(1)">x</a>' },
  { name: "href=JaVaScRiPt: mixed case", payload: '<a href="JaVaScRiPt:alert(1)">x</a>' },
  { name: "href with leading spaces '  javascript:'", payload: '<a href="  javascript:alert(1)">x</a>' },
  { name: "href with leading control char \\x01javascript:", payload: '<a href="\u0001javascript:alert(1)">x</a>' },
  { name: "href jav&#x09;ascript: (tab entity)", payload: '<a href="jav&#x09;ascript:alert(1)">x</a>' },
  { name: "href jav&#x0A;ascript: (newline entity)", payload: '<a href="jav&#x0A;ascript:alert(1)">x</a>' },
  { name: "href jav&#x0D;ascript: (carriage-return entity)", payload: '<a href="jav&#x0D;ascript:alert(1)">x</a>' },
  { name: "href with literal tab java\\tscript:", payload: '<a href="java\tscript:alert(1)">x</a>' },
  { name: "href with null byte java\\0script:", payload: '<a href="java\u0000script:alert(1)">x</a>' },
  {
    name: "href fully decimal-entity-encoded javascript:",
    payload: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  },
  {
    name: "href fully hex-entity-encoded javascript:",
    payload: '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  },
  {
    name: "href zero-padded entities without semicolons",
    payload: '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  },
  { name: "href javascript&colon; named entity", payload: '<a href="javascript&colon;alert(1)">x</a>' },
  { name: "unquoted href=javascript:", payload: "<a href=javascript:alert(1)>x</a>" },
  { name: "href=vbscript:", payload: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: "href=data:text/html base64", payload: `<a href="data:text/html;base64,${B64_SCRIPT}">x</a>` },
  { name: "href=data:text/html with inline <script>", payload: '<a href="data:text/html,<script>alert(1)</script>">x</a>' },
  { name: "<img src=javascript:>", payload: '<img src="javascript:alert(1)">' },
  { name: "<img src=data:text/html>", payload: `<img src="data:text/html;base64,${B64_SCRIPT}">` },
  { name: "<img srcset> with javascript: candidate", payload: '<img srcset="javascript:alert(1) 1x, /medya/2026/11/x-640.webp 2x">' },
  { name: "<img srcset> with only javascript:", payload: '<img src="/medya/a.webp" srcset="javascript:alert(1)">' },
  { name: "<img lowsrc=javascript:>", payload: '<img src="/medya/a.webp" lowsrc="javascript:alert(1)">' },
  { name: "<table background=javascript:>", payload: '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">x</td></tr></table>' },
  { name: "<blockquote cite=javascript:>", payload: '<blockquote cite="javascript:alert(1)">alıntı</blockquote>' },
  { name: "<form action=javascript:>", payload: '<form action="javascript:alert(1)"><input type="submit" value="gönder"></form>' },
  { name: "<form><button formaction=javascript:>", payload: '<form><button formaction="javascript:alert(1)">gönder</button></form>' },
  { name: "<input type=image formaction=javascript:>", payload: "<input type=image src=x formaction=javascript:alert(1)>" },
  { name: "<svg><a xlink:href=javascript:>", payload: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">tıkla</text></a></svg>' },
  { name: "<a xlink:href=javascript:> outside svg", payload: '<a xlink:href="javascript:alert(1)" href="/haber">x</a>' },
  { name: "<bgsound src=javascript:>", payload: '<bgsound src="javascript:alert(1)">' },
  { name: "<frameset><frame src=javascript:>", payload: '<frameset><frame src="javascript:alert(1)"></frameset>' },

  // --- svg and math
  { name: "<svg onload>", payload: "<svg onload=alert(1)>" },
  { name: "<svg/onload> slash separator", payload: "<svg/onload=alert(1)>" },
  { name: "<svg><script>", payload: "<svg><script>alert(1)</script></svg>" },
  { name: "<svg><script> with entity-encoded body", payload: "<svg><script>alert&#40;1&#41;</script></svg>" },
  { name: "<svg><animate onbegin>", payload: "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>" },
  { name: "<svg><set> writing href to javascript:", payload: '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>' },
  { name: "<math href=javascript:>", payload: '<math href="javascript:alert(1)">tıkla</math>' },
  { name: "<math><maction xlink:href>", payload: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>' },
  {
    name: "<math><mtext><table><mglyph><style> mXSS",
    payload: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  },
  { name: "<math><style> namespace confusion mXSS", payload: "<math><mi><style><img src=x onerror=alert(1)></style></mi></math>" },

  // --- iframes
  { name: "<iframe src=javascript:>", payload: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "unclosed <iframe src=javascript:", payload: "<iframe src=javascript:alert(1)>" },
  { name: "<iframe srcdoc> with script", payload: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: "<iframe srcdoc> entity-encoded", payload: '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>' },
  { name: "<iframe> from a foreign host", payload: '<iframe src="https://evil.example/embed"></iframe>' },
  { name: "<iframe> host suffix trick youtube.com.evil", payload: '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>' },
  { name: "<iframe> userinfo trick youtube.com@evil", payload: '<iframe src="https://www.youtube.com@evil.example/embed/x"></iframe>' },
  { name: "<iframe> protocol-relative //evil", payload: '<iframe src="//evil.example/embed"></iframe>' },
  { name: "<iframe> relative path", payload: '<iframe src="/yonetim/sil?id=1"></iframe>' },
  { name: "<iframe> data:text/html", payload: `<iframe src="data:text/html;base64,${B64_SCRIPT}"></iframe>` },
  { name: "<iframe> allowed host with onload", payload: '<iframe src="https://www.youtube-nocookie.com/embed/abc" onload="alert(1)"></iframe>' },
  { name: "<iframe> allowed host with srcdoc", payload: '<iframe src="https://player.vimeo.com/video/1" srcdoc="<script>alert(1)</script>"></iframe>' },

  // --- object / embed / base / meta / link
  { name: "<object data=javascript:>", payload: '<object data="javascript:alert(1)"></object>' },
  { name: "<object data=data:text/html>", payload: `<object data="data:text/html;base64,${B64_SCRIPT}"></object>` },
  {
    name: "<object><param> flash",
    payload: '<object type="application/x-shockwave-flash" data="https://evil.example/x.swf"><param name="allowScriptAccess" value="always"></object>',
  },
  { name: "<embed src=javascript:>", payload: '<embed src="javascript:alert(1)">' },
  { name: "<embed> foreign swf", payload: '<embed src="https://evil.example/x.swf" allowscriptaccess="always">' },
  { name: "<base href=javascript:>", payload: '<base href="javascript:alert(1)//"><a href="/haber">x</a>' },
  { name: "<base href> to foreign host", payload: '<base href="https://evil.example/"><a href="haber">x</a>' },
  { name: "<meta refresh> to javascript:", payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: "<meta refresh> to data:text/html", payload: `<meta http-equiv="refresh" content="0; url=data:text/html;base64,${B64_SCRIPT}">` },
  { name: "<meta> CSP override", payload: `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'">` },
  { name: "<link rel=import>", payload: '<link rel="import" href="https://evil.example/x.html">' },
  { name: "<link rel=stylesheet href=javascript:>", payload: '<link rel="stylesheet" href="javascript:alert(1)">' },

  // --- CSS
  { name: "<style> with expression()", payload: "<style>p{width:expression(alert(1))}</style><p>x</p>" },
  { name: "<style> with @import", payload: "<style>@import 'https://evil.example/x.css';</style><p>x</p>" },
  { name: "<style> with url(javascript:)", payload: '<style>body{background:url("javascript:alert(1)")}</style>' },
  { name: "<STYLE> upper case with closing-tag breakout", payload: "<STYLE></style><script>alert(1)</script></STYLE>" },
  { name: "style= with expression()", payload: '<p style="width: expression(alert(1));">x</p>' },
  { name: "style= with url(javascript:)", payload: '<p style="background-image: url(javascript:alert(1))">x</p>' },
  { name: "STYLE= with behavior htc", payload: '<p STYLE="behavior: url(https://evil.example/xss.htc);">x</p>' },
  { name: "style= with entity-obfuscated expression", payload: '<p style="width:&#101;xpression(alert(1))">x</p>' },

  // --- mutation XSS: template / noscript / raw-text elements
  { name: "noscript title breakout", payload: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>' },
  { name: "noscript style breakout", payload: "<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>" },
  { name: "<template> with <img onerror>", payload: "<template><img src=x onerror=alert(1)></template>" },
  { name: "<template><script>", payload: "<template><script>alert(1)</script></template>" },
  { name: "<xmp> with markup inside", payload: "<xmp><img src=x onerror=alert(1)></xmp>" },
  { name: "<textarea> breakout", payload: "<textarea></textarea><script>alert(1)</script></textarea>" },
  { name: "<title> with markup inside", payload: "<title><img src=x onerror=alert(1)></title>" },
  { name: "<noembed> with markup inside", payload: "<noembed><img src=x onerror=alert(1)></noembed>" },
  { name: "<noframes> with markup inside", payload: "<noframes><img src=x onerror=alert(1)></noframes>" },
  { name: "<iframe> raw text content", payload: "<iframe><img src=x onerror=alert(1)></iframe>" },
  { name: "<option> with entity-encoded script", payload: "<select><option>&lt;script&gt;alert(1)&lt;/script&gt;</option></select>" },
  { name: "<plaintext> swallowing the rest", payload: "<plaintext><img src=x onerror=alert(1)>" },

  // --- comments and CDATA
  { name: "<!--><script> short comment", payload: "<!--><script>alert(1)</script>-->" },
  { name: "<!---><script> short comment", payload: "<!---><script>alert(1)</script>-->" },
  { name: "--!> comment end", payload: "<!-- --!><img src=x onerror=alert(1)> -->" },
  { name: "conditional comment", payload: "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->" },
  { name: "CDATA with <script>", payload: "<![CDATA[<script>alert(1)</script>]]>" },
  { name: "svg CDATA breakout", payload: "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>" },
  { name: "comment inside attribute value", payload: '<p title="<!--"><img src=x onerror=alert(1)>--></p>' },

  // --- legacy / odd elements
  { name: "<isindex type=image onerror>", payload: "<isindex type=image src=1 onerror=alert(1)>" },
  { name: "<isindex action=javascript:>", payload: '<isindex action="javascript:alert(1)" type="submit" value="tıkla">' },
  { name: "<applet code>", payload: '<applet code="javascript:alert(1)"></applet>' },
  { name: "<keygen autofocus onfocus>", payload: "<keygen autofocus onfocus=alert(1)>" },

  // --- malformed markup: unclosed tags, nested quotes, stray quotes
  { name: "unclosed <img onerror with no >", payload: "<img src=x onerror=alert(1)//" },
  { name: "unclosed <a href=javascript:", payload: '<a href="javascript:alert(1)' },
  { name: "empty-quote attribute before <script>", payload: '<img """><script>alert(1)</script>">' },
  { name: "nested quotes in title with <script>", payload: `<a href="/haber" title='"><script>alert(1)</script>'>x</a>` },
  { name: "backtick-quoted onerror", payload: "<img src=x onerror=`alert(1)`>" },
  { name: "attribute without space before onerror", payload: '<img src="x"onerror="alert(1)">' },
  { name: "handler in quoted attribute of allowed tag", payload: `<img src="/medya/a.webp" alt="x" title='" onerror="alert(1)'>` },
  { name: "unclosed double-quoted alt swallowing script", payload: '<img src="/a.webp" alt="<script>alert(1)</script>' },
  { name: "tag name with null byte and handler", payload: "<i\u0000mg src=x onerror=alert(1)>" },
  { name: "fullwidth < and > (U+FF1C/U+FF1E)", payload: "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e" },
];

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("sanitizeBody XSS payloads", () => {
  it("has a table of at least 40 payloads with unique names", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PAYLOADS.map((p) => p.name)).size).toBe(PAYLOADS.length);
  });

  it.each(PAYLOADS)("neutralises $name", ({ payload }) => {
    assertSafe(sanitizeBody(payload));
  });

  it("assertSafe itself rejects unsafe markup (guards against a vacuous helper)", () => {
    const unsafe = [
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(1)" />',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<iframe src="https://evil.example/"></iframe>',
      '<iframe src="https://www.youtube.com.evil.example/"></iframe>',
      '<p style="color:red">x</p>',
      "<svg></svg>",
      "<math></math>",
      "<link rel=import>",
      "<base href=/>",
      "<meta charset=utf-8>",
      "<form></form>",
      "<object></object>",
      "<embed>",
      "<style></style>",
      '<iframe srcdoc="x"></iframe>',
    ];
    for (const html of unsafe) {
      expect(() => assertSafe(html), html).toThrow();
    }
  });
});

describe("sanitizeBody keeps legitimate newsroom HTML", () => {
  it("keeps paragraphs, headings, emphasis, lists, quotes and internal links verbatim", () => {
    const html =
      "<h2>İstanbul’da şiddetli yağış uyarısı</h2>" +
      "<p>Meteoroloji Genel Müdürlüğü, <strong>Çarşamba</strong> günü için <em>turuncu</em> kod uyarısı yaptı. " +
      'Ayrıntılar <a href="/haber/gundem/istanbul-yagis-uyarisi-1234.html" title="Yağış uyarısı">haberimizde</a>.</p>' +
      "<h3>Hangi ilçeler etkilenecek?</h3>" +
      "<ul><li>Şişli</li><li>Üsküdar</li><li>Beşiktaş</li></ul>" +
      '<ol start="2"><li>Ağaç altlarında durmayın.</li><li>Gereksiz yolculuktan kaçının.</li></ol>' +
      "<blockquote><p>“Vatandaşlarımızın dikkatli olmasını rica ediyoruz” dedi.</p><cite>Vali Yardımcısı</cite></blockquote>" +
      "<p>Sıcaklık <sub>en düşük</sub> 9, <sup>en yüksek</sup> 14 derece; <mark>ılık</mark> ve <u>rüzgârlı</u>.</p>" +
      "<hr />" +
      '<table><caption>Yağış (mm)</caption><thead><tr><th scope="col">İlçe</th><th scope="col">Miktar</th></tr></thead>' +
      '<tbody><tr><td>Sarıyer</td><td colspan="1">42</td></tr></tbody></table>';
    const out = sanitizeBody(html);
    expect(out).toBe(html);
    assertSafe(out);
  });

  it("maps <b>/<i> to <strong>/<em> and keeps the Turkish text", () => {
    const out = sanitizeBody("<p><b>Ğüşİöç</b> ve <i>ığüşöç ĞÜŞİÖÇ</i></p>");
    expect(out).toBe("<p><strong>Ğüşİöç</strong> ve <em>ığüşöç ĞÜŞİÖÇ</em></p>");
    assertSafe(out);
  });

  it("keeps https links and adds rel and target to them", () => {
    const out = sanitizeBody('<p>Kaynak: <a href="https://www.tbmm.gov.tr/gundem" title="TBMM">Türkiye Büyük Millet Meclisi</a></p>');
    expect(out).toBe('<p>Kaynak: <a href="https://www.tbmm.gov.tr/gundem" title="TBMM" rel="noopener noreferrer" target="_blank">Türkiye Büyük Millet Meclisi</a></p>');
    assertSafe(out);
  });

  it("keeps mailto links without forcing a new tab", () => {
    const out = sanitizeBody('<p><a href="mailto:ihbar@haberci.example">Haber ihbarı gönderin</a></p>');
    expect(out).toBe('<p><a href="mailto:ihbar@haberci.example">Haber ihbarı gönderin</a></p>');
    assertSafe(out);
  });

  it("keeps an image with src, alt and srcset, and makes it lazy", () => {
    const out = sanitizeBody(
      '<figure><img src="/medya/2026/11/x-640.webp" srcset="/medya/2026/11/x-640.webp 640w, /medya/2026/11/x-1280.webp 1280w" ' +
        'alt="Kadıköy iskelesinde bekleyen yolcular" width="640" height="360"><figcaption>Kadıköy’de vapur seferleri aksadı.</figcaption></figure>',
    );
    expect(out).toContain('src="/medya/2026/11/x-640.webp"');
    expect(out).toContain('alt="Kadıköy iskelesinde bekleyen yolcular"');
    expect(out).toContain('srcset="/medya/2026/11/x-640.webp 640w, /medya/2026/11/x-1280.webp 1280w"');
    expect(out).toContain('width="640"');
    expect(out).toContain('loading="lazy"');
    expect(out).toContain("<figcaption>Kadıköy’de vapur seferleri aksadı.</figcaption>");
    assertSafe(out);
  });

  it("keeps the good srcset candidate when a javascript: one is mixed in", () => {
    const out = sanitizeBody('<img src="/medya/a-640.webp" srcset="javascript:alert(1) 1x, /medya/a-1280.webp 2x" alt="Özel">');
    expect(out).toContain('srcset="/medya/a-1280.webp 2x"');
    expect(out).toContain('alt="Özel"');
    assertSafe(out);
  });

  it("keeps a YouTube nocookie embed", () => {
    const embed = '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Bakanlık açıklaması" width="560" height="315" allowfullscreen></iframe>';
    const out = sanitizeBody(embed);
    expect(out).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(out).toContain('title="Bakanlık açıklaması"');
    expect(out).toContain("allowfullscreen");
    assertSafe(out);
  });

  it("keeps a Vimeo embed", () => {
    const embed = '<iframe src="https://player.vimeo.com/video/76979871" title="Belgesel fragmanı"></iframe>';
    const out = sanitizeBody(embed);
    expect(out).toBe(embed);
    assertSafe(out);
  });

  it("keeps the surrounding story when a payload is embedded in it", () => {
    const out = sanitizeBody(
      "<p>Ankara’da <strong>sağanak</strong> etkili oldu.</p><img src=x onerror=alert(1)>" +
        '<script>alert(1)</script><p>Öğleden sonra <a href="javascript:alert(1)">güneş</a> açtı.</p>',
    );
    expect(out).toContain("<p>Ankara’da <strong>sağanak</strong> etkili oldu.</p>");
    expect(out).toContain("<p>Öğleden sonra <a>güneş</a> açtı.</p>");
    assertSafe(out);
  });
});
