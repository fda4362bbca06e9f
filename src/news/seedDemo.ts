import crypto from "node:crypto";
import { lockSetupStep } from "../db/setupLock.ts";
import type { Kysely } from "kysely";
import { marked } from "marked";
import sharp from "sharp";
import type { Database } from "../db/schema.ts";
import { type StoredImage, storeImageVariants } from "../media/storage.ts";
import { insertImage } from "../media/store.ts";
import { demoArtSvg } from "./demo/demoArt.ts";
import { loadDemoArticles } from "./demo/loadDemoArticles.ts";
import type { DemoArticle } from "./demo/parseDemoArticle.ts";
import { sanitizeBody } from "./sanitizeBody.ts";
import { slugify } from "../lib/slug.ts";
import { indexArticle } from "../search/index.ts";
import { countArticles, findArticleRow, insertArticle } from "./articleStore.ts";
import { HEADLINE_SLOTS } from "./headlineOrder.ts";
import { insertAuthor, setArticleAuthors } from "./authorStore.ts";
import { ensureTag, listCategories, listSources, setArticleTags } from "./taxonomyStore.ts";
import { searchDocumentOf } from "./searchFeed.ts";

export interface SeedDemoInput {
  dataDir: string;
  now: Date;
  log?: (line: string) => void;
  /** For tests: seed only the first n articles. */
  limit?: number;
  /** For tests that need only the text: skip generating pictures. */
  withPictures?: boolean;
}

export type SeedDemoResult = { seeded: false; reason: string } | { seeded: true; articles: number; headlines: number; breaking: number };

/** The demo newsroom's writers: fictional people, written for this project (links point at example.org); `beat` is the category slug they cover. */
const DEMO_AUTHORS = [
  {
    name: "Elif Karaca",
    title: "Ekonomi Muhabiri",
    beat: "ekonomi",
    bio: "Piyasaları, bütçe görüşmelerini ve esnafın gündemini izliyor. Ankara'da iktisat okudu; rakamların arkasındaki hayatları yazmayı seviyor.",
    links: ["https://example.org/elif-karaca"],
  },
  {
    name: "Mert Aksoy",
    title: "Spor Editörü",
    beat: "spor",
    bio: "On beş yıldır saha kenarında. Amatör liglerden milli maçlara kadar her karşılaşmayı aynı merakla takip ediyor.",
    links: ["https://example.org/mert-aksoy", "https://example.org/mert-aksoy/notlar"],
  },
  {
    name: "Zeynep Özdemir",
    title: "Dış Haberler Muhabiri",
    beat: "dunya",
    bio: "Komşu ülkelerdeki seçimleri ve göç yollarını yerinde izledi. İngilizce ve Arapça biliyor.",
    links: [],
  },
  {
    name: "Burak Yalçın",
    title: "Bilim ve Teknoloji Yazarı",
    beat: "bilim-teknoloji",
    bio: "Uzay çalışmalarından yerli yazılım girişimlerine, karmaşık konuları sade bir dille anlatmaya çalışıyor.",
    links: ["https://example.org/burak-yalcin"],
  },
  {
    name: "Deniz Arslan",
    title: "Kültür-Sanat Muhabiri",
    beat: "kultur-sanat",
    bio: "Tiyatro prömiyerlerinden köy kütüphanelerine, kültür hayatının küçük ve büyük haberlerini topluyor.",
    links: [],
  },
  {
    name: "Selin Çetin",
    title: "Sağlık Muhabiri",
    beat: "saglik",
    bio: "Hastane koridorlarından laboratuvarlara; halk sağlığını ilgilendiren gelişmeleri uzmanlarla birlikte okura taşıyor.",
    links: ["https://example.org/selin-cetin"],
  },
];

function headlineOrder(articles: DemoArticle[]): DemoArticle[] {
  const byFreshness = [...articles].sort((a, b) => a.hoursAgo - b.hoursAgo);
  const flagged = byFreshness.filter((a) => a.headline);
  const rest = byFreshness.filter((a) => !a.headline);
  return [...flagged, ...rest].slice(0, HEADLINE_SLOTS);
}

/**
 * The demo article's authors: agency items (AA, DHA, İHA) carry none, so readers see the agency;
 * the newsroom's own stories are signed first by the writer whose beat their category is (others by
 * the writers in turn), and every fifth by a second writer as well.
 */
function demoByline(article: DemoArticle, index: number, writers: ReadonlyArray<{ id: number; beat: string }>): number[] {
  if (article.sourceName !== "Haberci" || writers.length === 0) return [];
  const first = writers.find((w) => w.beat === article.categorySlug) ?? writers[index % writers.length];
  const second = writers[(index + 2) % writers.length];
  if (first === undefined || second === undefined) return [];
  return index % 5 === 0 && first.id !== second.id ? [first.id, second.id] : [first.id];
}

/** Fills an empty database with the demo articles and their generated pictures. */
export async function seedDemo(db: Kysely<Database>, input: SeedDemoInput): Promise<SeedDemoResult> {
  if ((await countArticles(db)) > 0) return { seeded: false, reason: "database already has articles" };
  const log = input.log ?? (() => {});
  const all = await loadDemoArticles();
  const articles = input.limit === undefined ? all : all.slice(0, input.limit);
  const categories = new Map((await listCategories(db)).map((c) => [c.slug, c]));
  const sources = new Map((await listSources(db)).map((s) => [s.name, s]));
  const headlines = headlineOrder(articles);

  // Pictures first (files), then every row in one transaction.
  log(`Generating ${articles.length} demo pictures...`);
  const pictures: Array<StoredImage & { key: string }> = [];
  const draw = async (a: DemoArticle, i: number) => {
    const category = categories.get(a.categorySlug);
    if (!category) throw new Error(`${a.file}: unknown category ${a.categorySlug}`);
    const key = `demo/${crypto.createHash("sha1").update(a.file).digest("hex").slice(0, 12)}`;
    const png = await sharp(Buffer.from(demoArtSvg(i + 1, category.color)))
      .png({ compressionLevel: 1 })
      .toBuffer();
    pictures[i] = { key, ...(await storeImageVariants(input.dataDir, key, png)) };
  };
  // A few at a time: sharp works on libuv's threads, so this uses every core without flooding memory.
  for (let i = 0; input.withPictures !== false && i < articles.length; i += 4) {
    await Promise.all(articles.slice(i, i + 4).map((a, j) => draw(a, i + j)));
  }

  const wrote = await db.transaction().execute(async (trx) => {
    // Another instance starting with --demo at the same moment may have seeded meanwhile.
    await lockSetupStep(trx, "demo");
    if ((await countArticles(trx)) > 0) return false;
    const writers: Array<{ id: number; beat: string }> = [];
    for (const { beat, ...author } of DEMO_AUTHORS) writers.push({ id: await insertAuthor(trx, { ...author, slug: slugify(author.name) }), beat });
    for (const [i, a] of articles.entries()) {
      const category = categories.get(a.categorySlug);
      const source = sources.get(a.sourceName) ?? sources.get("Haberci");
      const picture = pictures[i];
      if (!category || !source) throw new Error(`${a.file}: unknown category or source`);
      const publishedAt = new Date(input.now.getTime() - a.hoursAgo * 3_600_000);
      // Some older stories were edited after publication, so readers see an updated time.
      const edited = i % 9 === 4 && a.hoursAgo >= 3;
      const contentUpdatedAt = edited ? new Date(publishedAt.getTime() + 95 * 60_000) : null;
      const alt = `${category.name} haberi için temsili illüstrasyon`;
      const imageId = !picture
        ? null
        : await insertImage(trx, {
            storageKey: picture.key,
            width: picture.width,
            height: picture.height,
            variantWidths: picture.variantWidths,
            hasFallback: 1,
            hasShareCrops: picture.hasShareCrops,
            caption: a.caption,
            credit: "Haberci Grafik",
            alt,
            createdAt: publishedAt.toISOString(),
          });
      const slot = headlines.indexOf(a);
      const articleId = await insertArticle(trx, {
        slug: slugify(a.title),
        title: a.title,
        spot: a.spot,
        body: sanitizeBody(await marked.parse(a.body, { async: true })),
        categoryId: category.id,
        sourceId: source.id,
        imageId,
        imageCaption: picture ? `${a.caption} (temsili)` : "",
        imageCredit: picture ? "Haberci Grafik" : "",
        imageAlt: picture ? alt : "",
        status: "published",
        isBreaking: a.breaking ? 1 : 0,
        headlineSlot: slot >= 0 ? slot + 1 : null,
        createdAt: publishedAt.toISOString(),
        updatedAt: (contentUpdatedAt ?? publishedAt).toISOString(),
        publishedAt: publishedAt.toISOString(),
        contentUpdatedAt: contentUpdatedAt?.toISOString() ?? null,
      });
      const tagIds = [];
      for (const name of a.tags) tagIds.push((await ensureTag(trx, slugify(name), name)).id);
      await setArticleTags(trx, articleId, tagIds);
      await setArticleAuthors(trx, articleId, demoByline(a, i, writers));
      const row = await findArticleRow(trx, articleId);
      if (row) await indexArticle(trx, searchDocumentOf(row));
    }
    return true;
  });
  if (!wrote) return { seeded: false, reason: "database already has articles" };
  const breaking = articles.filter((a) => a.breaking).length;
  log(`Seeded ${articles.length} demo articles (${headlines.length} headlines, ${breaking} breaking).`);
  return { seeded: true, articles: articles.length, headlines: headlines.length, breaking };
}
