// Home page control (/yonetim/manset): the manşet order and the son dakika flag.
import { Table } from "./Table.tsx";
import { Csrf, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** A published article as the page offers it. */
export interface HeadlineCandidate {
  id: number;
  title: string;
  headlineSlot: number | null;
  isBreaking: boolean;
}

export interface HeadlinesPageProps {
  chrome: NewsroomChrome;
  /** Published articles, most recently changed first. */
  published: HeadlineCandidate[];
  /** The manşet slots, 1…n. */
  slots: number[];
  message?: string;
  error?: string;
}

export function HeadlinesPage({ chrome, published, slots, message, error }: HeadlinesPageProps) {
  const inSlot = (slot: number) => published.find((r) => r.headlineSlot === slot)?.id;
  return (
    <NewsroomLayout chrome={chrome} title="Manşet ve son dakika">
      <h1>Manşet ve son dakika</h1>
      {message && <Notice kind="ok">{message}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <form method="post" action="/yonetim/manset" class="headlines-form">
        <Csrf chrome={chrome} />
        <h2>Manşet sırası</h2>
        <ol>
          {slots.map((slot) => (
            <li key={slot}>
              <label for={`slot-${slot}`}>{slot}. manşet</label>
              <select id={`slot-${slot}`} name="slot">
                <option value="">— boş —</option>
                {published.map((r) => (
                  <option key={r.id} value={String(r.id)} selected={inSlot(slot) === r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ol>
        <button type="submit" class="primary">
          Manşeti kaydet
        </button>
      </form>
      <h2>Son dakika</h2>
      <Table
        rows={published.slice(0, 40)}
        rowKey={(r) => r.id}
        cells={(r) => [
          r.title,
          <form method="post" action={`/yonetim/haber/${r.id}/son-dakika`} class="inline">
            <Csrf chrome={chrome} />
            {r.isBreaking ? (
              <button type="submit" name="breaking" value="0">
                Son dakikadan çıkar
              </button>
            ) : (
              <>
                <label for={`until-${r.id}`}>Bitiş (isteğe bağlı)</label>
                <input type="datetime-local" id={`until-${r.id}`} name="until" />
                <button type="submit" name="breaking" value="1">
                  Son dakika yap
                </button>
              </>
            )}
          </form>,
        ]}
      />
    </NewsroomLayout>
  );
}
