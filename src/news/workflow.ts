// The article lifecycle and who may move an article along it. Pure rules, no I/O.
import type { ArticleStatus, Role } from "../db/schema.ts";
import { ForbiddenError, InvalidInputError } from "../errors.ts";
import { cleanMultiLine } from "./articleInput.ts";

export interface Actor {
  id: number;
  name: string;
  role: Role;
}

/** The steps along the lifecycle, declared once (forms, API and rules derive from this list). */
export const WORKFLOW_ACTIONS = ["submit", "withdraw", "return", "publish", "schedule", "unschedule", "unpublish"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface Rule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  /** Reporters may do it to their own articles; editors and admins to any. */
  reporterOwn: boolean;
}

const RULES: Record<WorkflowAction, Rule> = {
  submit: { from: ["draft"], to: "review", reporterOwn: true },
  withdraw: { from: ["review"], to: "draft", reporterOwn: true },
  return: { from: ["review"], to: "draft", reporterOwn: false },
  publish: { from: ["draft", "review", "scheduled", "unpublished"], to: "published", reporterOwn: false },
  schedule: { from: ["draft", "review", "scheduled", "unpublished"], to: "scheduled", reporterOwn: false },
  unschedule: { from: ["scheduled"], to: "draft", reporterOwn: false },
  unpublish: { from: ["published"], to: "unpublished", reporterOwn: false },
};

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: "Taslak",
  review: "Onay bekliyor",
  scheduled: "Zamanlandı",
  published: "Yayında",
  unpublished: "Yayından kaldırıldı",
};

export function isEditor(role: Role): boolean {
  return role === "editor" || role === "yonetici";
}

export function targetStatus(action: WorkflowAction): ArticleStatus {
  return RULES[action].to;
}

/** Throws ForbiddenError or InvalidInputError when the actor may not take the article along this step. */
export function assertTransition(action: WorkflowAction, article: { status: ArticleStatus; ownerId: number | null }, actor: Actor): ArticleStatus {
  const rule = RULES[action];
  const allowed = isEditor(actor.role) || (rule.reporterOwn && article.ownerId === actor.id);
  if (!allowed) throw new ForbiddenError();
  if (!rule.from.includes(article.status)) {
    throw new InvalidInputError(`“${STATUS_LABELS[article.status]}” durumundaki bir haber için bu işlem yapılamaz.`);
  }
  return rule.to;
}

/** The actions this actor can take on the article now: what the newsroom shows as buttons. */
export function availableActions(article: { status: ArticleStatus; ownerId: number | null }, actor: Actor): WorkflowAction[] {
  return (Object.keys(RULES) as WorkflowAction[]).filter((action) => {
    try {
      assertTransition(action, article, actor);
      return true;
    } catch {
      return false;
    }
  });
}

/** Reporters edit their own drafts; editors and admins edit anything. */
export function canEdit(article: { status: ArticleStatus; ownerId: number | null }, actor: Actor): boolean {
  if (isEditor(actor.role)) return true;
  return article.ownerId === actor.id && article.status === "draft";
}

export function assertCanEdit(article: { status: ArticleStatus; ownerId: number | null }, actor: Actor): void {
  if (!canEdit(article, actor)) throw new ForbiddenError("Bu haberi düzenleme yetkiniz yok.");
}

/**
 * Who may read an article in the newsroom and through the API with a token: editors and admins
 * every article; reporters their own (any status) and published ones. Issue 9 ("Reporters read
 * only what they may"): one rule for the editor pages and `GET /api/v1/articles/{id}`.
 */
export function canView(article: { status: ArticleStatus; ownerId: number | null }, actor: Actor): boolean {
  if (isEditor(actor.role)) return true;
  return article.status === "published" || (article.ownerId !== null && article.ownerId === actor.id);
}

/**
 * The latest moment an article may be scheduled for: one calendar year after `now`
 * (same UTC month, day and time, a year later; 29 February rolls to 1 March).
 */
export function latestScheduleTime(now: Date): Date {
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return limit;
}

/**
 * The rule for a publication time (issue 9): it must be a real instant (`at` is null when the
 * text did not parse, e.g. `2031-02-30`, `23:60`, `now`), strictly after `now`, and at most one
 * year ahead (see `latestScheduleTime`). Both the editor form and `POST /api/v1/articles/{id}/publish`
 * pass here through their use cases. Returns `at` when it is fine; otherwise throws
 * InvalidInputError with a Turkish message and the field `at`.
 */
export function assertScheduleTime(at: Date | null | undefined, now: Date): Date {
  if (!at || Number.isNaN(at.getTime())) {
    throw new InvalidInputError("Yayın zamanı geçersiz.", { at: "Geçerli bir tarih ve saat girin (gün.ay.yıl saat:dakika)." });
  }
  if (at.getTime() <= now.getTime()) {
    throw new InvalidInputError("Yayın zamanı ileri bir tarih olmalı.", { at: "Geçmiş bir zaman seçilemez." });
  }
  if (at.getTime() > latestScheduleTime(now).getTime()) {
    throw new InvalidInputError("Yayın zamanı en çok bir yıl sonrası olabilir.", { at: "En çok bir yıl ileriye zamanlanabilir." });
  }
  return at;
}

/** The longest reason an editor may give for sending an article back (characters). */
export const RETURN_REASON_MAX = 1000;

/**
 * The rule for a send-back's reason (issue 13, "Review"): the editor says what to fix. `text` as
 * typed (surrounding white space is trimmed, control characters other than line breaks removed);
 * returns the reason. Throws InvalidInputError with the field `returnReason` and the stable code
 * `reason_required` when it is blank, `reason_too_long` past RETURN_REASON_MAX characters.
 */
export function assertReturnReason(text: string | null | undefined): string {
  const reason = cleanMultiLine(text ?? "").trim();
  if (reason === "") {
    throw new InvalidInputError("Geri göndermek için bir neden yazın.", { returnReason: "Muhabirin neyi düzeltmesi gerektiğini yazın." }, "reason_required");
  }
  if ([...reason].length > RETURN_REASON_MAX) {
    const limit = RETURN_REASON_MAX.toLocaleString("tr-TR");
    throw new InvalidInputError(`Geri gönderme nedeni en çok ${limit} karakter olabilir.`, { returnReason: `En çok ${limit} karakter olabilir.` }, "reason_too_long");
  }
  return reason;
}

/** Reporters may delete their own drafts; editors anything that is not live. */
export function canDelete(article: { status: ArticleStatus; ownerId: number | null }, actor: Actor): boolean {
  if (article.status === "published" || article.status === "scheduled") return false;
  return isEditor(actor.role) || (article.ownerId === actor.id && article.status === "draft");
}
