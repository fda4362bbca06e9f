// The revisions page's compare form laid out (issue 13): each choice under its label, the button
// beside them, nothing wider than a 390-px phone; choosing two versions shows their differences.
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { changeArticleStatus } from "../../src/news/changeArticleStatus.ts";
import { createArticle } from "../../src/news/saveArticle.ts";
import { TEST_NOW } from "../app.ts";
import { PASSWORD, addActor, articleInput } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe.skipIf(!browserTestsEnabled)("the revision compare form in Chromium", { timeout: 90_000 }, () => {
  let articleId = 0;
  const fixture = useBrowserApp({
    prepare: async (db) => {
      const editor = await addActor(db, "editor", "Surum Editor");
      const article = await createArticle(db, { input: articleInput({ title: "Sürümleri karşılaştırılan haber" }), actor: editor, now: TEST_NOW });
      await changeArticleStatus(db, { articleId: article.id, action: "publish", actor: editor, now: new Date(TEST_NOW.getTime() + 60_000) });
      articleId = article.id;
    },
  });

  for (const width of [390, 1280]) {
    it(`puts each version choice under its label and the button in reach at ${width} px`, async () => {
      const context = await fixture().browser.newContext({ viewport: { width, height: 844 }, bypassCSP: true });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${fixture().base}/yonetim/giris`);
      await page.getByLabel("E-posta").fill("surumeditor-editor@haberci.test");
      await page.getByLabel("Parola").fill(PASSWORD);
      await page.getByRole("button", { name: "Giriş yap" }).click();
      await page.getByRole("heading", { name: "Haberler" }).waitFor();
      await page.goto(`${fixture().base}/yonetim/haber/${articleId}/surumler`);

      const form = page.getByRole("form", { name: "Sürümleri karşılaştır" });
      const box = async (selector: string) => (await form.locator(selector).boundingBox())!;
      const [formBox, labelA, selectA, labelB, selectB, button] = [
        (await form.boundingBox())!,
        await box('label[for="a"]'),
        await box("select#a"),
        await box('label[for="b"]'),
        await box("select#b"),
        await box("button"),
      ];
      // Each label sits right above its own choice, starting where it starts.
      for (const [label, select] of [
        [labelA, selectA],
        [labelB, selectB],
      ] as const) {
        expect(Math.abs(label.x - select.x)).toBeLessThanOrEqual(1);
        expect(select.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
        expect(select.y - (label.y + label.height)).toBeLessThan(12);
      }
      // Everything inside the form's box; the button lines up with the choices' bottom edge or sits under them.
      for (const b of [selectA, selectB, button]) {
        expect(b.x).toBeGreaterThanOrEqual(formBox.x);
        expect(b.x + b.width).toBeLessThanOrEqual(formBox.x + formBox.width + 0.5);
      }
      expect(button.y + button.height).toBeGreaterThanOrEqual(selectB.y + selectB.height - 2);
      if (width === 1280) expect(Math.abs(selectA.y - selectB.y)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string }> }> } }).axe;
        return (await axe.run()).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);

      await page.getByLabel("Eski sürüm").selectOption("1");
      await page.getByLabel("Yeni sürüm").selectOption("2");
      await page.getByRole("button", { name: "Farkları göster" }).click();
      await page.getByRole("heading", { name: "Sürüm 1 → sürüm 2" }).waitFor();
      await context.close();
    });
  }
});
