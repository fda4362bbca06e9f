// Breaker (issue 12, "Structured data"): a NewsArticle names images at 16:9, 4:3 and 1:1, the 16:9 one at least
// 1200 px wide; README: "A picture too small for a crop gets none ... pages use the site's default image for it
// instead". A 1201×631 or a portrait picture gets no 16:9 crop, and the article's JSON-LD then has no 16:9 image
// at all: the default is used only when the picture has none of the three crops.
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_NOW, buildTestApp, type TestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { addActor, articleInput } from "../newsroomFixtures.ts";
import { uploadImage } from "../../src/media/uploadImage.ts";
import { changeArticleStatus } from "../../src/news/changeArticleStatus.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { createArticle } from "../../src/news/saveArticle.ts";
import type { Actor } from "../../src/news/workflow.ts";

interface ImageLd {
  url: string;
  width: string | number;
  height: string | number;
}

describeEachDatabase("breaker12: NewsArticle images of a picture too small for a 16:9 crop", (get) => {
  let t: TestApp;
  let editor: Actor;

  const publishWithPicture = async (width: number, height: number, title: string): Promise<string> => {
    const { db } = get();
    const data = await sharp({ create: { width, height, channels: 3, background: "#2a6f4e" } })
      .jpeg()
      .toBuffer();
    const image = await uploadImage(db, {
      data,
      caption: "Deneme",
      credit: "Haberci",
      alt: "Deneme görseli",
      actor: editor,
      now: TEST_NOW,
      dataDir: t.dataDir,
      maxBytes: 20 * 1_048_576,
    });
    const { id } = await createArticle(db, { input: articleInput({ title, imageId: image.id, imageAlt: "Deneme görseli" }), actor: editor, now: TEST_NOW });
    await changeArticleStatus(db, { articleId: id, action: "publish", actor: editor, now: TEST_NOW });
    const res = await t.app.inject(`/api/v1/articles/${id}`);
    return new URL(res.json<{ url: string }>().url).pathname;
  };
  const imagesOf = async (path: string): Promise<ImageLd[]> => {
    const html = (await t.app.inject(path)).body;
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1] ?? "null") as { "@type": string; image?: ImageLd[] },
    );
    return blocks.find((b) => b["@type"] === "NewsArticle")?.image ?? [];
  };
  const ratios = (images: ImageLd[]) => images.map((i) => Number(i.width) / Number(i.height));

  beforeAll(async () => {
    await installDefaults(get().db);
    editor = await addActor(get().db, "editor", "Gorsel Editoru");
    t = await buildTestApp(get().db);
  });
  afterAll(async () => t?.close());

  it.each([
    [1201, 631, "Geniş ama 16:9 için dar görselli haber"],
    [1199, 2000, "Dikey görselli haber"],
  ])("a %i×%i picture still gives a 16:9 image at least 1200 px wide", async (width, height, title) => {
    const images = await imagesOf(await publishWithPicture(width, height, title));
    expect(images.length).toBeGreaterThan(0);
    const wide = images.filter((_, i) => Math.abs((ratios(images)[i] ?? 0) - 16 / 9) < 0.01);
    // Was: only the 4:3 and 1:1 crops; no 16:9 image in the NewsArticle.
    expect(wide.length).toBe(1);
    expect(Number(wide[0]?.width)).toBeGreaterThanOrEqual(1200);
  });
});
