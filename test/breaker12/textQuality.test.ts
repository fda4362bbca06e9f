// Breaker (issue 12): what readers and the newsroom read of bylines and profiles.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../databases.ts";
import { InvalidInputError } from "../../src/errors.ts";
import { linkLabel, normaliseAuthorProfile } from "../../src/news/authorProfile.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { seedDemo } from "../../src/news/seedDemo.ts";

describe("breaker12: profile links as readers and writers see them", () => {
  it("labels a link to a Turkish domain with its Turkish letters, not Punycode", () => {
    // Was: "xn--rnek-4qa.com.tr" under the author's name on /yazar/{slug}/.
    expect(linkLabel("https://örnek.com.tr/yazarlar/elif")).toBe("örnek.com.tr");
    expect(linkLabel("https://www.gazeteci-ağı.tr/")).toBe("gazeteci-ağı.tr");
  });

  it("says a too-long link is too long, rather than asking for an https:// address it already is", () => {
    const link = `https://example.org/${"haber-".repeat(60)}`;
    let message = "";
    try {
      normaliseAuthorProfile({ name: "Elif Karaca", slug: "", title: "", bio: "", imageId: null, links: [link] });
    } catch (error) {
      if (error instanceof InvalidInputError) message = error.fields?.links ?? "";
    }
    expect(message).not.toBe("");
    // Was: "Geçersiz bağlantı: https://example.org/haber-... (http:// ya da https:// ile başlayan tam bir adres yazın)."
    expect(message).toMatch(/300/);
    expect(message).not.toContain("ile başlayan");
  });
});

describeEachDatabase("breaker12: the demo's bylines", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "breaker12-demo-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("each story of a beat (ekonomi, spor, dünya, ...) is first signed by that beat's writer, not the sports editor signing a tsunami", async () => {
    const { db } = get();
    await installDefaults(db);
    await seedDemo(db, { dataDir, now: new Date("2026-11-27T12:00:00Z"), withPictures: false });
    const rows = await db
      .selectFrom("articleAuthors as aa")
      .innerJoin("authors as au", "au.id", "aa.authorId")
      .innerJoin("articles as a", "a.id", "aa.articleId")
      .innerJoin("categories as c", "c.id", "a.categoryId")
      .select(["a.title", "c.slug as category", "au.name", "au.title as beat"])
      .where("aa.position", "=", 0)
      .execute();
    // The demo writers' titles name their beats (src/news/seedDemo.ts).
    const beatOf: Record<string, string> = {
      "Ekonomi Muhabiri": "ekonomi",
      "Spor Editörü": "spor",
      "Dış Haberler Muhabiri": "dunya",
      "Bilim ve Teknoloji Yazarı": "bilim-teknoloji",
      "Kültür-Sanat Muhabiri": "kultur-sanat",
      "Sağlık Muhabiri": "saglik",
    };
    const beats = new Set(Object.values(beatOf));
    const misfits = rows.filter((r) => beats.has(r.category) && beatOf[r.beat] !== r.category).map((r) => `${r.category}: "${r.title}" by ${r.name} (${r.beat})`);
    // Was, e.g.: spor: "Anadolu Kupası'nda tarihi gece..." by Zeynep Özdemir (Dış Haberler Muhabiri);
    // saglik: "İstanbul'da grip vakaları arttı..." by Elif Karaca (Ekonomi Muhabiri).
    expect(misfits).toEqual([]);
  });
});
