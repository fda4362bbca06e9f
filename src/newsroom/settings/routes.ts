// The settings area (admins): the site's identity (name, logo, default share image, social profiles) and ads.txt.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { ConflictError, InvalidInputError } from "../../errors.ts";
import { saveAdsTxt, saveIdentitySettings } from "../../settings/saveSettings.ts";
import { actorOf } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, admins, chromeOf, messageFor } from "../page.ts";
import { MessageQuery } from "../schemas.ts";
import { SettingsPage } from "../views/SettingsPage.tsx";
import { loadSettingsPage } from "./loadSettingsPage.ts";
import { AdsTxtForm, IdentitySettingsForm, identityInputOf } from "./schemas.ts";

export const settingsRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, dataDir, maxUploadBytes, now }) => {
  const maxMb = Math.floor(maxUploadBytes / 1_048_576);
  const who = (request: FastifyRequest) => ({ actor: actorOf(request), ip: request.ip, now: now() });

  app.get("/ayarlar", { ...admins, schema: { querystring: MessageQuery } }, async (request, reply) =>
    reply.render(SettingsPage, { chrome: chromeOf(request, assets), ...(await loadSettingsPage(db)), maxMb, message: messageFor(request.query.mesaj) }),
  );

  // A refused save shows the page again with what was typed: 400 with the field errors, 409 when someone saved first.
  const identityErrors = formErrors(SettingsPage, [InvalidInputError, ConflictError], async (error, request: FormRequest<Static<typeof IdentitySettingsForm>>) => {
    const page = await loadSettingsPage(db);
    const { siteName, logo, defaultShareImageId, socialProfiles } = request.body;
    return {
      chrome: chromeOf(request, assets),
      ...page,
      identity: {
        ...page.identity,
        siteName,
        logo,
        defaultShareImageId,
        socialProfiles,
        version: error instanceof ConflictError ? page.identity.version : Number(request.body.version),
      },
      maxMb,
      error: error.message,
      errors: error instanceof InvalidInputError ? error.fields : undefined,
    };
  });

  app.post("/ayarlar/kimlik", { ...admins, schema: { body: IdentitySettingsForm }, errorHandler: identityErrors }, async (request, reply) => {
    await saveIdentitySettings(db, identityInputOf(request.body), { ...who(request), dataDir, maxUploadBytes });
    return reply.redirect("/yonetim/ayarlar?mesaj=ayarlar", 303);
  });

  const adsErrors = formErrors(SettingsPage, [ConflictError], async (error, request: FormRequest<Static<typeof AdsTxtForm>>) => {
    const page = await loadSettingsPage(db);
    return { chrome: chromeOf(request, assets), ...page, adsTxt: { text: request.body.text, version: page.adsTxt.version }, maxMb, error: error.message };
  });

  app.post("/ayarlar/ads-txt", { ...admins, schema: { body: AdsTxtForm }, errorHandler: adsErrors }, async (request, reply) => {
    await saveAdsTxt(db, { text: request.body.text, version: Number(request.body.version) }, who(request));
    return reply.redirect("/yonetim/ayarlar?mesaj=ayarlar", 303);
  });
};
