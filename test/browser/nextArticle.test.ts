// A reader opens an article, scrolls to its end and the next one arrives below;
// the address bar and the title follow the article in view.
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/lib/slug.ts";
import { articlePath } from "../../src/news/slug.ts";
import { addArticle, writeFixtureImage } from "../fixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const longBody = Array.from(
  { length: 14 },
  (_, i) => `<p>Paragraf ${i + 1}: Kentte yaşanan gelişmeler gün boyu takip edildi; yetkililer açıklamalarını sürdürdü ve vatandaşlar bilgilendirildi.</p>`,
).join("");

describe.skipIf(!browserTestsEnabled)("Sıradaki Haber in Chromium", () => {
  const urls: string[] = [];
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      const titles = ["Ankara'da yeni metro hattı açıldı", "Isparta'da gül hasadı rekor kırdı", "Iğdır'da sınır kapısında yoğunluk"];
      for (const [i, title] of titles.entries()) {
        const id = await addArticle(db, {
          title,
          category: "turkiye",
          body: longBody,
          publishedAt: new Date(Date.parse("2026-11-27T09:00:00Z") - i * 3_600_000).toISOString(),
          image: {
            storageKey: `t/b${i}`,
            caption: "Temsili fotoğraf",
            credit: "Haberci",
            alt: "Mavi bir yüzey",
          },
        });
        urls.push(articlePath("turkiye", slugify(title), id));
      }
      for (let i = 0; i < titles.length; i++) await writeFixtureImage(t.dataDir, `t/b${i}`);
      // Slow the fragment a little so the loading message can be seen, as on a real network.
      t.app.addHook("onRequest", async (request) => {
        if (request.url.startsWith("/haber-parca/")) await new Promise((r) => setTimeout(r, 400));
      });
    },
  });
  const base = () => fixture().base;

  it("loads the next article below as the reader scrolls, and the URL and title follow", async () => {
    const page = await fixture().browser.newPage({
      viewport: { width: 1000, height: 800 },
    });
    await page.goto(base() + urls[0]);
    expect(await page.locator("article[data-article-id]").count()).toBe(1);

    await page.locator(".next-teaser").scrollIntoViewIfNeeded();
    await page.getByText("Yükleniyor lütfen bekleyiniz").waitFor({ state: "visible", timeout: 5000 });
    const second = page.locator(`article[data-url="${urls[1]}"]`);
    await second.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByText("Yükleniyor lütfen bekleyiniz").count()).toBe(0);
    // The teaser gave its place to the article it announced: one teaser left, under the new article.
    expect(await page.locator(".next-teaser").count()).toBe(1);
    expect(await page.locator(`article[data-url="${urls[1]}"] ~ .next-teaser, article[data-url="${urls[1]}"] .next-teaser`).count()).toBe(1);

    await second.evaluate((el) => el.scrollIntoView());

    await expect.poll(() => new URL(page.url()).pathname, { timeout: 5000 }).toBe(urls[1]);
    await expect.poll(() => page.title()).toBe("Isparta'da gül hasadı rekor kırdı | Haberci");

    // And on to the one after it.
    await page.locator(".next-teaser").last().scrollIntoViewIfNeeded();
    await page.locator(`article[data-url="${urls[2]}"]`).waitFor({ timeout: 10_000 });
    await page.locator(`article[data-url="${urls[2]}"]`).evaluate((el) => el.scrollIntoView());
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 5000 }).toBe(urls[2]);

    // Scrolling back up gives the first article its address again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 5000 }).toBe(urls[0]);
    await page.close();
  });

  it("keeps the teaser a plain link without JavaScript", async () => {
    const context = await fixture().browser.newContext({
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(base() + urls[0]);
    await page.locator(".next-teaser").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    expect(await page.locator("article[data-article-id]").count()).toBe(1);
    await page.locator(".next-link").click();
    await page.waitForURL(base() + urls[1]);
    expect(await page.locator("h1").textContent()).toBe("Isparta'da gül hasadı rekor kırdı");
    await context.close();
  });
});
