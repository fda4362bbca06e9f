// Pictures in the editor, in Chromium: the main picture chosen in the media picker's dialog (search,
// Esc, the library's text filled in, changed for this article), an animated GIF dropped into the text and a
// PNG pasted into it (each uploaded after its small form), and what readers get: the figures with caption
// and credit, and the GIF still moving.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { uploadImage } from "../../src/media/uploadImage.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

describe.skipIf(!browserTestsEnabled)("media picker and body pictures in Chromium", { timeout: 120_000 }, () => {
  let gif: Buffer;
  let png: Buffer;
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      const editor = await addActor(db, "editor", "Resim Editor");
      const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#8a5a44" } })
        .jpeg()
        .toBuffer();
      const upload = (caption: string, credit: string, alt: string) =>
        uploadImage(db, { data: photo, caption, credit, alt, actor: editor, now: new Date(), dataDir: t.dataDir, maxBytes: 20 * 1_048_576 });
      await upload("Galata Kulesi'nde sabah", "AA", "Sisin içinde yükselen taş kule");
      await upload("Kapalıçarşı'da bayram kalabalığı", "DHA", "Çarşıda alışveriş yapanlar");
      const frames = await Promise.all(
        ["#c0392b", "#27ae60", "#2980b9"].map((background) =>
          sharp({ create: { width: 320, height: 180, channels: 3, background } })
            .png()
            .toBuffer(),
        ),
      );
      gif = await sharp(frames, { join: { animated: true } })
        .gif({ delay: [300, 300, 300] })
        .toBuffer();
      png = await sharp({ create: { width: 500, height: 300, channels: 3, background: "#16a085" } })
        .png()
        .toBuffer();
      fs.writeFileSync(path.join(t.dataDir, "bos.txt"), "");
    },
  });
  const base = () => fixture().base;

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${base()}/yonetim/giris`);
    await page.getByLabel("E-posta").fill(email);
    await page.getByLabel("Parola").fill(PASSWORD);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await page.getByRole("heading", { name: "Haberler" }).waitFor();
  }

  /** Drops (or pastes) a file into the editor's text the way a browser does: a DataTransfer holding a File. */
  async function sendFile(page: Page, how: "drop" | "paste", bytes: Buffer, name: string, type: string): Promise<void> {
    await page.locator(".rich-editor-content").evaluate(
      (target, { how, base64, name, type }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type }));
        if (how === "paste") {
          target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
          return;
        }
        const box = target.getBoundingClientRect();
        const at = { clientX: box.left + 20, clientY: box.bottom - 10, bubbles: true, cancelable: true, dataTransfer: transfer };
        target.dispatchEvent(new DragEvent("dragenter", at));
        target.dispatchEvent(new DragEvent("dragover", at));
        target.dispatchEvent(new DragEvent("drop", at));
      },
      { how, base64: bytes.toString("base64"), name, type },
    );
  }

  it("chooses, drops and pastes pictures without prompts, and readers get them with caption, credit and motion", async () => {
    const context = await fixture().browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, "resimeditor-editor@haberci.test");
    await page.goto(`${base()}/yonetim/haber/yeni`);
    await page.getByLabel("Başlık", { exact: true }).fill("İstanbul'da sisli bir sabah");
    await page.getByLabel("Spot", { exact: true }).fill("Kent güne sisle uyandı.");

    // The picker opens as a dialog; a search narrows the library; Esc closes it and gives the focus back.
    const open = page.getByRole("link", { name: "Kütüphaneden seç ya da yeni görsel yükle" });
    await open.click();
    const dialog = page.getByRole("dialog", { name: "Ana görseli seçin" });
    await dialog.getByRole("button", { name: "Seç", exact: true }).first().waitFor();
    expect(await dialog.getByRole("button", { name: "Seç", exact: true }).count()).toBe(2);
    await dialog.getByLabel("Sözcükler (altyazı, kaynak, alternatif metin)").fill("galata kulesi");
    await dialog.getByRole("button", { name: "Ara" }).click();
    await expect.poll(() => dialog.getByRole("button", { name: "Seç", exact: true }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    // Chosen from the keyboard: the library's caption, credit and alt text come with it.
    await page.keyboard.press("Enter");
    await dialog.getByLabel("Sözcükler (altyazı, kaynak, alternatif metin)").fill("galata");
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.getByRole("button", { name: "Seç", exact: true }).count()).toBe(1);
    await dialog.getByRole("button", { name: "Seç", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByLabel("Altyazı", { exact: true }).inputValue()).toBe("Galata Kulesi'nde sabah");
    expect(await page.getByLabel("Fotoğraf kaynağı", { exact: true }).inputValue()).toBe("AA");
    expect(await page.getByLabel("Alternatif metin", { exact: true }).inputValue()).toBe("Sisin içinde yükselen taş kule");
    // This article's own caption; the library keeps its own.
    await page.getByLabel("Altyazı", { exact: true }).fill("Sis, Galata'yı sardı");

    // An animated GIF dropped into the text: the small form, then the figure.
    const text = page.getByRole("textbox", { name: "Haber metni" });
    await text.click();
    await page.keyboard.type("Sis öğlene kadar sürdü.");
    await sendFile(page, "drop", gif, "ruzgar.gif", "image/gif");
    await page.getByLabel("Görsel altyazısı").fill("Rüzgâr gülleri sisin içinde dönüyor");
    await page.getByLabel("Görselin fotoğraf kaynağı").fill("Haberci");
    await page.getByRole("button", { name: "Yükle ve metne ekle" }).click();
    // Alt text is required: the form says so and keeps the picture.
    await page.getByText("Alternatif metin yazın (görme engelli okurlar için).").waitFor();
    await page.getByLabel("Görselin alternatif metni (görme engelli okurlar için)").fill("Sisin içinde dönen üç rüzgâr gülü");
    await page.keyboard.press("Enter");
    await text.locator("figure figcaption", { hasText: "Rüzgâr gülleri sisin içinde dönüyor" }).waitFor();

    // A PNG pasted from the clipboard.
    await text.locator("p").first().click();
    await sendFile(page, "paste", png, "yapistirilan.png", "image/png");
    await page.getByLabel("Görsel altyazısı").fill("Boğaz'da vapur");
    await page.getByLabel("Görselin alternatif metni (görme engelli okurlar için)").fill("Sisli Boğaz'da ilerleyen vapur");
    await page.getByRole("button", { name: "Yükle ve metne ekle" }).click();
    await text.locator("figure figcaption", { hasText: "Boğaz'da vapur" }).waitFor();
    expect(await text.locator("figure").count()).toBe(2);

    // A library picture picked into the text through the toolbar, its credit changed for this article only.
    await text.locator("p").first().click();
    await page.getByRole("button", { name: "Görsel", exact: true }).click();
    const bodyDialog = page.getByRole("dialog", { name: "Metne görsel ekleyin" });
    await bodyDialog.getByLabel("Sözcükler (altyazı, kaynak, alternatif metin)").fill("kapalıçarşı");
    await page.keyboard.press("Enter");
    await expect.poll(() => bodyDialog.getByRole("button", { name: "Seç", exact: true }).count()).toBe(1);
    await bodyDialog.getByRole("button", { name: "Seç", exact: true }).click();
    expect(await page.getByLabel("Görsel altyazısı").inputValue()).toBe("Kapalıçarşı'da bayram kalabalığı");
    expect(await page.getByLabel("Görselin alternatif metni (görme engelli okurlar için)").inputValue()).toBe("Çarşıda alışveriş yapanlar");
    await page.getByLabel("Görselin fotoğraf kaynağı").fill("DHA / Arşiv");
    await page.getByRole("button", { name: "Metne ekle", exact: true }).click();
    await text.locator("figure figcaption", { hasText: "[Fotoğraf: DHA / Arşiv]" }).waitFor();

    // A picture in the text is selected and its caption edited in the same form.
    await text.locator("figure", { hasText: "Boğaz'da vapur" }).locator("img").click();
    await page.getByRole("button", { name: "Görsel", exact: true }).click();
    await page.getByLabel("Görsel altyazısı").fill("Boğaz'da sisli vapur");
    await page.getByRole("button", { name: "Güncelle" }).click();
    await text.locator("figure figcaption", { hasText: "Boğaz'da sisli vapur" }).waitFor();
    expect(await text.locator("figure").count()).toBe(3);

    await page.getByRole("button", { name: "Kaydet ve yayımla" }).click();
    await page.getByText("Haber yayımlandı.").waitFor();
    expect(dialogs).toEqual([]);
    const href = (await page.getByRole("link", { name: "Sitede gör" }).getAttribute("href")) ?? "";

    // A reader without JavaScript.
    const reader = await (await fixture().browser.newContext({ javaScriptEnabled: false })).newPage();
    await reader.goto(base() + href);
    expect(await reader.locator(".article-photo figcaption").textContent()).toContain("Sis, Galata'yı sardı [Fotoğraf: AA]");
    const figures = reader.locator(".article-body figure");
    expect(await figures.count()).toBe(3);
    expect(await figures.filter({ hasText: "Kapalıçarşı" }).locator("figcaption").textContent()).toBe("Kapalıçarşı'da bayram kalabalığı [Fotoğraf: DHA / Arşiv]");
    const gifFigure = figures.filter({ hasText: "Rüzgâr gülleri" });
    expect(await gifFigure.locator("figcaption").textContent()).toBe("Rüzgâr gülleri sisin içinde dönüyor [Fotoğraf: Haberci]");
    const img = gifFigure.locator("img");
    expect(await img.getAttribute("alt")).toBe("Sisin içinde dönen üç rüzgâr gülü");
    expect(await img.getAttribute("srcset")).toMatch(/-320\.webp 320w$/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    // The bytes the reader's browser fetched still hold every frame.
    const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    const bytes = await (await reader.request.get(src)).body();
    expect((await sharp(bytes, { animated: true }).metadata()).pages).toBe(3);
    expect(await figures.filter({ hasText: "Boğaz'da sisli vapur" }).locator("img").getAttribute("alt")).toBe("Sisli Boğaz'da ilerleyen vapur");
    await context.close();
  });
});
