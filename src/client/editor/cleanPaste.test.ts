// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./cleanPaste.ts";

// What Word 365 (Windows) puts on the clipboard, as Chrome hands it to the page.
const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List
href="file:///C:/Users/muhabir/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	font-size:12.0pt;
	font-family:"Calibri",sans-serif;}
-->
</style>
</head>

<body lang=TR style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->

<h1><a name="_Toc150111"></a><span lang=TR>Ankara’da yeni metro hattı açıldı<o:p></o:p></span></h1>

<p class=MsoNormal><span style='font-size:12.0pt;line-height:107%;mso-bidi-font-family:
Calibri'>Büyükşehir Belediyesi’nin <b style='mso-bidi-font-weight:normal'>yeni
hattı</b> bugün <i style='mso-bidi-font-style:normal'>törenle</i> hizmete
girdi.<o:p></o:p></span></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span style='mso-fareast-language:TR'>Hat 12
istasyondan oluşuyor.<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Sefer aralığı 4 dakika.<o:p></o:p></p>

<p class=MsoNormal>Ayrıntılar için <a href="https://www.ankara.bel.tr/">belediyenin
sitesine</a> bakılabilir.<o:p></o:p></p>

<!--EndFragment-->
</body>

</html>`;

// What Google Docs puts on the clipboard (styles shortened only where they repeat).
const SPAN =
  "font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;";
const GOOGLE_DOCS =
  `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c1e7f3a-7fff-3d2b-9a41-0e6c2d1b8f10">` +
  `<h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">İzmir’de deprem tatbikatı</span></h1>` +
  `<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="${SPAN}font-weight:400;font-style:normal;">Tatbikata </span><span style="${SPAN}font-weight:700;font-style:normal;">3 bin kişi</span><span style="${SPAN}font-weight:400;font-style:normal;"> </span><span style="${SPAN}font-weight:400;font-style:italic;">gönüllü olarak</span><span style="${SPAN}font-weight:400;font-style:normal;"> katıldı.</span></p>` +
  `<br>` +
  `<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="${SPAN}font-weight:400;font-style:normal;">Okullar boşaltıldı</span></p></li>` +
  `<li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="${SPAN}font-weight:400;font-style:normal;">Hastaneler teyakkuzda</span></p></li></ul>` +
  `<br>` +
  `<h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;font-weight:700;font-style:normal;">Valilik açıklaması</span></h2>` +
  `<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><a href="https://www.afad.gov.tr/" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">AFAD</span></a><span style="${SPAN}font-weight:400;font-style:normal;"> da açıklama yaptı.</span></p>` +
  `</b><br class="Apple-interchange-newline">`;

describe("cleanPastedHtml", () => {
  it("reduces a Word paste to headings, paragraphs, emphasis, lists and links", () => {
    expect(cleanPastedHtml(WORD)).toBe(
      "<h2>Ankara’da yeni metro hattı açıldı</h2>" +
        "<p>Büyükşehir Belediyesi’nin <strong>yeni hattı</strong> bugün <em>törenle</em> hizmete girdi.</p>" +
        "<ul><li>Hat 12 istasyondan oluşuyor.</li><li>Sefer aralığı 4 dakika.</li></ul>" +
        '<p>Ayrıntılar için <a href="https://www.ankara.bel.tr/">belediyenin sitesine</a> bakılabilir.</p>',
    );
  });

  it("reduces a Google Docs paste and keeps its bold and italic spans", () => {
    expect(cleanPastedHtml(GOOGLE_DOCS)).toBe(
      "<h2>İzmir’de deprem tatbikatı</h2>" +
        "<p>Tatbikata <strong>3 bin kişi</strong> <em>gönüllü olarak</em> katıldı.</p>" +
        "<ul><li><p>Okullar boşaltıldı</p></li><li><p>Hastaneler teyakkuzda</p></li></ul>" +
        "<h2>Valilik açıklaması</h2>" +
        '<p><a href="https://www.afad.gov.tr/">AFAD</a> da açıklama yaptı.</p>',
    );
  });

  it("turns Word's numbered paragraphs into an ordered list and its title styles into headings", () => {
    const html =
      `<p class=MsoTitle>Seçim takvimi<o:p></o:p></p>` +
      `<p class=MsoSubtitle><span lang=TR>Kritik tarihler</span></p>` +
      `<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Aday listeleri</p>\r\n` +
      `<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Oy verme günü</p>` +
      `<p class=MsoNormal><font face="Times New Roman"><st1:place w:st="on">Sandıklar</st1:place> saat 08.00’de açılacak.</font></p>`;
    expect(cleanPastedHtml(html)).toBe(
      "<h2>Seçim takvimi</h2><h3>Kritik tarihler</h3>" + "<ol><li>Aday listeleri</li><li>Oy verme günü</li></ol>" + "<p>Sandıklar saat 08.00’de açılacak.</p>",
    );
  });

  it("recognises Word list items that only have the mso-list:Ignore span", () => {
    const html =
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span></span>Birinci</p>` +
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span></span>İkinci</p>`;
    expect(cleanPastedHtml(html)).toBe("<ul><li>Birinci</li><li>İkinci</li></ul>");
  });

  it("drops Word's local images and VML shapes but keeps web images with their alt text", () => {
    const html =
      `<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Resim_x0020_1" type="#_x0000_t75"><v:imagedata src="file:///C:/Users/x/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=602 height=338 src="file:///C:/Users/x/clip_image002.jpg" v:shapes="Resim_x0020_1"><![endif]><o:p></o:p></p>` +
      `<p><img src="https://cdn.example.com/foto.jpg" alt="Törenden bir kare" width="600" style="border:0"></p>`;
    expect(cleanPastedHtml(html)).toBe('<p><img src="https://cdn.example.com/foto.jpg" alt="Törenden bir kare"></p>');
  });

  it("removes scripts, event handlers and links with unsafe schemes, even when encoded", () => {
    const html =
      `<p onclick="alert(1)">Metin <a href="javascript:alert(1)">tıkla</a> ` +
      `<a href="java&#x09;script&colon;alert(1)">burası</a> <a href="//kotu.example/">dış</a></p>` +
      `<script>alert(2)</script><img src="x" onerror="alert(3)"><img src="data:image/png;base64,AAAA">`;
    expect(cleanPastedHtml(html)).toBe("<p>Metin tıkla burası dış</p>");
  });

  it("keeps relative and mailto links and escapes attribute values", () => {
    const html = `<p><a href="/haber/gundem/x-1.html?a=1&amp;b=2" class="x">iç</a> <a href='mailto:haber@example.com' title="t">posta</a></p>`;
    expect(cleanPastedHtml(html)).toBe('<p><a href="/haber/gundem/x-1.html?a=1&amp;b=2">iç</a> <a href="mailto:haber@example.com">posta</a></p>');
  });

  it("maps h1 to h2 and lower headings to h3, without bold inside headings", () => {
    expect(cleanPastedHtml("<h1><b>Bir</b></h1><h4>İki</h4><h6>Üç</h6>")).toBe("<h2>Bir</h2><h3>İki</h3><h3>Üç</h3>");
  });

  it("keeps inline pastes inline so they can land inside a paragraph", () => {
    expect(cleanPastedHtml('<span style="color:red">kısa <b>metin</b></span>')).toBe("kısa <strong>metin</strong>");
  });

  it("turns divs of text into paragraphs and unwraps divs around blocks", () => {
    expect(cleanPastedHtml('<div class="WordSection1"><p>Bir</p><div>İki</div></div><div><br></div>')).toBe("<p>Bir</p><p>İki</p>");
  });

  it("keeps the editor's own slice marker so copy and paste inside the editor stays exact", () => {
    expect(cleanPastedHtml('<p data-pm-slice="1 1 []">Bir <strong>iki</strong></p>')).toBe('<p data-pm-slice="1 1 []">Bir <strong>iki</strong></p>');
  });

  it("keeps line breaks inside a paragraph and text containing a lone <", () => {
    expect(cleanPastedHtml("<p>3 < 5<br>ikinci satır</p>")).toBe("<p>3 &lt; 5<br>ikinci satır</p>");
  });
});
