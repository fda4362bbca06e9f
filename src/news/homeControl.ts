import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database } from "../db/schema.ts";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { changingArticle } from "./articleChange.ts";
import { newsEvents } from "./events.ts";
import { clearHeadlineSlots, findArticleRow, setBreaking, setHeadlineSlot } from "./articleStore.ts";
import { type Actor, isEditor } from "./workflow.ts";

export const HEADLINE_SLOTS = 10;

/** Puts published articles in manşet slots 1..n in the given order; the rest leave the manşet. */
export async function setHeadlineOrder(
  db: Kysely<Database>,
  { articleIds, actor, now, ip }: { articleIds: number[]; actor: Actor; now: Date; ip?: string | null },
): Promise<void> {
  if (!isEditor(actor.role)) throw new ForbiddenError();
  const ids = [...new Set(articleIds)];
  if (ids.length > HEADLINE_SLOTS) throw new InvalidInputError(`Manşette en çok ${HEADLINE_SLOTS} haber olabilir.`);
  await db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const a = await findArticleRow(trx, id);
      if (!a || a.status !== "published") throw new InvalidInputError(`Yalnızca yayındaki haberler manşete girebilir (#${id}).`);
    }
    await clearHeadlineSlots(trx);
    for (const [i, id] of ids.entries()) await setHeadlineSlot(trx, id, i + 1);
    await recordAudit(trx, { at: now, actor, action: "headlines_changed", subject: "manşet", detail: ids.map((id) => `#${id}`).join(", "), ip: ip ?? null });
  });
  newsEvents.emit("headlinesChanged", { articleIds: ids }, "local");
}

/** Sets or clears the "son dakika" flag, optionally until a time. */
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
