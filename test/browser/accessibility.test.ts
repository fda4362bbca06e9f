// axe-core in Chromium over the main reader pages and the newsroom editor: no serious or critical violations.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/news/seedDemo.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, useBrowserApp } from "./fixture.ts";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
}

describe.skipIf(!browserTestsEnabled)("accessibility (axe-core)", { timeout: 120_000 }, () => {
  const fixture = useBrowserApp({
    prepare: async (db, t) => {
      await seedDemo(db, { dataDir: t.dataDir, now: new Date("2026-11-27T12:00:00Z"), limit: 14 });
      await addActor(db, "editor", "Erisim Editor");
      await addActor(db, "yonetici", "Erisim Yonetici");
    },
  });
  let base: string;
  let articleUrl: string;

  beforeAll(async () => {
    base = fixture().base;
    const first = (await fixture().t.app.inject("/api/v1/articles?limit=1")).json().items[0].url as string;
    articleUrl = new URL(first).pathname;
  });

  // axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
  const newPage = async () => (await fixture().browser.newContext({ bypassCSP: true })).newPage();

  it.each([
    ["home", "/"],
    ["article", ""],
    ["category", "/haber/egitim/"],
    ["search", "/arama?q=izmir"],
    ["weather overview", "/hava-durumu/"],
    ["province weather", "/hava-durumu/ankara/"],
    ["404", "/yok-boyle-sayfa"],
    ["künye", "/kunye/"],
    ["iletişim", "/iletisim/"],
  ])("%s page", async (_name, path) => {
    const page = await newPage();
    await page.goto(base + (path || articleUrl));
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("newsroom künye form with the admins' warning, and refused with field errors", async () => {
    const page = await newPage();
    await page.goto(`${base}/yonetim/giris`);
    await page.getByLabel("E-posta").fill("erisimyonetici-yonetici@haberci.test");
    await page.getByLabel("Parola").fill(PASSWORD);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await page.getByRole("heading", { name: "Haberler" }).waitFor();
    await page.goto(`${base}/yonetim/kunye`);
    await page.getByText("Künye eksik.").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel("İletişim telefonu").fill("bizi arayın");
    await page.getByRole("button", { name: "Künyeyi kaydet" }).click();
    await page.getByText("Geçerli bir telefon numarası girin").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("newsroom sign-in and editor", async () => {
    const page = await newPage();
    await page.goto(`${base}/yonetim/giris`);
    expect(await violations(page)).toEqual([]);
    await page.getByLabel("E-posta").fill("erisimeditor-editor@haberci.test");
    await page.getByLabel("Parola").fill(PASSWORD);
    await page.getByRole("button", { name: "Giriş yap" }).click();
    await page.getByRole("heading", { name: "Haberler" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.goto(`${base}/yonetim/haber/yeni`);
    await page.getByRole("textbox", { name: "Haber metni" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
