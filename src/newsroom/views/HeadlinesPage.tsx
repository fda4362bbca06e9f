// Home page control (/yonetim/manset): the manşet in slot order, the son dakika items on now, and a
// search beside each to add a published article. Every control is a plain form; the newsroom
// script adds drag-and-drop and moves without a reload (src/client/headlines.ts).
import type { ComponentChildren } from "preact";
import { formatIstanbulTime } from "../../lib/time.ts";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** An article in a manşet slot. */
export interface SlotRow {
  id: number;
  title: string;
  /** False when it left publication since (the save is then refused with a message). */
  published: boolean;
}

/** A published article a search offers to add; `publishedAt` is ISO 8601 UTC. */
export interface PickRow {
  id: number;
  title: string;
  publishedAt: string | null;
}

/** A son dakika item on now; `until` is its end time (ISO 8601 UTC), null for none. */
export interface BreakingRow {
  id: number;
  title: string;
  until: string | null;
}

export interface HeadlinesPageProps {
  chrome: NewsroomChrome;
  /** The manşet, slot 1 first: the stored one, or the editor's own when a refused form is shown again. */
  slots: SlotRow[];
  /** The stamp the manşet form carries (news/headlineOrder.ts headlineStamp). */
  stamp: string;
  /** After another editor's change (409): the manşet as stored now. */
  stored?: SlotRow[];
  /** How many slots the manşet has. */
  slotCount: number;
  /** The manşet search: its words and up to ten published articles not in the manşet. */
  picks: { query: string; rows: PickRow[] };
  /** Son dakika items on now, newest first. */
  breaking: BreakingRow[];
  /** The son dakika search: its words and published articles not flagged now. */
  breakingPicks: { query: string; rows: PickRow[] };
  message?: string;
  error?: string;
  /** A refused son dakika form: the article, the end time as typed and the field's message. */
  breakingError?: { articleId: number; until: string; message: string };
}

const FORM_ID = "manset-formu";

export function HeadlinesPage(p: HeadlinesPageProps) {
  const full = p.slots.length >= p.slotCount;
  return (
    <NewsroomLayout chrome={p.chrome} title="Manşet ve son dakika">
      <h1>Manşet ve son dakika</h1>
      {p.message && <Notice kind="ok">{p.message}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.stored && (
        <div class="conflict">
          <h2 class="conflict-title">Güncel manşet</h2>
          {p.stored.length === 0 ? (
            <p>Manşet şu an boş.</p>
          ) : (
            <ol>
              {p.stored.map((s) => (
                <li key={s.id}>{s.title}</li>
              ))}
            </ol>
          )}
        </div>
      )}
      <div class="home-control">
        <section class="panel" aria-labelledby="manset-baslik">
          <h2 id="manset-baslik">
            Manşet{" "}
            <span class="count">
              ({p.slots.length}/{p.slotCount})
            </span>
          </h2>
          <form method="post" action="/yonetim/manset" id={FORM_ID} class="headlines-form">
            <Csrf chrome={p.chrome} />
            <input type="hidden" name="stamp" value={p.stamp} />
            <input type="hidden" name="ara" value={p.picks.query} />
            {p.slots.length === 0 ? (
              <p class="empty">Manşet boş. Aşağıdaki aramadan haber ekleyin.</p>
            ) : (
              <>
                <p class="hint" id="manset-ipucu">
                  Sırayı tutamaçtan sürükleyerek ya da “Yukarı taşı” ve “Aşağı taşı” düğmeleriyle değiştirin, sonra kaydedin.
                </p>
                <ol class="slots" aria-describedby="manset-ipucu">
                  {p.slots.map((s, i) => (
                    <li key={s.id} class="slot" data-id={String(s.id)}>
                      <span class="slot-handle" aria-hidden="true" title="Sürükleyin">
                        ⠿
                      </span>
                      <span class="slot-title">
                        <a href={`/yonetim/haber/${s.id}`}>{s.title}</a>
                        {!s.published && <span class="pill pill-red">yayında değil</span>}
                      </span>
                      <input type="hidden" name="slot" value={String(s.id)} />
                      <span class="slot-actions">
                        <button type="submit" name="up" value={String(s.id)} class="small" disabled={i === 0} data-move="up" aria-label={`Yukarı taşı: ${s.title}`}>
                          Yukarı taşı
                        </button>
                        <button
                          type="submit"
                          name="down"
                          value={String(s.id)}
                          class="small"
                          disabled={i === p.slots.length - 1}
                          data-move="down"
                          aria-label={`Aşağı taşı: ${s.title}`}
                        >
                          Aşağı taşı
                        </button>
                        <button type="submit" name="remove" value={String(s.id)} class="small danger" aria-label={`Çıkar: ${s.title}`}>
                          Çıkar
                        </button>
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            )}
            <p class="slot-status" role="status" aria-live="polite"></p>
            <button type="submit" class="primary">
              Manşeti kaydet
            </button>
          </form>

          <h3 id="manset-ekle">Manşete haber ekle</h3>
          <PickSearch name="ara" heading="manset-ekle" query={p.picks.query} other={{ name: "sdara", value: p.breakingPicks.query }} label="Yayındaki haberlerde ara" />
          {full && <p class="hint">Manşet dolu: eklemek için önce bir haberi çıkarın.</p>}
          <PickList query={p.picks.query}>
            {p.picks.rows.map((r) => (
              <li key={r.id} class="pick">
                <PickTitle row={r} />
                <button type="submit" form={FORM_ID} name="add" value={String(r.id)} class="small" disabled={full} aria-label={`Manşete ekle: ${r.title}`}>
                  Manşete ekle
                </button>
              </li>
            ))}
          </PickList>
        </section>

        <section class="panel" aria-labelledby="son-dakika-baslik">
          <h2 id="son-dakika-baslik">Son dakika</h2>
          {p.breaking.length === 0 ? (
            <p class="empty">Şu an son dakika olarak işaretli haber yok.</p>
          ) : (
            <ul class="breaking-list">
              {p.breaking.map((b) => (
                <li key={b.id} class="pick">
                  <span class="pick-title">
                    <a href={`/yonetim/haber/${b.id}`}>{b.title}</a>
                    <span class="pick-meta">{b.until ? `Bitiş: ${formatIstanbulTime(b.until)}` : "Bitiş yok (elle kaldırılana dek)"}</span>
                  </span>
                  <form method="post" action={`/yonetim/haber/${b.id}/son-dakika`}>
                    <Csrf chrome={p.chrome} />
                    <button type="submit" name="breaking" value="0" class="small danger" aria-label={`Son dakikadan çıkar: ${b.title}`}>
                      Son dakikadan çıkar
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}

          <h3 id="son-dakika-ekle">Son dakika ekle</h3>
          <PickSearch
            name="sdara"
            heading="son-dakika-ekle"
            query={p.breakingPicks.query}
            other={{ name: "ara", value: p.picks.query }}
            label="Yayındaki haberlerde ara"
          />
          <PickList query={p.breakingPicks.query}>
            {p.breakingPicks.rows.map((r) => {
              const refused = p.breakingError?.articleId === r.id ? p.breakingError : undefined;
              const errors = refused ? { until: refused.message } : undefined;
              return (
                <li key={r.id} class="pick pick-form">
                  <PickTitle row={r} />
                  <form method="post" action={`/yonetim/haber/${r.id}/son-dakika`} class="breaking-add">
                    <Csrf chrome={p.chrome} />
                    <input type="hidden" name="sdara" value={p.breakingPicks.query} />
                    <span class="field">
                      <label for={`until-${r.id}`}>Bitiş (isteğe bağlı)</label>
                      <input
                        type="datetime-local"
                        id={`until-${r.id}`}
                        name="until"
                        value={refused?.until ?? ""}
                        aria-invalid={refused ? "true" : undefined}
                        aria-describedby={refused ? "until-hata" : undefined}
                      />
                      <FieldError errors={errors} name="until" />
                    </span>
                    <button type="submit" name="breaking" value="1" class="small" aria-label={`Son dakika yap: ${r.title}`}>
                      Son dakika yap
                    </button>
                  </form>
                </li>
              );
            })}
          </PickList>
        </section>
      </div>
    </NewsroomLayout>
  );
}

/** A search form for an article to add, named by its section's heading (`heading`, an id); it keeps the other search's words (`other`). */
function PickSearch({ name, heading, query, other, label }: { name: string; heading: string; query: string; other: { name: string; value: string }; label: string }) {
  return (
    <form method="get" action="/yonetim/manset" role="search" class="pick-search" aria-labelledby={heading}>
      {other.value !== "" && <input type="hidden" name={other.name} value={other.value} />}
      <label for={`${name}-kutu`}>{label}</label>
      <span class="pick-search-row">
        <input type="search" id={`${name}-kutu`} name={name} value={query} maxLength={200} />
        <button type="submit">Ara</button>
      </span>
    </form>
  );
}

function PickList({ query, children }: { query: string; children: ComponentChildren[] }) {
  if (children.length === 0) return <p class="empty">{query.trim() === "" ? "Eklenecek yayında haber yok." : `“${query}” için eklenecek yayında haber bulunamadı.`}</p>;
  return (
    <>
      <p class="hint">{query.trim() === "" ? "Son yayımlanan haberler:" : `“${query}” araması:`}</p>
      <ul class="picks">{children}</ul>
    </>
  );
}

function PickTitle({ row }: { row: PickRow }) {
  return (
    <span class="pick-title">
      {row.title}
      {row.publishedAt && <span class="pick-meta">{formatIstanbulTime(row.publishedAt)}</span>}
    </span>
  );
}
