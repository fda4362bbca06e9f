// The audit log: who did what, when. Written in the same transaction as the change it records.
import type { Kysely, Transaction } from "kysely";
import type { AuditEntry, Database } from "../db/schema.ts";

export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  | "sign_in_locked"
  | "sign_out"
  | "password_changed"
  | "article_published"
  | "article_scheduled"
  | "article_unpublished"
  | "article_returned"
  | "article_deleted"
  | "article_restored"
  | "user_added"
  | "author_profile_changed"
  | "user_role_changed"
  | "user_disabled"
  | "user_enabled"
  | "token_created"
  | "token_revoked"
  | "headlines_changed"
  | "breaking_changed"
  | "settings_changed";

export interface AuditInput {
  at: Date;
  actor: { id: number; name: string } | null;
  action: AuditAction;
  subject: string;
  detail?: string;
  ip?: string | null;
}

/** Adds one entry, inside the transaction of the change it records (`actor` null is the system, shown as "sistem"). */
export async function recordAudit(trx: Transaction<Database>, entry: AuditInput): Promise<void> {
  await trx
    .insertInto("auditLog")
    .values({
      at: entry.at.toISOString(),
      actorId: entry.actor?.id ?? null,
      actorLabel: entry.actor?.name ?? "sistem",
      action: entry.action,
      subject: entry.subject,
      detail: entry.detail ?? "",
      ip: entry.ip ?? null,
    })
    .execute();
}

/** A page of the log, newest first, and the number of entries. */
export async function listAudit(db: Kysely<Database>, limit: number, offset: number): Promise<{ items: AuditEntry[]; total: number }> {
  const [items, count] = await Promise.all([
    db.selectFrom("auditLog").selectAll().orderBy("at", "desc").orderBy("id", "desc").limit(limit).offset(offset).execute(),
    db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export const AUDIT_LABELS: Record<AuditAction, string> = {
  sign_in: "Giriş yaptı",
  sign_in_failed: "Başarısız giriş",
  sign_in_locked: "Giriş geçici olarak kilitlendi",
  sign_out: "Çıkış yaptı",
  password_changed: "Parola değiştirildi",
  article_published: "Haber yayımlandı",
  article_scheduled: "Haber zamanlandı",
  article_unpublished: "Haber yayından kaldırıldı",
  article_returned: "Haber muhabire geri gönderildi",
  article_deleted: "Haber silindi",
  article_restored: "Sürüm geri yüklendi",
  user_added: "Kullanıcı eklendi",
  author_profile_changed: "Yazar profili değişti",
  user_role_changed: "Rol değiştirildi",
  user_disabled: "Kullanıcı devre dışı bırakıldı",
  user_enabled: "Kullanıcı etkinleştirildi",
  token_created: "API anahtarı oluşturuldu",
  token_revoked: "API anahtarı iptal edildi",
  headlines_changed: "Manşet sırası değişti",
  breaking_changed: "Son dakika işareti değişti",
  settings_changed: "Site ayarları değişti",
};
