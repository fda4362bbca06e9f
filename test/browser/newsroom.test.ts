// A reporter writes an article with a picture and sends it to review; an editor publishes it; readers see it.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

describe.skipIf(!browserTestsEnabled)("newsroom in Chromium", { timeout: 90_000 }, () => {
  let photo: string;
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      await addActor(db, "muhabir", "Elif Muhabir");
      await addActor(db, "editor", "Mert Editor");
      photo = path.join(t.dataDir, "sahil.jpg");
      fs.writeFileSync(
        photo,
        await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#2a6f97" } })
          .jpeg()
          .toBuffer(),
      );
    },
  });
  const base = () => fixture().base;

  const newPage = async (options: { javaScriptEnabled?: boolean } = {}) => {
    const page = await (await fixture().browser.newContext(options)).newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${base()}/yonetim/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/yonetim/giris");
    await page.getByLabel("E-posta").fill(email);
    await page.getByLabel("Parola").fill(PASSWORD);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await page.getByRole("heading", { name: "Haberler" }).waitFor();
  }

  it("goes from a reporter's draft with a picture to the reader site", async () => {
    // The reporter uploads a picture and writes the article.
    const reporter = await newPage();
    await signIn(reporter, "elifmuhabir-muhabir@haberci.test");
    await reporter.goto(`${base()}/yonetim/medya`);
    await reporter.getByLabel("Dosya", { exact: true }).setInputFiles(photo);
    await reporter.getByLabel("Altyazı", { exact: true }).fill("İzmir sahilinde gün batımı");
    await reporter.getByLabel("Fotoğraf kaynağı", { exact: true }).fill("AA");
    await reporter.getByLabel("Alternatif metin", { exact: true }).fill("Denize batan güneş ve sahilde yürüyen insanlar");
    await reporter.getByRole("button", { name: "Yükle" }).click();
    await reporter.getByText("Görsel yüklendi.").waitFor();

    await reporter.goto(`${base()}/yonetim/haber/yeni`);
    await reporter.getByLabel("Başlık", { exact: true }).fill("İzmir'de sahil yolu yenilendi");
    await reporter.getByLabel("Spot", { exact: true }).fill("Kordon boyunca yenilenen yol bugün hizmete açıldı.");
    const editor = reporter.getByRole("textbox", { name: "Haber metni" });
    await editor.click();
    await reporter.keyboard.type("Yenilenen yol yayalara daha geniş bir alan sunuyor.");
    await reporter.getByLabel("Kategori", { exact: true }).selectOption("turkiye");
    await reporter.getByLabel("Etiketler (virgülle ayırın)").fill("İzmir, Ulaşım");
    // The picture comes from the media picker, with the caption, credit and alt text typed at upload.
    await reporter.getByRole("link", { name: "Kütüphaneden seç ya da yeni görsel yükle" }).click();
    await reporter.getByRole("dialog", { name: "Ana görseli seçin" }).getByRole("button", { name: "Seç", exact: true }).first().click();
    expect(await reporter.getByLabel("Altyazı", { exact: true }).inputValue()).toBe("İzmir sahilinde gün batımı");
    expect(await reporter.getByLabel("Fotoğraf kaynağı", { exact: true }).inputValue()).toBe("AA");
    expect(await reporter.getByLabel("Alternatif metin", { exact: true }).inputValue()).toBe("Denize batan güneş ve sahilde yürüyen insanlar");
    await expect.poll(() => reporter.locator("[data-slug-preview]").textContent()).toContain("izmirde-sahil-yolu-yenilendi");
    await reporter.getByRole("button", { name: "Kaydet ve onaya gönder" }).click();
    await reporter.getByText("Haber onaya gönderildi.").waitFor();
    expect(await reporter.getByText("Onay bekliyor").count()).toBeGreaterThan(0);

    // The editor finds it waiting for review and publishes it.
    const editorPage = await newPage();
    await signIn(editorPage, "merteditor-editor@haberci.test");
    await editorPage.getByRole("link", { name: "Onay bekleyenler" }).click();
    await editorPage.getByRole("link", { name: "İzmir'de sahil yolu yenilendi" }).click();
    await editorPage.getByRole("button", { name: "Kaydet ve yayımla" }).click();
    await editorPage.getByText("Haber yayımlandı.").waitFor();
    const siteLink = editorPage.getByRole("link", { name: "Sitede gör" });
    const href = (await siteLink.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/haber\/turkiye\/izmirde-sahil-yolu-yenilendi-\d+\.html$/);

    // A reader sees it, picture and credit included.
    const reader = await newPage({ javaScriptEnabled: false });
    await reader.goto(base() + href);
    expect(await reader.locator("h1").textContent()).toBe("İzmir'de sahil yolu yenilendi");
    expect(await reader.locator(".article-body").textContent()).toContain("Yenilenen yol yayalara daha geniş bir alan sunuyor.");
    expect(await reader.locator(".article-photo figcaption").textContent()).toContain("İzmir sahilinde gün batımı [Fotoğraf: AA]");
    const img = reader.locator(".article-photo img");
    expect(await img.getAttribute("alt")).toBe("Denize batan güneş ve sahilde yürüyen insanlar");
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await reader.goto(`${base()}/`);
    expect(await reader.getByRole("link", { name: "İzmir'de sahil yolu yenilendi" }).count()).toBeGreaterThan(0);
  });
});
