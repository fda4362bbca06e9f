import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import { lockWrites } from "../db/setupLock.ts";
import type { Database } from "../db/schema.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { changingArticle } from "./articleChange.ts";
import { newsEvents } from "./events.ts";
import { clearHeadlineSlots, findArticleRow, listHeadlineIds, setBreaking, setHeadlineSlot } from "./articleStore.ts";
import { HEADLINE_SLOTS, HEADLINES_FULL, headlineStamp } from "./headlineOrder.ts";
import { type Actor, isEditor } from "./workflow.ts";

/** What a save over another editor's newer manşet change is told (409); the form comes back with the editor's order. */
export const HEADLINES_CHANGED =
  "Manşet siz düzenlerken başka bir editör tarafından değiştirildi. Aşağıda sizin sıranız duruyor; güncel manşet bu uyarının altında. Sizin sıranızı kaydetmek için yeniden “Manşeti kaydet”e basın.";

/** The manşet as stored: article ids, slot 1 first, and the stamp a form opened on it carries (headlineStamp). */
export async function readHeadlineOrder(db: Kysely<Database>): Promise<{ articleIds: number[]; stamp: string }> {
  const articleIds = await listHeadlineIds(db);
  return { articleIds, stamp: headlineStamp(articleIds) };
}

/**
 * Puts published articles in manşet slots 1..n in the given order (duplicates count once); the
 * rest leave the manşet. `stamp` is the headlineStamp of the order the form was opened on.
 * Checks, changing nothing when one fails: the actor is an editor (ForbiddenError); at most
 * HEADLINE_SLOTS articles (InvalidInputError, HEADLINES_FULL); each one published
 * (InvalidInputError); the stored order is still the one the form was opened on (ConflictError,
 * HEADLINES_CHANGED: another editor's change is never silently undone). Writes the slots and an
 * audit entry in one transaction, taking turns with other manşet saves, then emits
 * `headlinesChanged` (the home page and the manşet feed leave the page cache).
 */
export async function setHeadlineOrder(
  db: Kysely<Database>,
  { articleIds, stamp, actor, now, ip }: { articleIds: number[]; stamp: string; actor: Actor; now: Date; ip?: string | null },
): Promise<void> {
  if (!isEditor(actor.role)) throw new ForbiddenError();
  const ids = [...new Set(articleIds)];
  if (ids.length > HEADLINE_SLOTS) throw new InvalidInputError(HEADLINES_FULL);
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx, "headlines");
    for (const id of ids) {
      const a = await findArticleRow(trx, id);
      if (!a || a.status !== "published") throw new InvalidInputError(`Yalnızca yayındaki haberler manşete girebilir (#${id}).`);
    }
    // Checked last: the order's own errors are told first, whatever the form's age.
    if (headlineStamp(await listHeadlineIds(trx)) !== stamp) throw new ConflictError(HEADLINES_CHANGED);
    await clearHeadlineSlots(trx);
    for (const [i, id] of ids.entries()) await setHeadlineSlot(trx, id, i + 1);
    await recordAudit(trx, { at: now, actor, action: "headlines_changed", subject: "manşet", detail: ids.map((id) => `#${id}`).join(", "), ip: ip ?? null });
  });
  newsEvents.emit("headlinesChanged", { articleIds: ids }, "local");
}

/**
 * Sets or clears the "son dakika" flag, optionally until a time. Throws ForbiddenError for a
 * reporter, InvalidInputError (field `until`) for an end time at or before `now`, NotFoundError
 * for an unknown article; emits `articleChanged` after commit.
 */
export async function setBreakingFlag(
  db: Kysely<Database>,
  { articleId, isBreaking, until, actor, now, ip }: { articleId: number; isBreaking: boolean; until: Date | null; actor: Actor; now: Date; ip?: string | null },
): Promise<void> {
  if (!isEditor(actor.role)) throw new ForbiddenError();
  if (until && until.getTime() <= now.getTime()) throw new InvalidInputError("Bitiş zamanı ileri bir tarih olmalı.", { until: "Geçmiş bir zaman seçilemez." });
  await changingArticle(db, articleId, async (trx) => {
    const updated = await setBreaking(trx, articleId, isBreaking, until?.toISOString() ?? null);
    if (!updated) throw new NotFoundError("Haber", articleId);
    await recordAudit(trx, {
      at: now,
      actor,
      action: "breaking_changed",
      subject: `haber #${articleId}`,
      detail: isBreaking ? `açık${until ? ` (${until.toISOString()} tarihine kadar)` : ""}` : "kapalı",
      ip: ip ?? null,
    });
    return updated;
  });
}
