// The users page's tables: users and API tokens as the page shows them, never their hashes.
import type { Kysely } from "kysely";
import type { Database, Role } from "../../db/schema.ts";
import { listApiTokens } from "../apiTokens.ts";
import { listUsers } from "../users.ts";
import type { TokenRow, UserRow } from "../views/UsersPage.tsx";

/** A user row as the page shows it: `disabledAt` read as a boolean, the password hash left out. */
export function toUserRow(user: { id: number; name: string; email: string; role: Role; disabledAt: string | null }): UserRow {
  return { id: user.id, name: user.name, email: user.email, role: user.role, disabled: user.disabledAt !== null };
}

/** A token row as the page shows it: `revokedAt` read as a boolean, the owner by e-mail address. */
export function toTokenRow(token: { id: number; name: string; email: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }): TokenRow {
  return { id: token.id, name: token.name, email: token.email, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt, revoked: token.revokedAt !== null };
}

/** Every user and every API token (newest first), as the users page shows them. */
export async function loadUsers(db: Kysely<Database>): Promise<{ users: UserRow[]; tokens: TokenRow[] }> {
  const [users, tokens] = await Promise.all([listUsers(db), listApiTokens(db)]);
  return { users: users.map(toUserRow), tokens: tokens.map(toTokenRow) };
}
