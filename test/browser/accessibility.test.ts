// axe-core in Chromium over every page type, reader and newsroom: no violation of any impact (issue 13, "Gate").
import fs from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/news/seedDemo.ts";
import { createOpenMeteoProvider } from "../../src/weather/openMeteo.ts";
import { refreshWeather } from "../../src/weather/refresher.ts";
import { type FakeServer, fakeOpenMeteo } from "../fakeWeather.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Every axe violation on the page, whatever its impact, as "rule (impact): help (first three elements)". */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
}

describe.skipIf(!browserTestsEnabled)("accessibility (axe-core)", { timeout: 120_000 }, () => {
  let weather: FakeServer | undefined;
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      await seedDemo(db, { dataDir: t.dataDir, now: new Date("2026-11-27T12:00:00Z"), limit: 14 });
      await addActor(db, "yonetici", "Erisim Yonetici");
      // The weather pages and the header's weather line with data, as readers see them.
      weather = await fakeOpenMeteo();
      await refreshWeather(db, createOpenMeteoProvider({ baseUrl: weather.url, timeoutMs: 2000 }), new Date("2026-11-27T11:15:00Z"));
    },
  });
  let base: string;
  let article: { path: string; id: number; tag: string | undefined; author: string | undefined };

  beforeAll(async () => {
    base = fixture().base;
    const first = (await fixture().t.app.inject("/api/v1/articles?limit=1")).json().items[0];
    const path = new URL(first.url as string).pathname;
    const html = (await fixture().t.app.inject(path)).body;
    article = {
      path,
      id: first.id as number,
      tag: /href="(\/etiket\/[a-z0-9-]+\/)"/.exec(html)?.[1],
      author: /href="(\/yazar\/[a-z0-9-]+\/)"/.exec(html)?.[1],
    };
  });

  afterAll(async () => {
    await weather?.close();
  });

  // axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
  const newContext = () => fixture().browser.newContext({ bypassCSP: true });

  describe("reader pages", () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await newContext();
    });
    afterAll(async () => {
      await context.close();
    });

    it.each([
      ["home", () => "/"],
      ["article", () => article.path],
      ["category", () => "/haber/egitim/"],
      ["tag", () => article.tag],
      ["author", () => article.author],
      ["son dakika", () => "/son-dakika/"],
      ["search with results", () => "/arama?q=izmir"],
      ["search without a query", () => "/arama"],
      ["weather map", () => "/hava-durumu/"],
      ["province weather", () => "/hava-durumu/ankara/"],
      ["404", () => "/yok-boyle-sayfa"],
      ["künye", () => "/kunye/"],
      ["iletişim", () => "/iletisim/"],
    ])("%s", async (_name, path) => {
      const target = path();
      expect(target, "the demo article links to a tag and an author").toBeTruthy();
      const page = await context.newPage();
      await page.goto(base + target);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  });

  describe("newsroom pages (signed in as yönetici, who sees them all)", () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await newContext();
      const page = await context.newPage();
      await page.goto(`${base}/yonetim/giris`);
      expect(await violations(page), "sign-in page").toEqual([]);
      await page.getByLabel("E-posta").fill("erisimyonetici-yonetici@haberci.test");
      await page.getByLabel("Parola").fill(PASSWORD);
      await page.getByRole("button", { name: "Giriş yap" }).click();
      await page.getByRole("heading", { name: "Haberler" }).waitFor();
      await page.close();
    });
    afterAll(async () => {
      await context.close();
    });

    /** Pages whose editor is drawn by script are checked once it is there. */
    const editorReady = (page: Page) => page.getByRole("textbox", { name: "Haber metni" }).waitFor();

    it.each([
      ["article list", () => "/yonetim/", undefined],
      ["article list, filtered", () => "/yonetim/?q=izmir&sirala=ilk-degisiklik", undefined],
      ["new article", () => "/yonetim/haber/yeni", editorReady],
      ["edit article", () => `/yonetim/haber/${article.id}`, editorReady],
      ["revisions", () => `/yonetim/haber/${article.id}/surumler`, undefined],
      ["manşet", () => "/yonetim/manset", undefined],
      ["media library", () => "/yonetim/medya", undefined],
      ["users", () => "/yonetim/kullanicilar", undefined],
      ["settings", () => "/yonetim/ayarlar", undefined],
      ["own profile", () => "/yonetim/profil", undefined],
      ["password", () => "/yonetim/parola", undefined],
      ["audit log", () => "/yonetim/denetim", undefined],
      ["künye, with the admins' warning", () => "/yonetim/kunye", (page: Page) => page.getByText("Künye eksik.").first().waitFor()],
    ] as Array<[string, () => string, ((page: Page) => Promise<void>) | undefined]>)("%s", async (_name, path, ready) => {
      const page = await context.newPage();
      const answer = await page.goto(base + path());
      expect(answer?.status()).toBe(200);
      await ready?.(page);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it("künye form refused, with the messages beside the fields", async () => {
      const page = await context.newPage();
      await page.goto(`${base}/yonetim/kunye`);
      await page.getByLabel("İletişim telefonu").fill("bizi arayın");
      await page.getByRole("button", { name: "Künyeyi kaydet" }).click();
      await page.getByText("Geçerli bir telefon numarası girin").waitFor();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it("media picker, as a dialog in the editor and as a page of its own (with a field error)", async () => {
      const page = await context.newPage();
      await page.goto(`${base}/yonetim/haber/yeni`);
      await editorReady(page);
      await page.getByRole("link", { name: "Kütüphaneden seç ya da yeni görsel yükle" }).click();
      await page.getByRole("dialog", { name: "Ana görseli seçin" }).getByRole("button", { name: "Seç", exact: true }).first().waitFor();
      expect(await violations(page)).toEqual([]);
      await page.goto(`${base}/yonetim/medya/sec?bas=2026-02-30`);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  });
});
