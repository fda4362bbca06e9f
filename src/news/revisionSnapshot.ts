// What a revision keeps of an article, and the field-by-field word diff between two of them. Pure.
import { diffWords } from "diff";
import type { Article, ArticleRevision } from "../db/schema.ts";
import type { DiffPart, FieldChange } from "../errors.ts";
import { bodyText } from "../lib/htmlText.ts";
import type { ArticleInput } from "./articleInput.ts";

/** Everything a revision keeps besides title, spot and body: the editor's other fields. */
export type RevisionFields = Omit<ArticleInput, "title" | "spot" | "body">;

export interface Snapshot {
  title: string;
  spot: string;
  body: string;
  fields: RevisionFields;
}

export function snapshotOf(article: Article, refs: { category: string; source: string; tags: string[]; authors: string[] }): Snapshot {
  return {
    title: article.title,
    spot: article.spot,
    body: article.body,
    fields: {
      category: refs.category,
      source: refs.source,
      tags: refs.tags,
      authors: refs.authors,
      imageId: article.imageId,
      imageCaption: article.imageCaption,
      imageCredit: article.imageCredit,
      imageAlt: article.imageAlt,
      isBreaking: article.isBreaking === 1,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
    },
  };
}

/** The snapshot as the editor form's values: what a three-way merge compares. */
export function inputOfSnapshot(snap: Snapshot): ArticleInput {
  return { title: snap.title, spot: snap.spot, body: snap.body, ...snap.fields };
}

/** A stored revision as a snapshot; one written without authors (none since migration 0010) reads as an agency item. */
export function parseRevision(rev: ArticleRevision): Snapshot {
  const fields = JSON.parse(rev.fields) as RevisionFields;
  return { title: rev.title, spot: rev.spot, body: rev.body, fields: { ...fields, authors: Array.isArray(fields.authors) ? fields.authors : [] } };
}

// The diff's shapes live beside StaleVersionError, which carries them.
export type { DiffPart, FieldChange } from "../errors.ts";

/** Turkish names of the editor form's fields, for diffs and conflicts. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Başlık",
  spot: "Spot",
  body: "Metin",
  category: "Kategori",
  source: "Kaynak",
  tags: "Etiketler",
  authors: "Yazarlar",
  imageId: "Ana görsel",
  imageCaption: "Görsel altyazısı",
  imageCredit: "Görsel kaynağı",
  imageAlt: "Görsel alternatif metni",
  isBreaking: "Son dakika",
  seoTitle: "SEO başlığı",
  seoDescription: "SEO açıklaması",
};

/** A field's value as plain text: the body without tags, tags joined, a flag as evet/hayır. */
export function asText(field: string, value: unknown): string {
  if (field === "body" && typeof value === "string") return bodyText(value);
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "evet" : "hayır";
  if (typeof value === "string" || typeof value === "number") return String(value);
  // No field holds anything else; should one appear, its JSON still shows what changed.
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/** Word-level changes from `a` to `b`, one entry per changed field. */
export function diffSnapshots(a: Snapshot, b: Snapshot): FieldChange[] {
  const flat = (s: Snapshot): Record<string, unknown> => ({ title: s.title, spot: s.spot, body: s.body, ...s.fields });
  const before = flat(a);
  const after = flat(b);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(FIELD_LABELS)) {
    const x = asText(field, before[field]);
    const y = asText(field, after[field]);
    if (x === y) continue;
    const parts = diffWords(x, y).map((p): DiffPart => ({ text: p.value, kind: p.added ? "added" : p.removed ? "removed" : "same" }));
    changes.push({ field, label: FIELD_LABELS[field] ?? field, parts });
  }
  return changes;
}
