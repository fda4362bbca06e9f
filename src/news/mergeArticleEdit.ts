// Three-way merge of an article edit, field by field. Pure.
//
// `base` is what the editor's form started from (the revision of the version it carries),
// `theirs` is the article as it is now, `mine` is what the editor sent. A field the editor
// left as it was in `base` takes the current value, so a save never reverts a change the
// editor did not make (issue 9, "No lost edit"); a field only the editor changed takes the
// editor's value; a field both changed to different values is a true conflict, left for the
// editor to decide.
import type { ArticleInput } from "./articleInput.ts";
import { slugify } from "../lib/slug.ts";

export type MergeField = keyof ArticleInput;

/** Every field of the editor form, in the order the form shows them. */
export const MERGE_FIELDS: readonly MergeField[] = [
  "title",
  "spot",
  "body",
  "category",
  "source",
  "tags",
  "authors",
  "imageId",
  "imageCaption",
  "imageCredit",
  "imageAlt",
  "isBreaking",
  "seoTitle",
  "seoDescription",
];

export function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(name);
}

/** After a true conflict the editor chooses per field: keep what they typed, or take the other side's value. */
export type Resolution = "mine" | "theirs";
export type Resolutions = Partial<Record<MergeField, Resolution>>;

export interface FieldConflict {
  field: MergeField;
  /** The editor's value (what `merged` holds for this field until they choose). */
  mine: ArticleInput[MergeField];
  /** The current value, written by someone else since `base`. */
  theirs: ArticleInput[MergeField];
}

export interface MergeResult {
  /** The editor's changes on top of the current article; at a conflict, the editor's value. */
  merged: ArticleInput;
  /** Fields both sides changed to different values, in form order. Empty when the merge is clean. */
  conflicts: FieldConflict[];
  /** Fields taken from `theirs` because only the other side changed them. */
  taken: MergeField[];
}

/** Tags are the same when they name the same tags in the same order ("ankara" is the tag "Ankara"). */
function tagKey(tags: readonly string[]): string {
  return tags.map((t) => slugify(t)).join("\u0000");
}

/** Whether two values of `field` are the same, as the article would store them. */
export function sameValue(field: MergeField, a: ArticleInput[MergeField], b: ArticleInput[MergeField]): boolean {
  if (field === "tags" && Array.isArray(a) && Array.isArray(b)) return tagKey(a) === tagKey(b);
  // Authors are slugs: the same byline is the same slugs in the same order.
  if (Array.isArray(a) && Array.isArray(b)) return a.join("\u0000") === b.join("\u0000");
  return a === b;
}

/**
 * The choices of an earlier conflict, applied to what the editor sent: "theirs" sets the field
 * to its value in `base` (the form then carries the version whose value was shown as theirs),
 * so the merge treats it as untouched and keeps the current value; "mine" keeps the typed value.
 */
export function applyResolutions(mine: ArticleInput, base: ArticleInput, resolutions: Resolutions): ArticleInput {
  const out: ArticleInput = { ...mine };
  for (const field of MERGE_FIELDS) {
    if (resolutions[field] === "theirs") copyField(out, base, field);
  }
  return out;
}

function copyField<K extends MergeField>(to: ArticleInput, from: ArticleInput, field: K): void {
  to[field] = from[field];
}

/**
 * Merges `mine` into `theirs` relative to `base`. All three must be normalised the same way
 * (sanitised body, trimmed text, null for an empty SEO field), or unchanged fields would look changed.
 */
export function mergeArticleEdit(base: ArticleInput, theirs: ArticleInput, mine: ArticleInput): MergeResult {
  const merged: ArticleInput = { ...mine };
  const conflicts: FieldConflict[] = [];
  const taken: MergeField[] = [];
  for (const field of MERGE_FIELDS) {
    const editorChanged = !sameValue(field, mine[field], base[field]);
    const otherChanged = !sameValue(field, theirs[field], base[field]);
    if (!editorChanged) {
      copyField(merged, theirs, field);
      if (otherChanged) taken.push(field);
    } else if (otherChanged && !sameValue(field, mine[field], theirs[field])) {
      conflicts.push({ field, mine: mine[field], theirs: theirs[field] });
    }
  }
  return { merged, conflicts, taken };
}

/**
 * The merge when the base version's text is unknown (an article seeded or imported without
 * revisions, so nobody can tell who changed what): every field where the editor's value and
 * the current one differ is a conflict for the editor to choose; nothing is taken silently.
 */
export function mergeWithoutBase(theirs: ArticleInput, mine: ArticleInput): MergeResult {
  const conflicts: FieldConflict[] = [];
  for (const field of MERGE_FIELDS) {
    if (!sameValue(field, mine[field], theirs[field])) conflicts.push({ field, mine: mine[field], theirs: theirs[field] });
  }
  return { merged: { ...mine }, conflicts, taken: [] };
}
