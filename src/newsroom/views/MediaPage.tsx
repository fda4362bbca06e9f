// The media library (/yonetim/medya): the upload form and the pictures uploaded so far.
import { FieldError, Csrf, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** A picture as the library shows it: `variantWidths` is the comma-separated list of stored WebP widths. */
export interface MediaImage {
  id: number;
  storageKey: string;
  variantWidths: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
}

export interface MediaPageProps {
  chrome: NewsroomChrome;
  images: MediaImage[];
  error?: string;
  errors?: Record<string, string>;
  message?: string;
  /** The largest upload, in whole megabytes. */
  maxMb: number;
}

export function MediaPage({ chrome, images, error, errors, message, maxMb }: MediaPageProps) {
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
      <p class="hint">
        Bir görseli habere eklemek için editörde ana görselin yanındaki “Kütüphaneden seç” bağlantısını ya da metnin araç çubuğundaki “Görsel” düğmesini kullanın; görseli
        metne sürükleyip bırakabilir ya da yapıştırabilirsiniz. Eski görseller için <a href="/yonetim/medya/sec">kütüphanede arayın</a>.
      </p>
      <ul class="media-grid">
        {images.map((img) => (
          <li key={img.id}>
            <img
              src={`/medya/${img.storageKey}-${img.variantWidths.split(",")[0]}.webp`}
              alt={img.alt}
              width={160}
              height={Math.round((160 * img.height) / img.width)}
              loading="lazy"
            />
            <p>
              <strong>#{img.id}</strong> {img.caption}
              {img.credit && <> [Fotoğraf: {img.credit}]</>}
            </p>
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}
