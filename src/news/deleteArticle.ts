import type { Kysely } from "kysely";
import { recordAudit } from "../audit/store.ts";
import type { Database } from "../db/schema.ts";
import { ForbiddenError } from "../errors.ts";
import { removeFromIndex } from "../search/index.ts";
import { deleteArticleRow } from "./articleStore.ts";
import { changingArticle } from "./articleChange.ts";
import { loadForChange } from "./loadForChange.ts";
import { type Actor, canDelete } from "./workflow.ts";

/** Deletes an article that is not live; its revisions go with it, the audit log keeps the title. */
export async function deleteArticle(
  db: Kysely<Database>,
  { articleId, version, actor, now, ip }: { articleId: number; version?: number; actor: Actor; now: Date; ip?: string | null },
): Promise<void> {
  await changingArticle(db, articleId, async (trx) => {
    const current = await loadForChange(trx, articleId, version);
    if (!canDelete(current, actor)) {
      throw new ForbiddenError(
        current.status === "published" || current.status === "scheduled" ? "Yayındaki ya da zamanlanmış bir haber silinemez; önce yayından kaldırın." : undefined,
      );
    }
    await removeFromIndex(trx, articleId);
    await deleteArticleRow(trx, articleId);
    await recordAudit(trx, { at: now, actor, action: "article_deleted", subject: `haber #${articleId}`, detail: current.title, ip });
  });
}
