// The editors' home-page controls: the manşet order and the "son dakika" flag, as readers see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW, type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addActor, articleInput } from "../../test/newsroomFixtures.ts";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { changeArticleStatus } from "./changeArticleStatus.ts";
import { HEADLINE_SLOTS, setBreakingFlag, setHeadlineOrder } from "./homeControl.ts";
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
  const home = async () => (await t.app.inject("/")).body;
  const audit = (action: string) => get().db.selectFrom("auditLog").select(["actorId", "detail"]).where("action", "=", action).orderBy("id", "desc").executeTakeFirst();

  describe("setHeadlineOrder", () => {
    it("puts the chosen articles in the manşet in the given order, and the earlier ones leave it", async () => {
      const [a, b, c] = [await published("Manşet birinci haber"), await published("Manşet ikinci haber"), await published("Manşet üçüncü haber")];
      await setHeadlineOrder(get().db, { articleIds: [a, b], actor: editor, now: TEST_NOW });
      expect(sectionTitles(await home(), "headlines")).toEqual(["Manşet birinci haber", "Manşet ikinci haber"]);

      await setHeadlineOrder(get().db, { articleIds: [c, a, c], actor: editor, now: TEST_NOW });
      expect(sectionTitles(await home(), "headlines")).toEqual(["Manşet üçüncü haber", "Manşet birinci haber"]);
      expect(await audit("headlines_changed")).toEqual({ actorId: editor.id, detail: `#${c}, #${a}` });
    });

    it("empties the manşet when given no articles", async () => {
      await setHeadlineOrder(get().db, { articleIds: [await published("Manşetten çıkacak haber")], actor: editor, now: TEST_NOW });
      await setHeadlineOrder(get().db, { articleIds: [], actor: editor, now: TEST_NOW });
      expect(await home()).not.toContain('<section class="headlines"');
    });

    it(`refuses more than ${HEADLINE_SLOTS} articles, an unpublished one, or a reporter, changing nothing`, async () => {
      const kept = await published("Manşette kalan haber");
      await setHeadlineOrder(get().db, { articleIds: [kept], actor: editor, now: TEST_NOW });
      const many = [];
      for (let i = 0; i <= HEADLINE_SLOTS; i++) many.push(await published(`Fazla manşet ${i}`));
      await expect(setHeadlineOrder(get().db, { articleIds: many, actor: editor, now: TEST_NOW })).rejects.toThrow(`en çok ${HEADLINE_SLOTS} haber`);

      const draft = await createArticle(get().db, { input: articleInput({ title: "Taslak manşet adayı" }), actor: editor, now: T0 });
      const refused = setHeadlineOrder(get().db, { articleIds: [many[0] ?? 0, draft.id], actor: editor, now: TEST_NOW });
      await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
      await expect(refused).rejects.toThrow(`Yalnızca yayındaki haberler manşete girebilir (#${draft.id})`);

      await expect(setHeadlineOrder(get().db, { articleIds: [many[0] ?? 0], actor: reporter, now: TEST_NOW })).rejects.toBeInstanceOf(ForbiddenError);
      expect(sectionTitles(await home(), "headlines")).toEqual(["Manşette kalan haber"]);
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
