// The künye form (/yonetim/kunye, admins): the publication's legal details (Press Law 5187 art. 4) and the
// editorial contacts, shown to readers at /kunye/ and /iletisim/.
import { KUNYE_FIELDS, type KunyeField } from "../../legal/kunye.ts";
import { type KunyeContact, KUNYE_ADDRESS_MAX_LENGTH, KUNYE_CONTACTS_MAX, KUNYE_TEXT_MAX_LENGTH } from "../../settings/sections.ts";
import { Csrf, FieldError, NewsroomLayout, type NewsroomChrome, Notice } from "./NewsroomLayout.tsx";

/** Empty contact rows offered below the filled ones (more after saving): the form works without a script. */
export const EMPTY_CONTACT_ROWS = 3;

export interface KunyeFormPageProps {
  chrome: NewsroomChrome;
  /** What the form shows: the stored künye, or what was sent when a save was refused; `version` for the stale check. */
  form: Record<KunyeField, string> & { contacts: KunyeContact[]; version: number };
  message?: string;
  error?: string;
  errors?: Record<string, string>;
}

const INPUT: Partial<Record<KunyeField, { type: string; autocomplete?: string; hint?: string }>> = {
  owner: { type: "text", autocomplete: "organization" },
  email: { type: "email", autocomplete: "email" },
  phone: { type: "tel", autocomplete: "tel", hint: "ör. +90 312 555 00 00" },
  eTebligat: { type: "text", hint: "KEP adresi (ör. haberci@hs01.kep.tr) ya da UETS adresi (ör. 12345-12345-12345)" },
};

export function KunyeFormPage({ chrome, form, message, error, errors }: KunyeFormPageProps) {
  const described = (name: string, hint: boolean) => [hint ? `${name}-ipucu` : "", errors?.[name] ? `${name}-hata` : ""].filter(Boolean).join(" ") || undefined;
  const rows = [...form.contacts, ...Array.from({ length: EMPTY_CONTACT_ROWS }, () => ({ role: "", name: "", reach: "" }))].slice(
    0,
    Math.max(form.contacts.length, KUNYE_CONTACTS_MAX),
  );
  return (
    <NewsroomLayout chrome={chrome} title="Künye">
      <h1>Künye</h1>
      {message && <Notice kind="ok">{message}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <p>
        Okurlar bu bilgileri <a href="/kunye/">/kunye/</a> ve <a href="/iletisim/">/iletisim/</a> sayfalarında görür; her sayfanın alt kısmı bu sayfalara bağlanır.
        Aşağıdaki alanların hepsi Basın Kanunu'nun (5187) 4. maddesine göre internet haber sitelerinde gösterilmesi zorunlu bilgilerdir: eksik kaydedilebilir, ama
        tamamlanana kadar yöneticiler her sayfada uyarılır.
      </p>
      <form method="post" action="/yonetim/kunye" class="settings-form">
        <Csrf chrome={chrome} />
        <input type="hidden" name="version" value={String(form.version)} />
        <h2>Yasal bilgiler</h2>
        {KUNYE_FIELDS.map(({ name, label }) => {
          const input = INPUT[name];
          const multiline = name === "address" || name === "hostAddress";
          return (
            <div class="field" key={name}>
              <label for={name}>{label}</label>
              {multiline ? (
                <textarea
                  id={name}
                  name={name}
                  rows={3}
                  maxLength={KUNYE_ADDRESS_MAX_LENGTH}
                  aria-invalid={errors?.[name] ? "true" : undefined}
                  aria-describedby={described(name, false)}
                >
                  {form[name]}
                </textarea>
              ) : (
                <input
                  id={name}
                  name={name}
                  type={input?.type ?? "text"}
                  value={form[name]}
                  maxLength={KUNYE_TEXT_MAX_LENGTH}
                  autocomplete={input?.autocomplete}
                  aria-invalid={errors?.[name] ? "true" : undefined}
                  aria-describedby={described(name, Boolean(input?.hint))}
                />
              )}
              {input?.hint && (
                <p class="hint" id={`${name}-ipucu`}>
                  {input.hint}
                </p>
              )}
              <FieldError errors={errors} name={name} />
            </div>
          );
        })}
        <fieldset class="field">
          <legend>Yayın kadrosu (isteğe bağlı)</legend>
          <p class="hint">
            Her satıra bir kişi: görevi, adı ve isterseniz e-posta adresi ya da telefonu. Boş satırlar kaydedilmez; daha fazla satır için kaydedip yeniden açın (en çok{" "}
            {KUNYE_CONTACTS_MAX}).
          </p>
          <FieldError errors={errors} name="contacts" />
          {rows.map((row, i) => {
            const refused = errors?.[`contact-${i}`] ? `contact-${i}-hata` : undefined;
            const cell = (column: "contactRole" | "contactName" | "contactReach", label: string, value: string) => (
              <div class="field">
                <label for={`${column}-${i}`}>{label}</label>
                <input
                  id={`${column}-${i}`}
                  name={column}
                  value={value}
                  maxLength={KUNYE_TEXT_MAX_LENGTH}
                  aria-invalid={refused ? "true" : undefined}
                  aria-describedby={refused}
                />
              </div>
            );
            return (
              <div class="kunye-contact" key={i} role="group" aria-label={`Kişi ${i + 1}`}>
                {cell("contactRole", "Görev", row.role)}
                {cell("contactName", "Ad soyad", row.name)}
                {cell("contactReach", "E-posta ya da telefon", row.reach)}
                <FieldError errors={errors} name={`contact-${i}`} />
              </div>
            );
          })}
        </fieldset>
        <button type="submit" class="primary">
          Künyeyi kaydet
        </button>
      </form>
    </NewsroomLayout>
  );
}
