// A page of the audit log as the newsroom shows it.
import type { Kysely } from "kysely";
import { AUDIT_LABELS, type AuditAction, listAudit } from "../../audit/store.ts";
import type { Database } from "../../db/schema.ts";
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

/** Page `page` (1-based) of the audit log, newest first, and how many pages there are (at least 1). */
export async function loadAuditPage(db: Kysely<Database>, page: number): Promise<{ items: AuditRow[]; page: number; pageCount: number }> {
  const { items, total } = await listAudit(db, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
  return {
    items: items.map((e) => ({ id: e.id, at: e.at, actorLabel: e.actorLabel, actionLabel: auditActionLabel(e.action), subject: e.subject, detail: e.detail, ip: e.ip })),
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
