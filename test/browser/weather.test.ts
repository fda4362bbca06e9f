// A reader picks İzmir in the header: the weather line changes without a reload, and stays after one.
import { afterAll, describe, expect, it } from "vitest";
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
