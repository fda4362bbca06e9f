// The editors' home-page controls: the manşet order and the "son dakika" flag, as readers see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW, type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { HEADLINE_SLOTS, headlineStamp } from "./headlineOrder.ts";
import { HEADLINES_CHANGED, readHeadlineOrder, setBreakingFlag, setHeadlineOrder } from "./homeControl.ts";
import { installDefaults } from "./installDefaults.ts";
import { createArticle } from "./saveArticle.ts";
import type { Actor } from "./workflow.ts";

const T0 = new Date("2026-11-27T09:00:00.000Z"); // before the test app's clock (TEST_NOW, 12:00)
const hours = (n: number) => new Date(TEST_NOW.getTime() + n * 3_600_000);

/** The titles in one section of the home page, in page order. */
function sectionTitles(html: string, sectionClass: string): string[] {
  const section = new RegExp(`<section class="${sectionClass}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
  return [...section.matchAll(/<a href="\/haber\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? "");
}

describeEachDatabase("home control", (get) => {
  let t: TestApp;
  let editor: Actor;
  let reporter: Actor;
  let counter = 0;

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    editor = await addActor(db, "editor", "Manset Editor");
    reporter = await addActor(db, "muhabir", "Manset Muhabir");
    t = await buildTestApp(db);
  });
  afterAll(async () => t.close());

  async function published(title: string): Promise<number> {
    const a = await createArticle(get().db, { input: articleInput({ title }), actor: editor, now: T0 });
    await changeArticleStatus(get().db, { articleId: a.id, action: "publish", actor: editor, now: new Date(T0.getTime() + ++counter * 1000) });
    return a.id;
  }
  /** Saves a manşet order as an editor whose page shows the stored one. */
  const order = async (articleIds: number[], actor: Actor = editor) =>
    setHeadlineOrder(get().db, { articleIds, stamp: (await readHeadlineOrder(get().db)).stamp, actor, now: TEST_NOW });
  const home = async () => (await t.app.inject("/")).body;
  const audit = (action: string) => get().db.selectFrom("auditLog").select(["actorId", "detail"]).where("action", "=", action).orderBy("id", "desc").executeTakeFirst();

  describe("setHeadlineOrder", () => {
    it("puts the chosen articles in the manşet in the given order, and the earlier ones leave it", async () => {
      const [a, b, c] = [await published("Manşet birinci haber"), await published("Manşet ikinci haber"), await published("Manşet üçüncü haber")];
      await order([a, b]);
      expect(sectionTitles(await home(), "headlines")).toEqual(["Manşet birinci haber", "Manşet ikinci haber"]);

      await order([c, a, c]);
      expect(sectionTitles(await home(), "headlines")).toEqual(["Manşet üçüncü haber", "Manşet birinci haber"]);
      expect(await audit("headlines_changed")).toEqual({ actorId: editor.id, detail: `#${c}, #${a}` });
    });

    it("empties the manşet when given no articles", async () => {
      await order([await published("Manşetten çıkacak haber")]);
      await order([]);
      expect(await home()).not.toContain('<section class="headlines"');
    });

    it(`refuses more than ${HEADLINE_SLOTS} articles, an unpublished one, or a reporter, changing nothing`, async () => {
      const kept = await published("Manşette kalan haber");
      await order([kept]);
      const many = [];
      for (let i = 0; i <= HEADLINE_SLOTS; i++) many.push(await published(`Fazla manşet ${i}`));
      await expect(order(many)).rejects.toThrow(`en çok ${HEADLINE_SLOTS} haber`);

      const draft = await createArticle(get().db, { input: articleInput({ title: "Taslak manşet adayı" }), actor: editor, now: T0 });
      const refused = order([many[0] ?? 0, draft.id]);
      await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
      await expect(refused).rejects.toThrow(`Yalnızca yayındaki haberler manşete girebilir (#${draft.id})`);

      await expect(order([many[0] ?? 0], reporter)).rejects.toBeInstanceOf(ForbiddenError);
      expect(sectionTitles(await home(), "headlines")).toEqual(["Manşette kalan haber"]);
    });
    it("refuses a save made on an order another editor has changed since (409), keeping theirs", async () => {
      const [a, b, c] = [await published("Eşzamanlı birinci"), await published("Eşzamanlı ikinci"), await published("Eşzamanlı üçüncü")];
      await order([a, b]);
      const opened = (await readHeadlineOrder(get().db)).stamp;
      expect(opened).toBe(headlineStamp([a, b]));
      // Another editor puts c first while this one still has the page open on [a, b].
      await setHeadlineOrder(get().db, { articleIds: [c, a, b], stamp: opened, actor: editor, now: TEST_NOW });
      const stale = setHeadlineOrder(get().db, { articleIds: [b, a], stamp: opened, actor: editor, now: TEST_NOW });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toThrow(HEADLINES_CHANGED);
      expect(sectionTitles(await home(), "headlines")).toEqual(["Eşzamanlı üçüncü", "Eşzamanlı birinci", "Eşzamanlı ikinci"]);
      // Saving again on the stored order's stamp is a choice made knowingly: it goes through.
      await setHeadlineOrder(get().db, { articleIds: [b, a], stamp: headlineStamp([c, a, b]), actor: editor, now: TEST_NOW });
      expect(sectionTitles(await home(), "headlines")).toEqual(["Eşzamanlı ikinci", "Eşzamanlı birinci"]);
    });
  });

  describe("setBreakingFlag", () => {
    it("shows an article in the son dakika strip until the given time, then not", async () => {
      const id = await published("Son dakika deprem haberi");
      await setBreakingFlag(get().db, { articleId: id, isBreaking: true, until: hours(2), actor: editor, now: TEST_NOW });
      expect(sectionTitles(await home(), "breaking-strip")).toContain("Son dakika deprem haberi");
      expect((await audit("breaking_changed"))?.detail).toBe(`açık (${hours(2).toISOString()} tarihine kadar)`);

      // One flagged earlier until an hour ago: readers no longer see it as breaking.
      const expired = await published("Süresi dolan son dakika");
      await setBreakingFlag(get().db, { articleId: expired, isBreaking: true, until: hours(-1), actor: editor, now: hours(-3) });
      expect(sectionTitles(await home(), "breaking-strip")).not.toContain("Süresi dolan son dakika");
    });

    it("clears the flag", async () => {
      const id = await published("Son dakikadan çıkan haber");
      await setBreakingFlag(get().db, { articleId: id, isBreaking: true, until: null, actor: editor, now: TEST_NOW });
      expect(sectionTitles(await home(), "breaking-strip")).toContain("Son dakikadan çıkan haber");
      await setBreakingFlag(get().db, { articleId: id, isBreaking: false, until: null, actor: editor, now: TEST_NOW });
      expect(sectionTitles(await home(), "breaking-strip")).not.toContain("Son dakikadan çıkan haber");
      expect((await audit("breaking_changed"))?.detail).toBe("kapalı");
    });

    it("refuses an end time in the past, an unknown article, or a reporter, changing nothing", async () => {
      const id = await published("Bayraksız kalan haber");
      const past = setBreakingFlag(get().db, { articleId: id, isBreaking: true, until: hours(-1), actor: editor, now: TEST_NOW });
      await expect(past).rejects.toBeInstanceOf(InvalidInputError);
      await expect(past).rejects.toMatchObject({ fields: { until: "Geçmiş bir zaman seçilemez." } });
      await expect(setBreakingFlag(get().db, { articleId: 999_999, isBreaking: true, until: null, actor: editor, now: TEST_NOW })).rejects.toBeInstanceOf(NotFoundError);
      await expect(setBreakingFlag(get().db, { articleId: id, isBreaking: true, until: null, actor: reporter, now: TEST_NOW })).rejects.toBeInstanceOf(ForbiddenError);
      expect(sectionTitles(await home(), "breaking-strip")).not.toContain("Bayraksız kalan haber");
    });
  });
});
