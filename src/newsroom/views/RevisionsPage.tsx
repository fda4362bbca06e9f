// An article's revisions (/yonetim/haber/:id/surumler): the list, a comparison, restore buttons.
import { Table } from "./Table.tsx";
import type { ArticleStatus } from "../../db/schema.ts";
import { formatIstanbulTime } from "../../lib/time.ts";
import type { FieldChange } from "../../news/revisionSnapshot.ts";
import { STATUS_LABELS } from "../../news/workflow.ts";
import { DiffView } from "./DiffView.tsx";
import { Csrf, NewsroomLayout, type NewsroomChrome } from "./NewsroomLayout.tsx";

/** One revision as the table shows it; `createdAt` is ISO 8601 UTC. */
export interface RevisionRow {
  version: number;
  authorLabel: string;
  createdAt: string;
  status: ArticleStatus;
  note: string;
}

export interface RevisionsPageProps {
  chrome: NewsroomChrome;
  articleId: number;
  title: string;
  currentVersion: number;
  /** Newest first. */
  revisions: RevisionRow[];
  compare?: { from: number; to: number; changes: FieldChange[] };
  canRestore: boolean;
  /** Restoring then changes what readers see: each restore asks for confirmation. */
  published: boolean;
}

export function RevisionsPage(p: RevisionsPageProps) {
  return (
    <NewsroomLayout chrome={p.chrome} title={`Sürümler: ${p.title}`}>
      <h1>Sürümler</h1>
      <p>
        <a href={`/yonetim/haber/${p.articleId}`}>← {p.title}</a>
      </p>
      <form method="get" class="compare" aria-labelledby="karsilastir">
        <h2 id="karsilastir" class="compare-title">
          Sürümleri karşılaştır
        </h2>
        <div class="field">
          <label for="a">Eski sürüm</label>
          <select id="a" name="a">
            {p.revisions.map((r) => (
              <option key={r.version} value={String(r.version)} selected={r.version === (p.compare?.from ?? p.revisions[1]?.version)}>
                Sürüm {r.version}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="b">Yeni sürüm</label>
          <select id="b" name="b">
            {p.revisions.map((r) => (
              <option key={r.version} value={String(r.version)} selected={r.version === (p.compare?.to ?? p.currentVersion)}>
                Sürüm {r.version}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary">
          Farkları göster
        </button>
      </form>
      {p.compare && (
        <section aria-labelledby="farklar">
          <h2 id="farklar">
            Sürüm {p.compare.from} → sürüm {p.compare.to}
          </h2>
          <DiffView changes={p.compare.changes} />
        </section>
      )}
      <Table
        stack
        columns={[{ label: "Sürüm" }, { label: "Kim" }, { label: "Ne zaman" }, { label: "Durum" }, { label: "Not" }, { label: "İşlem", hidden: true }]}
        rows={p.revisions}
        rowKey={(r) => r.version}
        cells={(r) => [
          r.version,
          r.authorLabel,
          formatIstanbulTime(r.createdAt),
          STATUS_LABELS[r.status],
          r.note,
          p.canRestore && r.version !== p.currentVersion && (
            <form method="post" action={`/yonetim/haber/${p.articleId}/surumler/${r.version}/geri-yukle`}>
              <Csrf chrome={p.chrome} />
              <input type="hidden" name="version" value={String(p.currentVersion)} />
              {p.published && (
                <label class="confirm">
                  <input type="checkbox" name="onay" value="1" required /> Haber yayında; okurlar bu sürümü hemen görecek. Onaylıyorum.
                </label>
              )}
              <button type="submit">Bu sürümü geri yükle</button>
            </form>
          ),
        ]}
      />
    </NewsroomLayout>
  );
}
