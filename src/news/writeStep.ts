// Moving an article one step along the workflow, inside the caller's transaction.
import type { Transaction } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, Database } from "../db/schema.ts";
import { recordArticleEvent } from "./articleEventStore.ts";
import { updateArticleRow } from "./articleStore.ts";
import { refuseLostRace } from "./loadForChange.ts";
import { type Actor, type WorkflowAction, STATUS_LABELS, assertReturnReason } from "./workflow.ts";
import { writeRevision } from "./writeRevision.ts";

const AUDITED = { publish: "article_published", schedule: "article_scheduled", unpublish: "article_unpublished", return: "article_returned" } as const;

export interface WorkflowStep {
  action: WorkflowAction;
  /** The status `assertTransition` allowed for this action. */
  to: Article["status"];
  /** For "schedule": the time `assertScheduleTime` accepted. */
  at: Date | null;
  actor: Actor;
  now: Date;
  ip?: string | null;
  /** For "return": why, as `assertReturnReason` accepted it (required: a return without one is refused). */
  reason?: string;
}

/**
 * Moves `current` along the workflow (only if it is still at `current.version`): status, times,
 * revision, the step (article_events, with a return's reason and a schedule's time) and, for
 * publish/schedule/unpublish/return, the audit entry. The transition and the schedule time must
 * have been checked by the caller; a return's reason is checked here (`assertReturnReason`:
 * InvalidInputError `reason_required`) before anything is written. A row changed meanwhile gives
 * StaleVersionError (409, refuseLostRace), as for an edit.
 */
export async function writeStep(trx: Transaction<Database>, current: Article, step: WorkflowStep): Promise<Article> {
  const { action, to, actor, now } = step;
  const reason = action === "return" ? assertReturnReason(step.reason) : "";
  const stamp = now.toISOString();
  const updated =
    (await updateArticleRow(trx, current.id, current.version, {
      status: to,
      updatedAt: stamp,
      scheduledAt: to === "scheduled" ? (step.at?.toISOString() ?? null) : null,
      ...(to === "published" ? { publishedAt: current.publishedAt ?? stamp } : {}),
      ...(to === "published" && current.publishedAt ? { contentUpdatedAt: stamp } : {}),
      ...(to === "unpublished" ? { headlineSlot: null } : {}),
    })) ?? (await refuseLostRace(trx, current));
  await writeRevision(trx, updated, actor, now, action === "return" ? `${STATUS_LABELS[to]} (geri gönderildi: ${reason})` : STATUS_LABELS[to]);
  await recordArticleEvent(trx, { articleId: current.id, action, actor, at: now, reason, scheduledAt: updated.scheduledAt });
  if (action === "publish" || action === "schedule" || action === "unpublish" || action === "return") {
    await recordAudit(trx, {
      at: now,
      actor,
      action: AUDITED[action],
      subject: `haber #${current.id}`,
      detail: action === "schedule" ? `${current.title} — ${updated.scheduledAt}` : action === "return" ? `${current.title} — ${reason}` : current.title,
      ip: step.ip,
    });
  }
  return updated;
}
