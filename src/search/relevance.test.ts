// The relevance test set: queries over the demo articles, each with the articles it must return.
// The suite reports recall and fails under 95%.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { seedDemo } from "../news/seedDemo.ts";
import { loadDemoArticles } from "../news/demo/loadDemoArticles.ts";
import { searchArticles } from "./searchArticles.ts";

interface Case {
  q: string;
  expect: string[];
  covers: string;
}

const CASES: Case[] = JSON.parse(fs.readFileSync(new URL("../../test/fixtures/relevance.json", import.meta.url), "utf8"));
const NOW = new Date("2026-11-27T12:00:00.000Z");

describeEachDatabase("search relevance over the demo articles", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-relevance-"));
  const idByFile = new Map<string, number>();

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    await seedDemo(db, { dataDir, now: NOW, withPictures: false });
    const byTitle = new Map((await db.selectFrom("articles").select(["id", "title"]).execute()).map((r) => [r.title, r.id]));
    for (const a of await loadDemoArticles()) {
      const id = byTitle.get(a.title);
      if (id !== undefined) idByFile.set(a.file, id);
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it(`has at least 60 queries, all naming existing demo articles`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    for (const c of CASES) for (const file of c.expect) expect(idByFile.has(file), `${c.q}: ${file}`).toBe(true);
  });

  it("finds at least 95% of the expected articles in the first 20 results", async () => {
    let expected = 0;
    let found = 0;
    const misses: string[] = [];
    for (const c of CASES) {
      const result = await searchArticles(get().db, { q: c.q, page: 1, pageSize: 20, now: NOW });
      const ids = new Set(result.hits.map((h) => h.card.id));
      for (const file of c.expect) {
        expected += 1;
        if (ids.has(idByFile.get(file) ?? -1)) found += 1;
        else misses.push(`${JSON.stringify(c.q)} (${c.covers}) missed ${file}`);
      }
    }
    const recall = found / expected;
    console.log(`[relevance] ${CASES.length} queries, recall ${(recall * 100).toFixed(1)}% (${found}/${expected})${misses.length ? `\n  ${misses.join("\n  ")}` : ""}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
