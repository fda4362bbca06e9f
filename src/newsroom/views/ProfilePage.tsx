// The author profile form (/yonetim/profil; an admin's /yonetim/kullanicilar/:id/profil).
import { AUTHOR_LIMITS, type AuthorProfileInput, MAX_AUTHOR_LINKS } from "../../news/authorProfile.ts";
import type { EditorImage } from "./EditorPage.tsx";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** What the profile form shows, as `loadProfile` reads it. */
export interface ProfileData {
  /** Where the form posts. */
  action: string;
  /** The signed-in user's own profile ("Profilim"), not another user's. */
  own: boolean;
  /** The newsroom user whose profile it is. */
  userName: string;
  /** The public author page, once the profile exists. */
  publicPath: string | null;
  values: AuthorProfileInput;
  images: EditorImage[];
}

export interface ProfilePageProps extends ProfileData {
  chrome: NewsroomChrome;
  errors?: Record<string, string>;
  message?: string;
  error?: string;
}

/** `aria-describedby` of a field: its hint and, when refused, its message. */
function describedBy(errors: Record<string, string> | undefined, name: string, hint?: string): string | undefined {
  const ids = [hint, errors?.[name] ? `${name}-hata` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function ProfilePage(p: ProfilePageProps) {
  const v = p.values;
  const heading = p.own ? "Profilim" : `Yazar profili: ${p.userName}`;
  const links = Array.from({ length: MAX_AUTHOR_LINKS }, (_, i) => v.links[i] ?? "");
  return (
    <NewsroomLayout chrome={p.chrome} title={heading}>
      <h1>{heading}</h1>
      {p.message && <Notice kind="ok">{p.message}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      <p class="hint">Okurlar bu bilgileri haberlerdeki imzada ve yazar sayfasında görür. {p.publicPath && <a href={p.publicPath}>Yazar sayfasını aç</a>}</p>
      <form method="post" action={p.action}>
        <Csrf chrome={p.chrome} />
        <div class="grid-2">
          <div class="field">
            <label for="name">Ad soyad</label>
            <input id="name" name="name" value={v.name} required maxLength={AUTHOR_LIMITS.name} aria-describedby={describedBy(p.errors, "name")} />
            <FieldError errors={p.errors} name="name" />
          </div>
          <div class="field">
            <label for="slug">Adres (kısa ad)</label>
            <input id="slug" name="slug" value={v.slug} maxLength={AUTHOR_LIMITS.slug} aria-describedby={describedBy(p.errors, "slug", "slug-ipucu")} />
            <p class="hint" id="slug-ipucu">
              /yazar/… adresi; boş bırakılırsa addan üretilir.
            </p>
            <FieldError errors={p.errors} name="slug" />
          </div>
        </div>
        <div class="field">
          <label for="title">Unvan</label>
          <input
            id="title"
            name="title"
            value={v.title}
            maxLength={AUTHOR_LIMITS.title}
            placeholder="Ekonomi Muhabiri"
            aria-describedby={describedBy(p.errors, "title")}
          />
          <FieldError errors={p.errors} name="title" />
        </div>
        <div class="field">
          <label for="bio">Kısa özgeçmiş (en çok {AUTHOR_LIMITS.bio} karakter, düz metin)</label>
          <textarea id="bio" name="bio" rows={4} maxLength={AUTHOR_LIMITS.bio} aria-describedby={describedBy(p.errors, "bio")}>
            {v.bio}
          </textarea>
          <FieldError errors={p.errors} name="bio" />
        </div>
        <div class="field">
          <label for="imageId">Fotoğraf</label>
          <select id="imageId" name="imageId" aria-describedby={describedBy(p.errors, "imageId", "foto-ipucu")}>
            <option value="">Fotoğraf yok</option>
            {p.images.map((img) => (
              <option key={img.id} value={String(img.id)} selected={img.id === v.imageId}>
                #{img.id} — {img.caption || img.alt}
              </option>
            ))}
          </select>
          <p class="hint" id="foto-ipucu">
            Fotoğrafı önce <a href="/yonetim/medya">medya kütüphanesine</a> yükleyin.
          </p>
          <FieldError errors={p.errors} name="imageId" />
        </div>
        <fieldset class="group" aria-describedby={describedBy(p.errors, "links", "baglanti-ipucu")}>
          <legend>Bağlantılar</legend>
          <p class="hint" id="baglanti-ipucu">
            Web sitesi, X, LinkedIn gibi; https:// ile başlayan tam adres.
          </p>
          {links.map((link, i) => (
            <div class="field" key={i}>
              <label for={`link-${i + 1}`}>Bağlantı {i + 1}</label>
              <input id={`link-${i + 1}`} name="links" type="url" value={link} maxLength={AUTHOR_LIMITS.link} inputMode="url" />
            </div>
          ))}
          <FieldError errors={p.errors} name="links" />
        </fieldset>
        <button type="submit" class="primary">
          Kaydet
        </button>
      </form>
    </NewsroomLayout>
  );
}
