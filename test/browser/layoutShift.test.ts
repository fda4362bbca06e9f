// Every reader page type at 390×844 and on a desktop: nothing moves once shown (layout-shift entries
// sum to 0, after the page's scripts ran and after Sıradaki Haber loaded below), the phone header
// stays small with the article photo starting above the fold, nothing scrolls sideways, and the
// header's weather names the province its picker shows.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/news/seedDemo.ts";
import { createOpenMeteoProvider } from "../../src/weather/openMeteo.ts";
import { refreshWeather } from "../../src/weather/refresher.ts";
import { type FakeServer, fakeOpenMeteo } from "../fakeWeather.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** The phone header's height this test holds it to, in CSS pixels (it was 283; 112 now). */
const PHONE_HEADER_MAX = 120;

interface Shift {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}

// Installed before any of the page's own code: collects every layout shift from the first paint on.
function observeShifts(): void {
  const shifts: Shift[] = [];
  const describeNode = (node: Node | null): string => {
    if (!(node instanceof Element)) return node ? (node.parentElement?.tagName ?? "#text") : "?";
    return (
      node.tagName.toLowerCase() +
      (node.id ? `#${node.id}` : "") +
      (node.className && typeof node.className === "string" ? `.${node.className.split(" ").join(".")}` : "")
    );
  };
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node: Node | null }> };
      shifts.push({ value: shift.value, hadRecentInput: shift.hadRecentInput, sources: (shift.sources ?? []).map((s) => describeNode(s.node)) });
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: "layout-shift", buffered: true });
  Object.assign(window, { __shifts: () => (record(observer.takeRecords()), shifts) });
}

/** Waits until the page's scripts ran and painted twice, then returns its layout shifts so far. */
async function shiftsOf(page: Page): Promise<Shift[]> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));
  return page.evaluate(() => (window as unknown as { __shifts: () => Shift[] }).__shifts());
}

const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);

describe.skipIf(!browserTestsEnabled)("layout shift, header and overflow of every reader page", { timeout: 180_000 }, () => {
  let server: FakeServer | undefined;
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      await seedDemo(db, { dataDir: t.dataDir, now: new Date("2026-11-27T12:00:00Z"), limit: 14 });
      server = await fakeOpenMeteo();
      await refreshWeather(db, createOpenMeteoProvider({ baseUrl: server.url, timeoutMs: 2000 }), new Date("2026-11-27T11:15:00Z"));
    },
  });
  const pages: Record<string, string> = {};
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const { t } = fixture();
    const items = (await t.app.inject("/api/v1/articles?limit=20")).json().items as Array<{ url: string; image: unknown }>;
    const withPhoto = items.find((a) => a.image) ?? items[0];
    if (!withPhoto) throw new Error("no demo article");
    pages.article = new URL(withPhoto.url).pathname;
    const html = (await t.app.inject(pages.article)).body;
    const tag = /href="(\/etiket\/[^"]+\/)"/.exec(html)?.[1];
    const author = /href="(\/yazar\/[^"]+\/)"/.exec(html)?.[1] ?? /href="(\/yazar\/[^"]+\/)"/.exec((await t.app.inject("/")).body)?.[1];
    if (!tag || !author) throw new Error("the demo article has no tag or no author link");
    Object.assign(pages, {
      home: "/",
      category: `/${pages.article.split("/").slice(1, 3).join("/")}/`,
      tag,
      "son dakika": "/son-dakika/",
      author,
      search: "/arama?q=t%C3%BCrkiye",
      "province weather": "/hava-durumu/ankara/",
      "weather map": "/hava-durumu/",
      "404": "/yok-boyle-sayfa",
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
  });

  async function open(viewport: { width: number; height: number }, path: string): Promise<Page> {
    const context = await fixture().browser.newContext({ viewport });
    contexts.push(context);
    await context.addInitScript(observeShifts);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(fixture().base + path);
    return page;
  }

  const PAGE_TYPES = ["home", "article", "category", "tag", "son dakika", "author", "search", "province weather", "weather map", "404"];
  const measured: string[] = [];

  afterAll(() => {
    // The figures the lead asked for, in the test log.
    if (measured.length > 0) console.info(measured.join("\n"));
  });

  for (const [label, viewport] of [
    ["390×844", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    it.each(PAGE_TYPES)(`%s page at ${label}: no layout shift, no sideways scroll, the header's weather and picker agree`, async (name) => {
      const page = await open(viewport, pages[name]!);
      const shifts = await shiftsOf(page);
      expect(shifts, JSON.stringify(shifts)).toEqual([]);
      const facts = await page.evaluate(() => {
        const header = document.querySelector("header.site-header")!.getBoundingClientRect();
        const photo = document.querySelector(".article-photo img")?.getBoundingClientRect() ?? null;
        const select = document.querySelector<HTMLSelectElement>("#il-secimi")!;
        return {
          scrollWidth: document.scrollingElement!.scrollWidth,
          headerHeight: header.height,
          photoTop: photo ? photo.top : null,
          // Pictures whose box is known before they load: both sizes given, or an aspect ratio from the style sheet.
          unsized: [...document.querySelectorAll("img")]
            .filter((img) => !(img.getAttribute("width") && img.getAttribute("height")) && getComputedStyle(img).aspectRatio === "auto")
            .map((img) => img.outerHTML.slice(0, 120)),
          // The province page's 7-day table: as wide as its box, not scrolled inside it.
          table: [...document.querySelectorAll("table")].map((t) => ({ width: t.getBoundingClientRect().right, box: t.parentElement!.getBoundingClientRect().right })),
          line: document.querySelector("[data-weather-line]")!.textContent ?? "",
          picked: select.selectedOptions[0]?.textContent ?? "",
        };
      });
      measured.push(`${label} ${name}: CLS ${total(shifts)}, header ${facts.headerHeight} px, photo top ${facts.photoTop ?? "-"} px, scrollWidth ${facts.scrollWidth}`);
      expect(facts.scrollWidth).toBeLessThanOrEqual(viewport.width);
      expect(facts.unsized).toEqual([]);
      for (const table of facts.table) expect(table.width).toBeLessThanOrEqual(table.box + 0.5);
      if (name === "province weather") expect(facts.table.length).toBe(1);
      expect(facts.line.endsWith(` ${facts.picked}`) || facts.line === facts.picked, `${facts.line} / ${facts.picked}`).toBe(true);
      if (viewport === PHONE) {
        expect(facts.headerHeight).toBeLessThanOrEqual(PHONE_HEADER_MAX);
        if (name === "article") expect(facts.photoTop).toBeLessThan(PHONE.height);
      }
    });
  }

  it("moves nothing while Sıradaki Haber loads the next article below, at 390×844", async () => {
    const page = await open(PHONE, pages.article!);
    // A slow network: the reader reaches the end of the article before the next one arrives.
    await page.route("**/haber-parca/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const before = await page.locator("article[data-article-id]").count();
    const teaserTop = () =>
      page
        .locator(".next-teaser")
        .first()
        .evaluate((el) => el.getBoundingClientRect().top);
    // Scrolled as a reader does until the teaser is in the upper half of the screen, where what lies below it would show.
    for (let i = 0; i < 60 && (await teaserTop()) > PHONE.height / 2; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(30);
    }
    expect(await teaserTop()).toBeLessThanOrEqual(PHONE.height / 2);
    expect(await page.getByText("Yükleniyor lütfen bekleyiniz").isVisible()).toBe(true);
    await expect.poll(() => page.locator("article[data-article-id]").count(), { timeout: 10_000 }).toBe(before + 1);
    const shifts = await shiftsOf(page);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);
  });

  it.each([
    ["390×844", PHONE],
    ["desktop", DESKTOP],
  ] as const)("shows a reader's own province in the picker only together with its weather, moving nothing (%s)", async (_label, viewport) => {
    const context = await fixture().browser.newContext({ viewport });
    contexts.push(context);
    await context.addCookies([{ name: "il", value: "35", url: fixture().base }]);
    await context.addInitScript(observeShifts);
    // Slow the province's JSON: until it arrives the header keeps Ankara in both places.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route("**/api/v1/weather/35", async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${fixture().base}/`);
    const agree = () =>
      page.evaluate(() => ({
        line: document.querySelector("[data-weather-line]")!.textContent ?? "",
        picked: document.querySelector<HTMLSelectElement>("#il-secimi")!.selectedOptions[0]?.textContent ?? "",
      }));
    await page.waitForLoadState("load");
    const waiting = await agree();
    expect(waiting.line).toMatch(/ Ankara$/);
    expect(waiting.picked).toBe("Ankara");
    release();
    await expect.poll(async () => (await agree()).line).toMatch(/ İzmir$/);
    expect((await agree()).picked).toBe("İzmir");
    expect(await shiftsOf(page)).toEqual([]);

    // The reader picks Iğdır: until its weather arrives, İzmir's reading is not shown beside Iğdır.
    let releaseIgdir: () => void = () => {};
    const heldIgdir = new Promise<void>((resolve) => (releaseIgdir = resolve));
    await context.route("**/api/v1/weather/76", async (route) => {
      await heldIgdir;
      await route.continue();
    });
    await page.getByLabel("Hava durumu için il seçin").selectOption({ label: "Iğdır" });
    await expect.poll(() => page.locator("[data-weather-reading]").isVisible()).toBe(false);
    releaseIgdir();
    await expect.poll(async () => (await agree()).line).toMatch(/ Iğdır$/);
    expect(await page.locator("[data-weather-reading]").isVisible()).toBe(true);
    expect((await agree()).picked).toBe("Iğdır");
  });
});
