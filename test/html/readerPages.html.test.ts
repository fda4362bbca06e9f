// html-validate (the repository's .htmlvalidate.json) over every reader page type, on a database with articles
// with and without pictures, tags, son dakika, search results and the weather.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FileSystemConfigLoader, HtmlValidate, type Message } from "html-validate";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addArticle, writeFixtureImage } from "../fixtures.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const validator = new HtmlValidate(new FileSystemConfigLoader());

describeEachDatabase("html-validate over the reader pages", (get) => {
  let t: TestApp;
  let article = "";

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    t = await buildTestApp(db);
    await writeFixtureImage(t.dataDir, "2026/11/liman");
    await addArticle(db, {
      title: "Limanda yeni dönem: “Mavi Rıhtım” açıldı & gemiler yanaştı",
      category: "ekonomi",
      tags: ["Liman", "Denizcilik"],
      breaking: true,
      headlineSlot: 1,
      image: { storageKey: "2026/11/liman", caption: "Rıhtım", credit: "AA", alt: "Rıhtıma yanaşan gemi", shareCrops: true },
    });
    await addArticle(db, { title: "İzmir'de kültür festivali başlıyor", category: "kultur-sanat", tags: ["Liman"] });
    const home = await t.app.inject({ url: "/" });
    article = /href="(\/haber\/ekonomi\/[^"]+\.html)"/.exec(home.body)?.[1] ?? "";
  });
  afterAll(async () => t?.close());

  const pages = () => [
    ["home", "/"],
    ["article", article],
    ["category", "/haber/ekonomi/"],
    ["tag", "/etiket/liman/"],
    ["son dakika", "/son-dakika/"],
    ["search", "/arama?q=liman"],
    ["search without a query", "/arama"],
    ["weather", "/hava-durumu/ankara/"],
    ["weather, all provinces", "/hava-durumu/"],
    ["404", "/boyle-bir-sayfa-yok/"],
  ];

  it("finds no error on any page type", async () => {
    const found: string[] = [];
    for (const [name, url] of pages()) {
      const res = await t.app.inject({ url });
      expect([200, 404], `${name} ${url}`).toContain(res.statusCode);
      const report = await validator.validateString(res.body, path.join(root, "page.html"));
      const messages: Message[] = report.results.flatMap((r) => r.messages);
      for (const m of messages) found.push(`${name} (${url}) ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(found).toEqual([]);
  });
});

it("keeps its configuration in the repository", () => {
  expect(JSON.parse(fs.readFileSync(path.join(root, ".htmlvalidate.json"), "utf8"))).toMatchObject({ extends: ["html-validate:recommended"] });
});
