// Two tabs edit one article (issue 9, "No lost edit"): the later save never reverts what the
// other tab changed, autosave stops and asks for "Kaydet", and where both changed one field the
// editor chooses, with JavaScript or without.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createArticle } from "../../src/news/saveArticle.ts";
import type { Actor } from "../../src/news/workflow.ts";
import { TEST_NOW } from "../app.ts";
import { allTestDatabases } from "../databases.ts";
import { PASSWORD, addActor, articleInput } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

for (const target of allTestDatabases) {
  describe.skipIf(!browserTestsEnabled || !target.available)(`two tabs, one article, in Chromium [${target.name}]`, { timeout: 90_000 }, () => {
    let editor: Actor;
    const fixture = useBrowserApp({
      database: target,
      prepare: async (db) => {
        editor = await addActor(db, "editor", "Sekme Editor");
      },
    });
    const base = () => fixture().base;

    /** A signed-in browser context: its pages are tabs of one editor. */
    async function signedIn(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
      const context = await fixture().browser.newContext(options);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${base()}/yonetim/giris`);
      await page.getByLabel("E-posta").fill("sekmeeditor-editor@haberci.test");
      await page.getByLabel("Parola").fill(PASSWORD);
      await page.getByRole("button", { name: "Giriş yap" }).click();
      await page.getByRole("heading", { name: "Haberler" }).waitFor();
      await page.close();
      return context;
    }

    async function tab(context: BrowserContext, id: number): Promise<Page> {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${base()}/yonetim/haber/${id}`);
      await page.getByRole("heading", { name: "Haberi düzenle" }).waitFor();
      return page;
    }

    const stored = (id: number) => fixture().db.selectFrom("articles").select(["title", "spot", "body", "version"]).where("id", "=", id).executeTakeFirstOrThrow();

    it("keeps tab A's spot when tab B saves its title and body: autosave stops, the 409 form is merged, Kaydet saves both", async () => {
      const article = await createArticle(fixture().db, {
        input: articleInput({ title: "Gökçeada'da şişe postası", spot: "Balıkçılar şişeyi ağlarında buldu.", body: "<p>Şişeden 1974 tarihli bir mektup çıktı.</p>" }),
        actor: editor,
        now: TEST_NOW,
      });
      const context = await signedIn();
      const a = await tab(context, article.id);
      const b = await tab(context, article.id);

      // Tab A changes the spot and saves.
      await a.getByLabel("Spot", { exact: true }).fill("Şişe, Çanakkale'deki müzeye teslim edildi.");
      await a.getByRole("button", { name: "Kaydet", exact: true }).click();
      await a.getByText("Kaydedildi.").waitFor();

      // Tab B, still on version 1, changes title and body; its autosave meets A's save and stops.
      await b.getByLabel("Başlık", { exact: true }).fill("Gökçeada'da 50 yıllık şişe postası");
      const body = b.getByRole("textbox", { name: "Haber metni" });
      await body.click();
      await b.keyboard.press("End");
      await b.keyboard.type(" Mektubu bir denizci yazmış.");
      const status = b.locator("[data-autosave-status]");
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain("“Kaydet”e basın");
      expect(await status.textContent()).toContain("Değişen alanlar: Spot");
      expect(await stored(article.id)).toMatchObject({ version: 2, title: "Gökçeada'da şişe postası", spot: "Şişe, Çanakkale'deki müzeye teslim edildi." });

      // B presses Kaydet: 409, the form now holds B's title and body with A's spot.
      await b.getByRole("button", { name: "Kaydet", exact: true }).click();
      await b.getByRole("heading", { name: "Kaydedilmedi: haber sizden önce değişti" }).waitFor();
      await b.getByText("Sizden sonra yapılan değişiklikler forma işlendi: Spot.").waitFor();
      expect(await b.getByLabel("Spot", { exact: true }).inputValue()).toBe("Şişe, Çanakkale'deki müzeye teslim edildi.");
      expect(await b.getByLabel("Başlık", { exact: true }).inputValue()).toBe("Gökçeada'da 50 yıllık şişe postası");
      expect(await b.getByRole("textbox", { name: "Haber metni" }).textContent()).toContain("Mektubu bir denizci yazmış.");

      // B presses Kaydet again: saved, and A's spot is still there.
      await b.getByRole("button", { name: "Kaydet", exact: true }).click();
      await b.getByText("Kaydedildi.").waitFor();
      const saved = await stored(article.id);
      expect(saved).toMatchObject({ version: 3, title: "Gökçeada'da 50 yıllık şişe postası", spot: "Şişe, Çanakkale'deki müzeye teslim edildi." });
      expect(saved.body).toContain("Şişeden 1974 tarihli bir mektup çıktı. Mektubu bir denizci yazmış.");
      await context.close();
    });

    it("shows a field both tabs changed with both values and lets the editor take the other's, without JavaScript", async () => {
      const article = await createArticle(fixture().db, { input: articleInput({ title: "Çakışan başlık", spot: "İlk spot." }), actor: editor, now: TEST_NOW });
      const context = await signedIn({ javaScriptEnabled: false });
      const a = await tab(context, article.id);
      const b = await tab(context, article.id);

      await a.getByLabel("Başlık", { exact: true }).fill("A sekmesinin başlığı");
      await a.getByRole("button", { name: "Kaydet", exact: true }).click();
      await a.getByText("Kaydedildi.").waitFor();

      await b.getByLabel("Başlık", { exact: true }).fill("B sekmesinin başlığı");
      await b.getByLabel("Spot", { exact: true }).fill("B sekmesinin spotu.");
      await b.getByRole("button", { name: "Kaydet", exact: true }).click();
      await b.getByRole("heading", { name: "Kaydedilmedi: haber sizden önce değişti" }).waitFor();
      const choice = b.getByRole("group", { name: "Başlık: ikiniz de değiştirdiniz" });
      expect(await choice.locator("[data-theirs]").textContent()).toBe("A sekmesinin başlığı");
      expect(await b.getByLabel("Başlık", { exact: true }).inputValue()).toBe("B sekmesinin başlığı");

      // Without a choice the browser does not send the form.
      await b.getByRole("button", { name: "Kaydet", exact: true }).click();
      expect(await choice.getByLabel("Benimkini koru (formdaki değer)").evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
      expect(await stored(article.id)).toMatchObject({ version: 2, title: "A sekmesinin başlığı" });

      await choice.getByLabel("Diğer sürümdekini al").check();
      await b.getByRole("button", { name: "Kaydet", exact: true }).click();
      await b.getByText("Kaydedildi.").waitFor();
      expect(await stored(article.id)).toMatchObject({ version: 3, title: "A sekmesinin başlığı", spot: "B sekmesinin spotu." });
      await context.close();
    });
  });
}
