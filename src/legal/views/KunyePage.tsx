// /kunye/ and /iletisim/: the publication's legal details as readers see them (Press Law 5187 art. 4; see
// legal/kunye.ts). Only what was given is shown: a detail not entered yet is left out, never invented.
import type { KunyeContact, KunyeSection } from "../../settings/sections.ts";
import { type Chrome, Layout } from "../../ui/Layout.tsx";

export interface KunyePageProps {
  chrome: Chrome;
  kunye: KunyeSection;
  /** "kunye": every detail; "iletisim": the contact details the law lists under "İletişim", and the contacts. */
  page: "kunye" | "iletisim";
}

interface Row {
  term: string;
  /** The detail as stored; empty: the row is left out. */
  text: string;
  href?: string;
}

/** Address lines as the admin typed them. */
function Lines({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 && <br />}
        </span>
      ))}
    </>
  );
}

function Details({ rows }: { rows: Row[] }) {
  const given = rows.filter((r) => r.text !== "");
  if (given.length === 0) return null;
  return (
    <dl class="kunye-list">
      {given.map((r) => (
        <div key={r.term}>
          <dt>{r.term}</dt>
          <dd>{r.href ? <a href={r.href}>{r.href.startsWith("tel:") ? unbroken(r.text) : r.text}</a> : <Lines text={r.text} />}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A phone number that never breaks across lines (spaces and hyphens as their non-breaking kinds). */
const unbroken = (phone: string): string => phone.replace(/ /g, "\u00a0").replace(/-/g, "\u2011");

const hrefOfReach = (reach: string): string | undefined =>
  reach.includes("@") ? `mailto:${reach}` : /[0-9]/.test(reach) ? `tel:${reach.replace(/[^0-9+]/g, "")}` : undefined;

function Contacts({ contacts }: { contacts: KunyeContact[] }) {
  if (contacts.length === 0) return null;
  return (
    <section aria-labelledby="kadro">
      <h2 id="kadro">Yayın kadrosu</h2>
      <dl class="kunye-list">
        {contacts.map((c, i) => {
          const href = c.reach ? hrefOfReach(c.reach) : undefined;
          return (
            <div key={i}>
              <dt>{c.role}</dt>
              <dd>
                {c.name}
                {c.reach && (
                  <>
                    {" — "}
                    {href ? <a href={href}>{href.startsWith("tel:") ? unbroken(c.reach) : c.reach}</a> : c.reach}
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function KunyePage({ chrome, kunye, page }: KunyePageProps) {
  const contact: Row[] = [
    { term: "Ticaret unvanı / sahibi", text: kunye.owner },
    { term: "Adres", text: kunye.address },
    { term: "E-posta", text: kunye.email, href: `mailto:${kunye.email}` },
    { term: "Telefon", text: kunye.phone, href: `tel:${kunye.phone.replace(/[^0-9+]/g, "")}` },
    { term: "Elektronik tebligat adresi", text: kunye.eTebligat },
  ];
  const host: Row[] = [
    { term: "Yer sağlayıcı", text: kunye.hostName },
    { term: "Yer sağlayıcının adresi", text: kunye.hostAddress },
  ];
  const nothing = [...contact, ...host, { term: "", text: kunye.editorInChief }].every((r) => r.text === "") && kunye.contacts.length === 0;
  const heading = page === "kunye" ? "Künye" : "İletişim";
  return (
    <Layout
      chrome={chrome}
      title={`${heading} | ${chrome.siteName}`}
      description={
        page === "kunye" ? `${chrome.siteName} künyesi: sahibi, sorumlu müdürü, iletişim ve yer sağlayıcı bilgileri.` : `${chrome.siteName} iletişim bilgileri.`
      }
      canonicalPath={page === "kunye" ? "/kunye/" : "/iletisim/"}
    >
      <article class="kunye">
        <h1>{heading}</h1>
        {nothing && <p>Bu bilgiler henüz girilmedi.</p>}
        {page === "kunye" && (
          <Details
            rows={[
              { term: "Sahibi", text: kunye.owner },
              { term: "Sorumlu müdür", text: kunye.editorInChief },
            ]}
          />
        )}
        {page === "kunye" ? (
          contact.slice(1).some((r) => r.text !== "") && (
            <section aria-labelledby="iletisim">
              <h2 id="iletisim">İletişim</h2>
              <Details rows={contact.slice(1)} />
            </section>
          )
        ) : (
          <Details rows={contact} />
        )}
        {host.some((r) => r.text !== "") && (
          <section aria-labelledby="yer-saglayici">
            <h2 id="yer-saglayici">Yer sağlayıcı</h2>
            <Details rows={host} />
          </section>
        )}
        <Contacts contacts={kunye.contacts} />
        <p>{page === "kunye" ? <a href="/iletisim/">İletişim bilgileri</a> : <a href="/kunye/">Künye</a>}</p>
      </article>
    </Layout>
  );
}
