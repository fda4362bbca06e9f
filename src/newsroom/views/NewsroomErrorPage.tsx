// The newsroom's error page, shown by the app's error handler for /yonetim paths.
import { NewsroomLayout, type NewsroomChrome } from "./NewsroomLayout.tsx";

export interface NewsroomErrorPageProps {
  chrome: NewsroomChrome;
  /** The HTTP status; it picks the heading. */
  status: number;
  message: string;
}

export function NewsroomErrorPage({ chrome, status, message }: NewsroomErrorPageProps) {
  const heading =
    status === 403
      ? "Bu işlem için yetkiniz yok"
      : status === 404
        ? "Bulunamadı"
        : status === 429
          ? "Çok fazla deneme"
          : status >= 400 && status < 500
            ? "İstek geçersiz"
            : "Bir sorun oluştu";
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
