import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database } from "../db/schema.ts";
import { ForbiddenError, InvalidInputError, NotFoundError, UnauthorizedError } from "../errors.ts";
import type { Actor } from "../news/workflow.ts";
import { randomToken, sha256 } from "./secrets.ts";
import * as store from "./store.ts";

export const TOKEN_PREFIX = "hbr_";

/** Creates an API token for a user; the token is returned once and stored only as a hash. */
export async function createApiToken(
  db: Kysely<Database>,
  { userId, name, actor, now, ip }: { userId: number; name: string; actor: Actor | null; now: Date; ip?: string | null },
): Promise<string> {
  if (actor && actor.role !== "yonetici") throw new ForbiddenError();
  const label = name.trim() === "" ? "API" : name.trim();
  if (label.length > 100) throw new InvalidInputError("Etiket en çok 100 karakter olabilir.", { name: "En çok 100 karakter." });
  const token = TOKEN_PREFIX + randomToken(32);
  await db.transaction().execute(async (trx) => {
    const user = await store.findUserById(trx, userId);
    if (!user) throw new NotFoundError("Kullanıcı", userId);
    await store.insertToken(trx, { userId, name: label, tokenHash: sha256(token), createdAt: now.toISOString() });
    await recordAudit(trx, { at: now, actor, action: "token_created", subject: user.email, detail: label, ip: ip ?? null });
  });
  return token;
}

export async function revokeApiToken(db: Kysely<Database>, { tokenId, actor, now, ip }: { tokenId: number; actor: Actor; now: Date; ip?: string | null }): Promise<void> {
  if (actor.role !== "yonetici") throw new ForbiddenError();
  await db.transaction().execute(async (trx) => {
    if (!(await store.revokeToken(trx, tokenId, now))) throw new NotFoundError("API anahtarı", tokenId);
    await recordAudit(trx, { at: now, actor, action: "token_revoked", subject: `anahtar #${tokenId}`, ip: ip ?? null });
  });
}

/** The actor behind a Bearer token: its user, with the user's role. */
export async function authenticateApiToken(db: Kysely<Database>, token: string, now: Date): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw new UnauthorizedError("API anahtarı geçersiz.");
  const row = await store.findTokenUser(db, sha256(token));
  if (!row) throw new UnauthorizedError("API anahtarı geçersiz ya da iptal edilmiş.");
  // Recording every use would write on every request; once a minute is enough to see activity.
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) < now.getTime() - 60_000) await store.touchToken(db, row.tokenId, now);
  return { id: row.id, name: row.name, role: row.role };
}

export async function listApiTokens(db: Kysely<Database>) {
  return store.listTokens(db);
}
