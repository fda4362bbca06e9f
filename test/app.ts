import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { type AppOptions, buildApp } from "../src/app.ts";
import type { Database } from "../src/db/schema.ts";
import { type ViewCounter, createViewCounter } from "../src/news/viewCounter.ts";

export const TEST_NOW = new Date("2026-11-27T12:00:00.000Z");
export const TEST_PUBLIC_URL = "https://haberci.test";

export interface TestApp {
  app: FastifyInstance;
  views: ViewCounter;
  dataDir: string;
  close(): Promise<void>;
}

export async function buildTestApp(db: Kysely<Database>, options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-test-"));
  const views = createViewCounter(db, { everyMs: 60_000 });
  // The page cache is on, as in production; a weather refresh shows at once (its spread is tested in src/cache).
  const app = await buildApp({ db, dataDir, publicUrl: TEST_PUBLIC_URL, now: () => TEST_NOW, views, pageCache: { maxMegabytes: 64, weatherSpreadMs: 0 }, ...options });
  return {
    app,
    views,
    dataDir,
    async close() {
      await app.close();
      await views.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
