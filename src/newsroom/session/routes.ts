// The session area: signing in and out, and changing one's own password. The sign-in form has its
// own CSRF token (a cookie beside the form), as there is no session yet to carry one.
import { type FastifyPluginAsyncTypebox, type Static } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import { ForbiddenError, InvalidInputError, RateLimitedError, UnauthorizedError } from "../../errors.ts";
import { SESSION_COOKIE, actorOf } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, anyone, chromeOf, messageFor } from "../page.ts";
import { CsrfForm, MessageQuery } from "../schemas.ts";
import { randomToken, safeEqual } from "../secrets.ts";
import { SESSION_HOURS, signIn, signOut } from "../signIn.ts";
import { changeOwnPassword } from "../users.ts";
import { PasswordPage } from "../views/PasswordPage.tsx";
import { SignInPage } from "../views/SignInPage.tsx";
import { PasswordForm, SignInForm, SignInQuery } from "./schemas.ts";

const SIGNIN_COOKIE = "haberci_giris";
const SIGNIN_EXPIRED = "Form süresi dolmuş; lütfen tekrar deneyin.";

export const sessionRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, publicUrl, now }) => {
  const secureCookies = publicUrl.startsWith("https:");

  /** A fresh sign-in CSRF token, set as the form's cookie; the form carries it back. */
  const newSignInToken = (reply: FastifyReply): string => {
    const token = randomToken(24);
    reply.setCookie(SIGNIN_COOKIE, token, { path: "/yonetim/giris", httpOnly: true, sameSite: "lax", secure: secureCookies });
    return token;
  };

  app.get("/giris", { schema: { querystring: SignInQuery } }, async (request, reply) => {
    if (request.user) return reply.redirect("/yonetim/", 303);
    return reply.render(SignInPage, { chrome: chromeOf(request, assets), csrfToken: newSignInToken(reply), next: request.query.sonra });
  });

  // A refused sign-in shows the form again with a new token and the address typed: 403 for an
  // expired form, 401 for wrong credentials, 400 for invalid input, 429 (Retry-After) when throttled.
  const signInErrors = formErrors(
    SignInPage,
    [ForbiddenError, UnauthorizedError, InvalidInputError, RateLimitedError],
    (error, request: FormRequest<Static<typeof SignInForm>>, reply) => ({
      chrome: chromeOf(request, assets),
      csrfToken: newSignInToken(reply),
      error: error.message,
      email: request.body.email,
      next: request.body.sonra,
    }),
  );

  app.post("/giris", { schema: { body: SignInForm }, errorHandler: signInErrors }, async (request, reply) => {
    const form = request.body;
    const cookieToken = request.cookies[SIGNIN_COOKIE] ?? "";
    if (cookieToken === "" || !safeEqual(form._csrf, cookieToken)) throw new ForbiddenError(SIGNIN_EXPIRED);
    const { token } = await signIn(db, { email: form.email, password: form.password, ip: request.ip, now: now() });
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/yonetim",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies || request.protocol === "https",
      maxAge: SESSION_HOURS * 3600,
    });
    reply.clearCookie(SIGNIN_COOKIE, { path: "/yonetim/giris" });
    return reply.redirect(form.sonra && !form.sonra.startsWith("//") ? form.sonra : "/yonetim/", 303);
  });

  app.post("/cikis", { ...anyone, schema: { body: CsrfForm } }, async (request, reply) => {
    if (request.user && request.sessionToken) await signOut(db, { token: request.sessionToken, user: request.user, now: now(), ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: "/yonetim" });
    return reply.redirect("/yonetim/giris", 303);
  });

  app.get("/parola", { ...anyone, schema: { querystring: MessageQuery } }, async (request, reply) =>
    reply.render(PasswordPage, { chrome: chromeOf(request, assets), message: messageFor(request.query.mesaj) }),
  );

  // A refused change shows the form again: 400 with the field errors, 429 (Retry-After) beside the current password.
  const passwordErrors = formErrors(PasswordPage, [InvalidInputError, RateLimitedError], (error, request) => ({
    chrome: chromeOf(request, assets),
    errors: error instanceof InvalidInputError ? error.fields : { current: error.message },
  }));

  app.post("/parola", { ...anyone, schema: { body: PasswordForm }, errorHandler: passwordErrors }, async (request, reply) => {
    const actor = actorOf(request);
    await changeOwnPassword(db, {
      userId: actor.id,
      current: request.body.current,
      next: request.body.next,
      sessionToken: request.sessionToken ?? "",
      now: now(),
      ip: request.ip,
    });
    return reply.redirect("/yonetim/parola?mesaj=parola", 303);
  });
};
