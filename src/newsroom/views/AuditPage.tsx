// The audit log (/yonetim/denetim), for admins, 50 entries a page.
import { formatIstanbulTime } from "../../lib/time.ts";
import { NewsroomLayout, type NewsroomChrome } from "./NewsroomLayout.tsx";

/** One audit entry as the table shows it; `at` is ISO 8601 UTC, `actionLabel` Turkish. */
export interface AuditRow {
  id: number;
  at: string;
  actorLabel: string;
  actionLabel: string;
  subject: string;
  detail: string;
  ip: string | null;
}

export interface AuditPageProps {
  chrome: NewsroomChrome;
  items: AuditRow[];
  page: number;
  pageCount: number;
}

export function AuditPage({ chrome, items, page, pageCount }: AuditPageProps) {
  return (
    <NewsroomLayout chrome={chrome} title="Denetim kaydı">
      <h1>Denetim kaydı</h1>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Zaman</th>
            <th scope="col">Kim</th>
            <th scope="col">Ne</th>
            <th scope="col">Neye</th>
            <th scope="col">Ayrıntı</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{formatIstanbulTime(e.at)}</td>
              <td>{e.actorLabel}</td>
              <td>{e.actionLabel}</td>
              <td>{e.subject}</td>
              <td>{e.detail}</td>
              <td>{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pagination" aria-label="Sayfalar">
        {page > 1 && <a href={`/yonetim/denetim?sayfa=${page - 1}`}>‹ Daha yeni</a>}
        {page < pageCount && <a href={`/yonetim/denetim?sayfa=${page + 1}`}>Daha eski ›</a>}
      </nav>
    </NewsroomLayout>
  );
}
