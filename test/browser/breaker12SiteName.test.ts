// Breaker (issue 12, site identity): after an admin renames the site, the page title that Sıradaki Haber sets
// for each article scrolled into view still ends in "| Haberci" (src/client/nextArticle.ts writes the name in).
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/lib/slug.ts";
import { articlePath } from "../../src/news/slug.ts";
import { saveIdentitySettings } from "../../src/settings/saveSettings.ts";
import { addArticle } from "../fixtures.ts";
import { addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const longBody = Array.from(
  { length: 14 },
  (_, i) => `<p>Paragraf ${i + 1}: Gün boyu gelişmeler izlendi, yetkililer açıklama yaptı ve vatandaşlar bilgilendirildi.</p>`,
).join("");

describe.skipIf(!browserTestsEnabled)("breaker12: the site's name in Sıradaki Haber's titles", () => {
  const urls: string[] = [];
  const titles = ["Edirne'de lale soğanları toprakla buluştu", "Bursa'da ipek kozası hasadı başladı"];
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      for (const [i, title] of titles.entries()) {
        const id = await addArticle(db, {
          title,
          category: "turkiye",
          body: longBody,
          publishedAt: new Date(Date.parse("2026-11-27T09:00:00Z") - i * 3_600_000).toISOString(),
        });
        urls.push(articlePath("turkiye", slugify(title), id));
      }
      const admin = await addActor(db, "yonetici", "Kimlik Yoneticisi");
      await saveIdentitySettings(
        db,
        { siteName: "Anadolu Postası", logo: "none", logoFile: null, defaultShareImageId: null, socialProfiles: "", version: 0 },
        { actor: admin, ip: null, now: new Date("2026-11-27T12:00:00Z"), dataDir: t.dataDir, maxUploadBytes: 20 * 1_048_576 },
      );
    },
  });

  it("titles each article with the site's name from the settings", async () => {
    const page = await fixture().browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(fixture().base + urls[0]);
    expect(await page.title()).toBe(`${titles[0]} | Anadolu Postası`);
    await page.locator(".next-teaser").scrollIntoViewIfNeeded();
    const second = page.locator(`article[data-url="${urls[1]}"]`);
    await second.waitFor({ timeout: 10_000 });
    await second.evaluate((el) => el.scrollIntoView());
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 5000 }).toBe(urls[1]);
    // Was: "Bursa'da ipek kozası hasadı başladı | Haberci".
    await expect.poll(() => page.title(), { timeout: 5000 }).toBe(`${titles[1]} | Anadolu Postası`);
    await page.close();
  });
});
