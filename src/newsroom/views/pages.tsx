// The smaller newsroom pages. The editor lives in EditorPage.tsx.
import type { ArticleRevision, ArticleStatus, AuditEntry, Image, User } from "../../db/schema.ts";
import { AUDIT_LABELS, type AuditAction } from "../../audit/store.ts";
import type { FieldChange } from "../../news/revisionSnapshot.ts";
import { STATUS_LABELS } from "../../news/workflow.ts";
import { formatIstanbulTime } from "../../lib/time.ts";
import { ROLE_LABELS, ROLES } from "../users.ts";
import { DiffView } from "./DiffView.tsx";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

export function SignInPage({ chrome, csrfToken, error, email, next }: { chrome: NewsroomChrome; csrfToken: string; error?: string; email?: string; next?: string }) {
  return (
    <NewsroomLayout chrome={chrome} title="Giriş">
      <section class="signin">
        <h1>Haber merkezine giriş</h1>
        {error && <Notice kind="error">{error}</Notice>}
        <form method="post" action="/yonetim/giris">
          <input type="hidden" name="_csrf" value={csrfToken} />
          {next && <input type="hidden" name="sonra" value={next} />}
          <div class="field">
            <label for="email">E-posta</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ""} />
          </div>
          <div class="field">
            <label for="password">Parola</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit" class="primary">
            Giriş yap
          </button>
        </form>
      </section>
    </NewsroomLayout>
  );
}

export interface ListRow {
  id: number;
  title: string;
  status: ArticleStatus;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  categoryName: string;
  ownerName: string | null;
  headlineSlot: number | null;
  isBreaking: number;
}

const TABS: Array<{ status?: ArticleStatus; label: string }> = [
  { label: "Tümü" },
  { status: "draft", label: "Taslaklar" },
  { status: "review", label: "Onay bekleyenler" },
  { status: "scheduled", label: "Zamanlananlar" },
  { status: "published", label: "Yayında" },
  { status: "unpublished", label: "Yayından kalkanlar" },
];

export function ArticleListPage({ chrome, rows, status, query, message }: { chrome: NewsroomChrome; rows: ListRow[]; status?: ArticleStatus; query?: string; message?: string }) {
  return (
    <NewsroomLayout chrome={chrome} title="Haberler">
      <div class="list-head">
        <h1>Haberler</h1>
        <a class="button primary" href="/yonetim/haber/yeni">
          Yeni haber
        </a>
      </div>
      {message && <Notice kind="ok">{message}</Notice>}
      <form method="get" action="/yonetim/" class="inline" role="search">
        {status && <input type="hidden" name="durum" value={status} />}
        <label for="haber-ara">Haberlerde ara (taslaklar dahil)</label>
        <input id="haber-ara" type="search" name="q" value={query ?? ""} maxLength={200} />
        <button type="submit">Ara</button>
      </form>
      <nav class="tabs" aria-label="Durum">
        {TABS.map((t) => (
          <a key={t.label} href={t.status ? `/yonetim/?durum=${t.status}` : "/yonetim/"} aria-current={t.status === status ? "page" : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p class="empty">Bu listede haber yok.</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Başlık</th>
              <th scope="col">Kategori</th>
              <th scope="col">Durum</th>
              <th scope="col">Yazan</th>
              <th scope="col">Son değişiklik</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/yonetim/haber/${r.id}`}>{r.title}</a>
                  {r.headlineSlot !== null && <span class="pill">Manşet {r.headlineSlot}</span>}
                  {r.isBreaking === 1 && <span class="pill pill-red">Son dakika</span>}
                </td>
                <td>{r.categoryName}</td>
                <td>
                  <span class={`status status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                  {r.scheduledAt && <small> {formatIstanbulTime(r.scheduledAt)}</small>}
                </td>
                <td>{r.ownerName ?? "—"}</td>
                <td>{formatIstanbulTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

export function RevisionsPage(p: {
  chrome: NewsroomChrome;
  articleId: number;
  title: string;
  currentVersion: number;
  revisions: ArticleRevision[];
  compare?: { from: number; to: number; changes: FieldChange[] };
  canRestore: boolean;
}) {
  return (
    <NewsroomLayout chrome={p.chrome} title={`Sürümler: ${p.title}`}>
      <h1>Sürümler</h1>
      <p>
        <a href={`/yonetim/haber/${p.articleId}`}>← {p.title}</a>
      </p>
      <form method="get" class="compare">
        <label for="a">Karşılaştır:</label>
        <select id="a" name="a">
          {p.revisions.map((r) => (
            <option key={r.version} value={String(r.version)} selected={r.version === (p.compare?.from ?? p.revisions[1]?.version)}>
              Sürüm {r.version}
            </option>
          ))}
        </select>
        <label for="b">ile</label>
        <select id="b" name="b">
          {p.revisions.map((r) => (
            <option key={r.version} value={String(r.version)} selected={r.version === (p.compare?.to ?? p.currentVersion)}>
              Sürüm {r.version}
            </option>
          ))}
        </select>
        <button type="submit">Farkları göster</button>
      </form>
      {p.compare && (
        <section aria-labelledby="farklar">
          <h2 id="farklar">
            Sürüm {p.compare.from} → sürüm {p.compare.to}
          </h2>
          <DiffView changes={p.compare.changes} />
        </section>
      )}
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Sürüm</th>
            <th scope="col">Kim</th>
            <th scope="col">Ne zaman</th>
            <th scope="col">Durum</th>
            <th scope="col">Not</th>
            <th scope="col">
              <span class="visually-hidden">İşlem</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.revisions.map((r) => (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>{r.authorLabel}</td>
              <td>{formatIstanbulTime(r.createdAt)}</td>
              <td>{STATUS_LABELS[r.status]}</td>
              <td>{r.note}</td>
              <td>
                {p.canRestore && r.version !== p.currentVersion && (
                  <form method="post" action={`/yonetim/haber/${p.articleId}/surumler/${r.version}/geri-yukle`}>
                    <Csrf chrome={p.chrome} />
                    <input type="hidden" name="version" value={String(p.currentVersion)} />
                    <button type="submit">Bu sürümü geri yükle</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}

export function MediaPage({ chrome, images, error, errors, message, maxMb }: { chrome: NewsroomChrome; images: Image[]; error?: string; errors?: Record<string, string>; message?: string; maxMb: number }) {
  return (
    <NewsroomLayout chrome={chrome} title="Medya kütüphanesi">
      <h1>Medya kütüphanesi</h1>
      {message && <Notice kind="ok">{message}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <form method="post" action="/yonetim/medya" enctype="multipart/form-data" class="upload">
        <Csrf chrome={chrome} />
        <h2>Görsel yükle</h2>
        <p class="hint">JPEG, PNG, WebP, AVIF ya da GIF; en çok {maxMb} MB. Konum bilgisi silinir.</p>
        <div class="field">
          <label for="file">Dosya</label>
          <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required />
          <FieldError errors={errors} name="file" />
        </div>
        <div class="grid-3">
          <div class="field">
            <label for="caption">Altyazı</label>
            <input id="caption" name="caption" maxLength={500} />
          </div>
          <div class="field">
            <label for="credit">Fotoğraf kaynağı</label>
            <input id="credit" name="credit" maxLength={120} />
          </div>
          <div class="field">
            <label for="alt">Alternatif metin</label>
            <input id="alt" name="alt" maxLength={300} required />
            <FieldError errors={errors} name="alt" />
          </div>
        </div>
        <button type="submit" class="primary">
          Yükle
        </button>
      </form>
      <ul class="media-grid">
        {images.map((img) => (
          <li key={img.id}>
            <img src={`/medya/${img.storageKey}-${img.variantWidths.split(",")[0]}.webp`} alt={img.alt} width={160} height={Math.round((160 * img.height) / img.width)} loading="lazy" />
            <p>
              <strong>#{img.id}</strong> {img.caption}
              {img.credit && <> [Fotoğraf: {img.credit}]</>}
            </p>
            <p class="hint">
              Metne eklemek için adres: <code>/medya/{img.storageKey}-{img.variantWidths.split(",").at(-1)}.webp</code>
            </p>
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}

export function HeadlinesPage({ chrome, published, slots, message, error }: { chrome: NewsroomChrome; published: ListRow[]; slots: number[]; message?: string; error?: string }) {
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
      <table class="table">
        <tbody>
          {published.slice(0, 40).map((r) => (
            <tr key={r.id}>
              <td>{r.title}</td>
              <td>
                <form method="post" action={`/yonetim/haber/${r.id}/son-dakika`} class="inline">
                  <Csrf chrome={chrome} />
                  {r.isBreaking === 1 ? (
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
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}

export function UsersPage(p: {
  chrome: NewsroomChrome;
  users: User[];
  tokens: Array<{ id: number; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null; email: string }>;
  message?: string;
  error?: string;
  errors?: Record<string, string>;
  newToken?: string;
}) {
  return (
    <NewsroomLayout chrome={p.chrome} title="Kullanıcılar">
      <h1>Kullanıcılar</h1>
      {p.message && <Notice kind="ok">{p.message}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.newToken && (
        <Notice kind="warn">
          Yeni API anahtarı (yalnızca bir kez gösterilir): <code class="token">{p.newToken}</code>
        </Notice>
      )}
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Ad</th>
            <th scope="col">E-posta</th>
            <th scope="col">Rol</th>
            <th scope="col">Durum</th>
          </tr>
        </thead>
        <tbody>
          {p.users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={`/yonetim/kullanicilar/${u.id}/rol`} class="inline">
                  <Csrf chrome={p.chrome} />
                  <label class="visually-hidden" for={`rol-${u.id}`}>
                    Rol
                  </label>
                  <select id={`rol-${u.id}`} name="role">
                    {ROLES.map((r) => (
                      <option key={r} value={r} selected={u.role === r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit">Değiştir</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/yonetim/kullanicilar/${u.id}/durum`} class="inline">
                  <Csrf chrome={p.chrome} />
                  {u.disabledAt ? (
                    <button type="submit" name="disabled" value="0">
                      Etkinleştir
                    </button>
                  ) : (
                    <button type="submit" name="disabled" value="1">
                      Devre dışı bırak
                    </button>
                  )}
                </form>
                <form method="post" action={`/yonetim/kullanicilar/${u.id}/anahtar`} class="inline">
                  <Csrf chrome={p.chrome} />
                  <label class="visually-hidden" for={`anahtar-${u.id}`}>
                    Anahtar etiketi
                  </label>
                  <input id={`anahtar-${u.id}`} name="name" placeholder="Anahtar etiketi" maxLength={100} />
                  <button type="submit">API anahtarı oluştur</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/yonetim/kullanicilar" class="add-user">
        <Csrf chrome={p.chrome} />
        <h2>Kullanıcı ekle</h2>
        <div class="grid-2">
          <div class="field">
            <label for="name">Ad soyad</label>
            <input id="name" name="name" required maxLength={120} />
            <FieldError errors={p.errors} name="name" />
          </div>
          <div class="field">
            <label for="email">E-posta</label>
            <input id="email" name="email" type="email" required />
            <FieldError errors={p.errors} name="email" />
          </div>
          <div class="field">
            <label for="role">Rol</label>
            <select id="role" name="role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="password">İlk parola (en az 10 karakter)</label>
            <input id="password" name="password" type="password" required minLength={10} autocomplete="new-password" />
            <FieldError errors={p.errors} name="password" />
          </div>
        </div>
        <button type="submit" class="primary">
          Ekle
        </button>
      </form>
      <h2>API anahtarları</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Etiket</th>
            <th scope="col">Kullanıcı</th>
            <th scope="col">Oluşturuldu</th>
            <th scope="col">Son kullanım</th>
            <th scope="col">Durum</th>
          </tr>
        </thead>
        <tbody>
          {p.tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.email}</td>
              <td>{formatIstanbulTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatIstanbulTime(t.lastUsedAt) : "—"}</td>
              <td>
                {t.revokedAt ? (
                  "İptal edildi"
                ) : (
                  <form method="post" action={`/yonetim/anahtarlar/${t.id}/iptal`} class="inline">
                    <Csrf chrome={p.chrome} />
                    <button type="submit">İptal et</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}

export function AuditPage({ chrome, items, page, pageCount }: { chrome: NewsroomChrome; items: AuditEntry[]; page: number; pageCount: number }) {
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
              <td>{AUDIT_LABELS[e.action as AuditAction] ?? e.action}</td>
              <td>{e.subject}</td>
              <td>{e.detail}</td>
              <td>{e.ip ?? ""}</td>
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

export function PasswordPage({ chrome, errors, message }: { chrome: NewsroomChrome; errors?: Record<string, string>; message?: string }) {
  return (
    <NewsroomLayout chrome={chrome} title="Parola değiştir">
      <h1>Parola değiştir</h1>
      {message && <Notice kind="ok">{message}</Notice>}
      <form method="post" action="/yonetim/parola">
        <Csrf chrome={chrome} />
        <div class="field">
          <label for="current">Mevcut parola</label>
          <input id="current" name="current" type="password" required autocomplete="current-password" />
          <FieldError errors={errors} name="current" />
        </div>
        <div class="field">
          <label for="next">Yeni parola (en az 10 karakter)</label>
          <input id="next" name="next" type="password" required minLength={10} autocomplete="new-password" />
          <FieldError errors={errors} name="password" />
        </div>
        <button type="submit" class="primary">
          Değiştir
        </button>
      </form>
    </NewsroomLayout>
  );
}

export function NewsroomErrorPage({ chrome, status, message }: { chrome: NewsroomChrome; status: number; message: string }) {
  const heading = status === 403 ? "Bu işlem için yetkiniz yok" : status === 404 ? "Bulunamadı" : status === 429 ? "Çok fazla deneme" : status >= 400 && status < 500 ? "İstek geçersiz" : "Bir sorun oluştu";
  return (
    <NewsroomLayout chrome={chrome} title={heading}>
      <h1>{heading}</h1>
      <p>{message}</p>
      <p>
        <a href="/yonetim/">Haber listesine dönün</a>
      </p>
    </NewsroomLayout>
  );
}

