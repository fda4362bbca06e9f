// The site's identity on the web: favicons, the apple-touch-icon, the web app manifest, the brand's hashed files
// (icons, default share images, an SVG logo) and /ads.txt. Files that never change under their name are cached
// for a year; what the settings decide (the manifest's name, ads.txt) goes through the page cache and is dropped
// when the settings are saved.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import { ADS_TXT_KEY } from "../cache/keys.ts";
import type { Database } from "../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { BACKGROUND_COLOR, type BrandFile, brandAssets } from "./brand.ts";
import { loadSiteSettings } from "./siteSettings.ts";

export interface IdentityRoutesOptions {
  db: Kysely<Database>;
}

const YEAR = "public, max-age=31536000, immutable";
/** Files browsers ask for by a fixed name (/favicon.ico): a day, so a new brand reaches them. */
const DAY = "public, max-age=86400";

/** A web app manifest (W3C Web Application Manifest) for the site's name and icons. */
export function webManifest(siteName: string, themeColor: string, icons: ReadonlyArray<{ src: string; width: number; contentType: string }>): object {
  return {
    name: siteName,
    // Shown under the icon on a home screen, where about 12 characters fit.
    short_name: shortName(siteName),
    lang: "tr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: themeColor,
    background_color: BACKGROUND_COLOR,
    icons: icons.map((i) => ({ src: i.src, sizes: `${i.width}x${i.width}`, type: i.contentType.split(";")[0] })),
  };
}

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRoutesOptions> = async (app, { db }) => {
  const brand = await brandAssets();
  const send = (reply: FastifyReply, file: BrandFile, cacheControl: string) => reply.type(file.contentType).header("cache-control", cacheControl).send(file.body);

  app.get("/favicon.ico", async (_request, reply) => send(reply, brand.faviconIco, DAY));
  app.get("/favicon.svg", async (_request, reply) => send(reply, brand.faviconSvg, DAY));
  app.get("/apple-touch-icon.png", async (_request, reply) => send(reply, brand.appleTouchIcon, DAY));
  app.get("/apple-touch-icon-precomposed.png", async (_request, reply) => send(reply, brand.appleTouchIcon, DAY));

  app.get("/marka/*", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const file = brand.byPath.get(path);
    if (file) return send(reply, file, YEAR);
    const { svgLogo } = await loadSiteSettings(db);
    if (svgLogo?.path !== path) throw new NotFoundError("Dosya");
    // Opened on its own, an SVG is a document: it may run nothing and load nothing.
    return reply
      .type("image/svg+xml")
      .header("cache-control", YEAR)
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .send(svgLogo.body);
  });

  app.get("/site.webmanifest", { config: { pageCache: true } }, async (_request, reply) => {
    const { identity } = await loadSiteSettings(db);
    const icons = [brand.icon192, brand.icon512].map((f) => ({ src: f.path, width: f.width, contentType: f.contentType }));
    return reply
      .cacheWith([])
      .type("application/manifest+json; charset=utf-8")
      .send(JSON.stringify(webManifest(identity.siteName, identity.themeColor, icons)));
  });

  app.get("/ads.txt", { config: { pageCache: true } }, async (_request, reply) => {
    const { adsTxt } = await loadSiteSettings(db);
    // No text: no file (crawlers read a 404 as "no ads.txt"), answered like any missing page.
    if (adsTxt === "") throw new NotFoundError("Dosya");
    return reply.cacheWith([ADS_TXT_KEY]).type("text/plain; charset=utf-8").send(adsTxt);
  });
};

/**
 * The manifest's short name (shown under a home-screen icon, about 12 characters fit): the name when it
 * fits, else its first words that fit ("Anadolu Postası" → "Anadolu"), else its first 11 characters and "…".
 */
export function shortName(siteName: string): string {
  if (siteName.length <= 12) return siteName;
  let words = "";
  for (const word of siteName.split(/\s+/)) {
    const next = words === "" ? word : `${words} ${word}`;
    if (next.length > 12) break;
    words = next;
  }
  return words !== "" ? words : `${siteName.slice(0, 11).trimEnd()}…`;
}
