import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Article, Database } from "../db/schema.ts";
import { InvalidInputError } from "../errors.ts";
import { newsEvents } from "./events.ts";
import * as store from "./store.ts";
import { type Actor, type WorkflowAction, assertTransition, STATUS_LABELS } from "./workflow.ts";
import { loadForChange, writeRevision } from "./writeSupport.ts";

export interface ChangeStatusInput {
  articleId: number;
  action: WorkflowAction;
  actor: Actor;
  now: Date;
  /** For "schedule": when it goes live. */
  at?: Date;
  /** When given, a stale version is refused with 409. */
  version?: number;
  ip?: string | null;
}

const AUDITED = { publish: "article_published", schedule: "article_scheduled", unpublish: "article_unpublished" } as const;

/** Moves an article along the workflow: submit, return, publish now or at a time, unschedule, unpublish. */
export async function changeArticleStatus(db: Kysely<Database>, input: ChangeStatusInput): Promise<Article> {
  const { articleId, action, actor, now } = input;
  if (action === "schedule") {
    if (!input.at || Number.isNaN(input.at.getTime())) throw new InvalidInputError("Yayın zamanını girin.", { at: "Geçerli bir tarih ve saat girin." });
    if (input.at.getTime() <= now.getTime()) throw new InvalidInputError("Yayın zamanı ileri bir tarih olmalı.", { at: "Geçmiş bir zaman seçilemez." });
  }
  const article = await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, articleId, input.version);
    const to = assertTransition(action, current, actor);
    const stamp = now.toISOString();
    const updated = await store.updateArticleRow(trx, articleId, current.version, {
      status: to,
      updatedAt: stamp,
      scheduledAt: to === "scheduled" ? (input.at?.toISOString() ?? null) : null,
      ...(to === "published" ? { publishedAt: current.publishedAt ?? stamp } : {}),
      ...(to === "published" && current.publishedAt ? { contentUpdatedAt: stamp } : {}),
      ...(to === "unpublished" ? { headlineSlot: null } : {}),
    });
    if (!updated) throw new InvalidInputError("Haber az önce değişti; sayfayı yenileyip tekrar deneyin.");
    await writeRevision(trx, updated, actor, now, STATUS_LABELS[to]);
    if (action === "publish" || action === "schedule" || action === "unpublish") {
      await recordAudit(trx, {
        at: now,
        actor,
        action: AUDITED[action],
        subject: `haber #${articleId}`,
        detail: action === "schedule" ? `${current.title} — ${updated.scheduledAt}` : current.title,
        ip: input.ip,
      });
    }
    return updated;
  });
  newsEvents.emit("articleChanged", { articleId, status: article.status, categoryId: article.categoryId });
  return article;
}
