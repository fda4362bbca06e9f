// Reader pages laid out on a 390-px phone: cards with and without a picture, the search's day filters.
import { describe, expect, it } from "vitest";
import { addArticle, writeFixtureImage } from "../fixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

describe.skipIf(!browserTestsEnabled)("reader layout in Chromium at 390 px", () => {
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      await addArticle(db, { title: "Resimsiz haberde başlık satırı kısa kelimelerle uzayıp gidiyor", category: "turkiye", publishedAt: "2026-11-27T09:00:00.000Z" });
      await addArticle(db, {
        title: "Resimli haberde başlık küçük resmin yanında duruyor",
        category: "turkiye",
        publishedAt: "2026-11-27T08:00:00.000Z",
        image: { storageKey: "t/kart", caption: "Temsili", credit: "Haberci", alt: "Mavi bir yüzey" },
      });
      await writeFixtureImage(t.dataDir, "t/kart");
      for (const [i, title] of ["Erzurum'da kar nedeniyle 120 köy yolu ulaşıma kapandı", "Marmara'da fırtına uyarısı: feribot seferleri iptal edildi"].entries()) {
        await addArticle(db, { title, category: "turkiye", breaking: true, publishedAt: `2026-11-27T1${i}:00:00.000Z` });
      }
    },
  });

  it("gives a card without a picture the whole row, and one with a picture the column beside it", async () => {
    const page = await fixture().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture().base}/`);
    const widths = await page.locator("article.card-row").evaluateAll((cards) =>
      cards.map((card) => ({
        hasPicture: card.querySelector("img") !== null,
        card: card.getBoundingClientRect().width,
        title: card.querySelector(".card-title")?.getBoundingClientRect().width ?? 0,
      })),
    );
    const without = widths.find((w) => !w.hasPicture);
    const withPicture = widths.find((w) => w.hasPicture);
    expect(without && withPicture).toBeTruthy();
    // Squeezed into the thumbnail's column it was 110 px wide: one word a line.
    expect(without!.title).toBeGreaterThan(0.9 * without!.card);
    expect(withPicture!.title).toBeLessThan(0.8 * withPicture!.card);
    await page.close();
  });

  it("keeps each of the search's day filters under its own label", async () => {
    const page = await fixture().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture().base}/arama?q=haber`);
    for (const id of ["baslangic", "bitis"]) {
      const label = await page.locator(`label[for="${id}"]`).boundingBox();
      const input = await page.locator(`#${id}`).boundingBox();
      expect(label && input, id).toBeTruthy();
      // Directly above its field, and starting where the field starts (not beside the previous one).
      expect(label!.y + label!.height, id).toBeLessThanOrEqual(input!.y + 1);
      expect(input!.y - (label!.y + label!.height), id).toBeLessThan(12);
      expect(Math.abs(label!.x - input!.x), id).toBeLessThan(4);
    }
    await page.close();
  });

  it("shows the son dakika strip's first headline whole, the next one peeking in to say it scrolls", async () => {
    const page = await fixture().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture().base}/`);
    const strip = await page.locator(".breaking-strip ul").evaluate((ul) => {
      const box = ul.getBoundingClientRect();
      const items = [...ul.querySelectorAll("li")].map((li) => li.getBoundingClientRect());
      return { left: box.left, right: box.right, scrolls: ul.scrollWidth > ul.clientWidth, items: items.map((r) => ({ left: r.left, right: r.right })) };
    });
    expect(strip.items.length).toBeGreaterThanOrEqual(2);
    // The first headline fits inside the strip (it wraps, it is not cut), and the second starts inside it too.
    expect(strip.items[0]!.right).toBeLessThanOrEqual(strip.right + 1);
    expect(strip.items[1]!.left).toBeLessThan(strip.right);
    expect(strip.scrolls).toBe(true);
    await page.close();
  });

  it("leaves room between the header and an article's category label", async () => {
    const page = await fixture().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture().base}/haber/turkiye/`);
    await page.locator("article.card .card-title a").first().click();
    const header = await page.locator("header.site-header").boundingBox();
    const label = await page.locator(".article-cat").first().boundingBox();
    expect(label!.y - (header!.y + header!.height)).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it("keeps the header's search behind a button that opens over the page, without JavaScript too", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await fixture().browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${fixture().base}/`);
      const box = page.getByRole("searchbox", { name: "Haberlerde ara" });
      expect(await box.isVisible()).toBe(false);
      const mainTop = () => page.locator("main").evaluate((el) => el.getBoundingClientRect().top);
      const before = await mainTop();
      await page.locator("header summary", { hasText: "Ara" }).click();
      expect(await box.isVisible()).toBe(true);
      // It lies over the page: nothing under the header moved down.
      expect(await mainTop()).toBe(before);
      await box.fill("fırtına");
      await box.press("Enter");
      await page.waitForURL(/\/arama\?q=f%C4%B1rt%C4%B1na$/);
      await context.close();
    }
  });

  it("scrolls the menu sideways on one line instead of wrapping it", async () => {
    const page = await fixture().browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${fixture().base}/`);
    const menu = await page.locator("nav.nav ul").evaluate((ul) => {
      const tops = new Set([...ul.querySelectorAll("li")].map((li) => Math.round(li.getBoundingClientRect().top)));
      return { lines: tops.size, scrolls: ul.scrollWidth > ul.clientWidth, page: document.scrollingElement!.scrollWidth };
    });
    expect(menu).toEqual({ lines: 1, scrolls: true, page: 390 });
    await page.close();
  });
});
