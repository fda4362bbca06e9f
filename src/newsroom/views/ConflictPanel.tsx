// The editor's conflict display: the summary shown above the form after a save met newer
// changes, and the choice shown beside each field both sides changed.
import { Fragment } from "preact";
import type { FieldConflict, MergeField } from "../../news/mergeArticleEdit.ts";
import { FIELD_LABELS, type FieldChange, asText } from "../../news/revisionSnapshot.ts";
import { DiffView } from "./DiffView.tsx";

/**
 * A save that met newer changes: `changes` is what others changed since the form's version,
 * `taken` the fields filled in from the others' changes, `conflicts` the fields both changed
 * (a choice each), `currentVersion` the version the form now saves onto.
 */
export interface EditorConflict {
  message: string;
  changes: FieldChange[];
  currentVersion: number;
  conflicts: FieldConflict[];
  taken: MergeField[];
}

/** What the conflict display needs from the editor's props: names for the values it shows. */
export interface ConflictContext {
  conflict?: EditorConflict;
  categories: Array<{ slug: string; name: string }>;
  sources: Array<{ slug: string; name: string }>;
  authors: Array<{ slug: string; name: string }>;
  /** The picture the form shows, named in the conflict box when it is one of the values. */
  picture: { id: number; caption: string; alt: string } | null;
}

const label = (field: MergeField) => FIELD_LABELS[field] ?? field;

function listOf(fields: MergeField[]): string {
  return fields.map(label).join(", ");
}

/** A value as the conflict box shows it: names for category, source, authors and picture, plain text for the rest. */
function shownValue(p: ConflictContext, field: MergeField, value: FieldConflict["theirs"]): string {
  if (field === "category") return p.categories.find((c) => c.slug === value)?.name ?? String(value);
  if (field === "source") return p.sources.find((s) => s.slug === value)?.name ?? String(value);
  if (field === "authors" && Array.isArray(value)) {
    return value.length === 0 ? "(yazar yok: kaynak gösterilir)" : value.map((slug) => p.authors.find((a) => a.slug === slug)?.name ?? slug).join(", ");
  }
  if (field === "imageId") {
    const image = p.picture?.id === value ? p.picture : undefined;
    return value === null ? "Görsel yok" : `#${String(value)}${image ? ` — ${image.caption || image.alt}` : ""}`;
  }
  const text = asText(field, value);
  return text === "" ? "(boş)" : text;
}

/**
 * Beside a field both sides changed: the other side's value and a required choice, as plain
 * radio buttons (`resolve.<field>` = mine | theirs), so it works without JavaScript.
 */
export function ConflictChoice({ p, field }: { p: ConflictContext; field: MergeField }) {
  const conflict = p.conflict?.conflicts.find((c) => c.field === field);
  if (!conflict) return null;
  const name = `resolve.${field}`;
  return (
    <fieldset class="group conflict conflict-choice" id={`cakisma-${field}`}>
      <legend>{label(field)}: ikiniz de değiştirdiniz</legend>
      <dl class="diff">
        <dt>Diğer sürümdeki {label(field).toLocaleLowerCase("tr-TR")}</dt>
        <dd data-theirs={field}>{shownValue(p, field, conflict.theirs)}</dd>
      </dl>
      <div class="field check">
        <input type="radio" id={`${name}-mine`} name={name} value="mine" required />
        <label for={`${name}-mine`}>Benimkini koru (formdaki değer)</label>
      </div>
      <div class="field check">
        <input type="radio" id={`${name}-theirs`} name={name} value="theirs" />
        <label for={`${name}-theirs`}>Diğer sürümdekini al</label>
      </div>
    </fieldset>
  );
}

/** The summary above the form: what changed meanwhile, what was taken over, what needs a choice. */
export function ConflictSummary({ conflict }: { conflict: EditorConflict }) {
  return (
    <section class="conflict" aria-labelledby="cakisma">
      <h2 id="cakisma">Kaydedilmedi: haber sizden önce değişti</h2>
      <p>{conflict.message}</p>
      <DiffView changes={conflict.changes} />
      {conflict.taken.length > 0 && <p>Sizden sonra yapılan değişiklikler forma işlendi: {listOf(conflict.taken)}.</p>}
      {conflict.conflicts.length > 0 && (
        <p>
          İkinizin de değiştirdiği alanlar:{" "}
          {conflict.conflicts.map((c, i) => (
            <Fragment key={c.field}>
              {i > 0 && ", "}
              <a href={`#cakisma-${c.field}`}>{label(c.field)}</a>
            </Fragment>
          ))}
          . Her birinde hangisinin kalacağını seçin.
        </p>
      )}
      <p>
        Sizin değişiklikleriniz formda duruyor. Kontrol edip <strong>sürüm {conflict.currentVersion} üzerine kaydetmek</strong> için “Kaydet”e basın.
      </p>
    </section>
  );
}
