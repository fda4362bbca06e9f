// The editor form's one use case: save what was typed and take the step its button asked for
// (submit, publish, schedule, ...), all checks first, then everything in one transaction.
import type { Kysely } from "kysely";
import type { Article, Database } from "../db/schema.ts";
import { type FieldChange, ForbiddenError, InvalidInputError, NotFoundError, StaleVersionError } from "../errors.ts";
import { parseIstanbulLocal } from "../lib/time.ts";
import type { ArticleInput } from "./articleInput.ts";
import { changingArticle } from "./articleChange.ts";
import { type FieldConflict, type MergeField, type Resolutions, applyResolutions, mergeArticleEdit, mergeWithoutBase } from "./mergeArticleEdit.ts";
import { findArticleByDraftKey, findArticleRow } from "./articleStore.ts";
import { loadForChange } from "./loadForChange.ts";
import { resolveArticleInput } from "./resolveArticleInput.ts";
import { diffSnapshots, inputOfSnapshot, parseRevision } from "./revisionSnapshot.ts";
import { findRevision } from "./revisionStore.ts";
import { type Actor, type WorkflowAction, assertReturnReason, assertScheduleTime, assertTransition, canEdit } from "./workflow.ts";
import { assertMayCreate, assertMayEdit, writeEdit, writeNewArticle } from "./writeArticle.ts";
import { articleSnapshot } from "./writeRevision.ts";
import { writeStep } from "./writeStep.ts";

export type FormAction = "save" | WorkflowAction;

export interface SaveArticleFromFormInput {
  /** null for the "Yeni haber" form. */
  articleId: number | null;
  /**
   * The version the form's values were made from (its hidden `version`); required for an
   * existing article. After a conflict the form carries the then current version.
   */
  version: number | undefined;
  /** What the form holds, as typed. */
  input: ArticleInput;
  /** After a true conflict, the editor's choice per field (`resolve.<field>` = mine | theirs). */
  resolutions: Resolutions;
  action: FormAction;
  /** For "schedule": the form's `at`, `YYYY-MM-DDTHH:mm` in Europe/Istanbul; ignored otherwise. */
  at: string | undefined;
  actor: Actor;
  now: Date;
  ip?: string | null;
  /** Revision note for the edit ("Otomatik kayıt" for autosave). */
  note?: string;
  /**
   * The new-article form's key (with `articleId` null): the first save creates the draft and keeps
   * the key; a later save with it (autosave racing "Kaydet", a retried request) saves onto that
   * draft instead of creating another.
   */
  draftKey?: string;
  /** For "return": why the article goes back to its reporter (required, `assertReturnReason`). */
  reason?: string;
}

/**
 * A form save based on a version that is no longer current (or that met a true conflict):
 * nothing was saved. `merged` holds the editor's own changes on top of the current article;
 * `conflicts` the fields both sides changed, where `merged` holds the editor's value until they
 * choose. The form re-shown with `merged` and `currentVersion` saves correctly next time.
 */
export class EditConflictError extends StaleVersionError {
  constructor(
    currentVersion: number,
    changes: FieldChange[],
    by: string,
    at: string,
    readonly merged: ArticleInput,
    readonly conflicts: FieldConflict[],
    readonly taken: MergeField[],
  ) {
    super(currentVersion, changes, by, at);
  }
}

/** The form's schedule time, checked by the one rule (`assertScheduleTime`). */
function scheduleTimeOf(text: string | undefined, now: Date): Date {
  if (text === undefined || text.trim() === "") throw new InvalidInputError("Yayın zamanını girin.", { at: "Yayın zamanını girin." });
  return assertScheduleTime(parseIstanbulLocal(text), now);
}

/**
 * Saves the editor form and takes the step its button asked for, or changes nothing.
 *
 * Checks come first: the article exists (404), the actor may edit it (403; a reporter may still
 * take a step such as "withdraw" on an article they can no longer edit, without saving fields),
 * may take the step (403), the step fits the status (400), the schedule time is valid, in the
 * future and at most a year ahead (400), the fields are valid (400). Then the edit and the step
 * are written in one transaction (two revisions: the edit, then the status), and one
 * `articleChanged` event goes out after commit.
 *
 * No lost edit (issue 9): the form's values are merged three ways with the revision of
 * `version` as base and the current article as the other side, so a field the editor did not
 * change keeps its current value even when the save is based on the current version (e.g. a
 * breaking flag set from the manşet page, which does not bump the version). A save based on an
 * older version, or one meeting a true conflict, saves nothing and throws EditConflictError
 * (409) carrying the merged values. Returns the article as saved (after the step, if any).
 *
 * A new article's form carries a `draftKey` (issue 13, autosave from the first keystroke): the first
 * save creates the draft with the key; any later save with the same key, also one racing it, saves
 * onto that draft as an edit based on `version` (1 until the form learns better), so no duplicate
 * is made and nothing saved meanwhile is silently undone. A "return" needs a reason
 * (`assertReturnReason`, InvalidInputError `reason_required`), checked before anything is written.
 */
export async function saveArticleFromForm(db: Kysely<Database>, form: SaveArticleFromFormInput): Promise<Article> {
  const step: WorkflowAction | null = form.action === "save" ? null : form.action;
  const at = step === "schedule" ? scheduleTimeOf(form.at, form.now) : null;
  if (form.articleId !== null) return saveExisting(db, { ...form, articleId: form.articleId }, step, at);
  const key = form.draftKey;
  if (key === undefined) return createWithStep(db, form, step, at, null);
  const created = await draftOfKey(db, key, form.actor);
  if (created) return saveExisting(db, { ...form, articleId: created.id, version: form.version ?? 1 }, step, at);
  try {
    return await createWithStep(db, form, step, at, key);
  } catch (error) {
    // Another save with this key created the draft meanwhile (the unique index refused this one): save onto it.
    const raced = await draftOfKey(db, key, form.actor);
    if (!raced) throw error;
    return saveExisting(db, { ...form, articleId: raced.id, version: form.version ?? 1 }, step, at);
  }
}

/** The draft a new-article form's key created, if any; another user's key is refused (it was never theirs). */
async function draftOfKey(db: Kysely<Database>, key: string, actor: Actor): Promise<Article | undefined> {
  const found = await findArticleByDraftKey(db, key);
  if (found && found.ownerId !== actor.id) throw new InvalidInputError("Taslak anahtarı geçersiz; sayfayı yenileyin.");
  return found;
}

async function saveExisting(
  db: Kysely<Database>,
  form: SaveArticleFromFormInput & { articleId: number },
  step: WorkflowAction | null,
  at: Date | null,
): Promise<Article> {
  const { articleId, actor, now } = form;
  const article = await changingArticle(db, articleId, async (trx) => {
    const current = await findArticleRow(trx, articleId);
    if (!current) throw new NotFoundError("Haber", articleId);
    if (form.version === undefined) throw new InvalidInputError("Sürüm bilgisi eksik; sayfayı yenileyin.");
    const editing = canEdit(current, actor);
    if (!editing && step === null) throw new ForbiddenError("Bu haberi düzenleme yetkiniz yok.");
    const to = step === null ? null : assertTransition(step, current, actor);
    if (step === "return") assertReturnReason(form.reason); // before anything is written
    let saved = current;
    if (editing) {
      const theirsSnap = await articleSnapshot(trx, current);
      const baseRevision = await findRevision(trx, articleId, form.version);
      const baseSnap = baseRevision ? parseRevision(baseRevision) : form.version === current.version ? theirsSnap : null;
      if (!baseSnap && form.version > current.version) {
        // A version that never existed: refused as stale, with nothing to merge.
        await loadForChange(trx, articleId, form.version);
        throw new InvalidInputError("Sürüm bilgisi geçersiz; sayfayı yenileyin.");
      }
      if (!baseSnap) {
        // An older version with no revision kept (an article seeded or imported without history):
        // who changed what is unknown, so every differing field is the editor's choice.
        const mine = (await resolveArticleInput(trx, form.input)).input;
        const { merged, conflicts, taken } = mergeWithoutBase(inputOfSnapshot(theirsSnap), mine);
        const latest = await findRevision(trx, articleId, current.version);
        throw new EditConflictError(current.version, [], latest?.authorLabel ?? "başka bir kullanıcı", latest?.createdAt ?? current.updatedAt, merged, conflicts, taken);
      }
      const base = inputOfSnapshot(baseSnap);
      const mine = (await resolveArticleInput(trx, applyResolutions(form.input, base, form.resolutions))).input;
      const { merged, conflicts, taken } = mergeArticleEdit(base, inputOfSnapshot(theirsSnap), mine);
      assertMayEdit(current, merged, actor);
      if (form.version !== current.version || conflicts.length > 0) {
        const latest = await findRevision(trx, articleId, current.version);
        throw new EditConflictError(
          current.version,
          diffSnapshots(baseSnap, theirsSnap),
          latest?.authorLabel ?? "başka bir kullanıcı",
          latest?.createdAt ?? current.updatedAt,
          merged,
          conflicts,
          taken,
        );
      }
      saved = await writeEdit(trx, current, await resolveArticleInput(trx, merged), actor, now, form.note ?? "");
    } else if (form.version !== current.version) {
      await loadForChange(trx, articleId, form.version);
    }
    return step && to ? writeStep(trx, saved, { action: step, to, at, actor, now, ip: form.ip, reason: form.reason }) : saved;
  });
  return article;
}

async function createWithStep(
  db: Kysely<Database>,
  form: SaveArticleFromFormInput,
  step: WorkflowAction | null,
  at: Date | null,
  draftKey: string | null,
): Promise<Article> {
  const { actor, now } = form;
  assertMayCreate(form.input, actor);
  // A new article is the actor's own draft: the step is judged as it would be right after saving.
  const to = step === null ? null : assertTransition(step, { status: "draft", ownerId: actor.id }, actor);
  return changingArticle(db, null, async (trx) => {
    const created = await writeNewArticle(trx, await resolveArticleInput(trx, form.input), actor, now, true, draftKey);
    return step && to ? writeStep(trx, created, { action: step, to, at, actor, now, ip: form.ip }) : created;
  });
}
