// How many SQL statements each reader page costs (DESIGN.md, Speed: "one or two indexed queries per
// page"; issue 11). Categories, sources and the weather line come from memory once warm, so the
// header and footer add none. A page that starts asking more shows up here.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { addArticle } from "../../test/fixtures.ts";
import { installDefaults } from "../news/installDefaults.ts";

/**
 * Counts the statements run through the Kysely instance it is added to, keeping their SQL for
 * failure messages. Counted when a result comes back: Kysely also passes every subquery through
 * `transformQuery`, so that one sees more nodes than statements.
 */
class StatementCounter implements KyselyPlugin {
  readonly statements: string[] = [];
  readonly #nodes = new WeakMap<QueryId, RootOperationNode>();
  constructor(private readonly compile: (node: RootOperationNode) => string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#nodes.set(args.queryId, args.node);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const node = this.#nodes.get(args.queryId);
    this.statements.push(node ? this.compile(node) : "(unknown statement)");
    return args.result;
  }
  reset(): void {
    this.statements.length = 0;
  }
}

describeEachDatabase("statements per reader page", (get) => {
  let t: TestApp;
  let counter: StatementCounter;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    ids.world = await addArticle(db, {
      title: "Kudüs'te ateşkes görüşmeleri",
      category: "dunya",
      tags: ["Kudüs", "Diplomasi"],
      publishedAt: "2026-11-26T12:22:00.000Z",
      image: { storageKey: "t/kudus", caption: "Bina", credit: "AA", alt: "Gazeteciler" },
      authors: ["Ayşe Yılmaz"],
    });
    await addArticle(db, { title: "Eski dünya haberi", category: "dunya", tags: ["Diplomasi"], publishedAt: "2026-11-20T08:00:00.000Z" });
    await addArticle(db, { title: "Manşet haberi", category: "gundem", headlineSlot: 1, breaking: true, publishedAt: "2026-11-27T10:00:00.000Z" });
    for (let i = 0; i < 23; i++) {
      await addArticle(db, { title: `Spor haberi ${i + 1}`, category: "spor", tags: ["Futbol"], publishedAt: `2026-11-${String(i + 1).padStart(2, "0")}T09:00:00.000Z` });
    }
    const executor = db.getExecutor();
    counter = new StatementCounter((node) => executor.compileQuery(node, { queryId: "count" }).sql);
    t = await buildTestApp(db.withPlugin(counter));
    // Any page warms the memory of categories, sources and weather; a 404 is never kept by the page cache.
    expect((await t.app.inject("/haber/boyle-bir-kategori-yok/")).statusCode).toBe(404);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The statements one request runs (each URL is asked once, so the page cache never answers it). */
  async function statementsOf(url: string, status = 200): Promise<string[]> {
    counter.reset();
    const res = await t.app.inject(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    return [...counter.statements];
  }

  it("answers from memory what every page's header and footer show", async () => {
    expect(await statementsOf("/haber/bu-da-yok/", 404)).toEqual([]);
  });

  // Before issue 11 (chrome included): home 17, article 9, fragment 7, category 5, tag 5,
  // son dakika 3, API list 4 (filtered 6), API article 7, weather pages 3.
  const pages: Array<[page: string, url: () => string, most: number]> = [
    // The picks, and the cards not yet remembered (news/cardMemo.ts): one statement once warm.
    ["the home page", () => "/", 2],
    ["an article page", () => `/haber/dunya/kuduste-ateskes-gorusmeleri-${ids.world}.html`, 2],
    ["the next-article fragment", () => `/haber-parca/${ids.world}`, 2],
    ["a category page", () => "/haber/spor/", 2],
    ["a later category page", () => "/haber/spor/2.sayfa.html", 2],
    ["a tag page", () => "/etiket/futbol/", 2],
    ["the son dakika page", () => "/son-dakika/", 1],
    ["the API's list", () => "/api/v1/articles", 2],
    ["the API's list by category and tag", () => "/api/v1/articles?category=dunya&tag=diplomasi", 2],
    ["the API's article", () => `/api/v1/articles/${ids.world}`, 2],
    // Feeds and sitemaps (issue 12, Speed: the news sitemap and a category feed, at most two each).
    ["a category feed", () => "/rss/spor.xml", 1],
    ["the site feed", () => "/rss/tum-haberler.atom", 1],
    ["a tag feed", () => "/rss/etiket/futbol.json", 2],
    ["an author feed", () => "/rss/yazar/ayse-yilmaz.xml", 2],
    ["the son dakika feed", () => "/rss/son-dakika.xml", 1],
    ["the manşet feed", () => "/rss/manset.xml", 1],
    ["the news sitemap", () => "/sitemap-news.xml", 1],
    ["a monthly sitemap", () => "/sitemap/haber-2026-11.xml", 1],
    ["the weather overview", () => "/hava-durumu/", 0],
    ["a province's weather", () => "/hava-durumu/izmir/", 0],
    ["the weather JSON", () => "/api/v1/weather", 0],
  ];

  it.each(pages)("asks at most the statements planned for %s", async (_page, url, most) => {
    const statements = await statementsOf(url());
    expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(most);
  });
});
