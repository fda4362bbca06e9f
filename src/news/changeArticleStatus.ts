import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { changingArticle } from "./articleChange.ts";
import { type Actor, type WorkflowAction, assertScheduleTime, assertTransition } from "./workflow.ts";
import { loadForChange } from "./loadForChange.ts";
import { writeStep } from "./writeStep.ts";

export interface ChangeStatusInput {
  articleId: number;
  action: WorkflowAction;
  actor: Actor;
  now: Date;
  /** For "schedule": when it goes live; after `now` and at most one year ahead (`assertScheduleTime`). */
  at?: Date;
  /** When given, a stale version is refused with 409. */
  version?: number;
  ip?: string | null;
  /** For "return": why (required; `assertReturnReason`). */
  reason?: string;
}

/**
 * Moves an article along the workflow: submit, return, publish now or at a time, unschedule, unpublish.
 * Throws NotFoundError, StaleVersionError (409), ForbiddenError, or InvalidInputError for a step the
 * article's status does not allow, a bad schedule time or a return without a reason (`reason_required`);
 * a refused step changes nothing.
 */
export async function changeArticleStatus(db: Kysely<Database>, input: ChangeStatusInput): Promise<Article> {
  const { articleId, action, actor, now } = input;
  const at = action === "schedule" ? assertScheduleTime(input.at, now) : null;
  return changingArticle(db, articleId, async (trx) => {
    const current = await loadForChange(trx, articleId, input.version);
    const to = assertTransition(action, current, actor);
    return writeStep(trx, current, { action, to, at, actor, now, ip: input.ip, reason: input.reason });
  });
}
