// axe-core in Chromium over the main reader pages and the newsroom editor: no serious or critical violations.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, connectDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { seedDemo } from "../../src/news/seedDemo.ts";
import { buildTestApp, type TestApp } from "../app.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { browserTestsEnabled, launchChromium } from "./chromium.ts";

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
  return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

describe.skipIf(!browserTestsEnabled)("accessibility (axe-core)", { timeout: 120_000 }, () => {
  let handle: Db;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let articleUrl: string;

  beforeAll(async () => {
    handle = await connectDatabase({ dialect: "sqlite", file: ":memory:" });
    await migrateToLatest(handle.db);
    await installDefaults(handle.db);
    t = await buildTestApp(handle.db);
    await seedDemo(handle.db, { dataDir: t.dataDir, now: new Date("2026-11-27T12:00:00Z"), limit: 14 });
    await addActor(handle.db, "editor", "Erisim Editor");
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const first = (await t.app.inject("/api/v1/articles?limit=1")).json().items[0].url as string;
    articleUrl = new URL(first).pathname;
    browser = await launchChromium();
  });

  // axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
  const newPage = async () => (await browser.newContext({ bypassCSP: true })).newPage();

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await handle?.close();
  });

  it.each([
    ["home", "/"],
    ["article", ""],
    ["category", "/haber/egitim/"],
    ["search", "/arama?q=izmir"],
    ["weather overview", "/hava-durumu/"],
    ["province weather", "/hava-durumu/ankara/"],
    ["404", "/yok-boyle-sayfa"],
  ])("%s page", async (_name, path) => {
    const page = await newPage();
    await page.goto(base + (path || articleUrl));
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
