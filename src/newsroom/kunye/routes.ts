// The künye (admins): the publication's legal details, shown to readers at /kunye/ and /iletisim/.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ConflictError, InvalidInputError } from "../../errors.ts";
import { saveKunye } from "../../legal/saveKunye.ts";
import { loadSiteSettings } from "../../settings/siteSettings.ts";
import { actorOf } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, admins, chromeOf, messageFor } from "../page.ts";
import { MessageQuery } from "../schemas.ts";
import { KunyeFormPage } from "../views/KunyeFormPage.tsx";
import { KunyeFormBody, kunyeFormOf } from "./schemas.ts";

export const kunyeRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, now }) => {
  app.get("/kunye", { ...admins, schema: { querystring: MessageQuery } }, async (request, reply) => {
    const settings = await loadSiteSettings(db);
    return reply.render(KunyeFormPage, {
      chrome: chromeOf(request, assets),
      form: { ...settings.kunye, version: settings.versions.kunye },
      message: messageFor(request.query.mesaj),
    });
  });

  // A refused save shows the form again with what was typed: 400 with the field errors, 409 when someone saved
  // first (then on the newer version, so saving again is a knowing choice).
  const kunyeErrors = formErrors(KunyeFormPage, [InvalidInputError, ConflictError], async (error, request: FormRequest<KunyeFormBody>) => {
    const version = error instanceof ConflictError ? (await loadSiteSettings(db)).versions.kunye : Number(request.body.version);
    return {
      chrome: chromeOf(request, assets),
      form: { ...kunyeFormOf(request.body), version },
      error: error.message,
      errors: error instanceof InvalidInputError ? error.fields : undefined,
    };
  });

  app.post("/kunye", { ...admins, schema: { body: KunyeFormBody }, errorHandler: kunyeErrors }, async (request, reply) => {
    await saveKunye(db, { ...kunyeFormOf(request.body), version: Number(request.body.version) }, { actor: actorOf(request), ip: request.ip, now: now() });
    return reply.redirect("/yonetim/kunye?mesaj=kunye", 303);
  });
};
