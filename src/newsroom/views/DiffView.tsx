import type { FieldChange } from "../../news/revisionSnapshot.ts";

/** Word-level changes: removed words struck through, added words marked. */
export function DiffView({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p>İçerikte fark yok.</p>;
  return (
    <dl class="diff">
      {changes.map((c) => (
        <div key={c.field}>
          <dt>{c.label}</dt>
          <dd>
            {c.parts.map((part, i) =>
              part.kind === "added" ? <ins key={i}>{part.text}</ins> : part.kind === "removed" ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
