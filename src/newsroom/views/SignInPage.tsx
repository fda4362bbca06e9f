// The sign-in form (/yonetim/giris).
import { NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

export interface SignInPageProps {
  chrome: NewsroomChrome;
  /** The sign-in form's own CSRF token (its cookie is set beside it). */
  csrfToken: string;
  error?: string;
  /** The address typed, shown again after a refusal. */
  email?: string;
  /** Where to go after signing in (a /yonetim/ path). */
  next?: string;
}

export function SignInPage({ chrome, csrfToken, error, email, next }: SignInPageProps) {
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
