// Site settings (/yonetim/ayarlar, admins): the site's identity and ads.txt, one form each.
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** A library picture offered as logo or default share image. */
export interface PictureChoice {
  id: number;
  label: string;
}

export interface SettingsPageProps {
  chrome: NewsroomChrome;
  /** What the forms show: the stored values, or what was sent when a save was refused. */
  identity: { siteName: string; logo: string; defaultShareImageId: string; socialProfiles: string; version: number };
  adsTxt: { text: string; version: number };
  /** The current logo's address (site-relative) and whether it is an SVG kept in the settings. */
  currentLogo: { url: string; svg: boolean } | null;
  pictures: PictureChoice[];
  maxMb: number;
  message?: string;
  error?: string;
  errors?: Record<string, string>;
}

export function SettingsPage({ chrome, identity, adsTxt, currentLogo, pictures, maxMb, message, error, errors }: SettingsPageProps) {
  const described = (name: string) => (errors?.[name] ? `${name}-hata` : undefined);
  return (
    <NewsroomLayout chrome={chrome} title="Site ayarları">
      <h1>Site ayarları</h1>
      {message && <Notice kind="ok">{message}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <form method="post" action="/yonetim/ayarlar/kimlik" enctype="multipart/form-data" class="settings-form">
        <Csrf chrome={chrome} />
        <input type="hidden" name="version" value={String(identity.version)} />
        <h2>Site kimliği</h2>
        <div class="field">
          <label for="siteName">Site adı</label>
          <input id="siteName" name="siteName" value={identity.siteName} maxLength={80} required aria-describedby={described("siteName")} />
          <FieldError errors={errors} name="siteName" />
        </div>
        <fieldset class="field">
          <legend>Logo</legend>
          {currentLogo ? (
            <p>
              <img src={currentLogo.url} alt="Şu anki logo" height={48} class="logo-preview" /> {currentLogo.svg ? "(SVG)" : ""}
            </p>
          ) : (
            <p class="hint">Logo yok: sayfa başlığında site adı yazılır.</p>
          )}
          <label for="logo">Logo seçimi</label>
          <select id="logo" name="logo" aria-describedby={described("logo")}>
            <option value="mevcut" selected={identity.logo === "mevcut"}>
              Şu anki logoyu koru
            </option>
            <option value="yok" selected={identity.logo === "yok"}>
              Logo kullanma (site adı yazılsın)
            </option>
            {pictures.map((p) => (
              <option key={p.id} value={String(p.id)} selected={identity.logo === String(p.id)}>
                Kütüphaneden: {p.label}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="logo" />
          <label for="logoFile">Ya da yeni logo yükleyin (SVG ya da PNG, en çok {maxMb} MB; SVG en çok 100 KB)</label>
          <input id="logoFile" name="logoFile" type="file" accept="image/svg+xml,image/png,image/jpeg,image/webp" aria-describedby={described("logoFile")} />
          <FieldError errors={errors} name="logoFile" />
        </fieldset>
        <div class="field">
          <label for="defaultShareImageId">Varsayılan paylaşım görseli (görseli olmayan haberler için)</label>
          <select id="defaultShareImageId" name="defaultShareImageId" aria-describedby={described("defaultShareImageId")}>
            <option value="" selected={identity.defaultShareImageId === ""}>
              Yerleşik görsel
            </option>
            {pictures.map((p) => (
              <option key={p.id} value={String(p.id)} selected={identity.defaultShareImageId === String(p.id)}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="defaultShareImageId" />
        </div>
        <div class="field">
          <label for="socialProfiles">Sosyal medya hesapları (her satıra bir https:// adresi, en çok 10)</label>
          <textarea id="socialProfiles" name="socialProfiles" rows={4} aria-describedby={described("socialProfiles")}>
            {identity.socialProfiles}
          </textarea>
          <FieldError errors={errors} name="socialProfiles" />
        </div>
        <button type="submit" class="primary">
          Kimliği kaydet
        </button>
      </form>
      <form method="post" action="/yonetim/ayarlar/ads-txt" class="settings-form">
        <Csrf chrome={chrome} />
        <input type="hidden" name="version" value={String(adsTxt.version)} />
        <h2>ads.txt</h2>
        <div class="field">
          <label for="adsTxt">/ads.txt içeriği (boş bırakılırsa /ads.txt yayımlanmaz)</label>
          <textarea id="adsTxt" name="text" rows={8} class="mono">
            {adsTxt.text}
          </textarea>
        </div>
        <button type="submit" class="primary">
          ads.txt kaydet
        </button>
      </form>
    </NewsroomLayout>
  );
}
