// Breaker findings for issue 12 (feeds and sitemaps), second round: each test states what a feed
// reader or crawler sees and fails while the defect is there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addArticle } from "../fixtures.ts";
import { addActor, profileStampOf } from "../newsroomFixtures.ts";
import { XMLLINT } from "../xmllint.ts";
import { normaliseEdgeText } from "../../src/http/edgeText.ts";
import { findArticleRow } from "../../src/news/articleStore.ts";
import { changeArticleStatus } from "../../src/news/changeArticleStatus.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { saveAuthorProfile } from "../../src/news/saveAuthorProfile.ts";
import type { Actor } from "../../src/news/workflow.ts";

/** xmllint's well-formedness verdict on `xml`: "ok" or its first complaint. */
function wellFormed(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-b12b-"));
  const file = path.join(dir, "doc.xml");
  fs.writeFileSync(file, xml);
  try {
    execFileSync(XMLLINT, ["--noout", "--nonet", file], { stdio: ["ignore", "pipe", "pipe"] });
    return "ok";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 300);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase("breaker 12b: feeds and sitemaps", (get) => {
  let t: TestApp;
  let reporter: Actor;
  let editor: Actor;
  let draft = 0;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    reporter = await addActor(db, "muhabir", "Deniz");
    editor = await addActor(db, "editor", "Selin");
    draft = await addArticle(db, { title: "Kuraklık raporu açıklandı", category: "dunya", status: "draft" });
    // U+FFFE and U+FFFF pass the edge (normaliseEdgeText keeps them: checked below), as pasted text can carry them.
    await addArticle(db, {
      title: "Borsada rekor \uFFFF günü",
      spot: "Endeks güne yükselişle başladı \uFFFE",
      body: "<p>Ayrıntılar \uFFFF burada.</p>",
      category: "ekonomi",
      tags: ["Piyasa"],
      publishedAt: "2026-11-27T09:00:00.000Z",
    });
    await addArticle(db, { title: "Liman genişliyor", category: "gundem", authors: ["Deniz"], publishedAt: "2026-11-27T08:00:00.000Z" });
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  const get200 = async (url: string) => {
    const res = await t.app.inject({ method: "GET", url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it("a title, spot or body holding U+FFFE/U+FFFF (stored before the edge removed them) still gives well-formed RSS and Atom", async () => {
    // The edge removes noncharacters from what is typed now (was: kept).
    expect(normaliseEdgeText("a\uFFFFb\uFDD0c")).toBe("abc");
    for (const url of ["/rss/tum-haberler.xml", "/rss/tum-haberler.atom", "/rss/ekonomi.xml", "/rss/ekonomi.atom", "/rss/etiket/piyasa.xml", "/rss/etiket/piyasa.atom"]) {
      expect(wellFormed(await get200(url)), url).toBe("ok");
    }
  });

  it("an author's new name and address reach the site and category feeds on the next request", async () => {
    const { db } = get();
    expect(await get200("/rss/tum-haberler.atom")).toContain("/yazar/deniz/");
    expect(await get200("/rss/gundem.json")).toContain("/yazar/deniz/");
    expect(await get200("/sitemap/yazarlar.xml")).toContain("/yazar/deniz/");
    await saveAuthorProfile(db, {
      user: reporter,
      input: { name: "Deniz Kaya", slug: "deniz-kaya", title: "", bio: "", imageId: null, links: [] },
      stamp: await profileStampOf(db, reporter.id),
      actor: reporter,
      now: TEST_NOW,
    });
    expect(await get200("/yazar/deniz-kaya/")).toContain("Deniz Kaya");
    const atom = await get200("/rss/tum-haberler.atom");
    expect(atom, "site feed (Atom) author").toContain("/yazar/deniz-kaya/");
    expect(atom).toContain("<name>Deniz Kaya</name>");
    expect(await get200("/rss/gundem.json"), "category feed (JSON) author").toContain("/yazar/deniz-kaya/");
  });

  it("the author sitemap (requested before the profile change above) lists the author's new address", async () => {
    const authors = await get200("/sitemap/yazarlar.xml");
    expect(authors, "author sitemap").toContain("/yazar/deniz-kaya/");
    expect(authors).not.toContain("/yazar/deniz/<");
  });

  it("a reader polling with If-Modified-Since gets the feed rebuilt in the same second after a publish, not 304", async () => {
    // The app's clock stands still (TEST_NOW): the rebuild falls in the same second as the first build,
    // as it does on a busy site when a publish lands between a build and the next request.
    const first = await t.app.inject({ method: "GET", url: "/rss/dunya.xml" });
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain("Kuraklık raporu");
    const lastModified = String(first.headers["last-modified"]);
    const row = await findArticleRow(get().db, draft);
    await changeArticleStatus(get().db, { articleId: draft, action: "publish", actor: editor, now: TEST_NOW, version: row?.version ?? 0 });
    // Another reader makes the cache rebuild it (without conditions): it now lists the article.
    expect(await get200("/rss/dunya.xml")).toContain("Kuraklık raporu");
    const poll = await t.app.inject({ method: "GET", url: "/rss/dunya.xml", headers: { "if-modified-since": lastModified } });
    expect(poll.statusCode, "a 304 tells the first reader nothing changed, though an article was added").toBe(200);
    expect(poll.body).toContain("Kuraklık raporu");
  });
});
