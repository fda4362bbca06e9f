// WebSub against a fake hub on 127.0.0.1: every feed names the hub and itself; a publish made here
// pings the hub with the changed feeds, retries a hub that fails, never waits for it, and changes
// relayed from other instances are left to the instance where they happened.
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { TEST_NOW, TEST_PUBLIC_URL, buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { type FakeCdnServer, startFakeCdnServer } from "../../test/fakeCdnServer.ts";
import { addArticle } from "../../test/fixtures.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { changeArticleStatus } from "../news/changeArticleStatus.ts";
import { newsEvents } from "../news/events.ts";
import { installDefaults } from "../news/installDefaults.ts";
import { createArticle } from "../news/saveArticle.ts";
import type { Actor } from "../news/workflow.ts";
import type { JsonFeed } from "./feedFormats.ts";

describeEachDatabase("WebSub", (get) => {
  let hub: FakeCdnServer;
  let t: TestApp;
  let editor: Actor;
  let hubUrl: string;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Deniz");
    await addArticle(db, { title: "Dünyadan eski bir haber", category: "dunya" });
    hub = await startFakeCdnServer(() => ({ status: 204 }));
    hubUrl = `${hub.url}/hub?kimlik=a&b=c`;
    t = await buildTestApp(db, { websubHubUrl: hubUrl, websubTiming: { retries: 2, minTimeoutMs: 10, timeoutMs: 300 } });
  });
  afterEach(() => {
    hub.requests.length = 0;
    hub.script.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await hub.close();
  });

  /** The hub.url values of a recorded publish ping. */
  const topicsOf = (body: string) => new URLSearchParams(body).getAll("hub.url");

  it("every feed names the hub (rel=hub) and itself (rel=self); JSON Feed lists it in hubs", async () => {
    const rss = (await t.app.inject("/rss/dunya.xml")).body;
    expect(rss).toContain(`<atom:link href="${hubUrl.replace(/&/g, "&amp;")}" rel="hub"/>`);
    expect(rss).toContain(`<atom:link href="${TEST_PUBLIC_URL}/rss/dunya.xml" rel="self" type="application/rss+xml"/>`);
    const atom = parseFeed((await t.app.inject("/rss/dunya.atom")).body);
    expect(atom.self).toBe(`${TEST_PUBLIC_URL}/rss/dunya.atom`);
    expect((await t.app.inject("/rss/dunya.atom")).body).toContain(`<link rel="hub" href="${hubUrl.replace(/&/g, "&amp;")}"/>`);
    const json: JsonFeed = JSON.parse((await t.app.inject("/rss/dunya.json")).body);
    expect(json.hubs).toEqual([{ type: "WebSub", url: hubUrl }]);
  });

  it("a publish pings the hub with every changed feed in every format, without waiting for it", async () => {
    const { db } = get();
    // The hub answers the first ping only after the publish has returned.
    hub.script.push("hang");
    const draft = await createArticle(db, { input: articleInput({ category: "dunya", tags: ["Kudüs"] }), actor: editor, now: TEST_NOW });
    expect(hub.requests).toHaveLength(0);
    await changeArticleStatus(db, { articleId: draft.id, action: "publish", actor: editor, now: TEST_NOW, version: draft.version });
    await hub.waitForRequests(1);
    const [ping] = hub.requests;
    expect(ping?.method).toBe("POST");
    expect(ping?.path).toBe("/hub?kimlik=a&b=c");
    expect(ping?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(ping?.body).get("hub.mode")).toBe("publish");
    const topics = topicsOf(ping?.body ?? "");
    // The byline: the creator's own profile.
    for (const path of ["/rss/tum-haberler", "/rss/dunya", "/rss/etiket/kudus", "/rss/yazar/deniz"]) {
      for (const ext of ["xml", "atom", "json"]) expect(topics).toContain(`${TEST_PUBLIC_URL}${path}.${ext}`);
    }
    expect(topics).not.toContain(`${TEST_PUBLIC_URL}/rss/son-dakika.xml`);
    expect(topics).not.toContain(`${TEST_PUBLIC_URL}/rss/spor.xml`);
    // The hung request times out after 300 ms and is tried again; the publish never waited for it.
    await t.app.websub?.idle();
  });

  it("retries a hub that fails, and gives up on one that refuses", async () => {
    const { db } = get();
    await t.app.websub?.idle();
    hub.requests.length = 0;
    hub.script.push({ status: 503 }, { status: 500 }, { status: 204 });
    const a = await createArticle(db, { input: articleInput({ title: "Sporda yeni sezon", category: "spor", tags: [] }), actor: editor, now: TEST_NOW });
    await changeArticleStatus(db, { articleId: a.id, action: "publish", actor: editor, now: TEST_NOW, version: a.version });
    await hub.waitForRequests(3);
    await t.app.websub?.idle();
    expect(hub.requests).toHaveLength(3);
    expect(topicsOf(hub.requests[2]?.body ?? "")).toContain(`${TEST_PUBLIC_URL}/rss/spor.xml`);

    hub.requests.length = 0;
    hub.script.push({ status: 400 });
    const b = await createArticle(db, { input: articleInput({ title: "Sporda ikinci haber", category: "spor", tags: [] }), actor: editor, now: TEST_NOW });
    await changeArticleStatus(db, { articleId: b.id, action: "publish", actor: editor, now: TEST_NOW, version: b.version });
    await hub.waitForRequests(1);
    await t.app.websub?.idle();
    // A refusal is not asked again.
    expect(hub.requests).toHaveLength(1);
  });

  it("pings the author's feed and the site feed when an author's profile changes", async () => {
    const { db } = get();
    await t.app.websub?.idle();
    hub.requests.length = 0;
    const author = await db.selectFrom("authors").select("id").where("slug", "=", "deniz").executeTakeFirstOrThrow();
    // As saveAuthorProfile tells it after a rename.
    newsEvents.emit("authorChanged", { authorId: author.id }, "local");
    await hub.waitForRequests(1);
    await t.app.websub?.idle();
    const topics = topicsOf(hub.requests[0]?.body ?? "");
    for (const ext of ["xml", "atom", "json"]) {
      expect(topics).toContain(`${TEST_PUBLIC_URL}/rss/yazar/deniz.${ext}`);
      expect(topics).toContain(`${TEST_PUBLIC_URL}/rss/tum-haberler.${ext}`);
    }
    expect(topics).not.toContain(`${TEST_PUBLIC_URL}/rss/dunya.xml`);
  });

  it("leaves changes made on other instances to them, and drafts to nobody", async () => {
    const { db } = get();
    await t.app.websub?.idle();
    hub.requests.length = 0;
    const facts = {
      visible: true,
      categoryId: 1,
      sourceId: 1,
      tagIds: [],
      authorIds: [],
      breaking: false,
      breakingUntil: null,
      headline: false,
      publishedAt: TEST_NOW.toISOString(),
    };
    newsEvents.emit("articleChanged", { articleId: 999, before: null, after: facts }, "remote");
    await createArticle(db, { input: articleInput({ title: "Bir taslak daha" }), actor: editor, now: TEST_NOW });
    await t.app.websub?.idle();
    expect(hub.requests).toHaveLength(0);
  });
});
