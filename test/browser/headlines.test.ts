// The manşet page in Chromium (issue 13, "Manşet"): each slot numbered once and aligned, a short
// page on a phone and a desktop, the order changed by keyboard and by dragging and saved, and the
// same buttons working as plain form posts without JavaScript.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { changeArticleStatus } from "../../src/news/changeArticleStatus.ts";
import { readHeadlineOrder, setBreakingFlag, setHeadlineOrder } from "../../src/news/homeControl.ts";
import { createArticle } from "../../src/news/saveArticle.ts";
import type { Actor } from "../../src/news/workflow.ts";
import { TEST_NOW } from "../app.ts";
import { PASSWORD, addActor, articleInput } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Every axe-core violation on the page (any impact), as "rule: targets". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const TITLES = [
  "Birinci manşet: Boğaz'da sis",
  "İkinci manşet: Kars'ta kar",
  "Üçüncü manşet: İzmir'de fuar",
  "Dördüncü manşet: Van'da deprem tatbikatı",
  "Beşinci manşet: Ordu'da fındık",
];

describe.skipIf(!browserTestsEnabled)("the manşet page in Chromium", { timeout: 120_000 }, () => {
  let editor: Actor;
  let ids: number[] = [];
  const fixture = useBrowserApp({
    prepare: async (db) => {
      editor = await addActor(db, "editor", "Manset Tarayici");
      const publish = async (title: string, i: number) => {
        const a = await createArticle(db, { input: articleInput({ title }), actor: editor, now: TEST_NOW });
        await changeArticleStatus(db, { articleId: a.id, action: "publish", actor: editor, now: new Date(TEST_NOW.getTime() - i * 60_000) });
        return a.id;
      };
      ids = [];
      for (const [i, title] of TITLES.entries()) ids.push(await publish(title, i));
      // A busy newsroom: many published articles and several son dakika items (the old page listed every one).
      for (let i = 0; i < 60; i++) await publish(`Arşiv haberi ${i}: belediye meclisi toplandı`, 10 + i);
      for (const id of ids.slice(0, 3)) await setBreakingFlag(db, { articleId: id, isBreaking: true, until: null, actor: editor, now: TEST_NOW });
      await setHeadlineOrder(db, { articleIds: ids, stamp: (await readHeadlineOrder(db)).stamp, actor: editor, now: TEST_NOW });
    },
  });
  const base = () => fixture().base;
  const stored = async () => (await readHeadlineOrder(fixture().db)).articleIds;
  const reset = async () => setHeadlineOrder(fixture().db, { articleIds: ids, stamp: (await readHeadlineOrder(fixture().db)).stamp, actor: editor, now: TEST_NOW });

  /** A signed-in editor on the manşet page; `bypassCSP` lets axe be injected as an inline script. */
  async function signedIn(options: { width: number; javaScriptEnabled?: boolean; bypassCSP?: boolean }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await fixture().browser.newContext({
      viewport: { width: options.width, height: 844 },
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      bypassCSP: options.bypassCSP ?? false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base()}/yonetim/giris`);
    await page.getByLabel("E-posta").fill("mansettarayici-editor@haberci.test");
    await page.getByLabel("Parola").fill(PASSWORD);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await page.getByRole("heading", { name: "Haberler" }).waitFor();
    await page.goto(`${base()}/yonetim/manset`);
    return { context, page };
  }

  /** The slot titles in page order. */
  const slotTitles = (page: Page) => page.locator("ol.slots > li .slot-title a").allTextContents();

  for (const width of [390, 1280]) {
    it(`numbers each slot once, lines every slot up and keeps the page short at ${width} px`, async () => {
      const { context, page } = await signedIn({ width });
      expect(await slotTitles(page)).toEqual(TITLES);
      const layout = await page.evaluate(() => {
        const slots = [...document.querySelectorAll("ol.slots > li")];
        const box = (el: Element | null) => el?.getBoundingClientRect() ?? new DOMRect();
        return {
          marker: getComputedStyle(document.querySelector("ol.slots")!).listStyleType,
          numbers: slots.map((li) => getComputedStyle(li, "::before").content),
          texts: slots.map((li) => (li as HTMLElement).innerText),
          titleLeft: slots.map((li) => Math.round(box(li.querySelector(".slot-title")).left)),
          rowLeft: slots.map((li) => Math.round(box(li).left)),
          rowRight: slots.map((li) => Math.round(box(li).right)),
          height: document.documentElement.scrollHeight,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      // The number is drawn once, by the list's counter: no list marker besides it, and no number in the row's text.
      expect(layout.marker).toBe("none");
      expect(layout.numbers).toEqual(TITLES.map(() => 'counter(slot) "."'));
      for (const text of layout.texts) expect(text).not.toMatch(/^\s*\d+\./);
      // Slot 5 sits exactly where slots 1–4 do (slot 10 of the old page did not).
      expect(new Set(layout.titleLeft).size).toBe(1);
      expect(new Set(layout.rowLeft).size).toBe(1);
      expect(new Set(layout.rowRight).size).toBe(1);
      expect(layout.overflow).toBeLessThanOrEqual(0);
      // Five suggestions per search and the three son dakika items on now: not a 5,000-px page of every article.
      expect(layout.height).toBeLessThan(width === 390 ? 3600 : 1500);
      expect(await page.locator("ul.breaking-list > li").count()).toBe(3);
      await context.close();
    });
  }

  it("moves a slot by keyboard without a reload, announces it, keeps the focus, and saves the order", async () => {
    await reset();
    const { context, page } = await signedIn({ width: 390 });
    const down = page.getByRole("button", { name: `Aşağı taşı: ${TITLES[0]}` });
    await down.focus();
    await page.keyboard.press("Enter");
    expect(await slotTitles(page)).toEqual([TITLES[1], TITLES[0], TITLES[2], TITLES[3], TITLES[4]]);
    await expect.poll(() => page.locator(".slot-status").textContent()).toContain(`“${TITLES[0]}” 2. sıraya taşındı`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Aşağı taşı: ${TITLES[0]}`);
    await page.keyboard.press("Space");
    expect(await slotTitles(page)).toEqual([TITLES[1], TITLES[2], TITLES[0], TITLES[3], TITLES[4]]);
    // Nothing is saved until the editor says so.
    expect(await stored()).toEqual(ids);
    // Up from the top slot is not offered; the last slot's down neither.
    expect(await page.getByRole("button", { name: `Yukarı taşı: ${TITLES[1]}` }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: `Aşağı taşı: ${TITLES[4]}` }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Manşeti kaydet" }).click();
    await page.getByText("Manşet kaydedildi.").waitFor();
    expect(await stored()).toEqual([ids[1], ids[2], ids[0], ids[3], ids[4]]);
    expect(await slotTitles(page)).toEqual([TITLES[1], TITLES[2], TITLES[0], TITLES[3], TITLES[4]]);
    await context.close();
  });

  it("moves a slot by dragging its handle, and saves the order", async () => {
    await reset();
    const { context, page } = await signedIn({ width: 1280 });
    const handle = page.locator("ol.slots > li").nth(4).locator(".slot-handle");
    const target = page.locator("ol.slots > li").nth(1);
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const steps = 12;
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + ((to.y + 4 - (from.y + from.height / 2)) * i) / steps);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    expect(await slotTitles(page)).toEqual([TITLES[0], TITLES[4], TITLES[1], TITLES[2], TITLES[3]]);
    await expect.poll(() => page.locator(".slot-status").textContent()).toContain(`“${TITLES[4]}” 2. sıraya taşındı`);
    await page.getByRole("button", { name: "Manşeti kaydet" }).click();
    await page.getByText("Manşet kaydedildi.").waitFor();
    expect(await stored()).toEqual([ids[0], ids[4], ids[1], ids[2], ids[3]]);
    await context.close();
  });

  it("has no axe-core violations, also with a refused son dakika end time shown beside its field", async () => {
    const { context, page } = await signedIn({ width: 390, bypassCSP: true });
    expect(await axeViolations(page)).toEqual([]);
    const field = page.getByLabel("Bitiş (isteğe bağlı)").first();
    await field.fill("2020-01-01T10:00");
    await page
      .getByRole("button", { name: /^Son dakika yap: / })
      .first()
      .click();
    await page.getByText("Geçmiş bir zaman seçilemez.").waitFor();
    expect(await page.getByLabel("Bitiş (isteğe bağlı)").first().inputValue()).toBe("2020-01-01T10:00");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("without JavaScript, each move button saves at once as a form post", async () => {
    await reset();
    const { context, page } = await signedIn({ width: 390, javaScriptEnabled: false });
    await page.getByRole("button", { name: `Yukarı taşı: ${TITLES[2]}` }).click();
    await page.getByText("Manşet kaydedildi.").waitFor();
    expect(await stored()).toEqual([ids[0], ids[2], ids[1], ids[3], ids[4]]);
    expect(await slotTitles(page)).toEqual([TITLES[0], TITLES[2], TITLES[1], TITLES[3], TITLES[4]]);
    await context.close();
  });
});
