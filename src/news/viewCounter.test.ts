// Page views, counted honestly: once per reader and article per 30 minutes, bots and prefetches not at all,
// nothing personal stored; on both databases, and across two app instances sharing one.
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { NotFoundError } from "../errors.ts";
import { installDefaults } from "./installDefaults.ts";
import { createViewCounter, recordArticleView } from "./viewCounter.ts";
import type { ViewRequest } from "./viewRules.ts";

const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

const ayse: ViewRequest = { ip: "203.0.113.7", userAgent: PHONE, purpose: undefined };
const mehmet: ViewRequest = { ip: "198.51.100.23", userAgent: DESKTOP, purpose: undefined };

describeEachDatabase("view counter", (get) => {
  let a = 0;
  let b = 0;
  let draft = 0;
  let clock = new Date("2026-11-27T10:00:00.000Z"); // 13:00 in Istanbul
  const now = () => clock;
  const later = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    a = await addArticle(db, { title: "Fırtına uyarısı" });
    b = await addArticle(db, { title: "Liman yeniden açıldı" });
    draft = await addArticle(db, { title: "Okunamayan taslak", status: "draft" });
  });

  beforeEach(async () => {
    // Each test starts from nothing counted, on a day of its own.
    await get().db.deleteFrom("articleViewMarks").execute();
    await get().db.updateTable("articles").set({ viewCount: 0 }).execute();
    later(60 * 24);
  });

  const views = async (id: number) => (await get().db.selectFrom("articles").select("viewCount").where("id", "=", id).executeTakeFirstOrThrow()).viewCount;
  const counter = () => createViewCounter(get().db, { everyMs: 60_000, now });

  it("counts the same reader's view of an article once within 30 minutes, and again after", async () => {
    const views1 = counter();
    await recordArticleView(get().db, views1, a, ayse);
    later(10);
    await recordArticleView(get().db, views1, a, ayse); // a reload: same address, same browser
    expect(await views(a)).toBe(0); // nothing written yet: reading never waits on a write
    await views1.flush();
    expect(await views(a)).toBe(1);
    later(19);
    await recordArticleView(get().db, views1, a, ayse); // 29 minutes after the counted view
    await views1.flush();
    expect(await views(a)).toBe(1);
    later(1);
    await recordArticleView(get().db, views1, a, ayse); // 30 minutes after it
    await views1.stop();
    expect(await views(a)).toBe(2);
  });

  it("counts different readers, and one reader's different articles, each", async () => {
    const views1 = counter();
    await recordArticleView(get().db, views1, a, ayse);
    await recordArticleView(get().db, views1, a, mehmet);
    await recordArticleView(get().db, views1, a, { ...ayse, userAgent: DESKTOP }); // another device behind the same address
    await recordArticleView(get().db, views1, b, ayse);
    await views1.stop();
    expect([await views(a), await views(b)]).toEqual([3, 1]);
  });

  it("does not count bots, requests without a user agent, or prefetches", async () => {
    const views1 = counter();
    expect(await recordArticleView(get().db, views1, a, { ...mehmet, userAgent: GOOGLEBOT })).toBe("bot");
    expect(await recordArticleView(get().db, views1, a, { ...mehmet, userAgent: "curl/8.5.0" })).toBe("bot");
    expect(await recordArticleView(get().db, views1, a, { ...mehmet, userAgent: undefined })).toBe("bot");
    expect(await recordArticleView(get().db, views1, a, { ...mehmet, purpose: "prefetch;prerender" })).toBe("prefetch");
    expect(await recordArticleView(get().db, views1, a, { ...mehmet, purpose: "prefetch" })).toBe("prefetch");
    await views1.stop();
    expect(await views(a)).toBe(0);
    expect(await get().db.selectFrom("articleViewMarks").selectAll().execute()).toEqual([]);
  });

  it("stores no address, user agent or article: a key and its expiry, deleted when it expires", async () => {
    const views1 = counter();
    await recordArticleView(get().db, views1, a, ayse);
    await views1.flush();
    const rows = await get().db.selectFrom("articleViewMarks").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["expiresAt", "keyHash", "seenAt"]);
    const stored = JSON.stringify(rows);
    for (const personal of [ayse.ip, "203", "iPhone", "Mozilla"]) expect(stored).not.toContain(personal);
    expect(rows[0]?.keyHash).toMatch(/^[0-9a-f]{32}$/);
    expect(new Date(rows[0]?.expiresAt ?? "").getTime() - clock.getTime()).toBe(30 * 60_000);
    // Expired marks go without another view arriving.
    later(31);
    await views1.stop();
    expect(await get().db.selectFrom("articleViewMarks").selectAll().execute()).toEqual([]);
  });

  it("keeps only today's salt: yesterday's is deleted, so yesterday's keys cannot be recomputed", async () => {
    const views1 = counter();
    await recordArticleView(get().db, views1, a, ayse);
    await views1.flush();
    const first = await get().db.selectFrom("viewSalts").selectAll().execute();
    expect(first).toHaveLength(1);
    later(60 * 24); // the next day, with no view yet
    await views1.flush();
    expect(await get().db.selectFrom("viewSalts").selectAll().execute()).toEqual([]);
    await recordArticleView(get().db, views1, a, ayse);
    await views1.stop();
    const second = await get().db.selectFrom("viewSalts").selectAll().execute();
    expect(second).toHaveLength(1);
    expect(second[0]?.salt).not.toBe(first[0]?.salt);
    expect(second[0]?.day).not.toBe(first[0]?.day);
  });

  it("dedupes across two app instances sharing the database", async () => {
    const one = counter();
    const two = counter();
    await recordArticleView(get().db, one, a, ayse);
    await one.flush();
    later(5);
    await recordArticleView(get().db, two, a, ayse); // the next beacon lands on the other instance
    await recordArticleView(get().db, two, a, mehmet);
    await two.flush();
    await Promise.all([one.stop(), two.stop()]);
    expect(await views(a)).toBe(2);
  });

  it("counts a reader's repeat within one batch once, and a repeat 30 minutes later in the same batch again", async () => {
    const views1 = counter();
    await recordArticleView(get().db, views1, a, ayse);
    await recordArticleView(get().db, views1, a, ayse);
    later(30);
    await recordArticleView(get().db, views1, a, ayse);
    await views1.stop();
    expect(await views(a)).toBe(2);
  });

  it("refuses a view of an article readers cannot see", async () => {
    const views1 = counter();
    await expect(recordArticleView(get().db, views1, draft, ayse)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordArticleView(get().db, views1, 999_999, ayse)).rejects.toBeInstanceOf(NotFoundError);
    await views1.stop();
    expect(await views(draft)).toBe(0);
  });
});
