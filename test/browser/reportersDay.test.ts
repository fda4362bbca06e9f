// A reporter's day in Chromium (issue 13, "Done when"): a new article with a photo dropped into its
// text, autosaved from the first keystrokes so a killed tab loses nothing, sent to review, returned
// by the editor with a reason the reporter sees, fixed, sent again, published by the editor, and
// found by a reader on the home page with its photo, caption and credit.
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { allTestDatabases } from "../databases.ts";
import { addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, signedInContext, useBrowserApp } from "./fixture.ts";

const TITLE = "Erzurum'da ilk kar yağdı";
const REASON = "Meteorolojinin uyarısını da ekleyin.";

for (const target of allTestDatabases) {
  describe.skipIf(!browserTestsEnabled || !target.available)(`a reporter's day in Chromium [${target.name}]`, { timeout: 180_000 }, () => {
    let photo: Buffer;
    const fixture = useBrowserApp({
      database: target,
      prepare: async (db) => {
        await addActor(db, "muhabir", "Sabah Muhabir");
        await addActor(db, "editor", "Sabah Editor");
        photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#dfe6ee" } })
          .jpeg()
          .toBuffer();
      },
    });
    const base = () => fixture().base;
    const stored = (id: number) => fixture().db.selectFrom("articles").select(["status", "spot", "body"]).where("id", "=", id).executeTakeFirstOrThrow();

    const signedIn = (email: string) => signedInContext(fixture().browser, base(), email);

    async function open(context: BrowserContext, path: string): Promise<Page> {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      // Anything the page would ask through a browser prompt fails the walk.
      page.on("dialog", (d) => {
        throw new Error(`unexpected browser dialog: ${d.message()}`);
      });
      await page.goto(base() + path);
      return page;
    }

    /** Drops a picture file into the editor's text the way a browser does: a DataTransfer holding a File. */
    async function dropPhoto(page: Page): Promise<void> {
      await page.locator(".rich-editor-content").evaluate((area, base64) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], "kar.jpg", { type: "image/jpeg" }));
        const box = area.getBoundingClientRect();
        const at = { clientX: box.left + 20, clientY: box.bottom - 10, bubbles: true, cancelable: true, dataTransfer: transfer };
        for (const type of ["dragenter", "dragover", "drop"]) area.dispatchEvent(new DragEvent(type, at));
      }, photo.toString("base64"));
    }

    const saved = (page: Page) =>
      page
        .locator("[data-autosave-status]")
        .getByText(/^Kaydedildi \d\d:\d\d$/)
        .waitFor({ timeout: 20_000 });

    it("writes, survives a killed tab, goes through review and reaches the home page", async () => {
      const reporter = await signedIn("sabahmuhabir-muhabir@haberci.test");
      const editor = await signedIn("sabaheditor-editor@haberci.test");

      // Morning: a new draft, with a photo dropped into its text.
      const draft = await open(reporter, "/yonetim/haber/yeni");
      await draft.getByLabel("Başlık", { exact: true }).fill(TITLE);
      await draft.getByLabel("Spot", { exact: true }).fill("Kent beyaza büründü.");
      const text = draft.getByRole("textbox", { name: "Haber metni" });
      await text.click();
      await draft.keyboard.type("Gece başlayan kar sabaha kadar sürdü.");
      await dropPhoto(draft);
      await draft.getByLabel("Görsel altyazısı").fill("Palandöken'de kar");
      await draft.getByLabel("Görselin fotoğraf kaynağı").fill("Haberci");
      await draft.getByLabel("Görselin alternatif metni (görme engelli okurlar için)").fill("Karla kaplı çam ağaçları");
      await draft.getByRole("button", { name: "Yükle ve metne ekle" }).click();
      await text.locator("figure figcaption", { hasText: "Palandöken'de kar" }).waitFor();
      await saved(draft);
      await expect.poll(() => new URL(draft.url()).pathname).toMatch(/^\/yonetim\/haber\/\d+$/);
      const id = Number(new URL(draft.url()).pathname.split("/").pop());
      await expect.poll(async () => (await stored(id)).body, { timeout: 20_000 }).toContain("Palandöken'de kar");

      // The tab is killed; the draft is in the list with its text and photo.
      await draft.close({ runBeforeUnload: false });
      const again = await open(reporter, "/yonetim/?durum=draft");
      await again.getByRole("link", { name: TITLE }).click();
      await again.getByRole("heading", { name: "Haberi düzenle" }).waitFor();
      expect(await again.getByRole("textbox", { name: "Haber metni" }).locator("figure img").count()).toBe(1);
      await again.getByRole("button", { name: "Kaydet ve onaya gönder" }).click();
      await expect.poll(async () => (await stored(id)).status).toBe("review");
      await again.close();

      // The editor sends it back, with a reason.
      const review = await open(editor, `/yonetim/haber/${id}`);
      await review.getByLabel("Geri gönderme nedeni (muhabir görecek)").fill(REASON);
      await review.getByRole("button", { name: "Muhabire geri gönder" }).click();
      await review.getByText("Haber muhabire geri gönderildi.").waitFor();
      expect((await stored(id)).status).toBe("draft");

      // The reporter sees why on signing in, fixes it and sends it again.
      const home = await open(reporter, "/yonetim/");
      const panel = home.getByRole("region", { name: "Haberlerimde neler oldu" });
      expect(await panel.textContent()).toContain(REASON);
      await panel.getByRole("link", { name: TITLE }).click();
      await home.getByRole("heading", { name: "Editör düzeltme istedi" }).waitFor();
      expect(await home.locator(".returned-reason").textContent()).toBe(REASON);
      await home.getByLabel("Spot", { exact: true }).fill("Kent beyaza büründü; meteoroloji yeni kar yağışı için uyardı.");
      await saved(home);
      await home.getByRole("button", { name: "Kaydet ve onaya gönder" }).click();
      await expect.poll(async () => (await stored(id)).status).toBe("review");
      expect((await stored(id)).spot).toContain("meteoroloji");

      // The editor publishes it.
      const publish = await open(editor, `/yonetim/haber/${id}`);
      await publish.getByRole("button", { name: "Kaydet ve yayımla" }).click();
      await expect.poll(async () => (await stored(id)).status).toBe("published");

      // A reader finds it on the home page, with its photo, caption and credit.
      const readers = await fixture().browser.newContext();
      const front = await readers.newPage();
      await front.goto(`${base()}/`);
      await front.getByRole("link", { name: TITLE }).first().click();
      await front.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      const figure = front.locator("article figure", { hasText: "Palandöken'de kar" });
      expect(await figure.locator("img").getAttribute("alt")).toBe("Karla kaplı çam ağaçları");
      expect(await figure.locator("figcaption").textContent()).toContain("Haberci");
      await readers.close();
      await reporter.close();
      await editor.close();
    });
  });
}
