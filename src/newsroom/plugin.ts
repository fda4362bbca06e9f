// /yonetim: the newsroom, one plugin per area (session, articles, media, home control, users,
// author profiles, audit, settings), each with its schemas beside it. Each route states the role it needs (`requireRole`,
// checked in onRequest before the body is read), every signed-in post carries the session's CSRF
// token (checked here, before validation) and every body has a schema. Pages are never cached.
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type DomainError, ForbiddenError } from "../errors.ts";
import type { Assets } from "../ui/assets.ts";
import { articleRoutes } from "./articles/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { homeRoutes } from "./home/routes.ts";
import { mediaRoutes } from "./media/routes.ts";
import { profileRoutes } from "./profile/routes.ts";
import { missingKunyeFields } from "../legal/kunye.ts";
import { loadSiteSettings } from "../settings/siteSettings.ts";
import { kunyeRoutes } from "./kunye/routes.ts";
import { type NewsroomOptions, chromeOf, rememberKunyeWarning } from "./page.ts";
import { safeEqual } from "./secrets.ts";
import { sessionRoutes } from "./session/routes.ts";
import { settingsRoutes } from "./settings/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { NewsroomErrorPage } from "./views/NewsroomErrorPage.tsx";

export type { NewsroomOptions } from "./page.ts";

const CSRF_MESSAGE = "Form süresi dolmuş ya da geçersiz (CSRF). Sayfayı yenileyip tekrar deneyin.";

/** The CSRF token a signed-in post carries: the `_csrf` field of a form, or the X-CSRF-Token header of a script. */
function sentCsrfToken(request: FastifyRequest): string {
  const body: unknown = request.body;
  if (body !== null && typeof body === "object" && "_csrf" in body && typeof body._csrf === "string") return body._csrf;
  const header = request.headers["x-csrf-token"];
  return typeof header === "string" ? header : "";
}

export const newsroomPlugin: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, opts) => {
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  // The newsroom takes forms, whose values are text and read as such by the schemas; a JSON body
  // would be type-converted by them ({"title": 123} saved as "123"), so JSON is refused here (415).
  app.removeContentTypeParser("application/json");
  // Multipart bodies become `{ field: value, file: Buffer }` before validation, so uploads
  // have a schema and a CSRF check like every other form.
  await app.register(multipart, { attachFieldsToBody: "keyValues", limits: { fileSize: opts.maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });

  // Every signed-in post carries its session's CSRF token; the sign-in form has its own.
  app.addHook("preValidation", async (request) => {
    if (request.method !== "POST" || request.routeOptions.url === "/yonetim/giris") return;
    const user = request.user;
    if (user && !safeEqual(sentCsrfToken(request), user.csrfToken)) throw new ForbiddenError(CSRF_MESSAGE);
  });

  // Admins are warned on every page while a required künye detail is missing: the settings are held in memory, so
  // this costs no query once warm. Reporters and editors are not told (only admins can fix it).
  app.addHook("onRequest", async (request) => {
    if (request.user?.role !== "yonetici") return;
    const settings = await loadSiteSettings(opts.db).catch((error: unknown) => {
      request.log.warn({ err: error }, "settings unreadable: no künye warning");
      return null;
    });
    if (settings) rememberKunyeWarning(request, missingKunyeFields(settings.kunye));
  });

  // Newsroom answers are per user and may show unpublished work: never stored by a cache.
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store");
  });

  // The areas get the options without the plugin's own `prefix` (registering with it would prefix twice).
  const { db, assets, dataDir, publicUrl, maxUploadBytes, now } = opts;
  const areaOptions: NewsroomOptions = { db, assets, dataDir, publicUrl, maxUploadBytes, now };
  for (const area of [sessionRoutes, articleRoutes, mediaRoutes, homeRoutes, userRoutes, profileRoutes, auditRoutes, settingsRoutes, kunyeRoutes])
    await app.register(area, areaOptions);
};

/**
 * Answers with the newsroom's error page (`status`, the error's message or a generic one), not
 * cached; used by the app's one error handler for /yonetim paths.
 */
export function renderNewsroomError(request: FastifyRequest, reply: FastifyReply, assets: Assets, status: number, error: DomainError | null): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .render(NewsroomErrorPage, { chrome: chromeOf(request, assets), status, message: error?.message ?? "Beklenmeyen bir hata oluştu." });
}
