// The XML writers against text that breaks careless escaping: every value comes back exactly as
// given through a real feed parser, and xmllint (when installed) finds the documents well-formed.
import { execFileSync } from "node:child_process";
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { XMLLINT, xmllintEnabled } from "../../test/xmllint.ts";
import { type FeedDocument, renderAtom, renderRss, toJsonFeed } from "./feedFormats.ts";

// (No literal "&amp;" here: the parser decodes HTML entities in text after XML parsing; that case is
// checked on the XML itself below.)
const HOSTILE = 'A & B <b>kalın</b> ]]> iki ]]> "tırnak" 🚀 ğüşıöçİ';

const doc: FeedDocument = {
  title: `Haberci — ${HOSTILE}`,
  description: `Açıklama ${HOSTILE}`,
  homeUrl: "https://haberci.test/",
  selfUrls: { rss: "https://haberci.test/rss/a.xml", atom: "https://haberci.test/rss/a.atom", json: "https://haberci.test/rss/a.json" },
  hubUrl: "https://hub.test/?a=1&b=2",
  updated: new Date("2026-11-27T10:00:00.000Z"),
  publisher: { name: "Haberci", url: "https://haberci.test/" },
  items: [
    {
      id: "https://haberci.test/h/1",
      url: "https://haberci.test/haber/gundem/a-1.html",
      title: HOSTILE,
      summary: HOSTILE,
      contentHtml: "<p>Gövde &amp; metin ]]&gt;</p>",
      image: { url: "https://haberci.test/medya/a.16x9.jpg", width: 1200, height: 675, credit: "AA & <İHA>", caption: HOSTILE, alt: "Alt" },
      categories: [
        { name: "Gündem", term: "gundem", url: "https://haberci.test/haber/gundem/" },
        { name: "C<3 & ]]>", term: "c3", url: "https://haberci.test/etiket/c3/" },
      ],
      authors: [{ name: "Ayşe & <Can>", url: "https://haberci.test/yazar/ayse/" }],
      published: new Date("2026-11-26T09:00:00.000Z"),
      updated: new Date("2026-11-27T10:00:00.000Z"),
    },
  ],
};

function wellFormed(xml: string): void {
  if (!xmllintEnabled) return;
  execFileSync(XMLLINT, ["--noout", "-"], { input: xml, stdio: ["pipe", "pipe", "pipe"] });
}

describe("feed formats", () => {
  it("RSS 2.0 keeps every value exactly", () => {
    const xml = renderRss(doc);
    wellFormed(xml);
    const feed = parseFeed(xml);
    expect(feed.title).toBe(doc.title);
    expect(feed.description).toBe(doc.description);
    const item = feed.items[0];
    expect(item?.title).toBe(HOSTILE);
    expect(item?.description).toBe(HOSTILE);
    expect(item?.categories.map((c) => c.term)).toEqual(["Gündem", "C<3 & ]]>"]);
    expect(item?.authors.map((a) => a.name)).toEqual(["Ayşe & <Can>"]);
    expect(item?.media[0]?.title).toBe(HOSTILE);
    expect(xml).toContain("<media:credit>AA &amp; &lt;İHA&gt;</media:credit>");
    // A literal "&amp;" in a title stays itself (xml-js would have turned it into "&").
    const literal = renderRss({ ...doc, items: [{ ...doc.items[0]!, title: "R&amp;D" }] });
    expect(literal).toContain("<title>R&amp;amp;D</title>");
  });

  it("Atom keeps every value exactly (a label holding < is left to its term)", () => {
    const xml = renderAtom(doc);
    wellFormed(xml);
    const feed = parseFeed(xml);
    expect(feed.title).toBe(doc.title);
    const item = feed.items[0];
    expect(item?.title).toBe(HOSTILE);
    expect(item?.description).toBe(HOSTILE);
    // (The parser hands content back with its entities decoded.)
    expect(item?.content).toBe("<p>Gövde & metin ]]></p>");
    expect(item?.authors.map((a) => a.name)).toEqual(["Ayşe & <Can>"]);
    expect(item?.categories.map((c) => c.label)).toEqual(["Gündem", "c3"]);
  });

  it("JSON Feed 1.1 carries the values as they are", () => {
    const json = toJsonFeed(doc);
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({
      title: doc.title,
      hubs: [{ type: "WebSub", url: doc.hubUrl }],
      items: [{ title: HOSTILE, tags: ["Gündem", "C<3 & ]]>"] }],
    });
  });
});
