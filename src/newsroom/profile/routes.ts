// Author profiles: everyone edits their own (/profil); admins anyone's (/kullanicilar/:id/profil).
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { InvalidInputError } from "../../errors.ts";
import { IdParams } from "../../http/schemas.ts";
import { saveAuthorProfile } from "../../news/saveAuthorProfile.ts";
import { actorOf } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, admins, anyone, chromeOf, messageFor } from "../page.ts";
import { MessageQuery } from "../schemas.ts";
import { ProfilePage } from "../views/ProfilePage.tsx";
import { findProfileUser, loadProfile } from "./loadProfile.ts";
import { ProfileForm, type ProfileFormBody, profileInputFromForm } from "./schemas.ts";

const OWN = "/yonetim/profil";
const ofUser = (id: number) => `/yonetim/kullanicilar/${id}/profil`;

export const profileRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, now }) => {
  /** A refused profile form is shown again with what was typed and the field messages (400); a refusal (403) is the error page. */
  const profileErrors = <Params>(userIdOf: (request: FormRequest<ProfileFormBody, Params>) => number, actionOf: (userId: number) => string) =>
    formErrors(ProfilePage, [InvalidInputError], async (error, request: FormRequest<ProfileFormBody, Params>) => {
      const user = await findProfileUser(db, userIdOf(request));
      return {
        chrome: chromeOf(request, assets),
        ...(await loadProfile(db, { user, action: actionOf(user.id), own: actionOf(user.id) === OWN, values: profileInputFromForm(request.body) })),
        error: error.message,
        errors: error.fields,
      };
    });

  app.get("/profil", { ...anyone, schema: { querystring: MessageQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.render(ProfilePage, {
      chrome: chromeOf(request, assets),
      ...(await loadProfile(db, { user: actor, action: OWN, own: true })),
      message: messageFor(request.query.mesaj),
    });
  });

  app.post(
    "/profil",
    {
      ...anyone,
      schema: { body: ProfileForm },
      errorHandler: profileErrors<unknown>(
        (request) => actorOf(request).id,
        () => OWN,
      ),
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await saveAuthorProfile(db, { user: actor, input: profileInputFromForm(request.body), actor, now: now(), ip: request.ip });
      return reply.redirect(`${OWN}?mesaj=profil`, 303);
    },
  );

  app.get("/kullanicilar/:id/profil", { ...admins, schema: { params: IdParams, querystring: MessageQuery } }, async (request, reply) => {
    const user = await findProfileUser(db, request.params.id);
    return reply.render(ProfilePage, {
      chrome: chromeOf(request, assets),
      ...(await loadProfile(db, { user, action: ofUser(user.id), own: false })),
      message: messageFor(request.query.mesaj),
    });
  });

  app.post(
    "/kullanicilar/:id/profil",
    { ...admins, schema: { params: IdParams, body: ProfileForm }, errorHandler: profileErrors<{ id: number }>((request) => request.params.id, ofUser) },
    async (request, reply) => {
      const user = await findProfileUser(db, request.params.id);
      await saveAuthorProfile(db, { user, input: profileInputFromForm(request.body), actor: actorOf(request), now: now(), ip: request.ip });
      return reply.redirect(`${ofUser(user.id)}?mesaj=profil`, 303);
    },
  );
};
