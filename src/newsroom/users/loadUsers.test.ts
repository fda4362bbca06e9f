import { describe, expect, it } from "vitest";
import type { User } from "../../db/schema.ts";
import { toTokenRow, toUserRow } from "./loadUsers.ts";

describe("the users page's rows", () => {
  it("never carries a password hash, and reads a disabled user as a flag", () => {
    const user: User = {
      id: 3,
      name: "Ayşe Yılmaz",
      email: "ayse@haberci.test",
      role: "editor",
      disabledAt: "2026-11-27T08:00:00.000Z",
      createdAt: "2026-11-01T08:00:00.000Z",
      passwordHash: "$argon2id$gizli",
    };
    const row = toUserRow(user);
    expect(row).toEqual({ id: 3, name: "Ayşe Yılmaz", email: "ayse@haberci.test", role: "editor", disabled: true });
    expect(toUserRow({ id: 4, name: "Can", email: "can@haberci.test", role: "muhabir", disabledAt: null }).disabled).toBe(false);
  });

  it("reads a revoked token as a flag and leaves the token's hash out", () => {
    const token = { id: 1, name: "CMS", email: "ayse@haberci.test", createdAt: "2026-11-27T08:00:00.000Z", lastUsedAt: null, revokedAt: null, tokenHash: "abc" };
    expect(toTokenRow(token)).toEqual({ id: 1, name: "CMS", email: "ayse@haberci.test", createdAt: "2026-11-27T08:00:00.000Z", lastUsedAt: null, revoked: false });
    expect(toTokenRow({ ...token, revokedAt: "2026-11-28T08:00:00.000Z" }).revoked).toBe(true);
  });
});
