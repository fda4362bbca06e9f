// The audit area (admins): the audit log, a page at a time.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type NewsroomOptions, admins, chromeOf } from "../page.ts";
import { AuditPage } from "../views/AuditPage.tsx";
import { loadAuditPage } from "./loadAuditPage.ts";
import { AuditQuery } from "./schemas.ts";

export const auditRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets }) => {
  app.get("/denetim", { ...admins, schema: { querystring: AuditQuery } }, async (request, reply) =>
    reply.render(AuditPage, { chrome: chromeOf(request, assets), ...(await loadAuditPage(db, request.query.sayfa ?? 1)) }),
  );
};
