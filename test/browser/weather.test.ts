// A reader picks İzmir in the header: the weather line changes without a reload, and stays after one.
import { afterAll, describe, expect, it } from "vitest";
import { MAP_SHAPES } from "../../src/weather/map/shapes.ts";
import { createOpenMeteoProvider } from "../../src/weather/openMeteo.ts";
import { refreshWeather } from "../../src/weather/refresher.ts";
import { type FakeServer, fakeOpenMeteo } from "../fakeWeather.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

describe.skipIf(!browserTestsEnabled)("weather picker in Chromium", { timeout: 60_000 }, () => {
  let server: FakeServer | undefined;
  const fixture = useBrowserApp({
    prepare: async (db) => {
      server = await fakeOpenMeteo();
      await refreshWeather(db, createOpenMeteoProvider({ baseUrl: server.url, timeoutMs: 2000 }), new Date("2026-11-27T11:15:00Z"));
    },
  });
  const base = () => fixture().base;

  afterAll(async () => {
    await server?.close();
  });

  it("changes the header to İzmir without a reload, and keeps it after one", async () => {
    const page = await fixture().browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base()}/`);
    const line = page.locator("[data-weather-line]");
    expect(await line.textContent()).toBe("Çok Bulutlu 11.3ºC Ankara");
    // A marker on the window survives only if the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    await page.getByLabel("Hava durumu için il seçin").selectOption({ label: "İzmir" });
    await expect.poll(() => line.textContent()).toMatch(/^Hafif Yağmurlu \d+\.\dºC İzmir$/);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await line.getAttribute("href")).toBe("/hava-durumu/izmir/");

    await page.reload();
    await expect.poll(() => line.textContent()).toMatch(/İzmir$/);
    expect(await page.getByLabel("Hava durumu için il seçin").inputValue()).toBe("35");
    await page.goto(`${base()}/hava-durumu/`);
    await expect.poll(() => line.textContent()).toMatch(/İzmir$/);
  });

  it.each([
    ["a 390-px phone", 390, 844, 10, 9.5],
    ["a desktop", 1280, 900, 60, 12],
  ] as const)("draws the map on %s with labels that are readable and never overlap, each province leading to its page", async (_name, width, height, atLeast, minPx) => {
    const context = await fixture().browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${base()}/hava-durumu/`);
    const boxes = await page.locator(".map-label").evaluateAll((els) =>
      els.flatMap((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0
          ? [
              {
                x: r.left,
                y: r.top,
                w: r.width,
                h: r.height,
                px: parseFloat(getComputedStyle(el).fontSize) * (el instanceof SVGGraphicsElement ? (el.ownerSVGElement?.getScreenCTM()?.a ?? 0) : 0),
              },
            ]
          : [];
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(atLeast);
    for (const b of boxes) expect(b.px).toBeGreaterThanOrEqual(minPx);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, JSON.stringify([a, b])).toBe(true);
      }
    }
    // The map fits the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // A tap on Konya's label opens Konya's page (labels let the tap through to the province).
    const spot = MAP_SHAPES.provinces.get("42")?.label;
    const konya = await page.locator(`.map-label[x="${spot?.x}"][y="${spot?.y}"]`).boundingBox();
    if (!konya) throw new Error("Konya has no label");
    await page.mouse.click(konya.x + konya.width / 2, konya.y + konya.height / 2);
    await page.waitForURL(`${base()}/hava-durumu/konya/`);
    await context.close();
  });

  it("without JavaScript the picker is a form that leads to the province's page", async () => {
    const context = await fixture().browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base()}/`);
    await page.getByLabel("Hava durumu için il seçin").selectOption({ label: "Iğdır" });
    await page.getByRole("button", { name: "Göster" }).click();
    await page.waitForURL(`${base()}/hava-durumu/igdir/`);
    expect(await page.locator("h1").textContent()).toBe("Iğdır hava durumu");
    await context.close();
  });
});
