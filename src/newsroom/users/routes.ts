// The users area (admins): users, their roles and status, and API tokens.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ConflictError, InvalidInputError } from "../../errors.ts";
import { IdParams } from "../../http/schemas.ts";
import { createApiToken, revokeApiToken } from "../apiTokens.ts";
import { actorOf } from "../auth.ts";
import { formErrors } from "../formErrors.ts";
import { type NewsroomOptions, admins, chromeOf, messageFor } from "../page.ts";
import { CsrfForm, MessageQuery } from "../schemas.ts";
import { addUser, setUserDisabled, setUserRole } from "../users.ts";
import { UsersPage } from "../views/UsersPage.tsx";
import { loadUsers } from "./loadUsers.ts";
import { AddUserForm, DisableForm, RoleForm, TokenForm, roleOf } from "./schemas.ts";

export const userRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, now }) => {
  app.get("/kullanicilar", { ...admins, schema: { querystring: MessageQuery } }, async (request, reply) =>
    reply.render(UsersPage, { chrome: chromeOf(request, assets), ...(await loadUsers(db)), message: messageFor(request.query.mesaj) }),
  );

  // A refused new user shows the page again: 400 with the field errors, 409 for an address already taken.
  const addUserErrors = formErrors(UsersPage, [InvalidInputError, ConflictError], async (error, request) => ({
    chrome: chromeOf(request, assets),
    ...(await loadUsers(db)),
    error: error.message,
    errors: error instanceof InvalidInputError ? error.fields : undefined,
  }));

  app.post("/kullanicilar", { ...admins, schema: { body: AddUserForm }, errorHandler: addUserErrors }, async (request, reply) => {
    const { email, name, password } = request.body;
    await addUser(db, { email, name, role: roleOf(request.body), password, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/kullanicilar?mesaj=kullanici", 303);
  });

  app.post("/kullanicilar/:id/rol", { ...admins, schema: { params: IdParams, body: RoleForm } }, async (request, reply) => {
    await setUserRole(db, { userId: request.params.id, role: request.body.role, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/kullanicilar?mesaj=rol", 303);
  });

  app.post("/kullanicilar/:id/durum", { ...admins, schema: { params: IdParams, body: DisableForm } }, async (request, reply) => {
    await setUserDisabled(db, { userId: request.params.id, disabled: request.body.disabled === "1", actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/kullanicilar?mesaj=durum", 303);
  });

  // The new token is shown once, on the page itself (not after a redirect).
  app.post("/kullanicilar/:id/anahtar", { ...admins, schema: { params: IdParams, body: TokenForm } }, async (request, reply) => {
    const token = await createApiToken(db, { userId: request.params.id, name: request.body.name ?? "", actor: actorOf(request), now: now(), ip: request.ip });
    return reply.render(UsersPage, { chrome: chromeOf(request, assets), ...(await loadUsers(db)), newToken: token, message: "API anahtarı oluşturuldu." });
  });

  app.post("/anahtarlar/:id/iptal", { ...admins, schema: { params: IdParams, body: CsrfForm } }, async (request, reply) => {
    await revokeApiToken(db, { tokenId: request.params.id, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/kullanicilar?mesaj=anahtar", 303);
  });
};
