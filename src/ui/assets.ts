// Browser assets, bundled with esbuild when the app starts (no build step to forget)
// and served under content-hashed names with long-lived caching.
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface Asset {
  path: string;
  body: Buffer;
  contentType: string;
}

export interface Assets {
  scriptUrl: string;
  styleUrl: string;
  newsroomScriptUrl: string;
  newsroomStyleUrl: string;
  byPath: Map<string, Asset>;
}

const CLIENT_ENTRY = fileURLToPath(new URL("../client/site.ts", import.meta.url));
const STYLE_ENTRY = fileURLToPath(new URL("./site.css", import.meta.url));
// The newsroom's editor (Tiptap) is large; readers never download it.
const NEWSROOM_ENTRY = fileURLToPath(new URL("../client/editor.ts", import.meta.url));
const NEWSROOM_STYLE = fileURLToPath(new URL("./newsroom.css", import.meta.url));

async function bundle(entry: string, name: string, ext: "js" | "css", contentType: string): Promise<Asset> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: ext === "js" ? "esm" : undefined,
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    write: false,
    logLevel: "silent",
    charset: "utf8",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  const body = Buffer.from(file.contents);
  const hash = crypto.createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { path: `/static/${name}.${hash}.${ext}`, body, contentType };
}

let cached: Promise<Assets> | undefined;

export function buildAssets(): Promise<Assets> {
  cached ??= (async () => {
    const [script, style, newsroomScript, newsroomStyle] = await Promise.all([
      bundle(CLIENT_ENTRY, "site", "js", "text/javascript; charset=utf-8"),
      bundle(STYLE_ENTRY, "site", "css", "text/css; charset=utf-8"),
      bundle(NEWSROOM_ENTRY, "newsroom", "js", "text/javascript; charset=utf-8"),
      bundle(NEWSROOM_STYLE, "newsroom", "css", "text/css; charset=utf-8"),
    ]);
    return {
      scriptUrl: script.path,
      styleUrl: style.path,
      newsroomScriptUrl: newsroomScript.path,
      newsroomStyleUrl: newsroomStyle.path,
      byPath: new Map([script, style, newsroomScript, newsroomStyle].map((a) => [a.path, a])),
    };
  })();
  return cached;
}
