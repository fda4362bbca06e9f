// Users and API tokens (/yonetim/kullanicilar), for admins.
import { Table } from "./Table.tsx";
import type { Role } from "../../db/schema.ts";
import { formatIstanbulTime } from "../../lib/time.ts";
import { ROLE_LABELS, ROLES } from "../users.ts";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** A user as the table shows it (never the password hash). */
export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
}

/** An API token as the table shows it (never its hash); times are ISO 8601 UTC. */
export interface TokenRow {
  id: number;
  name: string;
  /** The owner's e-mail address. */
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface UsersPageProps {
  chrome: NewsroomChrome;
  users: UserRow[];
  tokens: TokenRow[];
  message?: string;
  error?: string;
  errors?: Record<string, string>;
  /** A token just created, shown once. */
  newToken?: string;
}

export function UsersPage(p: UsersPageProps) {
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
              <td>
                {u.name}{" "}
                <a href={`/yonetim/kullanicilar/${u.id}/profil`} aria-label={`${u.name}: yazar profili`}>
                  (profil)
                </a>
              </td>
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
                  {u.disabled ? (
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
      <Table
        columns={[{ label: "Etiket" }, { label: "Kullanıcı" }, { label: "Oluşturuldu" }, { label: "Son kullanım" }, { label: "Durum" }]}
        rows={p.tokens}
        rowKey={(t) => t.id}
        cells={(t) => [
          t.name,
          t.email,
          formatIstanbulTime(t.createdAt),
          t.lastUsedAt ? formatIstanbulTime(t.lastUsedAt) : "—",
          t.revoked ? (
            "İptal edildi"
          ) : (
            <form method="post" action={`/yonetim/anahtarlar/${t.id}/iptal`} class="inline">
              <Csrf chrome={p.chrome} />
              <button type="submit">İptal et</button>
            </form>
          ),
        ]}
      />
    </NewsroomLayout>
  );
}
