// Who is asking: one plugin reads the newsroom session cookie (under /yonetim) and the
// API's Bearer token (under /api) in `onRequest`, before any body is parsed or validated,
// and routes state the role they need with `requireRole`. So a request without a valid
// session or token gets 401 (a wrong role 403) whatever its body holds.
import cookie from "@fastify/cookie";
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import fp from "fastify-plugin";
import type { Kysely } from "kysely";
import type { Database, Role } from "../db/schema.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import type { Actor } from "../news/workflow.ts";
import { authenticateApiToken } from "./apiTokens.ts";
import { type SessionUser, findSession } from "./signIn.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user or the API token's user; null for readers. */
    actor: Actor | null;
    /** The newsroom session behind `actor` (cookie sign-in only). */
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = "haberci_oturum";

const RANK: Record<Role, number> = { muhabir: 1, editor: 2, yonetici: 3 };

/** True when `role` includes the rights of `needed` (yönetici ⊃ editör ⊃ muhabir). */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export interface AuthOptions {
  db: Kysely<Database>;
  now: () => Date;
}

/** A request target under /yonetim, the newsroom (its session cookie's path). */
export function isNewsroomPath(url: string): boolean {
  return url === "/yonetim" || url.startsWith("/yonetim/") || url.startsWith("/yonetim?");
}

/** A request target under /api/, the JSON API (Bearer tokens). */
export function isApiPath(url: string): boolean {
  return url.startsWith("/api/");
}

/**
 * Registers the cookie parser and sets `request.actor` (and, for a cookie session,
 * `request.user`/`request.sessionToken`). An unknown or expired session cookie is cleared
 * and the request goes on as a reader's; a malformed or unknown Bearer token is a 401
 * (UnauthorizedError), since a script that sends one expects to act as its user.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { db, now }) => {
    await app.register(cookie);
    app.decorateRequest("actor", null);
    app.decorateRequest("user", null);
    app.decorateRequest("sessionToken", null);
    app.addHook("onRequest", async (request, reply) => {
      if (isNewsroomPath(request.url)) {
        const token = request.cookies[SESSION_COOKIE];
        if (!token) return;
        const user = await findSession(db, token, now());
        if (!user) {
          reply.clearCookie(SESSION_COOKIE, { path: "/yonetim" });
          return;
        }
        request.user = user;
        request.sessionToken = token;
        request.actor = { id: user.id, name: user.name, role: user.role };
      } else if (isApiPath(request.url)) {
        const header = request.headers.authorization;
        if (header === undefined) return;
        const match = /^Bearer +([A-Za-z0-9_-]{1,200})$/i.exec(header);
        if (!match?.[1]) throw new UnauthorizedError("Authorization başlığı 'Bearer <anahtar>' biçiminde olmalı.");
        request.actor = await authenticateApiToken(db, match[1], now());
      }
    });
  },
  { name: "haberci-auth" },
);

function wantsPage(request: FastifyRequest): boolean {
  return request.method === "GET" && isNewsroomPath(request.url) && !(request.headers.accept ?? "").includes("application/json");
}

/**
 * An `onRequest` hook for a route: 401 without a session or token (a newsroom page asked
 * for by a browser is sent to the sign-in form, coming back afterwards), 403 when the
 * actor's role is below `needed`.
 */
export function requireRole(needed: Role): onRequestAsyncHookHandler {
  return async function requireRoleHook(request: FastifyRequest, reply: FastifyReply) {
    const actor = request.actor;
    if (!actor) {
      if (wantsPage(request)) return reply.redirect(`/yonetim/giris?sonra=${encodeURIComponent(request.url)}`, 303);
      throw new UnauthorizedError(isApiPath(request.url) ? "API anahtarı gerekli: Authorization: Bearer <anahtar>." : undefined);
    }
    if (!hasRole(actor.role, needed)) throw new ForbiddenError();
  };
}

/** The actor of a route guarded by `requireRole`; throws UnauthorizedError if there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}
