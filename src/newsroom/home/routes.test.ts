// The manşet page as an editor uses it: ordering (with another editor's change never undone), adding
// by search, and the son dakika list with its search and end-time checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW, type TestApp, buildTestApp } from "../../../test/app.ts";
import { describeEachDatabase } from "../../../test/databases.ts";
import { PASSWORD, addActor, articleInput } from "../../../test/newsroomFixtures.ts";
import { type Session, signIn } from "../../../test/session.ts";
import { changeArticleStatus } from "../../news/changeArticleStatus.ts";
import { HEADLINES_FULL, HEADLINE_SLOTS } from "../../news/headlineOrder.ts";
import { HEADLINES_CHANGED, readHeadlineOrder, setBreakingFlag } from "../../news/homeControl.ts";
import { installDefaults } from "../../news/installDefaults.ts";
import { createArticle } from "../../news/saveArticle.ts";
import type { Actor } from "../../news/workflow.ts";
import { PICK_LIMIT } from "./loadHomeControl.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z");
const hours = (n: number) => new Date(TEST_NOW.getTime() + n * 3_600_000);

/** The article ids in the manşet form's slots, in page order. */
const slotsOn = (html: string) => [...html.matchAll(/name="slot" value="(\d+)"/g)].map((m) => Number(m[1]));
/** The manşet titles on the reader's home page, in order. */
const homeHeadlines = (html: string) =>
  [...(/<section class="headlines"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "").matchAll(/<a href="\/haber\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
/** One section of the manşet page by its heading id. */
const section = (html: string, headingId: string) => new RegExp(`<section class="panel" aria-labelledby="${headingId}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
/** The son dakika items listed as on now. */
const breakingList = (html: string) => /<ul class="breaking-list">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
/** The ids that the page's "Manşete ekle" buttons add, in order. */
const addable = (html: string) => [...html.matchAll(/name="add" value="(\d+)"/g)].map((m) => Number(m[1]));

describeEachDatabase("manşet page", (get) => {
  let t: TestApp;
  let editor: Actor;
  let session: Session;
  let counter = 0;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Sayfa Editor");
    t = await buildTestApp(db);
    session = await signIn(t.app, "sayfaeditor-editor@haberci.test", PASSWORD);
  });
  afterAll(async () => t.close());

  async function published(title: string): Promise<number> {
    const a = await createArticle(get().db, { input: articleInput({ title }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "publish", actor: editor, now: new Date(T0.getTime() + ++counter * 1000) });
    return a.id;
  }
  const stamp = async () => (await readHeadlineOrder(get().db)).stamp;
  const stored = async () => (await readHeadlineOrder(get().db)).articleIds;
  const save = async (ids: number[], extra: Record<string, string> = {}) => session.post("/yonetim/manset", { slot: ids.map(String), stamp: await stamp(), ...extra });

  describe("manşet", () => {
    it("numbers each slot once, in an ordered list of at most the README's five", async () => {
      const ids = [await published("Numara birinci"), await published("Numara ikinci")];
      expect((await save(ids)).statusCode).toBe(303);
      const page = (await session.get("/yonetim/manset")).body;
      expect(slotsOn(page)).toEqual(ids);
      expect(page).toContain(`(2/${HEADLINE_SLOTS})`);
      // The list's own numbers are the only ones: no "1. manşet" label inside an <ol>.
      expect(section(page, "manset-baslik")).not.toMatch(/\d+\.\s*manşet/i);
      expect(page).not.toContain("<select");
    });

    it("moves a slot up or down and takes one out with plain form posts, and the home page follows at once", async () => {
      const [a, b, c] = [await published("Sıra A haberi"), await published("Sıra B haberi"), await published("Sıra C haberi")];
      await save([a, b, c]);
      expect(homeHeadlines((await t.app.inject("/")).body)).toEqual(["Sıra A haberi", "Sıra B haberi", "Sıra C haberi"]);

      const up = await save([a, b, c], { up: String(c) });
      expect(up.statusCode).toBe(303);
      expect(await stored()).toEqual([a, c, b]);
      await save([a, c, b], { down: String(a) });
      expect(await stored()).toEqual([c, a, b]);
      await save([c, a, b], { remove: String(a) });
      expect(await stored()).toEqual([c, b]);
      // The cached home page was dropped by the change: readers see the new order.
      expect(homeHeadlines((await t.app.inject("/")).body)).toEqual(["Sıra C haberi", "Sıra B haberi"]);
    });

    it("answers a save made over another editor's change with 409, keeping this editor's order and showing the stored one", async () => {
      const [a, b, c] = [await published("Çakışma A"), await published("Çakışma B"), await published("Çakışma C")];
      await save([a, b]);
      const opened = await stamp();
      // Another editor adds c in the meantime.
      await save([a, b], { add: String(c) });
      expect(await stored()).toEqual([a, b, c]);

      const stale = await session.post("/yonetim/manset", { slot: [String(b), String(a)], stamp: opened });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain("başka bir editör tarafından değiştirildi");
      expect(stale.body).toContain(HEADLINES_CHANGED.slice(0, 40));
      expect(slotsOn(stale.body)).toEqual([b, a]);
      expect(stale.body).toMatch(/Güncel manşet[\s\S]*Çakışma A[\s\S]*Çakışma B[\s\S]*Çakışma C/);
      expect(await stored()).toEqual([a, b, c]);

      // The page now carries the stored order's stamp: saving again is a knowing choice, and it goes through.
      const again = /name="stamp" value="([0-9a-f]+)"/.exec(stale.body)?.[1] ?? "";
      expect(again).toBe(await stamp());
      expect((await session.post("/yonetim/manset", { slot: [String(b), String(a)], stamp: again })).statusCode).toBe(303);
      expect(await stored()).toEqual([b, a]);
    });

    it("a stale move keeps the moved order on the 409 page", async () => {
      const [a, b] = [await published("Eski sayfa A"), await published("Eski sayfa B")];
      await save([a, b]);
      const opened = await stamp();
      await save([b, a]);
      const stale = await session.post("/yonetim/manset", { slot: [String(a), String(b)], stamp: opened, down: String(a) });
      expect(stale.statusCode).toBe(409);
      expect(slotsOn(stale.body)).toEqual([b, a]);
    });

    it("adds a published article found by searching, not drafts or those already in the manşet; at most ten offered", async () => {
      const inside = await published("Zeytinyağı ihracatı manşette");
      const wanted = await published("Zeytinyağı hasadı başladı");
      const draft = await createArticle(get().db, { input: articleInput({ title: "Zeytinyağı taslağı" }), actor: editor, now: T0 });
      for (let i = 0; i < PICK_LIMIT + 2; i++) await published(`Zeytinyağı fiyatları ${i}`);
      await save([inside]);

      const found = (await session.get(`/yonetim/manset?ara=${encodeURIComponent("zeytinyağı hasadı")}`)).body;
      expect(addable(found)).toContain(wanted);
      expect(addable(found)).not.toContain(inside);
      expect(addable(found)).not.toContain(draft.id);
      const many = (await session.get(`/yonetim/manset?ara=${encodeURIComponent("zeytinyağı")}`)).body;
      expect(addable(many)).toHaveLength(PICK_LIMIT);
      expect(addable(many)).not.toContain(inside);

      const added = await save([inside], { add: String(wanted), ara: "zeytinyağı hasadı" });
      expect(added.statusCode).toBe(303);
      expect(await stored()).toEqual([inside, wanted]);
    });

    it("refuses an add to a full manşet or an unpublished article with 400, the page kept as it was", async () => {
      const five = [];
      for (let i = 0; i < HEADLINE_SLOTS; i++) five.push(await published(`Dolu manşet ${i}`));
      await save(five);
      const extra = await published("Sığmayan haber");
      const full = await save(five, { add: String(extra), ara: "sığmayan" });
      expect(full.statusCode).toBe(400);
      expect(full.body).toContain(HEADLINES_FULL);
      expect(slotsOn(full.body)).toEqual(five);
      expect(full.body).toContain('name="ara" value="sığmayan"');
      expect(await stored()).toEqual(five);

      const draft = await createArticle(get().db, { input: articleInput({ title: "Taslak aday" }), actor: editor, now: T0 });
      const refused = await save([draft.id]);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(`Yalnızca yayındaki haberler manşete girebilir (#${draft.id})`);
      expect(await stored()).toEqual(five);
    });
  });

  describe("son dakika", () => {
    it("lists only the items on now, with their end times and a remove button", async () => {
      const timed = await published("Süreli son dakika");
      const open = await published("Süresiz son dakika");
      const expired = await published("Süresi dolmuş son dakika");
      await published("Sıradan haber");
      await setBreakingFlag(get().db, { articleId: timed, isBreaking: true, until: hours(3), actor: editor, now: TEST_NOW });
      await setBreakingFlag(get().db, { articleId: open, isBreaking: true, until: null, actor: editor, now: TEST_NOW });
      await setBreakingFlag(get().db, { articleId: expired, isBreaking: true, until: hours(-1), actor: editor, now: hours(-5) });

      const list = breakingList((await session.get("/yonetim/manset")).body);
      expect(list).toContain("Süreli son dakika");
      expect(list).toContain("Bitiş: 27.11.2026 18:00"); // 15:00 UTC in Istanbul
      expect(list).toContain("Süresiz son dakika");
      expect(list).not.toContain("Süresi dolmuş son dakika");
      expect(list).not.toContain("Sıradan haber");
      expect(list).toContain(`action="/yonetim/haber/${open}/son-dakika"`);
      expect(list).toContain('name="breaking" value="0"');

      const remove = await session.post(`/yonetim/haber/${open}/son-dakika`, { breaking: "0" });
      expect(remove.statusCode).toBe(303);
      expect(breakingList((await session.get("/yonetim/manset")).body)).not.toContain("Süresiz son dakika");
      expect(breakingList((await session.get("/yonetim/manset")).body)).toContain("Süreli son dakika");
    });

    it("offers published articles not flagged now by search, and flags one until a time", async () => {
      const flagged = await published("Fırtına uyarısı son dakika");
      const wanted = await published("Fırtına Karadeniz'i vurdu");
      await setBreakingFlag(get().db, { articleId: flagged, isBreaking: true, until: null, actor: editor, now: TEST_NOW });
      const found = (await session.get(`/yonetim/manset?sdara=${encodeURIComponent("fırtına")}`)).body;
      const picks = section(found, "son-dakika-baslik").split('<h3 id="son-dakika-ekle">')[1] ?? "";
      expect(picks).toContain(`action="/yonetim/haber/${wanted}/son-dakika"`);
      expect(picks).not.toContain(`action="/yonetim/haber/${flagged}/son-dakika"`);

      const res = await session.post(`/yonetim/haber/${wanted}/son-dakika`, { breaking: "1", until: "2026-11-27T20:30", sdara: "fırtına" });
      expect(res.statusCode).toBe(303);
      const row = await get().db.selectFrom("articles").select(["isBreaking", "breakingUntil"]).where("id", "=", wanted).executeTakeFirstOrThrow();
      expect(row).toEqual({ isBreaking: 1, breakingUntil: "2026-11-27T17:30:00.000Z" });
    });

    it("refuses a past or malformed end time in Turkish beside the field, keeping what was typed and the search, changing nothing", async () => {
      const id = await published("Bitişi hatalı son dakika");
      for (const [until, message] of [
        ["2026-11-27T14:00", "Geçmiş bir zaman seçilemez."],
        ["2026-02-30T10:00", "Geçerli bir tarih ve saat girin."],
        ["yarın öğlen", "Geçerli bir tarih ve saat girin."],
      ] as const) {
        const res = await session.post(`/yonetim/haber/${id}/son-dakika`, { breaking: "1", until, sdara: "hatalı" });
        expect(res.statusCode, until).toBe(400);
        const field = new RegExp(
          `<input type="datetime-local" id="until-${id}" name="until" value="([^"]*)" aria-invalid="true" aria-describedby="until-hata"/>\\s*<p class="field-error" id="until-hata">([^<]+)</p>`,
        ).exec(res.body);
        expect(field?.[1], until).toBe(until);
        expect(field?.[2], until).toBe(message);
        expect(res.body).toContain('name="sdara" value="hatalı"');
      }
      const row = await get().db.selectFrom("articles").select(["isBreaking"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(row.isBreaking).toBe(0);
    });
  });
});
