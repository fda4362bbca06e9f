// The one Chromium-and-server fixture of the browser tests. A test file calls `useBrowserApp`
// inside its describe: the suite gets a fresh database with the default categories, the app
// listening on a random loopback port, and the file's one Chromium (launched on first use,
// closed after the file's last suite). Each file keeps its own data in `prepare`.
import type { Kysely } from "kysely";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../../src/db/connect.ts";
import type { Database } from "../../src/db/schema.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { buildTestApp, type TestApp } from "../app.ts";
import { type TestDatabase, testDatabases } from "../databases.ts";
import { PASSWORD } from "../newsroomFixtures.ts";
import { launchChromium } from "./chromium.ts";

export { browserTestsEnabled } from "./chromium.ts";

export interface BrowserApp {
  browser: Browser;
  /** The app's origin, e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  base: string;
  t: TestApp;
  db: Kysely<Database>;
}

let shared: Promise<Browser> | undefined;

/** The file's Chromium, launched on the first call. */
function chromiumForThisFile(): Promise<Browser> {
  shared ??= launchChromium();
  return shared;
}

// Registered on the test file's own suite when the file imports this module: the browser lives as long as the file.
afterAll(async () => {
  const browser = await shared?.catch(() => undefined);
  shared = undefined;
  await browser?.close();
});

/**
 * Declares the fixture in the calling describe (beforeAll/afterAll) and returns its getter, valid
 * inside tests. `prepare` runs after the app is built and before it listens, with the database and
 * the app (its `dataDir` holds uploaded pictures). `database` defaults to in-memory SQLite.
 */
export function useBrowserApp(options: { database?: TestDatabase; prepare?: (db: Kysely<Database>, t: TestApp) => Promise<void> } = {}): () => BrowserApp {
  const target = options.database ?? testDatabases[0];
  if (!target) throw new Error("no test database");
  let handle: Db | undefined;
  let fixture: BrowserApp | undefined;

  beforeAll(async () => {
    handle = await target.open();
    await installDefaults(handle.db);
    const t = await buildTestApp(handle.db);
    fixture = { browser: await chromiumForThisFile(), base: "", t, db: handle.db };
    await options.prepare?.(handle.db, t);
    fixture.base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  });

  afterAll(async () => {
    await fixture?.t.close();
    await handle?.close();
  });

  return () => {
    if (!fixture) throw new Error("browser fixture not started yet");
    return fixture;
  };
}

/** A new browser context signed in to the newsroom at `base` as `email` (the fixtures' password). */
export async function signedInContext(browser: Browser, base: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/yonetim/giris`);
  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Parola").fill(PASSWORD);
  await page.getByRole("button", { name: "Giriş yap" }).click();
  await page.getByRole("heading", { name: "Haberler" }).waitFor();
  await page.close();
  return context;
}
