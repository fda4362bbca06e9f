// A page of the audit log as the newsroom shows it.
import type { Kysely } from "kysely";
import { AUDIT_LABELS, type AuditAction, listAudit } from "../../audit/store.ts";
import type { Database } from "../../db/schema.ts";
import { formatIstanbulTime } from "../../lib/time.ts";
import type { AuditRow } from "../views/AuditPage.tsx";

/** Entries on one page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_LABELS, action);
}

/** An action's Turkish label; an action this version does not know shows as stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_LABELS[action] : action;
}

// An instant as the stores write it into a detail: ISO 8601 in UTC.
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z\b/g;
const ROLE_WORDS = /\b(muhabir|editor|yonetici)\b/g;
const ROLE_NAMES: Record<string, string> = { muhabir: "muhabir", editor: "editör", yonetici: "yönetici" };

/**
 * An entry's detail as people read it: every ISO 8601 instant in Istanbul time (`29.11.2026 22:59`,
 * not `2026-11-29T19:59:00.000Z`) and, for the user actions, role codes as Turkish words (muhabir,
 * editör, yönetici). Rows written by any version are shown the same way.
 */
export function readableAuditDetail(action: string, detail: string): string {
  const timed = detail.replace(ISO_INSTANT, (instant) => formatIstanbulTime(instant));
  return action === "user_added" || action === "user_role_changed" ? timed.replace(ROLE_WORDS, (code) => ROLE_NAMES[code] ?? code) : timed;
}

/** Page `page` (1-based) of the audit log, newest first, and how many pages there are (at least 1). */
export async function loadAuditPage(db: Kysely<Database>, page: number): Promise<{ items: AuditRow[]; page: number; pageCount: number }> {
  const { items, total } = await listAudit(db, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
  return {
    items: items.map((e) => ({
      id: e.id,
      at: e.at,
      actorLabel: e.actorLabel,
      actionLabel: auditActionLabel(e.action),
      subject: e.subject,
      detail: readableAuditDetail(e.action, e.detail),
      ip: e.ip,
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
