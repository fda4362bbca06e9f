// Issue 13 in Chromium: a new article survives a killed tab because its first keystrokes were
// autosaved; offline the editor says the changes are not saved and saves when back online; a
// send-back needs a reason, which the reporter then sees; a read-only view cannot be typed into.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { changeArticleStatus } from "../../src/news/changeArticleStatus.ts";
import { createArticle } from "../../src/news/saveArticle.ts";
import type { Actor } from "../../src/news/workflow.ts";
import { TEST_NOW } from "../app.ts";
import { allTestDatabases } from "../databases.ts";
import { addActor, articleInput } from "../newsroomFixtures.ts";
import { browserTestsEnabled, signedInContext, useBrowserApp } from "./fixture.ts";

for (const target of allTestDatabases) {
  describe.skipIf(!browserTestsEnabled || !target.available)(`drafts and review in Chromium [${target.name}]`, { timeout: 120_000 }, () => {
    let reporter: Actor;
    let editor: Actor;
    const fixture = useBrowserApp({
      database: target,
      prepare: async (db) => {
        reporter = await addActor(db, "muhabir", "Kaza Muhabir");
        editor = await addActor(db, "editor", "Kaza Editor");
      },
    });
    const base = () => fixture().base;

    const signedIn = (email: string) => signedInContext(fixture().browser, base(), email);

    async function open(context: BrowserContext, path: string): Promise<Page> {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(base() + path);
      return page;
    }

    const status = (page: Page) => page.locator("[data-autosave-status]");
    const stored = (id: number) => fixture().db.selectFrom("articles").select(["title", "body", "status"]).where("id", "=", id).executeTakeFirstOrThrow();

    it("autosaves a new article from its first keystrokes, so a killed tab loses nothing; offline it warns and saves when back", async () => {
      const context = await signedIn("kazamuhabir-muhabir@haberci.test");
      const page = await open(context, "/yonetim/haber/yeni");
      await page.getByLabel("Başlık", { exact: true }).fill("Kars'ta kartal yuvası bulundu");
      const body = page.getByRole("textbox", { name: "Haber metni" });
      await body.click();
      await page.keyboard.type("Yuva, kayalıkların arasında.");
      await status(page)
        .getByText(/^Kaydedildi \d\d:\d\d$/)
        .waitFor();

      // The page now lives at the draft's address, with the cursor still in the body: typing goes on.
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/yonetim\/haber\/\d+$/);
      const id = Number(new URL(page.url()).pathname.split("/").pop());
      expect(await page.evaluate(() => document.activeElement?.closest(".rich-editor-content") !== null)).toBe(true);
      await expect.poll(async () => (await stored(id)).body, { timeout: 20_000 }).toContain("Yuva, kayalıkların arasında.");
      expect(await page.locator("[data-slug-preview]").textContent()).toContain(`kartal-yuvasi-bulundu-${id}.html`);

      // Offline: the editor is told plainly; back online, the change is saved.
      await context.setOffline(true);
      await page.keyboard.type(" Kartallar yuvaya döndü.");
      await status(page).getByText("Çevrimdışı — değişiklikler kaydedilmedi", { exact: false }).waitFor({ timeout: 20_000 });
      expect((await stored(id)).body).not.toContain("Kartallar yuvaya döndü.");
      await context.setOffline(false);
      await status(page)
        .getByText(/^Kaydedildi \d\d:\d\d$/)
        .waitFor({ timeout: 20_000 });
      await expect.poll(async () => (await stored(id)).body, { timeout: 20_000 }).toContain("Kartallar yuvaya döndü.");

      // The tab is killed (no unload handlers run); the draft is in the list with its text.
      await page.close({ runBeforeUnload: false });
      const list = await open(context, "/yonetim/?durum=draft");
      await list.getByRole("link", { name: "Kars'ta kartal yuvası bulundu" }).click();
      await list.getByRole("heading", { name: "Haberi düzenle" }).waitFor();
      expect(await list.getByRole("textbox", { name: "Haber metni" }).textContent()).toContain("Yuva, kayalıkların arasında. Kartallar yuvaya döndü.");
      const drafts = await fixture().db.selectFrom("articles").select("id").where("title", "=", "Kars'ta kartal yuvası bulundu").execute();
      expect(drafts).toHaveLength(1);
      await context.close();
    });

    it("offers an editor the schedule field on a new article", async () => {
      const context = await signedIn("kazaeditor-editor@haberci.test");
      const page = await open(context, "/yonetim/haber/yeni");
      expect(await page.getByLabel("Yayın zamanı (İstanbul)").isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Kaydet ve zamanla" }).isVisible()).toBe(true);
      await context.close();
    });

    it("needs a reason to send back; the reporter sees it, and their article in review is read-only", async () => {
      const db = fixture().db;
      const article = await createArticle(db, { input: articleInput({ title: "Iğdır'da lale hasadı" }), actor: reporter, now: TEST_NOW });
      await changeArticleStatus(db, { articleId: article.id, action: "submit", actor: reporter, now: TEST_NOW });

      // The reporter sees it in review: the body cannot be typed into, and there is nothing to save.
      const reporterContext = await signedIn("kazamuhabir-muhabir@haberci.test");
      const view = await open(reporterContext, `/yonetim/haber/${article.id}`);
      const readOnlyBody = view.getByRole("textbox", { name: "Haber metni" });
      await readOnlyBody.waitFor();
      expect(await readOnlyBody.getAttribute("contenteditable")).toBe("false");
      expect(await readOnlyBody.getAttribute("aria-readonly")).toBe("true");
      expect(await view.getByRole("toolbar", { name: "Metin biçimlendirme" }).count()).toBe(0);
      expect(await view.getByRole("button", { name: "Kaydet", exact: true }).count()).toBe(0);
      const before = await readOnlyBody.textContent();
      await readOnlyBody.click();
      await view.keyboard.type("yazılmamalı");
      expect(await readOnlyBody.textContent()).toBe(before);
      expect(await view.getByLabel("Başlık", { exact: true }).isDisabled()).toBe(true);

      // The editor tries to send it back without a reason, then with one.
      const editorContext = await signedIn("kazaeditor-editor@haberci.test");
      const review = await open(editorContext, `/yonetim/haber/${article.id}`);
      await review.getByLabel("Spot", { exact: true }).fill("Lale tarlaları ziyaretçi bekliyor.");
      await review.getByRole("button", { name: "Muhabire geri gönder" }).click();
      await review.getByText("Muhabirin neyi düzeltmesi gerektiğini yazın.").waitFor();
      expect(await review.getByLabel("Spot", { exact: true }).inputValue()).toBe("Lale tarlaları ziyaretçi bekliyor.");
      expect((await stored(article.id)).status).toBe("review");
      await review.getByLabel("Geri gönderme nedeni (muhabir görecek)").fill("Üreticilerden birinin sözlerini ekleyin.");
      await review.getByRole("button", { name: "Muhabire geri gönder" }).click();
      await review.getByText("Haber muhabire geri gönderildi.").waitFor();

      // The reporter, on the newsroom home and in the editor.
      const home = await open(reporterContext, "/yonetim/");
      const panel = home.getByRole("region", { name: "Haberlerimde neler oldu" });
      await panel.waitFor();
      expect(await panel.textContent()).toContain("Kaza Editor düzeltmeye geri gönderdi. Neden: Üreticilerden birinin sözlerini ekleyin.");
      expect(await home.locator(".list-returned").first().textContent()).toBe("Geri gönderildi: Üreticilerden birinin sözlerini ekleyin.");
      await panel.getByRole("link", { name: "Iğdır'da lale hasadı" }).click();
      await home.getByRole("heading", { name: "Editör düzeltme istedi" }).waitFor();
      expect(await home.locator(".returned-reason").textContent()).toBe("Üreticilerden birinin sözlerini ekleyin.");
      expect(await home.getByRole("textbox", { name: "Haber metni" }).getAttribute("contenteditable")).toBe("true");
      await reporterContext.close();
      await editorContext.close();
      void editor;
    });
  });
}
