// Reader pages of the legal details: /kunye/ and /iletisim/ (linked from every page's footer; Press Law 5187 art. 4
// wants the details reachable directly from the home page under "İletişim"). Cached until the künye, the header's
// weather or anything on every page changes.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Kysely } from "kysely";
import { KUNYE_KEY, WEATHER_KEY } from "../cache/keys.ts";
import type { Database } from "../db/schema.ts";
import { keepQuery } from "../lib/redirect.ts";
import { loadSiteSettings } from "../settings/siteSettings.ts";
import type { Chrome } from "../ui/Layout.tsx";
import { KunyePage } from "./views/KunyePage.tsx";

export interface LegalPagesOptions {
  db: Kysely<Database>;
  /** The site's header and footer (composed by the reader site). */
  chrome: () => Promise<Chrome>;
}

export const legalPagesPlugin: FastifyPluginAsyncTypebox<LegalPagesOptions> = async (app, { db, chrome: loadChrome }) => {
  for (const page of ["kunye", "iletisim"] as const) {
    app.get(`/${page}/`, { config: { pageCache: true } }, async (_request, reply) => {
      const [settings, chrome] = await Promise.all([loadSiteSettings(db), loadChrome()]);
      return reply.cacheWith([KUNYE_KEY, WEATHER_KEY]).render(KunyePage, { chrome, kunye: settings.kunye, page });
    });
    app.get(`/${page}`, async (request, reply) => reply.redirect(keepQuery(`/${page}/`, request.url), 301));
  }
};
