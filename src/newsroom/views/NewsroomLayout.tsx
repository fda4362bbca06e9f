import type { ComponentChildren } from "preact";
import type { Role } from "../../db/schema.ts";

export interface NewsroomChrome {
  styleUrl: string;
  scriptUrl: string;
  user: { name: string; role: Role; csrfToken: string } | null;
  /** Labels of the required künye details not given yet (shown to admins only; empty: nothing to warn about). */
  kunyeMissing?: string[];
}

export function Csrf({ chrome }: { chrome: NewsroomChrome }) {
  return <input type="hidden" name="_csrf" value={chrome.user?.csrfToken ?? ""} />;
}

export function Notice({ kind, children }: { kind: "ok" | "error" | "warn"; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export function FieldError({ errors, name }: { errors?: Record<string, string>; name: string }) {
  const message = errors?.[name];
  return message ? (
    <p class="field-error" id={`${name}-hata`}>
      {message}
    </p>
  ) : null;
}

export function NewsroomLayout({ chrome, title, children }: { chrome: NewsroomChrome; title: string; children: ComponentChildren }) {
  const user = chrome.user;
  return (
    <html lang="tr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | Haberci Yönetim`}</title>
        <link rel="stylesheet" href={chrome.styleUrl} />
        {user && <script type="module" src={chrome.scriptUrl} />}
      </head>
      <body class="newsroom">
        <header class="nr-header">
          <a class="nr-logo" href="/yonetim/">
            Haberci <span>Yönetim</span>
          </a>
          {user && (
            <nav aria-label="Yönetim menüsü">
              <ul>
                <li>
                  <a href="/yonetim/">Haberler</a>
                </li>
                <li>
                  <a href="/yonetim/haber/yeni">Yeni haber</a>
                </li>
                <li>
                  <a href="/yonetim/medya">Medya</a>
                </li>
                {user.role !== "muhabir" && (
                  <li>
                    <a href="/yonetim/manset">Manşet</a>
                  </li>
                )}
                {user.role === "yonetici" && (
                  <>
                    <li>
                      <a href="/yonetim/kullanicilar">Kullanıcılar</a>
                    </li>
                    <li>
                      <a href="/yonetim/denetim">Denetim kaydı</a>
                    </li>
                    <li>
                      <a href="/yonetim/ayarlar">Ayarlar</a>
                    </li>
                    <li>
                      <a href="/yonetim/kunye">Künye</a>
                    </li>
                  </>
                )}
                <li>
                  <a href="/yonetim/profil">Profilim</a>
                </li>
                <li>
                  <a href="/yonetim/parola">Parola</a>
                </li>
              </ul>
            </nav>
          )}
          {user && (
            <form method="post" action="/yonetim/cikis" class="nr-signout">
              <Csrf chrome={chrome} />
              <span>{user.name}</span> <button type="submit">Çıkış</button>
            </form>
          )}
        </header>
        <main class="nr-main">
          {user?.role === "yonetici" && chrome.kunyeMissing && chrome.kunyeMissing.length > 0 && (
            <div class="notice notice-warn kunye-warning" role="status">
              <strong>Künye eksik.</strong> Basın Kanunu'na göre sitede gösterilmesi zorunlu şu bilgiler girilmedi: {chrome.kunyeMissing.join(", ")}.{" "}
              <a href="/yonetim/kunye">Künyeyi tamamlayın</a>
            </div>
          )}
          {children}
        </main>
      </body>
    </html>
  );
}
