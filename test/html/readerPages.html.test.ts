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
import { addActor } from "../newsroomFixtures.ts";
import { saveKunye } from "../../src/legal/saveKunye.ts";

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
    ["künye, nothing saved", "/kunye/"],
    ["iletişim, nothing saved", "/iletisim/"],
  ];

  async function problemsOf(list: string[][]): Promise<string[]> {
    const found: string[] = [];
    for (const [name, url] of list) {
      if (name === undefined || url === undefined) continue;
      const res = await t.app.inject({ url });
      expect([200, 404], `${name} ${url}`).toContain(res.statusCode);
      const report = await validator.validateString(res.body, path.join(root, "page.html"));
      const messages: Message[] = report.results.flatMap((r) => r.messages);
      for (const m of messages) found.push(`${name} (${url}) ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    return found;
  }

  it("finds no error on any page type", async () => {
    expect(await problemsOf(pages())).toEqual([]);
  });

  it("finds no error on the künye and iletişim pages with every detail saved", async () => {
    const actor = await addActor(get().db, "yonetici", "Html Yonetici");
    await saveKunye(
      get().db,
      {
        version: 0,
        owner: "Liman Medya A.Ş.",
        editorInChief: "Derya Yıldız",
        address: "Cumhuriyet Meydanı No: 3\nKonak / İzmir",
        email: "iletisim@limanmedya.com.tr",
        phone: "+90 232 555 00 00",
        eTebligat: "limanmedya@hs02.kep.tr",
        hostName: "Ege Barındırma A.Ş.",
        hostAddress: "Bornova / İzmir",
        contacts: [{ role: "Haber Müdürü", name: "Can Ak", reach: "can@limanmedya.com.tr" }],
      },
      { actor, ip: null, now: new Date("2026-11-27T12:00:00Z") },
    );
    expect(
      await problemsOf([
        ["künye", "/kunye/"],
        ["iletişim", "/iletisim/"],
      ]),
    ).toEqual([]);
  });
});

it("keeps its configuration in the repository", () => {
  expect(JSON.parse(fs.readFileSync(path.join(root, ".htmlvalidate.json"), "utf8"))).toMatchObject({ extends: ["html-validate:recommended"] });
});
