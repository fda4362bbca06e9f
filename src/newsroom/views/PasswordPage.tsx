// The own-password form (/yonetim/parola).
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

export interface PasswordPageProps {
  chrome: NewsroomChrome;
  errors?: Record<string, string>;
  message?: string;
}

export function PasswordPage({ chrome, errors, message }: PasswordPageProps) {
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
