import { type Chrome, Layout } from "../../ui/Layout.tsx";

/** The reader's error page: 404, 500, or any other refusal (4xx) with its Turkish reason. */
export function ErrorPage({ chrome, status, message }: { chrome: Chrome; status: number; message?: string }) {
  const text =
    status === 404
      ? { heading: "Aradığınız sayfa bulunamadı", body: "Sayfa kaldırılmış, adı değişmiş ya da geçici olarak kullanılamıyor olabilir." }
      : status >= 400 && status < 500
        ? { heading: "İstek anlaşılamadı", body: message ?? "Adres ya da gönderilen bilgiler hatalı görünüyor." }
        : { heading: "Bir sorun oluştu", body: "Sayfayı şu anda gösteremiyoruz. Lütfen birkaç dakika sonra yeniden deneyin." };
  return (
    <Layout chrome={chrome} title={`${text.heading} | ${chrome.siteName}`} noindex>
      <section class="error-page">
        <p class="error-code">{status}</p>
        <h1>{text.heading}</h1>
        <p>{text.body}</p>
        <p>
          <a href="/">Ana sayfaya dönün</a> ya da menüden bir kategori seçin.
        </p>
      </section>
    </Layout>
  );
}
