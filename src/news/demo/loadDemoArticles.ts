import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type DemoArticle, parseDemoArticle } from "./parseDemoArticle.ts";

export const DEMO_DIR = fileURLToPath(new URL("../../../demo/articles/", import.meta.url));

/** Reads every demo article, in a stable order (category folder, then file name). */
export async function loadDemoArticles(dir = DEMO_DIR): Promise<DemoArticle[]> {
  const out: DemoArticle[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const folder of entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const files = (await fs.readdir(path.join(dir, folder))).filter((f) => f.endsWith(".md")).sort();
    for (const file of files) {
      const text = await fs.readFile(path.join(dir, folder, file), "utf8");
      out.push(parseDemoArticle(text, `${folder}/${file}`, folder));
    }
  }
  return out;
}
